import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import * as z from "zod";
import type { EntityItem } from "electrodb";
import { withActor } from "../actor";
import { Billing } from "../billing";
import { Throttle } from "../auth";
import { hashPassword, verifyDecoy, verifyPassword } from "../auth/password";
import { useConfig } from "../config";
import { PLATFORM_TENANT_ID } from "../db/keys";
import { isConditionFailure } from "../db/condition";
import { Cursor } from "../cursor";
import { useDb } from "../db/service";
import { NotFound, Unauthenticated } from "../error";
import { Event } from "../event";
import { createId } from "../id";
import { Plan } from "../plan";
import * as Limits from "../plan/limits";
import { EmailSchema, NameSchema, PasswordSchema } from "../staff";
import { Session } from "../session";
import { Stream } from "../stream";
import { paging, parse } from "../validation";
import type { OperatorEntity } from "./operator.entity";
import { useClock } from "../port";

/**
 * The operator console's side of the core: the people who run the platform sign in here (not as any workspace's
 * staff), see every workspace with its plan, balance and status, record payments and adjustments, answer top-up
 * requests and set plan prices. Every action is an event in the platform's log and, where it touches a workspace,
 * in that workspace's log too.
 */

export type Record = EntityItem<typeof OperatorEntity>;

export interface Operator {
  operatorId: string;
  email: string;
  name: string;
}

const P = PLATFORM_TENANT_ID;
const view = (o: Record): Operator => ({ operatorId: o.operatorId, email: o.email, name: o.name });
const actorOf = (o: Operator): Event.EventActor => ({ type: "operator", id: o.operatorId, name: o.name });

export const AccountSchema = z.object({ email: EmailSchema, name: NameSchema, password: PasswordSchema }).strict();

/** Creates an operator account if none has this address (the local runtime and the CLI bootstrap the first one). */
export async function ensure(raw: z.input<typeof AccountSchema>): Promise<{ operator: Operator; created: boolean }> {
  const input = parse(AccountSchema, raw);
  const db = useDb().entities.operator;
  const existing = (await db.get({ tenantId: P, email: input.email }).go()).data;
  if (existing) return { operator: view(existing), created: false };
  const record = { tenantId: P, operatorId: createId(), email: input.email, name: input.name, passwordHash: await hashPassword(input.password), createdAt: useClock().now().toISOString() };
  try {
    await db.create(record).go();
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return { operator: view((await db.get({ tenantId: P, email: input.email }).go()).data!), created: false };
  }
  return { operator: view(record), created: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Sessions: `flo.<secret>`, the secret's SHA-256 stored as a session under the platform tenant.

const PREFIX = "flo";
const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");

export interface OperatorSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
  operator: Operator;
}

export const LoginSchema = z.object({ email: EmailSchema, password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(256) }).strict();

/** Signs an operator in; attempts are throttled as a staff member's are (core/auth/throttle.ts), and failures all look alike. */
export async function login(raw: z.input<typeof LoginSchema>, origin: { ip?: string } = {}): Promise<OperatorSession> {
  const input = parse(LoginSchema, raw);
  const taken = await Throttle.take(Throttle.signIn(P, `operator:${input.email}`, origin.ip), Throttle.signInRefusal);
  const found = (await useDb().entities.operator.get({ tenantId: P, email: input.email }).go({ consistent: true })).data;
  const valid = found ? await verifyPassword(found.passwordHash, input.password) : await verifyDecoy(input.password);
  if (!found || !valid) throw new Unauthenticated("Wrong email or password");
  await Throttle.succeeded(taken);
  const secret = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = Math.floor(useClock().now().getTime() / 1000) + Math.min(useConfig().sessionTtlSeconds, 12 * 3600);
  await Session.store({ tenantId: P, sessionId: digest(secret), staffId: found.operatorId, csrfToken, createdAt: useClock().now().toISOString(), expiresAt, ip: origin.ip?.slice(0, 64) });
  await useDb().entities.operator.patch({ tenantId: P, email: found.email }).set({ lastLoginAt: useClock().now().toISOString() }).go();
  await Event.record(actorOf(view(found)), { tenantId: P, action: "operator.login", target: { type: "operator", id: found.operatorId, label: found.email } });
  return { token: `${PREFIX}.${secret}`, csrfToken, expiresAt: new Date(expiresAt * 1000).toISOString(), operator: view(found) };
}

/** The operator a token belongs to, with the session's CSRF token; anything else is "not signed in". */
export async function authenticate(token: string): Promise<{ operator: Operator; sessionId: string; csrfToken: string }> {
  const match = /^flo\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) throw new Unauthenticated();
  const sessionId = digest(match[1]!);
  const session = (await useDb().entities.session.get({ tenantId: P, sessionId }).go({ consistent: true })).data;
  if (!session || session.revokedAt || session.expiresAt * 1000 <= useClock().now().getTime()) throw new Unauthenticated();
  const operators = await useDb().entities.operator.query.byEmail({ tenantId: P }).go({ pages: "all" });
  const found = operators.data.find((o) => o.operatorId === session.staffId);
  if (!found) throw new Unauthenticated();
  return { operator: view(found), sessionId, csrfToken: session.csrfToken };
}

