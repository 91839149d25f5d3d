import { onConfigChange } from "../config";
import * as z from "zod";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { transact } from "../db/transaction";
import { Invalid, LimitReached, msg, NotFound } from "../error";
import { Event } from "../event";
import { parse } from "../validation";
import * as Limits from "./limits";
import { useDb } from "../db/service";
import { isConditionFailure } from "../db/condition";
import { PLATFORM_TENANT_ID } from "../db/keys";
import type { EntityItem } from "electrodb";
import type { PlanEntity } from "./plan.entity";
import { Workspace } from "../workspace";

export type Info = Pick<
  EntityItem<typeof PlanEntity>,
  "planId" | "name" | "pricePerDayMinor" | "currency" | "staffLimit" | "dailyTicketLimit" | "features" | "addOns"
>;

/** The plan every new workspace starts its trial on. */
export const TRIAL_PLAN_ID = "standard";

/**
 * The catalog the platform starts with; the operator may change prices later (stored under `_platform`).
 * Standard: 2 staff, 10 new tickets a day, add-ons bought separately. Pro: more staff, unlimited tickets, everything.
 */
export const DefaultCatalog: Info[] = [
  {
    planId: "standard",
    name: "Standard",
    pricePerDayMinor: 100,
    currency: "USD",
    staffLimit: 2,
    dailyTicketLimit: 10,
    features: [],
    addOns: [
      { addOnId: "mailbox", name: "Mailbox integration", pricePerDayMinor: 30 },
      { addOnId: "statistics", name: "Statistics", pricePerDayMinor: 20 },
      { addOnId: "internal_mail", name: "Internal mail", pricePerDayMinor: 20 },
    ],
  },
  {
    planId: "pro",
    name: "Pro",
    pricePerDayMinor: 400,
    currency: "USD",
    staffLimit: 25,
    dailyTicketLimit: undefined,
    features: ["mailbox", "statistics", "internal_mail"],
    addOns: [],
  },
];

function view(item: EntityItem<typeof PlanEntity>): Info {
  return {
    planId: item.planId,
    name: item.name,
    pricePerDayMinor: item.pricePerDayMinor,
    currency: item.currency,
    staffLimit: item.staffLimit,
    dailyTicketLimit: item.dailyTicketLimit,
    features: item.features ?? [],
    addOns: item.addOns ?? [],
  };
}

