import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId, withActor } from "../actor";
import { PLATFORM_TENANT_ID } from "../db/keys";
import { guarded, transact } from "../db/transaction";
import { Cursor } from "../cursor";
import { useDb } from "../db/service";
import { Conflict, NotFound } from "../error";
import { Event } from "../event";
import { Counter } from "../counter";
import { useConfig } from "../config";
import { Tenant } from "../tenant";
import { Workspace } from "../workspace";
import { createId } from "../id";
import { Plan } from "../plan";
import { useClock } from "../port";
import { paging, parse } from "../validation";
import type { BillingAccountEntity } from "./billing-account.entity";
import type { LedgerEntryEntity } from "./ledger-entry.entity";

/**
 * The prepaid balance: a trial credit at sign-up, a charge for each day of the plan (exactly once per workspace and
 * date, however often the daily run runs), top-ups and adjustments from the operator. Every change of the balance is a
 * ledger entry written in the same transaction, so the ledger is the payment history and always adds up.
 *
 * When the balance will last LOW_BALANCE_DAYS or fewer days, the owner is warned by mail (once a day). Below zero, a
 * grace period of GRACE_DAYS starts; after it the workspace is suspended (read-only for staff; mail is still received
 * and kept). A top-up that brings the balance to zero or above lifts the suspension at once.
 */
export const GRACE_DAYS = 3;
export const LOW_BALANCE_DAYS = 3;

export interface Account {
  balanceMinor: number;
  currency: string;
  trialCreditMinor: number;
  negativeSince?: string;
}

export type LedgerEntry = Omit<EntityItem<typeof LedgerEntryEntity>, "tenantId">;
type AccountRecord = EntityItem<typeof BillingAccountEntity>;

export function accountView(item: AccountRecord): Account {
  return { balanceMinor: item.balanceMinor, currency: item.currency, trialCreditMinor: item.trialCreditMinor, negativeSince: item.negativeSince };
}

export async function account(): Promise<Account> {
  const found = (await Workspace.config()).billing;
  if (!found) throw new NotFound("Billing account");
  return accountView(found);
}

class AlreadyOpen extends Conflict {
  constructor() {
    super("The billing account exists already");
  }
}

/**
 * Opens a new workspace's billing account with the trial credit, its ledger entry and event. Sign-up calls it at once,
 * and a reaction to the new tenant calls it too, for a sign-up that stopped halfway: the second finds it open.
 */
export async function open(tenantId: string): Promise<void> {
  if ((await useDb().entities.billingAccount.get({ tenantId }).go({ consistent: true, attributes: ["tenantId"] })).data) return;
  const config = useConfig();
  const credit = config.trialCreditMinor;
  const at = useClock().now().toISOString();
  const entryId = createId();
  try {
    await transact((entities) => [
      guarded(entities.billingAccount.create({ tenantId, balanceMinor: credit, currency: config.currency, trialCreditMinor: credit }).commit(), () => new AlreadyOpen()),
      entities.ledgerEntry
        .create({ tenantId, entryId, kind: "trial_credit", amountMinor: credit, balanceAfterMinor: credit, currency: config.currency, description: "Trial credit", createdAt: at })
        .commit(),
      Event.write(entities, { type: "system", id: "billing", name: "Billing" }, {
        tenantId,
        action: "billing.trial_credit",
        target: { type: "billing", id: entryId, label: "Trial credit" },
        after: { balanceMinor: credit, amountMinor: credit },
      }),
    ]);
  } catch (error) {
    if (!(error instanceof AlreadyOpen)) throw error;
  }
  Workspace.changed(tenantId);
}

/** The balance, the daily price, the days it covers and where the workspace stands, for Plan and billing (admins). */
export async function summary() {
  Access.assertReadsBilling(usePrincipal());
  return standing();
}

