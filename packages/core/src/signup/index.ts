import { hashPassword } from "../auth/password";
import { Billing } from "../billing";
import { Department } from "../department";
import { createId } from "../id";
import { Plan } from "../plan";
import { Session } from "../session";
import { Staff } from "../staff";
import { Tenant } from "../tenant";
import { fn } from "../validation";

/**
 * A company signs up: the workspace (its slug claimed, or the whole sign-up refused), then what it starts with, each
 * made by its own module in a transaction of its own: the owner's account, the first department, the billing account
 * with the trial credit. Each of those is idempotent and is also made by reaction to the new workspace, so a sign-up
 * that stops halfway still ends whole. Then the owner is signed in.
 */
export const signup = fn(Tenant.SignupSchema, async (input) => {
  const plan = await Plan.get(Plan.TRIAL_PLAN_ID);
  const passwordHash = await hashPassword(input.password);
  const tenantId = input.slug;
  const ownerId = createId();
  await Tenant.open(input, { staffId: ownerId, passwordHash }, plan.planId);
  await Promise.all([Staff.createOwner(tenantId), Department.openDefault(tenantId), Billing.open(tenantId)]);
  await Tenant.ownerCreated(tenantId);
  const [tenant, owner, session] = await Promise.all([
    Tenant.get(tenantId),
    Staff.getRecord(tenantId, ownerId),
    Session.create({ tenantId, staffId: ownerId }),
  ]);
  return { tenant, staff: Staff.view(owner), session };
});

export * as Signup from "./index";