/** Writes the default catalog where a plan is missing; never overwrites the operator's changes. Idempotent. */
export async function ensureCatalog(): Promise<void> {
  const db = useDb();
  await Promise.all(
    DefaultCatalog.map(async (plan) => {
      try {
        await db.entities.plan
          .create({ tenantId: PLATFORM_TENANT_ID, ...plan, features: plan.features?.length ? plan.features : undefined })
          .go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }),
  );
}

/**
 * The catalog changes rarely (an operator edits a price) and is read on almost every request, so each process keeps
 * what it read for a minute. A change made through this process is seen at once; other processes (Lambda instances)
 * see it within CACHE_MS.
 */
const CACHE_MS = 60_000;
const cache = new Map<string, { plan: Info; until: number }>();
onConfigChange(() => cache.clear());

/** Forgets cached plans; call after changing the catalog. */
export function invalidate(): void {
  cache.clear();
}

export async function get(planId: string): Promise<Info> {
  const cached = cache.get(planId);
  if (cached && cached.until > Date.now()) return cached.plan;
  const db = useDb();
  let result = await db.entities.plan.get({ tenantId: PLATFORM_TENANT_ID, planId }).go();
  if (!result.data && DefaultCatalog.some((plan) => plan.planId === planId)) {
    await ensureCatalog();
    result = await db.entities.plan.get({ tenantId: PLATFORM_TENANT_ID, planId }).go();
  }
  if (!result.data) throw new NotFound("Plan");
  const plan = view(result.data);
  cache.set(planId, { plan, until: Date.now() + CACHE_MS });
  return plan;
}

export async function list(): Promise<Info[]> {
  const db = useDb();
  const result = await db.entities.plan.query.byId({ tenantId: PLATFORM_TENANT_ID }).go({ pages: "all" });
  return result.data.map(view);
}

export * as Plan from "./index";

// ---------------------------------------------------------------------------------------------------------------
// Features, prices, changes

/** What plans and add-ons unlock. The one place where a feature is checked: `assertFeature`. */
export const Features = ["mailbox", "statistics", "internal_mail"] as const;
export type Feature = (typeof Features)[number];

/** The features a workspace has: its plan's, and the add-ons it bought (those its plan offers). */
export function featuresOf(plan: Info, addOns: readonly string[] = []): Feature[] {
  const offered = new Set((plan.addOns ?? []).map((a) => a.addOnId));
  const all = new Set<string>([...(plan.features ?? []), ...addOns.filter((a) => offered.has(a))]);
  return Features.filter((f) => all.has(f));
}

/** What a workspace pays a day: its plan, and each add-on it bought. */
export function dailyPrice(plan: Info, addOns: readonly string[] = []): number {
  const prices = new Map((plan.addOns ?? []).map((a) => [a.addOnId, a.pricePerDayMinor]));
  return plan.pricePerDayMinor + [...new Set(addOns)].reduce((sum, id) => sum + (prices.get(id) ?? 0), 0);
}

/** The current workspace's plan, add-ons, features and daily price. */
export async function subscription(tenantId = useTenantId()) {
  const tenant = (await Workspace.config(tenantId)).tenant;
  if (!tenant) throw new NotFound("Workspace");
  const plan = await get(tenant.planId);
  const addOns = (tenant.addOns ?? []).filter((id) => (plan.addOns ?? []).some((a) => a.addOnId === id));
  return { plan, addOns, features: featuresOf(plan, addOns), dailyPriceMinor: dailyPrice(plan, addOns), status: tenant.planStatus };
}

/** Refuses what the workspace's plan and add-ons do not include, saying what would. */
export async function assertFeature(feature: Feature): Promise<void> {
  const { plan, features } = await subscription();
  if (features.includes(feature)) return;
  const addOn = (plan.addOns ?? []).find((a) => a.addOnId === feature);
  throw new LimitReached(
    addOn
      ? msg("{addOn} is an add-on of the {plan} plan: add it under Plan and billing, or move to Pro", { addOn: addOn.name, plan: plan.name })
      : msg("{feature} is not part of the {plan} plan; the Pro plan has it", { feature, plan: plan.name }),
    `feature:${feature}`,
  );
}

const Money = z.number({ error: "Give an amount in minor units (cents)" }).int("Give whole minor units").min(0, "Not negative").max(100_000_000);
const Limit = z.number().int().min(1).max(100_000).nullable();

export const UpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(60).optional(),
    pricePerDayMinor: Money.optional(),
    staffLimit: Limit.optional(),
    dailyTicketLimit: Limit.optional(),
    addOns: z
      .array(z.object({ addOnId: z.enum(Features), name: z.string().trim().min(1).max(60), pricePerDayMinor: Money }).strict())
      .max(10)
      .optional(),
  })
  .strict();

/** Edits a plan of the catalogue (the operator): prices, limits (null: unlimited), add-ons. */
export async function update(planId: string, raw: z.input<typeof UpdateSchema>): Promise<Info> {
  const input = parse(UpdateSchema, raw);
  await get(planId);
  const set: { [key: string]: unknown } = {};
  const remove: ("staffLimit" | "dailyTicketLimit")[] = [];
  for (const key of ["name", "pricePerDayMinor", "addOns"] as const) if (input[key] !== undefined) set[key] = input[key];
  for (const key of ["staffLimit", "dailyTicketLimit"] as const) {
    if (input[key] === null) remove.push(key);
    else if (input[key] !== undefined) set[key] = input[key];
  }
  const patch = useDb().entities.plan.patch({ tenantId: PLATFORM_TENANT_ID, planId }).set(set);
  await (remove.length ? patch.remove(remove) : patch).go();
  invalidate();
  return get(planId);
}
