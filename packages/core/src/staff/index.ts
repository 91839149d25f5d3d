import { z } from "zod";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { useActor, useTenantId } from "../actor";
import { hashPassword } from "../auth/password";
import { transact, type TxEntities, type TxItem } from "../db/transaction";
import { useDb } from "../db/service";
import { Conflict, Forbidden, Invalid, NotFound } from "../error";
import { Event } from "../event";
import { createId } from "../id";
import { Session } from "../session";
import { Plan } from "../plan";
import * as Limits from "../plan/limits";
import type { StaffEntity } from "./staff.entity";
import { RoleSchema, type Role } from "./role";
import { parse } from "../validation";

export { Roles, RoleSchema, atLeast, type Role } from "./role";

export type Record = EntityItem<typeof StaffEntity>;

/** What clients see of a staff member: never the password hash. */
export interface Info {
  staffId: string;
  email: string;
  name: string;
  role: Role;
  status: "active" | "disabled";
  departmentIds: string[];
  locale?: string;
  lastLoginAt?: string;
  createdAt: string;
}

export const EmailSchema = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters")
  .pipe(z.email({ error: "Enter a valid email address" }));

export const NameSchema = z
  .string({ error: "Enter a name" })
  .trim()
  .min(1, "Enter a name")
  .max(100, "A name has at most 100 characters");

/** NIST SP 800-63B: length matters, composition rules do not; long passphrases are welcome. */
export const PasswordSchema = z
  .string({ error: "Enter a password" })
  .min(10, "Use at least 10 characters")
  .max(256, "Use at most 256 characters");

export function view(item: Record): Info {
  return {
    staffId: item.staffId,
    email: item.email,
    name: item.name,
    role: item.role,
    status: item.status,
    departmentIds: item.departmentIds ?? [],
    locale: item.locale,
    lastLoginAt: item.lastLoginAt,
    createdAt: item.createdAt,
  };
}

export async function getRecord(tenantId: string, staffId: string): Promise<Record> {
  const result = await useDb().entities.staff.get({ tenantId, staffId }).go();
  if (!result.data) throw new NotFound("Staff member");
  return result.data;
}

/** Finds an account by its email within a tenant (strongly consistent, through the email claim). */
export async function findByEmail(tenantId: string, email: string): Promise<Record | undefined> {
  const db = useDb();
  const claim = await db.entities.staffEmail.get({ tenantId, email: email.toLowerCase() }).go({ consistent: true });
  if (!claim.data) return undefined;
  const staff = await db.entities.staff.get({ tenantId, staffId: claim.data.staffId }).go({ consistent: true });
  return staff.data ?? undefined;
}

/** The write that gives a staff member exactly these departments (DynamoDB sets cannot be empty: none removes it). */
export function departmentsWrite(entities: TxEntities, tenantId: string, staffId: string, departmentIds: Iterable<string>): TxItem {
  const ids = [...new Set(departmentIds)];
  const patch = entities.staff.patch({ tenantId, staffId });
  return (ids.length ? patch.set({ departmentIds: ids }) : patch.remove(["departmentIds"])).commit();
}

async function planOf(tenantId: string) {
  const tenant = await useDb().entities.tenant.get({ tenantId }).go({ attributes: ["planId"] });
  return Plan.get(tenant.data?.planId ?? Plan.TRIAL_PLAN_ID);
}

/** Everyone on the tenant's staff, by name. */
export async function list(): Promise<Info[]> {
  const result = await useDb().entities.staff.query.byId({ tenantId: useTenantId() }).go({ pages: "all" });
  return result.data.map(view).sort((a, b) => a.name.localeCompare(b.name));
}

export async function get(staffId: string): Promise<Info> {
  return view(await getRecord(useTenantId(), staffId));
}

/** Does this staff member work `departmentId` (a role that sees every department does)? */
export function worksIn(staff: Pick<Info, "role" | "departmentIds">, departmentId: string): boolean {
  return ["owner", "admin", "dispatcher"].includes(staff.role) || staff.departmentIds.includes(departmentId);
}

export const CreateSchema = z
  .object({
    name: NameSchema,
    email: EmailSchema,
    role: RoleSchema.exclude(["owner"], { error: "Use admin, supervisor, dispatcher or agent" }),
    departmentIds: z.array(z.string().min(1).max(64)).max(100).default([]),
    password: PasswordSchema,
    locale: z.enum(["en", "ru"]).optional(),
  })
  .strict();

/**
 * Adds a staff member who can sign in at once with the given password (the way invitations end, and how the demo
 * and the tests make their staff). Their email address is claimed in the same transaction: one account per address.
 */