/** The summary without its reader's check, for /api/me (which gives each reader what they may see of it). */
async function standing() {
  const tenantId = useTenantId();
  const [balance, subscription] = await Promise.all([account(), Plan.subscription(tenantId)]);
  const price = subscription.dailyPriceMinor;
  const daysLeft = price > 0 ? Math.max(0, Math.floor(balance.balanceMinor / price)) : null;
  const graceEndsOn = balance.negativeSince ? addDays(balance.negativeSince, GRACE_DAYS) : undefined;
  return { ...balance, ...subscription, daysLeft, graceEndsOn };
}

/** A plan as those who do not read billing see it: its name, limits and features, not what it costs. */
export type PlanTerms = Omit<Plan.Info, "pricePerDayMinor" | "currency" | "addOns">;

/** The signed-in view of the current workspace (/api/me), from its configuration; what it holds depends on the reader. */
export interface Overview {
  tenant: Tenant.Info;
  /** Owners and admins get the plan with its prices and add-ons; others its terms. */
  plan: PlanTerms & Partial<Pick<Plan.Info, "pricePerDayMinor" | "currency" | "addOns">>;
  /** The add-ons taken and the features they give; the daily price for owners and admins only. */
  subscription: { addOns: string[]; features: Plan.Feature[]; dailyPriceMinor?: number };
  /** The balance and what it covers: owners and admins only (Access.readsBilling). */
  billing?: {
    balanceMinor: number;
    currency: string;
    trialCreditMinor: number;
    daysLeft: number | null;
    graceEndsOn?: string;
    negativeSince?: string;
    dailyPriceMinor: number;
  };
  /** For every staff member: the day a workspace whose balance is below zero will be suspended (a date, no amount). */
  standing: { graceEndsOn?: string };
  inboundAddress: string;
}

/**
 * The signed-in view of the current workspace: tenant, plan, where it stands and inbound address for everyone; the
 * balance, its figures and the prices only for those who read billing (owners and admins, Access.readsBilling).
 */
export async function overview(): Promise<Overview> {
  const [tenant, summaryNow] = await Promise.all([Tenant.get(useTenantId()), standing()]);
  const { plan, addOns, features, dailyPriceMinor, daysLeft, graceEndsOn, balanceMinor, currency, trialCreditMinor, negativeSince } = summaryNow;
  const everyone = { tenant, standing: { graceEndsOn }, inboundAddress: tenant.inboundAddress };
  if (!Access.readsBilling(usePrincipal())) {
    const { pricePerDayMinor: _price, currency: _currency, addOns: _addOns, ...terms } = plan;
    return { ...everyone, plan: terms, subscription: { addOns, features } };
  }
  return {
    ...everyone,
    plan,
    subscription: { addOns, features, dailyPriceMinor },
    billing: { balanceMinor, currency, trialCreditMinor, daysLeft, graceEndsOn, negativeSince, dailyPriceMinor },
  };
}

/** The balance history, newest first. */
export async function ledger(options: { limit?: number; tenantId?: string } = {}): Promise<LedgerEntry[]> {
  const result = await useDb()
    .entities.ledgerEntry.query.byEntry({ tenantId: options.tenantId ?? useTenantId() })
    .go({ order: "desc", limit: options.limit ?? 100 });
  return result.data.map(({ tenantId: _tenantId, ...entry }) => entry);
}

export const LedgerQuerySchema = z.object(paging(25));

