import { z } from "zod";
import type { EntityItem } from "electrodb";
import { usePrincipal, useTenantId } from "../actor";
import { hashPassword } from "../auth/password";
import { Billing } from "../billing";
import { useConfig } from "../config";
import { transact } from "../db/transaction";
import { useDb } from "../db/service";
import { Department } from "../department";
import { Event } from "../event";
import { Conflict, NotFound } from "../error";
import { createId } from "../id";
import { Plan } from "../plan";
import { Session } from "../session";
import { Staff } from "../staff";
import { fn, parse } from "../validation";
import { Access } from "../access";
import { isTimeZone } from "../sla/calendar";
import { isConditionFailure } from "../db/condition";
import { PLATFORM_TENANT_ID } from "../db/keys";
import { SEATS } from "../plan/limits";
import { newSecret } from "../email/token";
import type { TenantEntity } from "./tenant.entity";

export interface Info {
  tenantId: string;
  slug: string;
  name: string;
  inboundAddress: string;
  planId: string;
  planStatus: "trial" | "active" | "suspended";
  trialEndsAt?: string;
  suspendedAt?: string;
  timeZone: string;
  locale: string;
  createdAt: string;
}

/** Names a workspace may not take: they read as the platform's own addresses or pages. */
const RESERVED_SLUGS = new Set([
  "abuse", "admin", "api", "app", "assets", "billing", "console", "frontline", "help", "hostmaster", "mail",
  "mailer-daemon", "no-reply", "noreply", "operator", "platform", "portal", "postmaster", "root", "security",
  "static", "status", "support", "system", "webmaster", "www",
]);

export const SlugSchema = z
  .string({ error: "Choose a workspace address" })
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters")
  .max(40, "Use at most 40 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens (not at the start or end)")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "This address is reserved; choose another");

export const SignupSchema = z.object({
  workspaceName: z
    .string({ error: "Enter the workspace name" })
    .trim()
    .min(2, "Use at least 2 characters")
    .max(80, "Use at most 80 characters"),
  slug: SlugSchema,
  ownerName: Staff.NameSchema,
  email: Staff.EmailSchema,
  password: Staff.PasswordSchema,
  locale: z.enum(["en", "ru"]).optional(),
});
export type SignupInput = z.input<typeof SignupSchema>;

export function inboundAddressOf(slug: string): string {
  return `${slug}@${useConfig().inboundDomain}`;
}

export function view(item: EntityItem<typeof TenantEntity>): Info {
  return {
    tenantId: item.tenantId,
    slug: item.tenantId,
    name: item.name,
    inboundAddress: item.inboundAddress,
    planId: item.planId,
    planStatus: item.planStatus,
    trialEndsAt: item.trialEndsAt,
    suspendedAt: item.suspendedAt,
    timeZone: item.timeZone ?? "UTC",
    locale: item.locale ?? "en",
    createdAt: item.createdAt,
  };
}

/**
 * Opens a workspace: the tenant, its owner, a default department, the trial plan and a billing account holding the
 * trial credit with its ledger entry, all in one transaction (a taken slug fails it whole). Then signs the owner in.
 */
export const signup = fn(SignupSchema, async (input) => {
  const config = useConfig();
  const plan = await Plan.get(Plan.TRIAL_PLAN_ID);
  const passwordHash = await hashPassword(input.password);
  const tenantId = input.slug;
  const ownerId = createId();
  const departmentId = createId();
  const now = new Date();
  const trialEndsAt = new Date(now.getTime() + config.trialDays * 86_400_000).toISOString();
  const credit = config.trialCreditMinor;

  await transact(
    ({ tenant, tenantIndex, staff, staffEmail, department, billingAccount, ledgerEntry, event, counter }) => [
      tenant
        .create({
          tenantId,
          name: input.workspaceName,
          inboundAddress: inboundAddressOf(tenantId),
          planId: plan.planId,
          planStatus: "trial",
          trialEndsAt,
          ownerId,
          mailSecret: newSecret(),
          locale: input.locale ?? "en",
          timeZone: "UTC",
        })
        .commit(),
      tenantIndex.create({ tenantId: PLATFORM_TENANT_ID, workspaceId: tenantId, name: input.workspaceName, createdAt: now.toISOString() }).commit(),
      counter.create({ tenantId, name: SEATS, value: 1 }).commit(),
      staff
        .create({
          tenantId,
          staffId: ownerId,
          email: input.email,
          name: input.ownerName,
          role: "owner",
          passwordHash,
          departmentIds: [departmentId],
          locale: input.locale,
        })
        .commit(),
      staffEmail.create({ tenantId, email: input.email, staffId: ownerId }).commit(),
      department.create({ tenantId, departmentId, name: Department.DEFAULT_NAME, isDefault: true }).commit(),
      billingAccount
        .create({ tenantId, balanceMinor: credit, currency: config.currency, trialCreditMinor: credit })
        .commit(),
      ledgerEntry
        .create({
          tenantId,
          entryId: createId(),
          kind: "trial_credit",
          amountMinor: credit,
          balanceAfterMinor: credit,
          currency: config.currency,
          description: "Trial credit",
          createdAt: now.toISOString(),
        })
        .commit(),
      Event.write(
        { event },
        { type: "staff", id: ownerId, name: input.ownerName },
        {
          tenantId,
          action: "tenant.create",
          target: { type: "tenant", id: tenantId, label: input.workspaceName },
          after: { name: input.workspaceName, planId: plan.planId, owner: input.email, trialCreditMinor: credit },
        },
        now.toISOString(),
      ),
    ],
    ({ index }) =>
      index === 0
        ? new Conflict("This workspace address is taken", [
            { path: "slug", code: "taken", message: "This workspace address is taken; choose another" },
          ])
        : undefined,
  );

  const tenant = await get(tenantId);
  const owner = await Staff.getRecord(tenantId, ownerId);
  const session = await Session.create({ tenantId, staffId: ownerId });
  return { tenant, staff: Staff.view(owner), session };
});