export async function create(raw: z.input<typeof CreateSchema>): Promise<Info> {
  const input = parse(CreateSchema, raw);
  const tenantId = useTenantId();
  const actor = useActor();
  const staffId = createId();
  const passwordHash = await hashPassword(input.password);
  const departmentIds = [...new Set(input.departmentIds)];
  const plan = await planOf(tenantId);
  await Limits.seatsUsed(tenantId);
  await transact(
    (entities) => [
      entities.staffEmail.create({ tenantId, email: input.email, staffId }).commit(),
      Limits.reserveSeat(entities, tenantId, plan),
      entities.staff
        .create({
          tenantId,
          staffId,
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash,
          departmentIds: departmentIds.length ? departmentIds : undefined,
          locale: input.locale,
        })
        .commit(),
      Event.write(entities, actor.type === "public" ? { type: "system", id: "system", name: "sign-up" } : Event.actorOf(actor), {
        action: "staff.create",
        target: { type: "staff", id: staffId, label: input.name },
        after: { name: input.name, email: input.email, role: input.role, departmentIds },
      }),
    ],
    ({ index }) =>
      index === 0
        ? new Conflict("A staff member with this email address already exists", [
            { path: "email", code: "taken", message: "A staff member with this email address already exists" },
          ])
        : index === 1
          ? Limits.seatLimit(plan)
          : undefined,
  );
  return view(await getRecord(tenantId, staffId));
}

export const UpdateSchema = z
  .object({
    name: NameSchema.optional(),
    role: RoleSchema.optional(),
    departmentIds: z.array(z.string().min(1).max(64)).max(100).optional(),
    status: z.enum(["active", "disabled"]).optional(),
    locale: z.enum(["en", "ru"]).optional(),
  })
  .strict();

/**
 * Changes a staff member's name, role, departments or status. Only admins change others; only the owner grants or
 * takes the owner's role, and a workspace always keeps an active owner. Disabling someone ends their sessions.
 */
export async function update(staffId: string, raw: z.input<typeof UpdateSchema>): Promise<Info> {
  const actor = useActor();
  if (actor.type === "public") throw new Forbidden();
  const input = parse(UpdateSchema, raw);
  const tenantId = useTenantId();
  const self = actor.type === "staff" && actor.staffId === staffId;
  const onlySelfFields = Object.keys(input).every((key) => key === "name" || key === "locale");
  if (!(self && onlySelfFields)) Access.assertConfigures(actor);
  const current = await getRecord(tenantId, staffId);
  const actorIsOwner = actor.type === "system" || actor.role === "owner";
  if ((current.role === "owner" || input.role === "owner") && input.role !== undefined && input.role !== current.role && !actorIsOwner) {
    throw new Forbidden("Only the owner grants or takes the owner's role");
  }
  if (current.role === "owner" && !actorIsOwner && !onlySelfFields) throw new Forbidden("Only the owner changes the owner's account");
  if (current.role === "owner" && ((input.role && input.role !== "owner") || input.status === "disabled")) {
    const owners = (await list()).filter((s) => s.role === "owner" && s.status === "active");
    if (owners.length <= 1) throw Invalid.field(input.role ? "role" : "status", "last_owner", "A workspace must keep an active owner");
  }
  if (input.departmentIds) {
    const known = new Set((await useDb().entities.department.query.byId({ tenantId }).go({ pages: "all" })).data.map((d) => d.departmentId));
    const unknown = input.departmentIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw Invalid.field(`departmentIds.${unknown}`, "not_found", "There is no such department");
  }
  const set: { [key: string]: unknown } = {};
  for (const key of ["name", "role", "status", "locale"] as const) if (input[key] !== undefined) set[key] = input[key];
  const departmentIds = input.departmentIds ? [...new Set(input.departmentIds)] : undefined;
  if (departmentIds?.length) set.departmentIds = departmentIds;
  const before = Object.fromEntries(Object.keys(input).map((key) => [key, (current as { [key: string]: unknown })[key] ?? null]));
  // Deactivating frees a seat; reactivating takes one, if the plan has one free.
  const seat = input.status && input.status !== current.status ? input.status : undefined;
  const plan = seat === "active" ? await planOf(tenantId) : undefined;
  if (seat) await Limits.seatsUsed(tenantId);
  await transact((entities) => [
    ...(seat === "active" ? [Limits.reserveSeat(entities, tenantId, plan!)] : seat === "disabled" ? [Limits.releaseSeat(entities, tenantId)] : []),
    (departmentIds && !departmentIds.length
      ? entities.staff.patch({ tenantId, staffId }).set(set).remove(["departmentIds"])
      : entities.staff.patch({ tenantId, staffId }).set(set)
    ).commit(),
    Event.write(entities, actor, {
      action: input.status === "disabled" ? "staff.disable" : input.role && input.role !== current.role ? "staff.role" : "staff.update",
      target: { type: "staff", id: staffId, label: input.name ?? current.name },
      before,
      after: input,
    }),
  ], ({ index }) => (index === 0 && seat === "active" ? Limits.seatLimit(plan!) : undefined));
  if (input.status === "disabled") await Session.revokeAllOf(tenantId, staffId);
  return view(await getRecord(tenantId, staffId));
}

export * as Staff from "./index";