export function csrfMatches(expected: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(sessionId: string): Promise<void> {
  await Session.revoke(P, sessionId);
}

// ---------------------------------------------------------------------------------------------------------------
// Workspaces

export interface WorkspaceRow {
  tenantId: string;
  name: string;
  createdAt: string;
  planId: string;
  planName: string;
  status: "trial" | "active" | "suspended";
  balanceMinor: number;
  currency: string;
  dailyPriceMinor: number;
  daysLeft: number | null;
  seatsUsed: number;
  openTopUpRequests: number;
}

async function row(tenantId: string): Promise<WorkspaceRow | undefined> {
  return withActor({ type: "system", tenantId, reason: "operator" }, async () => {
    const db = useDb().entities;
    const tenant = (await db.tenant.get({ tenantId }).go()).data;
    if (!tenant) return undefined;
    const [summary, seats, requests] = await Promise.all([Billing.summary(), Limits.seatsUsed(tenantId), Billing.topUpRequests(tenantId)]);
    return {
      tenantId,
      name: tenant.name,
      createdAt: tenant.createdAt,
      planId: summary.plan.planId,
      planName: summary.plan.name,
      status: tenant.planStatus,
      balanceMinor: summary.balanceMinor,
      currency: summary.currency,
      dailyPriceMinor: summary.dailyPriceMinor,
      daysLeft: summary.daysLeft,
      seatsUsed: seats,
      openTopUpRequests: requests.filter((r) => r.status === "open").length,
    };
  });
}

export const WorkspaceListSchema = z.object(paging(50));

/** Every workspace, a page at a time, with its plan, balance and status. */
export async function workspaces(raw: z.input<typeof WorkspaceListSchema> = {}) {
  const input = parse(WorkspaceListSchema, raw);
  const list = Cursor.list("workspaces");
  const page = await useDb().entities.tenantIndex.query.byWorkspace({ tenantId: P }).go({ limit: input.limit, cursor: await Cursor.open(P, list, input.cursor) });
  const rows = await Promise.all(page.data.map((w) => row(w.workspaceId)));
  return { workspaces: rows.filter((r): r is WorkspaceRow => Boolean(r)), cursor: await Cursor.seal(P, list, page.cursor) };
}

/** One workspace in detail: its row, its ledger, its top-up requests. */
export async function workspace(tenantId: string) {
  if (!/^[a-z0-9-]{1,64}$/.test(tenantId)) throw new NotFound("Workspace");
  const found = await row(tenantId);
  if (!found) throw new NotFound("Workspace");
  const [ledger, requests] = await Promise.all([Billing.ledger({ tenantId, limit: 200 }), Billing.topUpRequests(tenantId)]);
  return { workspace: found, ledger, topUpRequests: requests };
}

async function logged<T>(operator: Operator, draft: Event.Draft, act: () => Promise<T>): Promise<T> {
  const result = await act();
  await Event.record(actorOf(operator), { ...draft, tenantId: P });
  return result;
}

export const PaymentSchema = Billing.TopUpSchema.extend({ requestId: z.string().min(1).max(64).optional() });

/** Records a payment to a workspace (its balance goes up; a suspension it ends is lifted at once). */
export async function recordPayment(operator: Operator, tenantId: string, raw: z.input<typeof PaymentSchema>) {
  const input = parse(PaymentSchema, raw);
  await workspace(tenantId);
  return logged(operator, { action: "operator.payment", target: { type: "tenant", id: tenantId, label: tenantId }, after: input }, async () => {
    const result = await withActor({ type: "system", tenantId, reason: "operator" }, () => Billing.topUp(tenantId, { amountMinor: input.amountMinor, reference: input.reference }, actorOf(operator)));
    if (input.requestId) await Billing.closeTopUpRequest(tenantId, input.requestId, "paid").catch(() => undefined);
    return (await workspace(tenantId)).workspace ?? result;
  });
}

export async function recordAdjustment(operator: Operator, tenantId: string, raw: z.input<typeof Billing.AdjustmentSchema>) {
  const input = parse(Billing.AdjustmentSchema, raw);
  await workspace(tenantId);
  return logged(operator, { action: "operator.adjustment", target: { type: "tenant", id: tenantId, label: tenantId }, after: input }, async () => {
    await withActor({ type: "system", tenantId, reason: "operator" }, () => Billing.adjust(tenantId, input, actorOf(operator)));
    return (await workspace(tenantId)).workspace;
  });
}

export async function dismissTopUpRequest(operator: Operator, tenantId: string, requestId: string) {
  await workspace(tenantId);
  return logged(operator, { action: "operator.top_up_dismiss", target: { type: "tenant", id: tenantId, label: tenantId }, after: { requestId } }, () =>
    Billing.closeTopUpRequest(tenantId, requestId, "dismissed"),
  );
}

/** The open top-up requests of every workspace, oldest first. */
export async function openTopUpRequests() {
  const pointers = await useDb().entities.topUpPointer.query.byId({ tenantId: P }).go({ pages: "all" });
  const all = await Promise.all(
    pointers.data.map(async (p) => {
      const request = (await Billing.topUpRequests(p.workspaceId)).find((r) => r.requestId === p.requestId);
      return request ? { ...request, tenantId: p.workspaceId } : undefined;
    }),
  );
  return all.filter((r): r is NonNullable<typeof r> => Boolean(r && r.status === "open"));
}

export async function plans() {
  return Plan.list();
}

export async function updatePlan(operator: Operator, planId: string, raw: z.input<typeof Plan.UpdateSchema>) {
  const before = await Plan.get(planId);
  return logged(operator, { action: "operator.plan_update", target: { type: "plan", id: planId, label: before.name }, before, after: raw }, () => Plan.update(planId, raw));
}

// ---------------------------------------------------------------------------------------------------------------
// Failed reactions: what the change stream parked, run again once its cause is fixed.

export const ReactionFailureListSchema = Stream.Failures.ListSchema;

/** Failed reactions by status (parked unless asked), most recent first. */
export async function reactionFailures(raw: z.input<typeof ReactionFailureListSchema>) {
  return Stream.Failures.list(raw);
}

/**
 * Runs a parked (or retrying) reaction again on its stored change and logs it as the operator's action. The request
 * is taken here and the reaction run by the stream's handler, which has every reaction (this API carries none); the
 * answer waits for it. A reaction that fails again is a Conflict with its error, and nothing is logged.
 */
export async function reprocessReaction(operator: Operator, failureId: string): Promise<Stream.Failures.FailureInfo> {
  if (!failureId || failureId.length > 1024) throw new NotFound("Failed reaction");
  const failure = await Stream.Failures.requestReprocess(failureId, operator.name);
  const after = { workspaceId: failure.workspaceId, entity: failure.entity, kind: failure.kind, changeId: failure.changeId, status: failure.status };
  await Event.record(actorOf(operator), { tenantId: P, action: "operator.reaction_reprocess", target: { type: "reaction_failure", id: failureId, label: failure.reaction }, after });
  return failure;
}

/** The platform's own log: operators' actions. */
export async function events(raw: Event.ListInput) {
  return withActor({ type: "system", tenantId: P, reason: "operator" }, () => Event.list(raw));
}

export * as Operator from "./index";
