import * as z from "zod";

/**
 * Staff roles, from most to least privileged. Owner and admin configure the workspace; a supervisor manages
 * departments and their reports; a dispatcher (first line) registers, classifies and routes; an agent (second line)
 * works the tickets of the departments granted to them.
 */
export const Roles = ["owner", "admin", "supervisor", "dispatcher", "agent"] as const;
export type Role = (typeof Roles)[number];
export const RoleSchema = z.enum(Roles);

const rank: Record<Role, number> = { owner: 0, admin: 1, supervisor: 2, dispatcher: 3, agent: 4 };

/** True when `role` is at least as privileged as `minimum`. */
export function atLeast(role: Role, minimum: Role): boolean {
  return rank[role] <= rank[minimum];
}
