import type { EntityItem } from "electrodb";
import { useTenantId } from "../actor";
import { onConfigChange } from "../config";
import { useDb } from "../db/service";
import type { BillingAccountEntity } from "../billing/billing-account.entity";
import type { OrganizationDomainEntity } from "../customer/organization.entity";
import type { DepartmentEntity } from "../department/department.entity";
import type { LetterEntity } from "../email/outbox.entity";
import type { StopEntryEntity } from "../email/mail.entity";
import type { CalendarEntity, SlaPolicyEntity } from "../sla/sla.entity";
import type { StaffEntity } from "../staff/staff.entity";
import type { TenantEntity } from "../tenant/tenant.entity";

/**
 * A workspace's configuration, read once per process and kept: the tenant's settings, its billing account, staff,
 * departments, SLA policies and calendars, letter templates, organizations' domains and stop list. Almost every
 * request and reaction needs some of it, and it changes rarely, so a request costs its own reads, not a dozen reads of
 * configuration.
 *
 * Kept fresh three ways: a change made through this process drops it at once (`changed`); the change stream drops it
 * in every process that reads the stream (the local runtime) and raises the workspace's stamp (reactions.ts); and a
 * process that does not read the stream (a Lambda instance) compares the stamp, read with the session in the same
 * call, with the one its copy was loaded at (`check`).
 *
 * Modules read their own records from here and map them to their own views; this module imports no other module.
 */

export interface Config {
  tenantId: string;
  tenant?: EntityItem<typeof TenantEntity>;
  billing?: EntityItem<typeof BillingAccountEntity>;
  staff: EntityItem<typeof StaffEntity>[];
  departments: EntityItem<typeof DepartmentEntity>[];
  policies: EntityItem<typeof SlaPolicyEntity>[];
  calendars: EntityItem<typeof CalendarEntity>[];
  letters: EntityItem<typeof LetterEntity>[];
  /** Domain -> organization id. */
  organizationDomains: Map<string, string>;
  stopList: EntityItem<typeof StopEntryEntity>[];
  /** The stamp this copy was loaded at. */
  stamp: number;
}

/** A copy not confirmed current for this long is checked against the stamp before use (background work). */
const CONFIRM_MS = 1000;
/** Whatever the stamp says, a copy is reloaded after this long (a missed invalidation heals by itself). */
const MAX_AGE_MS = 5 * 60_000;

interface Entry {
  config?: Config;
  loading?: Promise<Config>;
  loadedAt: number;
  confirmedAt: number;
}

const cache = new Map<string, Entry>();
let loads = 0;
onConfigChange(() => cache.clear());

/** Entities whose changes change a workspace's configuration (the stream reaction watches these). */
export const CONFIG_ENTITIES = [
  "tenant",
  "billingAccount",
  "staff",
  "department",
  "slaPolicy",
  "calendar",
  "letter",
  "organizationDomain",
  "stopEntry",
] as const;

async function load(tenantId: string): Promise<Config> {
  loads++;
  const db = useDb().entities;
  const all = { pages: "all" } as const;
  const [stamp, tenant, billing, staff, departments, policies, calendars, letters, domains, stopList] = await Promise.all([
    db.configStamp.get({ tenantId }).go({ consistent: true }),
    db.tenant.get({ tenantId }).go({ consistent: true }),
    db.billingAccount.get({ tenantId }).go({ consistent: true }),
    db.staff.query.byId({ tenantId }).go({ ...all, consistent: true }),
    db.department.query.byId({ tenantId }).go({ ...all, consistent: true }),
    db.slaPolicy.query.byId({ tenantId }).go({ ...all, consistent: true }),
    db.calendar.query.byId({ tenantId }).go({ ...all, consistent: true }),
    db.letter.query.byKind({ tenantId }).go({ ...all, consistent: true }),
    db.organizationDomain.query.byDomain({ tenantId }).go({ ...all, consistent: true }),
    db.stopEntry.query.byValue({ tenantId }).go({ ...all, consistent: true }),
  ]);
  return {
    tenantId,
    tenant: tenant.data ?? undefined,
    billing: billing.data ?? undefined,
    staff: staff.data,
    departments: departments.data,
    policies: policies.data,
    calendars: calendars.data,
    letters: letters.data,
    organizationDomains: new Map(domains.data.map((d) => [d.domain, d.organizationId])),
    stopList: stopList.data,
    stamp: stamp.data?.version ?? 0,
  };
}

function reload(tenantId: string): Promise<Config> {
  const entry: Entry = cache.get(tenantId) ?? { loadedAt: 0, confirmedAt: 0 };
  cache.set(tenantId, entry);
  const loading = load(tenantId).then(
    (config) => {
      if (entry.loading === loading) {
        entry.config = config;
        entry.loading = undefined;
        entry.loadedAt = entry.confirmedAt = Date.now();
      }
      return config;
    },
    (error: unknown) => {
      if (entry.loading === loading) entry.loading = undefined;
      throw error;
    },
  );
  entry.loading = loading;
  return loading;
}

/**
 * The workspace's configuration. With `stamp` (read with the session), the cached copy is used only if it was loaded
 * at that stamp; without, a copy confirmed within the last second is used, and an older one is checked with one read
 * of the stamp.
 */
export async function config(tenantId = useTenantId(), options: { stamp?: number } = {}): Promise<Config> {
  const entry = cache.get(tenantId);
  const now = Date.now();
  if (entry?.loading) return entry.loading;
  if (!entry?.config || now - entry.loadedAt > MAX_AGE_MS) return reload(tenantId);
  if (options.stamp !== undefined) {
    if (options.stamp !== entry.config.stamp) return reload(tenantId);
    entry.confirmedAt = now;
    return entry.config;
  }
  if (now - entry.confirmedAt <= CONFIRM_MS) return entry.config;
  const stamp = (await useDb().entities.configStamp.get({ tenantId }).go({ consistent: true })).data?.version ?? 0;
  if (stamp !== entry.config.stamp) return reload(tenantId);
  entry.confirmedAt = Date.now();
  return entry.config;
}

/** This process changed the workspace's configuration: its next read loads it again. */
export function changed(tenantId = useTenantId()): void {
  cache.delete(tenantId);
}

/** How many times a configuration was loaded by this process (tests and the bench check that it is cached). */
export function loadCount(): number {
  return loads;
}

/** Raises the stamps of workspaces whose configuration changed (the stream reaction), after dropping them here. */
export async function raiseStamps(tenantIds: Iterable<string>): Promise<void> {
  const at = new Date().toISOString();
  await Promise.all(
    [...new Set(tenantIds)].map(async (tenantId) => {
      cache.delete(tenantId);
      await useDb().entities.configStamp.update({ tenantId }).add({ version: 1 }).set({ changedAt: at }).go();
    }),
  );
}

export * as Workspace from "./index";
