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

/** Every value of a sort-key attribute (a closed range rather than begins_with: DynamoDB Local scans for that). */
const FROM = " ";
const TO = "\uffff";

async function load(tenantId: string): Promise<Config> {
  loads++;
  const db = useDb().entities;
  const all = { pages: "all", consistent: true } as const;
  const [stamp, tenant, billing, staff, departments, policies, calendars, letters, domains, stopList] = await Promise.all([
    db.configStamp.get({ tenantId }).go({ consistent: true }),
    db.tenant.get({ tenantId }).go({ consistent: true }),
    db.billingAccount.get({ tenantId }).go({ consistent: true }),
    db.staff.query.byId({ tenantId }).between({ staffId: FROM }, { staffId: TO }).go(all),
    db.department.query.byId({ tenantId }).between({ departmentId: FROM }, { departmentId: TO }).go(all),
    db.slaPolicy.query.byId({ tenantId }).between({ policyId: FROM }, { policyId: TO }).go(all),
    db.calendar.query.byId({ tenantId }).between({ calendarId: FROM }, { calendarId: TO }).go(all),
    db.letter.query.byKind({ tenantId }).between({ kind: FROM }, { kind: TO }).go(all),
    db.organizationDomain.query.byDomain({ tenantId }).between({ domain: FROM }, { domain: TO }).go(all),
    db.stopEntry.query.byValue({ tenantId }).between({ value: FROM }, { value: TO }).go(all),
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

/**
 * Raises the stamps of workspaces whose configuration changed (the stream reaction). This process's copy is kept, at
 * the new stamp, if it was loaded after every one of those changes was written (the process that made them dropped
 * it at once, and read it again since); otherwise it is dropped. `writtenAt`: when each change was written, in ms
 * (undefined when the change does not say).
 */
export async function raiseStamps(changes: readonly { tenantId: string; writtenAt?: number }[]): Promise<void> {
  const latest = new Map<string, number>();
  for (const c of changes) latest.set(c.tenantId, Math.max(latest.get(c.tenantId) ?? 0, c.writtenAt ?? Infinity));
  const at = new Date().toISOString(); // wall time, as the stream's writtenAt it is compared with
  await Promise.all(
    [...latest].map(async ([tenantId, writtenAt]) => {
      const entry = cache.get(tenantId);
      const current = Boolean(entry?.config && !entry.loading && entry.loadedAt > writtenAt);
      if (!current) cache.delete(tenantId);
      const raised = await useDb().entities.configStamp.update({ tenantId }).add({ version: 1 }).set({ changedAt: at }).go({ response: "updated_new" });
      const kept = cache.get(tenantId);
      if (current && kept === entry && kept?.config && raised.data.version !== undefined) kept.config.stamp = raised.data.version;
      else if (!current) cache.delete(tenantId);
    }),
  );
}

export * as Workspace from "./index";