export async function get(tenantId: string): Promise<Info> {
  const result = await useDb().entities.tenant.get({ tenantId }).go();
  if (!result.data) throw new NotFound("Workspace");
  return view(result.data);
}

/**
 * The secret that signs the tenant's reply tokens. Workspaces made before tokens existed get one on first use (the
 * conditional write makes concurrent first uses agree on one).
 */
export async function mailSecret(tenantId: string): Promise<string> {
  const db = useDb().entities.tenant;
  const current = await db.get({ tenantId }).go({ attributes: ["mailSecret"] });
  if (!current.data) throw new NotFound("Workspace");
  if (current.data.mailSecret) return current.data.mailSecret;
  await db
    .patch({ tenantId })
    .set({ mailSecret: newSecret() })
    .where(({ mailSecret }, { notExists }) => notExists(mailSecret))
    .go()
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
  return mailSecret(tenantId);
}

/** The language of the workspace's letters. */
export async function locale(tenantId: string): Promise<string> {
  const current = await useDb().entities.tenant.get({ tenantId }).go({ attributes: ["locale"] });
  return current.data?.locale ?? "en";
}

export async function exists(tenantId: string): Promise<boolean> {
  const result = await useDb().entities.tenant.get({ tenantId }).go({ attributes: ["tenantId"] });
  return Boolean(result.data);
}

/** The signed-in view of the current workspace: tenant, plan, balance and inbound address. */
export async function overview() {
  const [tenant, summary] = await Promise.all([get(useTenantId()), Billing.summary()]);
  const { plan, addOns, features, dailyPriceMinor, daysLeft, graceEndsOn, balanceMinor, currency, trialCreditMinor, negativeSince } = summary;
  return {
    tenant,
    plan,
    subscription: { addOns, features, dailyPriceMinor },
    billing: { balanceMinor, currency, trialCreditMinor, daysLeft, graceEndsOn, negativeSince, dailyPriceMinor },
    inboundAddress: tenant.inboundAddress,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Settings

export const CustomerFieldSchema = z
  .object({
    key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lowercase letters, digits and underscores, starting with a letter"),
    label: z.string().trim().min(1, "Give the field a label").max(80, "At most 80 characters"),
    type: z.enum(["text", "textarea", "phone", "select"], { error: "Use text, textarea, phone or select" }),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
  })
  .strict()
  .refine((f) => f.type !== "select" || (f.options?.length ?? 0) > 0, { path: ["options"], message: "A select needs options" });
export type CustomerField = z.output<typeof CustomerFieldSchema>;

export const SettingsSchema = z
  .object({
    name: z.string().trim().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters").optional(),
    timeZone: z.string().trim().refine(isTimeZone, "Use an IANA time zone such as Europe/Kyiv").optional(),
    locale: z.enum(["en", "ru"], { error: "Use en or ru" }).optional(),
    customerFields: z
      .array(CustomerFieldSchema)
      .max(20, "At most 20 fields")
      .refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, "Each field needs its own key")
      .optional(),
  })
  .strict();

export interface Settings {
  name: string;
  slug: string;
  timeZone: string;
  locale: string;
  inboundAddress: string;
  customerFields: CustomerField[];
}

export async function settings(): Promise<Settings> {
  const tenantId = useTenantId();
  const item = (await useDb().entities.tenant.get({ tenantId }).go()).data;
  if (!item) throw new NotFound("Workspace");
  return {
    name: item.name,
    slug: item.tenantId,
    timeZone: item.timeZone ?? "UTC",
    locale: item.locale ?? "en",
    inboundAddress: item.inboundAddress,
    customerFields: (item.customerFields as CustomerField[] | undefined) ?? [],
  };
}

/** Changes the workspace's name, time zone, language or customer form (admins). The slug and address are permanent. */
export async function updateSettings(raw: z.input<typeof SettingsSchema>): Promise<Settings> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = parse(SettingsSchema, raw);
  const tenantId = useTenantId();
  const before = await settings();
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (!Object.keys(set).length) return before;
  await transact((entities) => [
    entities.tenant.patch({ tenantId }).set(set).commit(),
    ...(input.name ? [entities.tenantIndex.patch({ tenantId: PLATFORM_TENANT_ID, workspaceId: tenantId }).set({ name: input.name }).commit()] : []),
    Event.write(entities, actor, {
      action: "tenant.settings",
      target: { type: "tenant", id: tenantId, label: input.name ?? before.name },
      before: Object.fromEntries(Object.keys(set).map((k) => [k, (before as unknown as { [key: string]: unknown })[k] ?? null])),
      after: set,
    }),
  ]);
  return settings();
}

export * as Tenant from "./index";
