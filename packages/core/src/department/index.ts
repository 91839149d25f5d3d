import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { Counter } from "../counter";
import { guarded, transact } from "../db/transaction";
import { useDb } from "../db/service";
import { Conflict, Invalid, msg, NotFound } from "../error";
import { Event } from "../event";
import { Staff } from "../staff";
import { createId } from "../id";
import type { DepartmentEntity } from "./department.entity";
import { parse } from "../validation";
import { Workspace } from "../workspace";
import { useClock } from "../port";
import { localeOf, wording } from "../locale";
import { departmentTag, inboundAddress } from "../email/address";
import { isTokenShaped } from "../email/token";

export type Info = Pick<EntityItem<typeof DepartmentEntity>, "departmentId" | "name" | "description" | "isDefault" | "archivedAt" | "createdAt"> & {
  /** What follows "+" in its inbound address. */
  address: string;
  /** `<slug>+<address>@<inbound domain>`: mail to it becomes a ticket of this department. */
  inboundAddress: string;
};

/** The name of the department every workspace starts with, in the workspace's language. */
const defaultName = (locale: string | undefined) => wording[localeOf(locale)].defaultDepartment;

/** A department as clients see it; its plus address follows the workspace's current address (`slug`). */
export function view(item: EntityItem<typeof DepartmentEntity>, slug = item.tenantId): Info {
  return {
    departmentId: item.departmentId,
    name: item.name,
    description: item.description,
    isDefault: item.isDefault,
    archivedAt: item.archivedAt,
    createdAt: item.createdAt,
    address: addressOf(item),
    inboundAddress: inboundAddress(slug, addressOf(item)),
  };
}

/** A department's plus address: the one an admin chose, else its name in Latin letters. */
function addressOf(item: Pick<EntityItem<typeof DepartmentEntity>, "address" | "name">): string {
  return item.address ?? departmentTag(item.name);
}

/** The open department whose plus address this is, if any. */
export async function byAddress(address: string): Promise<Info | undefined> {
  return (await list()).find((d) => !d.archivedAt && d.address === address);
}

/** The current tenant's departments, by name (archived ones too, marked). */
export async function list(): Promise<Info[]> {
  const config = await Workspace.config();
  return config.departments.map((d) => view(d, config.tenant?.slug)).sort((a, b) => a.name.localeCompare(b.name));
}

export async function get(departmentId: string): Promise<Info> {
  const config = await Workspace.config();
  const found = config.departments.find((d) => d.departmentId === departmentId);
  if (!found) throw new NotFound("Department");
  return view(found, config.tenant?.slug);
}

/** The department new tickets go to when none is named. */
export async function defaultId(): Promise<string> {
  const all = await list();
  const chosen = all.find((d) => d.isDefault && !d.archivedAt) ?? all.find((d) => !d.archivedAt);
  if (!chosen) throw new Conflict("This workspace has no open department; an admin must create one");
  return chosen.departmentId;
}

/** A department that can take tickets, for a field of a request (`path`): it must exist and not be archived. */
export async function requireOpen(departmentId: string, path = "departmentId"): Promise<Info> {
  const department = await get(departmentId).catch((error: unknown) => {
    if (error instanceof NotFound) throw Invalid.field(path, "not_found", "There is no such department");
    throw error;
  });
  if (department.archivedAt) throw Invalid.field(path, "archived", msg("{name} is archived and takes no tickets", { name: department.name }));
  return department;
}

class AlreadyOpen extends Conflict {
  constructor() {
    super("The first department exists already");
  }
}

/**
 * Makes a new workspace's first department (the default for new tickets), under the id sign-up gave it. Sign-up calls
 * it at once, and a reaction to the new tenant calls it too, for a sign-up that stopped halfway.
 */
export async function openDefault(tenantId: string): Promise<void> {
  const tenant = (await useDb().entities.tenant.get({ tenantId }).go({ consistent: true })).data;
  const departmentId = tenant?.defaultDepartmentId;
  if (!tenant || !departmentId) return;
  if ((await useDb().entities.department.get({ tenantId, departmentId }).go({ consistent: true, attributes: ["departmentId"] })).data) return;
  const name = defaultName(tenant.locale);
  try {
    await transact((entities) => [
      guarded(entities.department.create({ tenantId, departmentId, name, isDefault: true }).commit(), () => new AlreadyOpen()),
      Event.write(entities, { type: "system", id: "system", name: "sign-up" }, {
        tenantId,
        action: "department.create",
        target: { type: "department", id: departmentId, label: name },
        departmentId,
        after: { name, isDefault: true },
      }),
    ]);
  } catch (error) {
    if (!(error instanceof AlreadyOpen)) throw error;
  }
  Workspace.changed(tenantId);
}

const NameSchema = z.string().trim().min(1, "Enter the department's name").max(60);
const DescriptionSchema = z.string().trim().max(500);
/** What follows "+" in the department's address: the workspace address's own rules, and never a reply token's shape. */
const AddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter the part of the address after +")
  .max(40, "Use at most {maximum} characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use only Latin letters (a–z), digits and hyphens, with no hyphen at the start or end or two in a row")
  .refine((address) => !isTokenShaped(address), "This address is kept for replies to tickets; choose another");

export const CreateSchema = z.object({ name: NameSchema, description: DescriptionSchema.optional(), address: AddressSchema.optional() }).strict();
export const UpdateSchema = z
  .object({
    name: NameSchema.optional(),
    address: AddressSchema.optional(),
    description: DescriptionSchema.optional(),
    archived: z.boolean().optional(),
    isDefault: z.literal(true, { error: "A department becomes the default by setting isDefault: true" }).optional(),
  })
  .strict();

