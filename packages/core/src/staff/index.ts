import * as z from "zod";
import { isTimeZone, Locales } from "../locale";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { useActor, usePrincipal, useTenantId } from "../actor";
import { hashPassword } from "../auth/password";
import { Counter } from "../counter";
import { guarded, transact, type TxEntities, type TxItem } from "../db/transaction";
import { useDb } from "../db/service";
import { isConditionFailure } from "../db/condition";
import { Conflict, Forbidden, Invalid, NotFound } from "../error";
import { Event } from "../event";
import { createId } from "../id";
import { Session } from "../session";
import { Plan } from "../plan";
import * as Limits from "../plan/limits";
import type { StaffEntity } from "./staff.entity";
import { RoleSchema, type Role } from "./role";
import { parse } from "../validation";
import { Workspace } from "../workspace";

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
  timeZone?: string;
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
  .min(10, "Use at least {minimum} characters")
  .max(256, "Use at most {maximum} characters");

export function view(item: Record): Info {
  return {
    staffId: item.staffId,
    email: item.email,
    name: item.name,
    role: item.role,
    status: item.status,
    departmentIds: item.departmentIds ?? [],
    locale: item.locale,
    timeZone: item.timeZone,
    lastLoginAt: item.lastLoginAt,
    createdAt: item.createdAt,
  };
}

/** A staff member's record, from the workspace's configuration. */
export async function getRecord(tenantId: string, staffId: string): Promise<Record> {
  const found = (await Workspace.config(tenantId)).staff.find((s) => s.staffId === staffId);
  if (!found) throw new NotFound("Staff member");
  return found;
}

/** A staff member of the current workspace, if there is one with this id. */
export async function find(staffId: string): Promise<Info | undefined> {
  const found = (await Workspace.config()).staff.find((s) => s.staffId === staffId);
  return found ? view(found) : undefined;
}

/**
 * Notes that a staff member signed in at `at` (a new session's time), in reaction to the session (./reactions.ts):
 * whatever made it (signing in, joining through an invitation, signing up). Only ever moves forward, so a session
 * delivered twice, or an older one delivered late, changes nothing; a session of no staff member (an operator's) is
 * skipped.
 */
export async function recordSignIn(tenantId: string, staffId: string, at: string): Promise<void> {
  await useDb()
    .entities.staff.patch({ tenantId, staffId })
    .set({ lastLoginAt: at })
    .where(({ lastLoginAt }, { notExists, lt }) => `(${notExists(lastLoginAt)} OR ${lt(lastLoginAt, at)})`)
    .go()
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
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
function departmentsWrite(entities: TxEntities, tenantId: string, staffId: string, departmentIds: Iterable<string>): TxItem {
  const ids = [...new Set(departmentIds)];
  const patch = entities.staff.patch({ tenantId, staffId });
  return (ids.length ? patch.set({ departmentIds: ids }) : patch.remove(["departmentIds"])).commit();
}

/**
 * Sets exactly which staff members work a department (their access to other departments is unchanged), as one change
 * with its event. The department module checks the department; `label` names it in the event.
 */
export async function setDepartmentStaff(departmentId: string, label: string, staffIds: readonly string[]): Promise<string[]> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const tenantId = useTenantId();
  const staff = (await Workspace.config(tenantId)).staff;
  const known = new Set(staff.map((s) => s.staffId));
  const wanted = new Set(staffIds);
  const unknown = staffIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw Invalid.field(`staffIds.${unknown}`, "not_found", "There is no such staff member");
  const changes = staff.filter((s) => (s.departmentIds ?? []).includes(departmentId) !== wanted.has(s.staffId));
  if (!changes.length) return [...wanted];
  const before = staff.filter((s) => s.departmentIds?.includes(departmentId)).map((s) => s.staffId);
  await transact((entities) => [
    ...changes.map((s) => {
      const ids = new Set(s.departmentIds ?? []);
      if (wanted.has(s.staffId)) ids.add(departmentId);
      else ids.delete(departmentId);
      return departmentsWrite(entities, tenantId, s.staffId, ids);
    }),
    Event.write(entities, actor, {
      action: "department.staff",
      target: { type: "department", id: departmentId, label },
      departmentId,
      before: { staffIds: before },
      after: { staffIds: [...wanted] },
    }),
  ]);
  Workspace.changed(tenantId);
  return [...wanted];
}

/** A department is gone: nobody keeps it among their departments (a reaction to its removal). */
export async function forgetDepartment(tenantId: string, departmentId: string): Promise<void> {
  const granted = (await Workspace.config(tenantId)).staff.filter((s) => s.departmentIds?.includes(departmentId));
  if (!granted.length) return;
  await transact((entities) => granted.map((s) => departmentsWrite(entities, tenantId, s.staffId, (s.departmentIds ?? []).filter((id) => id !== departmentId))));
  Workspace.changed(tenantId);
}

async function planOf(tenantId: string) {
  return (await Plan.subscription(tenantId)).plan;
}