/** The balance history a page at a time, newest first (admins): the ledger grows by a day's charge every day. */
export async function ledgerPage(raw: z.input<typeof LedgerQuerySchema>): Promise<{ entries: LedgerEntry[]; cursor: string | null }> {
  Access.assertReadsBilling(usePrincipal());
  const input = parse(LedgerQuerySchema, raw);
  const tenantId = useTenantId();
  const list = Cursor.list("ledger");
  const result = await useDb()
    .entities.ledgerEntry.query.byEntry({ tenantId })
    .go({ order: "desc", count: input.limit, cursor: await Cursor.open(tenantId, list, input.cursor) });
  return { entries: result.data.map(({ tenantId: _tenantId, ...entry }) => entry), cursor: await Cursor.seal(tenantId, list, result.cursor) };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const todayUtc = () => useClock().now().toISOString().slice(0, 10);

interface Movement {
  kind: "daily_charge" | "top_up" | "adjustment";
  amountMinor: number;
  description: string;
  by: Event.EventActor;
  reference?: string;
  /** Makes the movement happen at most once (the daily charge: the date). */
  onceKey?: string;
}

class AlreadyDone extends Conflict {
  constructor() {
    super("already done");
  }
}

/** The balance moved between reading it and writing the movement: read it again. */
class BalanceMoved extends Conflict {
  constructor() {
    super("the balance moved");
  }
}

/**
 * Moves the balance by `amountMinor`, with its ledger entry and event, on the balance it read (a concurrent movement
 * makes it read again). With `onceKey`, a marker written in the same transaction makes a repeat do nothing.
 */
async function move(tenantId: string, movement: Movement): Promise<{ done: boolean; balanceMinor: number }> {
  const db = useDb().entities;
  for (let attempt = 1; attempt <= 10; attempt++) {
    const current = (await db.billingAccount.get({ tenantId }).go({ consistent: true })).data;
    if (!current) throw new NotFound("Billing account");
    const balanceAfter = current.balanceMinor + movement.amountMinor;
    const at = useClock().now().toISOString();
    const entryId = createId();
    try {
      await transact((entities) => [
          ...(movement.onceKey ? [Counter.once(entities, tenantId, movement.onceKey, movement.amountMinor, () => new AlreadyDone())] : []),
          guarded(
            entities.billingAccount
              .patch({ tenantId })
              .set({ balanceMinor: balanceAfter })
              .where((a, op) => op.eq(a.balanceMinor, current.balanceMinor))
              .commit(),
            () => new BalanceMoved(),
          ),
          entities.ledgerEntry
            .create({
              tenantId,
              entryId,
              kind: movement.kind,
              amountMinor: movement.amountMinor,
              balanceAfterMinor: balanceAfter,
              currency: current.currency,
              description: movement.description,
              createdAt: at,
              by: movement.by.name,
              reference: movement.reference,
            })
            .commit(),
          Event.write(
            entities,
            movement.by,
            {
              tenantId,
              action: `billing.${movement.kind}`,
              target: { type: "billing", id: entryId, label: movement.description },
              before: { balanceMinor: current.balanceMinor },
              after: { balanceMinor: balanceAfter, amountMinor: movement.amountMinor, ...(movement.reference ? { reference: movement.reference } : {}) },
            },
            at,
          ),
        ]);
      Workspace.changed(tenantId);
      return { done: true, balanceMinor: balanceAfter };
    } catch (error) {
      if (error instanceof AlreadyDone) return { done: false, balanceMinor: current.balanceMinor };
      if (error instanceof BalanceMoved) continue;
      throw error;
    }
  }
  throw new Conflict("The balance kept changing; try again");
}

/** Charges a workspace its daily price for `date` (UTC), exactly once however often it is asked. */
export async function chargeDay(tenantId: string, date: string): Promise<"charged" | "already" | "not-yet"> {
  const tenant = (await Workspace.config(tenantId)).tenant;
  if (!tenant) throw new NotFound("Workspace");
  if (tenant.createdAt.slice(0, 10) > date) return "not-yet";
  const { plan, addOns, dailyPriceMinor } = await Plan.subscription(tenantId);
  const names = [plan.name, ...(plan.addOns ?? []).filter((a) => addOns.includes(a.addOnId)).map((a) => a.name)].join(" + ");
  const result = await move(tenantId, {
    kind: "daily_charge",
    amountMinor: -dailyPriceMinor,
    description: `${names}, ${date}`,
    by: { type: "system", id: "billing", name: "Daily billing" },
    onceKey: `charged#${date}`,
  });
  await reconsider(tenantId);
  return result.done ? "charged" : "already";
}

/**
 * After any movement: warn of a low balance, start or end the grace period, suspend when it is over, and lift a
 * suspension the balance no longer justifies. The letters to the owner and the release of held mail follow by
 * reaction (email/reactions.ts).
 */
export async function reconsider(tenantId: string): Promise<void> {
  return withActor({ type: "system", tenantId, reason: "billing" }, () => reconsiderAs(tenantId));
}

async function reconsiderAs(tenantId: string): Promise<void> {
  const db = useDb().entities;
  const today = todayUtc();
  const [tenant, current] = await Promise.all([
    db.tenant.get({ tenantId }).go({ consistent: true }).then((r) => r.data),
    db.billingAccount.get({ tenantId }).go({ consistent: true }).then((r) => r.data),
  ]);
  if (!tenant || !current) return;
  const { dailyPriceMinor } = await Plan.subscription(tenantId);
  const system: Event.EventActor = { type: "system", id: "billing", name: "Billing" };
  const warn = async (days: number) => {
    await db.billingAccount.patch({ tenantId }).set({ lowBalanceWarnedOn: today, lowBalanceDays: days }).go();
    Workspace.changed(tenantId);
  };

  if (current.balanceMinor >= 0) {
    if (current.negativeSince) await db.billingAccount.patch({ tenantId }).remove(["negativeSince"]).go();
    if (tenant.planStatus === "suspended") await Tenant.setStanding(tenantId, "active", system, { balanceMinor: current.balanceMinor });
    const daysLeft = dailyPriceMinor > 0 ? Math.floor(current.balanceMinor / dailyPriceMinor) : Infinity;
    if (daysLeft <= LOW_BALANCE_DAYS && current.lowBalanceWarnedOn !== today) await warn(daysLeft);
    Workspace.changed(tenantId);
    return;
  }

  const since = current.negativeSince ?? today;
  if (!current.negativeSince) await db.billingAccount.patch({ tenantId }).set({ negativeSince: today }).go();
  if (today >= addDays(since, GRACE_DAYS) && tenant.planStatus !== "suspended") {
    await Tenant.setStanding(tenantId, "suspended", system, { balanceMinor: current.balanceMinor, negativeSince: since });
  } else if (current.lowBalanceWarnedOn !== today) {
    await warn(0);
  }
  Workspace.changed(tenantId);
}

const MoneySchema = z.number({ error: "Give an amount in minor units (cents)" }).int("Give whole minor units").min(1).max(100_000_000);

export const TopUpSchema = z
  .object({
    amountMinor: MoneySchema,
    reference: z.string().trim().min(1, "Give the payment's reference").max(120),
  })
  .strict();

export const AdjustmentSchema = z
  .object({
    amountMinor: z.number().int("Give whole minor units").min(-100_000_000).max(100_000_000).refine((n) => n !== 0, "Not zero"),
    reason: z.string().trim().min(1, "Say why").max(200),
  })
  .strict();

/** Records a payment (the operator): the balance goes up, a suspension it ends is lifted at once. */
export async function topUp(tenantId: string, raw: z.input<typeof TopUpSchema>, by: Event.EventActor) {
  const input = parse(TopUpSchema, raw);
  const result = await move(tenantId, { kind: "top_up", amountMinor: input.amountMinor, description: "Top-up", reference: input.reference, by });
  await reconsider(tenantId);
  return result;
}

/** A correction of the balance (the operator), up or down, with its reason. */
export async function adjust(tenantId: string, raw: z.input<typeof AdjustmentSchema>, by: Event.EventActor) {
  const input = parse(AdjustmentSchema, raw);
  const result = await move(tenantId, { kind: "adjustment", amountMinor: input.amountMinor, description: input.reason, by });
  await reconsider(tenantId);
  return result;
}

export const RequestSchema = z
  .object({
    amountMinor: MoneySchema,
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export interface TopUpRequestInfo {
  requestId: string;
  amountMinor: number;
  note?: string;
  requestedBy: string;
  createdAt: string;
  status: "open" | "paid" | "dismissed";
}

/** Asks the operator for a top-up (admins): the operator sees it, and records the payment when it arrives. */
export async function requestTopUp(raw: z.input<typeof RequestSchema>): Promise<TopUpRequestInfo> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = parse(RequestSchema, raw);
  const tenantId = useTenantId();
  const by = Event.actorOf(actor);
  const request = {
    tenantId,
    requestId: createId(),
    amountMinor: input.amountMinor,
    note: input.note,
    requestedBy: by.id,
    requestedByName: by.name,
    createdAt: useClock().now().toISOString(),
    status: "open" as const,
  };
  await transact((entities) => [
    entities.topUpRequest.create(request).commit(),
    entities.topUpPointer.create({ tenantId: PLATFORM_TENANT_ID, requestId: request.requestId, workspaceId: tenantId, createdAt: request.createdAt }).commit(),
    Event.write(entities, actor, { action: "billing.top_up_request", target: { type: "billing", id: request.requestId, label: "Top-up request" }, after: { amountMinor: input.amountMinor, note: input.note ?? null } }),
  ]);
  return { requestId: request.requestId, amountMinor: request.amountMinor, note: request.note, requestedBy: by.name, createdAt: request.createdAt, status: "open" };
}

export async function topUpRequests(tenantId = useTenantId()): Promise<TopUpRequestInfo[]> {
  const result = await useDb().entities.topUpRequest.query.byId({ tenantId }).go({ order: "desc", pages: "all" });
  return result.data.map((r) => ({ requestId: r.requestId, amountMinor: r.amountMinor, note: r.note, requestedBy: r.requestedByName, createdAt: r.createdAt, status: r.status }));
}

/** Closes a workspace's request (the operator, after recording its payment or deciding against it). */
export async function closeTopUpRequest(tenantId: string, requestId: string, status: "paid" | "dismissed"): Promise<void> {
  await transact((entities) => [
    guarded(
      entities.topUpRequest.patch({ tenantId, requestId }).set({ status, closedAt: useClock().now().toISOString() }).where((a, op) => op.eq(a.status, "open")).commit(),
      () => new NotFound("Open top-up request"),
    ),
    entities.topUpPointer.delete({ tenantId: PLATFORM_TENANT_ID, requestId }).commit(),
  ]);
}

/**
 * The daily run: every workspace charged for `date` (UTC), once (the day's charge makes room for mail held over
 * yesterday's daily limit, by reaction). Idempotent: run it twice for a day and nothing is charged twice. Goes through the platform's list
 * of workspaces a page at a time, a few workspaces at once.
 */
export async function runDaily(date = todayUtc()): Promise<{ charged: number; already: number; failed: string[] }> {
  const db = useDb().entities;
  const summary = { charged: 0, already: 0, failed: [] as string[] };
  let cursor: string | null = null;
  do {
    const page: { data: { workspaceId: string }[]; cursor: string | null } = await db.tenantIndex.query
      .byWorkspace({ tenantId: PLATFORM_TENANT_ID })
      .go({ limit: 100, cursor, attributes: ["workspaceId"] });
    cursor = page.cursor;
    const ids = page.data.map((w) => w.workspaceId);
    for (let i = 0; i < ids.length; i += 4) {
      await Promise.all(
        ids.slice(i, i + 4).map(async (tenantId) => {
          try {
            const outcome = await withActor({ type: "system", tenantId, reason: "billing" }, () => chargeDay(tenantId, date));
            if (outcome === "charged") summary.charged++;
            else if (outcome === "already") summary.already++;
          } catch (error) {
            summary.failed.push(tenantId);
            console.error(JSON.stringify({ level: "error", msg: "daily billing failed", tenantId, date, error: String((error as Error)?.stack ?? error) }));
          }
        }),
      );
    }
  } while (cursor);
  return summary;
}

export * as Billing from "./index";