async function assertNameFree(name: string, except?: string) {
  const taken = (await list()).find((d) => d.departmentId !== except && d.name.toLowerCase() === name.toLowerCase());
  if (taken) {
    const message = msg("There is already a department named {name}", { name: taken.name });
    throw new Conflict(message, [
      { path: "name", code: "taken", message },
    ]);
  }
}

/**
 * The address must lead to one department only. Checked on the cached list, as names are: departments are made by
 * admins, rarely and one at a time, so a race between two admins is not worth a guard item on every change.
 */
async function assertAddressFree(address: string, except?: string) {
  if (!address) {
    throw Invalid.field("address", "required", "Enter the part of the address after +");
  }
  const taken = (await list()).find((d) => d.departmentId !== except && d.address === address);
  if (taken) {
    const message = msg("{name} already receives mail at this address; choose another", { name: taken.name });
    throw new Conflict(message, [{ path: "address", code: "taken", message }]);
  }
}

export async function create(raw: z.input<typeof CreateSchema>): Promise<Info> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = parse(CreateSchema, raw);
  await assertNameFree(input.name);
  const address = input.address ?? departmentTag(input.name);
  await assertAddressFree(address);
  const tenantId = useTenantId();
  const departmentId = createId();
  await transact((entities) => [
    entities.department.create({ tenantId, departmentId, name: input.name, description: input.description, address, isDefault: false }).commit(),
    Event.write(entities, actor, {
      action: "department.create",
      target: { type: "department", id: departmentId, label: input.name },
      departmentId,
      after: { ...input, address },
    }),
  ]);
  Workspace.changed(tenantId);
  return get(departmentId);
}

/** Renames, describes, archives or restores a department, or makes it the default for new tickets. */
export async function update(departmentId: string, raw: z.input<typeof UpdateSchema>): Promise<Info> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = parse(UpdateSchema, raw);
  const tenantId = useTenantId();
  const current = await get(departmentId);
  if (input.name) await assertNameFree(input.name, departmentId);
  if (input.address !== undefined && input.address !== current.address) await assertAddressFree(input.address, departmentId);
  if (input.archived && (current.isDefault || input.isDefault)) {
    throw Invalid.field("archived", "default", "The default department cannot be archived; make another one the default first");
  }
  if (input.isDefault && current.archivedAt && input.archived !== false) {
    throw Invalid.field("isDefault", "archived", "An archived department cannot be the default");
  }
  const previousDefault = input.isDefault && !current.isDefault ? (await list()).find((d) => d.isDefault) : undefined;
  const set: Record<string, unknown> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.description !== undefined) set.description = input.description;
  // The address is the admin's to change: a rename keeps the one mail is sent to (the one made from the old name,
  // for a department from before addresses were stored).
  if (input.address !== undefined) set.address = input.address;
  else if (input.name !== undefined) set.address = current.address;
  if (input.archived === true && !current.archivedAt) set.archivedAt = useClock().now().toISOString();
  if (input.isDefault) set.isDefault = true;
  const unarchive = input.archived === false && current.archivedAt;
  const before = Object.fromEntries(
    Object.keys(input).map((key) => [key, key === "archived" ? Boolean(current.archivedAt) : (current as Record<string, unknown>)[key] ?? null]),
  );
  await transact((entities) => [
    (unarchive
      ? entities.department.patch({ tenantId, departmentId }).set(set).remove(["archivedAt"])
      : entities.department.patch({ tenantId, departmentId }).set(set)
    ).commit(),
    ...(previousDefault
      ? [entities.department.patch({ tenantId, departmentId: previousDefault.departmentId }).set({ isDefault: false }).commit()]
      : []),
    Event.write(entities, actor, {
      action: input.archived === true ? "department.archive" : unarchive ? "department.restore" : "department.update",
      target: { type: "department", id: departmentId, label: input.name ?? current.name },
      departmentId,
      before,
      after: input,
    }),
  ]);
  Workspace.changed(tenantId);
  return get(departmentId);
}

/** Deletes a department that has never had a ticket (otherwise archive it: its tickets keep their history). */
export async function remove(departmentId: string): Promise<void> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const tenantId = useTenantId();
  const current = await get(departmentId);
  if (current.isDefault) throw new Conflict("The default department cannot be deleted");
  const counts = await Counter.read(tenantId, `q#d#${departmentId}#`);
  if ([...counts.values()].some((n) => n > 0)) {
    throw new Conflict(msg("{name} has tickets; archive it instead, so that they keep their department", { name: current.name }));
  }
  await transact((entities) => [
    entities.department.delete({ tenantId, departmentId }).commit(),
    Event.write(entities, actor, {
      action: "department.delete",
      target: { type: "department", id: departmentId, label: current.name },
      departmentId,
      before: { name: current.name },
    }),
  ]);
  // Staff who worked it lose it by reaction (staff/reactions.ts).
  Workspace.changed(tenantId);
}

export const StaffAccessSchema = z
  .object({ staffIds: z.array(z.string().trim().min(1).max(64)).max(500, "At most 500 staff members") })
  .strict();

/** Sets exactly which staff members work a department (their access to other departments is unchanged). */
export async function setStaff(departmentId: string, raw: z.input<typeof StaffAccessSchema>): Promise<string[]> {
  Access.assertConfigures(usePrincipal());
  const input = parse(StaffAccessSchema, raw);
  const current = await get(departmentId);
  return Staff.setDepartmentStaff(departmentId, current.name, input.staffIds);
}

export * as Department from "./index";
