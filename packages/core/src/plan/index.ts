import { onConfigChange } from "../config";
import { NotFound } from "../error";
import { useDb } from "../db/service";
import { isConditionFailure } from "../db/condition";
import { PLATFORM_TENANT_ID } from "../db/keys";
import type { EntityItem } from "electrodb";
import type { PlanEntity } from "./plan.entity";

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