/** Everyone on the tenant's staff, by name. */
export async function list(): Promise<Info[]> {
  return (await Workspace.config()).staff.map(view).sort((a, b) => a.name.localeCompare(b.name));
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
    locale: z.enum(Locales).optional(),
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
  await transact((entities) => [
      guarded(entities.staffEmail.create({ tenantId, email: input.email, staffId }).commit(), () =>
        new Conflict("A staff member with this email address already exists", [
          { path: "email", code: "taken", message: "A staff member with this email address already exists" },
        ]),
      ),
      Counter.take(entities, tenantId, Limits.SEATS, plan.staffLimit, () => Limits.seatLimit(plan)),
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
    ]);
  Workspace.changed(tenantId);
  return view(await getRecord(tenantId, staffId));
}

/**
 * Makes the owner's account of a new workspace from what sign-up left on the tenant (`pendingOwner`): the account,
 * the claim on its address, its seat and the event, in one transaction. Sign-up calls it at once; a reaction to the
 * new tenant calls it too, for a sign-up that stopped halfway. Whichever comes second finds the account made.
 */
export async function createOwner(tenantId: string): Promise<void> {
  const tenant = (await useDb().entities.tenant.get({ tenantId }).go({ consistent: true })).data;
  const pending = tenant?.pendingOwner;
  if (!tenant || !pending) return;
  const staffId = tenant.ownerId;
  if ((await useDb().entities.staff.get({ tenantId, staffId }).go({ consistent: true, attributes: ["staffId"] })).data) return;
  const departmentIds = tenant.defaultDepartmentId ? [tenant.defaultDepartmentId] : undefined;
  try {
    await transact((entities) => [
      guarded(entities.staffEmail.create({ tenantId, email: pending.email, staffId }).commit(), () => new OwnerExists()),
      Counter.take(entities, tenantId, Limits.SEATS, undefined, () => new OwnerExists()),
      entities.staff
        .create({ tenantId, staffId, email: pending.email, name: pending.name, role: "owner", passwordHash: pending.passwordHash, departmentIds, locale: pending.locale })
        .commit(),
      Event.write(entities, { type: "staff", id: staffId, name: pending.name }, {
        tenantId,
        action: "staff.create",
        target: { type: "staff", id: staffId, label: pending.name },
        after: { name: pending.name, email: pending.email, role: "owner", departmentIds: departmentIds ?? [] },
      }),
    ]);
  } catch (error) {
    if (!(error instanceof OwnerExists)) throw error;
  }
  Workspace.changed(tenantId);
}

class OwnerExists extends Conflict {
  constructor() {
    super("The owner's account exists already");
  }
}

export const UpdateSchema = z
  .object({
    name: NameSchema.optional(),
    role: RoleSchema.optional(),
    departmentIds: z.array(z.string().min(1).max(64)).max(100).optional(),
    status: z.enum(["active", "disabled"]).optional(),
    locale: z.enum(Locales).optional(),
    timeZone: z.string().trim().max(64).refine(isTimeZone, "Use an IANA time zone such as Europe/Kyiv").optional(),
  })
  .strict();

/**
 * Changes a staff member's name, role, departments or status, or their language and the time zone their mail tells
 * times in. Anyone may change their own name, language and time zone; only admins change others; only the owner
 * grants or takes the owner's role, and a workspace always keeps an active owner. Disabling someone ends their sessions.
 */
export async function update(staffId: string, raw: z.input<typeof UpdateSchema>): Promise<Info> {
  const actor = useActor();
  if (actor.type === "public") throw new Forbidden();
  const input = parse(UpdateSchema, raw);
  const tenantId = useTenantId();
  const self = actor.type === "staff" && actor.staffId === staffId;
  const onlySelfFields = Object.keys(input).every((key) => key === "name" || key === "locale" || key === "timeZone");
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
    const known = new Set((await Workspace.config(tenantId)).departments.map((d) => d.departmentId));
    const unknown = input.departmentIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw Invalid.field(`departmentIds.${unknown}`, "not_found", "There is no such department");
  }
  const set: { [key: string]: unknown } = {};
  for (const key of ["name", "role", "status", "locale", "timeZone"] as const) if (input[key] !== undefined) set[key] = input[key];
  const departmentIds = input.departmentIds ? [...new Set(input.departmentIds)] : undefined;
  if (departmentIds?.length) set.departmentIds = departmentIds;
  const before = Object.fromEntries(Object.keys(input).map((key) => [key, (current as { [key: string]: unknown })[key] ?? null]));
  // Deactivating frees a seat; reactivating takes one, if the plan has one free.
  const seat = input.status && input.status !== current.status ? input.status : undefined;
  const plan = seat === "active" ? await planOf(tenantId) : undefined;
  if (seat) await Limits.seatsUsed(tenantId);
  await transact((entities) => [
    ...(seat === "active"
      ? [Counter.take(entities, tenantId, Limits.SEATS, plan!.staffLimit, () => Limits.seatLimit(plan!))]
      : seat === "disabled"
        ? [Counter.giveBack(entities, tenantId, Limits.SEATS)]
        : []),
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
  ]);
  Workspace.changed(tenantId);
  if (input.status === "disabled") await Session.revokeAllOf(tenantId, staffId);
  return view(await getRecord(tenantId, staffId));
}

export * as Staff from "./index";
