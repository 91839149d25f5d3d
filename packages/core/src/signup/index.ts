import { hashPassword } from "../auth/password";
import * as Throttle from "../auth/throttle";
import { Billing } from "../billing";
import { Department } from "../department";
import { createId } from "../id";
import { Plan } from "../plan";
import { Session } from "../session";
import { Staff } from "../staff";
import { Tenant } from "../tenant";
import { parse } from "../validation";

/**
 * A company signs up: the workspace (its slug claimed, or the whole sign-up refused), then what it starts with, each
 * made by its own module in a transaction of its own: the owner's account, the first department, the billing account
 * with the trial credit. Each of those is idempotent and is also made by reaction to the new workspace, so a sign-up
 * that stops halfway still ends whole. Then the owner is signed in.
 *
 * Each source address may open a few workspaces a day (each takes a trial credit): the attempt is counted before
 * anything is made, and given back if the workspace could not be opened (its address was taken).
 */
export async function signup(raw: Tenant.SignupInput, origin: { ip?: string } = {}) {
  const input = parse(Tenant.SignupSchema, raw);
  const taken = await Throttle.take(Throttle.signUp(origin.ip), Throttle.signUpRefusal);
  const tenantId = input.slug;
  const ownerId = createId();
  try {
    const plan = await Plan.get(Plan.TRIAL_PLAN_ID);
    const passwordHash = await hashPassword(input.password);
    await Tenant.open(input, { staffId: ownerId, passwordHash }, plan.planId);
  } catch (error) {
    await Throttle.release(taken);
    throw error;
  }
  await Promise.all([Staff.createOwner(tenantId), Department.openDefault(tenantId), Billing.open(tenantId)]);
  await Tenant.ownerCreated(tenantId);
  const [tenant, owner, session] = await Promise.all([
    Tenant.get(tenantId),
    Staff.getRecord(tenantId, ownerId),
    Session.create({ tenantId, staffId: ownerId }),
  ]);
  return { tenant, staff: Staff.view(owner), session };
}

export * as Signup from "./index";
