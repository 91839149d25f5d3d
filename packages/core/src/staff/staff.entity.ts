import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition, timestamps } from "../db/keys";
import { Roles } from "./role";

export const StaffEntity = new Entity({
  model: { entity: "staff", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    staffId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true },
    name: { type: "string", required: true },
    role: { type: Roles, required: true },
    status: { type: ["active", "disabled"] as const, required: true, default: "active" },
    passwordHash: { type: "string", required: true, hidden: false },
    departmentIds: { type: "set", items: "string" },
    locale: { type: "string" },
    /** The IANA zone their mail tells times in (the console uses the device's own). */
    timeZone: { type: "string" },
    lastLoginAt: { type: "string" },
    /** When the password was last chosen through a reset link: links asked for before it no longer work. */
    passwordChangedAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("staff", ["staffId"]) },
  },
});

/**
 * Claims an email address within a tenant: written in the same transaction as the staff member, so two staff can
 * never share an address, and read (strongly consistent) to find the account at sign-in.
 */
export const StaffEmailEntity = new Entity({
  model: { entity: "staffEmail", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    email: { type: "string", required: true, readOnly: true },
    staffId: { type: "string", required: true },
  },
  indexes: {
    byEmail: { pk: tenantPartition, sk: sortKey("staff-email", ["email"]) },
  },
});
