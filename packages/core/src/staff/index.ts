import { z } from "zod";
import type { EntityItem } from "electrodb";
import { useDb } from "../db/service";
import { NotFound } from "../error";
import type { StaffEntity } from "./staff.entity";
import type { Role } from "./role";

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

export * as Staff from "./index";
