import { Signup } from "@frontline/core/signup";
import { randomBytes } from "node:crypto";
import { withActor, type Actor } from "@frontline/core/actor";
import { useDb } from "@frontline/core/db";
import { Department } from "@frontline/core/department";
import { Staff } from "@frontline/core/staff";
import { Tenant } from "@frontline/core/tenant";
import { Workspace } from "@frontline/core/workspace";
import { makeSignup } from "./factories";

export type StaffActor = Extract<Actor, { type: "staff" }>;

export interface TestWorkspace {
  tenantId: string;
  owner: StaffActor;
  /** The default department every workspace starts with. */
  supportId: string;
  system: Extract<Actor, { type: "system" }>;
  /** Runs `fn` as `actor` (the core reads the tenant and the rights from it). */
  as<T>(actor: Actor, fn: () => Promise<T>): Promise<T>;
  /** Adds a staff member with a role and departments, and returns them as an actor. */
  staff(role: Staff.Role, departmentIds?: string[], name?: string): Promise<StaffActor>;
  department(name: string): Promise<string>;
}

export function actorOf(tenantId: string, staff: Staff.Info): StaffActor {
  return {
    type: "staff",
    tenantId,
    staffId: staff.staffId,
    role: staff.role,
    name: staff.name,
    departmentIds: staff.departmentIds,
    sessionId: "test",
  };
}

/**
 * Signs up a fresh workspace through the core and gives helpers to act in it. It is on the Pro plan (no daily ticket
 * limit, more seats) unless a test about limits asks for Standard.
 */
export async function makeWorkspace(options: { plan?: "standard" | "pro" } = {}): Promise<TestWorkspace> {
  const signup = await Signup.signup(makeSignup());
  const tenantId = signup.tenant.tenantId;
  if ((options.plan ?? "pro") !== "standard") {
    await useDb().entities.tenant.patch({ tenantId }).set({ planId: options.plan ?? "pro" }).go();
    Workspace.changed(tenantId); // what the stream tells every process; this one at once
  }
  const owner = actorOf(tenantId, signup.staff);
  const system = { type: "system", tenantId, reason: "test" } as const;
  const as = <T>(actor: Actor, fn: () => Promise<T>) => withActor(actor, fn);
  return {
    tenantId,
    owner,
    supportId: signup.staff.departmentIds[0]!,
    system,
    as,
    async staff(role, departmentIds = [], name) {
      const suffix = randomBytes(3).toString("hex");
      const info = await as(owner, () =>
        Staff.create({
          name: name ?? `${role} ${suffix}`,
          email: `${role}-${suffix}@example.com`,
          role: role === "owner" ? "admin" : role,
          departmentIds,
          password: "a long enough passphrase",
        }),
      );
      return actorOf(tenantId, info);
    },
    async department(name) {
      return (await as(owner, () => Department.create({ name }))).departmentId;
    },
  };
}
