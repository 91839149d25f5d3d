import * as z from "zod";
import { Locales } from "../locale";
import type { EntityItem } from "electrodb";
import { usePrincipal, useTenantId } from "../actor";
import { hashPassword } from "../auth/password";
import { useConfig } from "../config";
import { guarded, transact } from "../db/transaction";
import { useDb } from "../db/service";
import { Event } from "../event";
import { Conflict, Forbidden, Invalid, LimitReached, msg, NotFound } from "../error";
import { createId } from "../id";
import { Plan } from "../plan";
import { Staff } from "../staff";
import { fn, parse } from "../validation";
import { Access } from "../access";
import { isTimeZone } from "../sla/calendar";
import { isConditionFailure } from "../db/condition";
import { PLATFORM_TENANT_ID } from "../db/keys";
import * as Limits from "../plan/limits";
import { newSecret } from "../email/token";
import type { TenantEntity } from "./tenant.entity";
import { useClock } from "../port";
import { Workspace } from "../workspace";

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
  .min(3, "Use at least {minimum} characters")
  .max(40, "Use at most {maximum} characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use only Latin letters (a–z), digits and hyphens, with no hyphen at the start or end or two in a row")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "This address is reserved; choose another");

export const SignupSchema = z.object({
  workspaceName: z
    .string({ error: "Enter the workspace name" })
    .trim()
    .min(2, "Use at least {minimum} characters")
    .max(80, "Use at most {maximum} characters"),
  slug: SlugSchema,
  ownerName: Staff.NameSchema,
  email: Staff.EmailSchema,
  password: Staff.PasswordSchema,
  locale: z.enum(Locales).optional(),
});
export type SignupInput = z.input<typeof SignupSchema>;

export function inboundAddressOf(slug: string): string {
  return `${slug}@${useConfig().inboundDomain}`;
}

export function view(item: EntityItem<typeof TenantEntity>): Info {
  return {
    tenantId: item.tenantId,
    slug: item.slug ?? item.tenantId,
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

/** The workspace's address is taken. */
export function slugTaken() {
  return new Conflict("This workspace address is taken", [{ path: "slug", code: "taken", message: "This workspace address is taken; choose another" }]);
}

/**
 * Opens a workspace: the tenant (its slug claimed here or not at all), its entry in the platform's list, and the
 * event, in one transaction. What a workspace starts with (its owner's account, the first department, the billing
 * account with the trial credit) is made by those modules: at once by sign-up (signup/), and by reaction if the
 * process stops before (each is idempotent). The owner's account waits on the tenant as `pendingOwner` until then.
 */
export async function open(input: z.output<typeof SignupSchema>, owner: { staffId: string; passwordHash: string }, planId: string): Promise<void> {
  const config = useConfig();
  const tenantId = input.slug;
  const now = useClock().now();
  const trialEndsAt = new Date(now.getTime() + config.trialDays * 86_400_000).toISOString();
  await transact(({ tenant, tenantIndex, workspaceAddress, event }) => [
    guarded(
      tenant
        .create({
          tenantId,
          name: input.workspaceName,
          inboundAddress: inboundAddressOf(tenantId),
          planId,
          planStatus: "trial",
          trialEndsAt,
          ownerId: owner.staffId,
          mailSecret: newSecret(),
          locale: input.locale ?? "en",
          timeZone: "UTC",
          defaultDepartmentId: createId(),
          pendingOwner: { name: input.ownerName, email: input.email, passwordHash: owner.passwordHash, locale: input.locale },
        })
        .commit(),
      slugTaken,
    ),
    tenantIndex.create({ tenantId: PLATFORM_TENANT_ID, workspaceId: tenantId, name: input.workspaceName, createdAt: now.toISOString() }).commit(),
    // Its address, claimed: a workspace that has taken it since (its new address) keeps it.
    guarded(workspaceAddress.create({ tenantId: PLATFORM_TENANT_ID, address: tenantId, workspaceId: tenantId, createdAt: now.toISOString() }).commit(), slugTaken),
    Event.write(
      { event },
      { type: "staff", id: owner.staffId, name: input.ownerName },
      {
        tenantId,
        action: "tenant.create",
        target: { type: "tenant", id: tenantId, label: input.workspaceName },
        after: { name: input.workspaceName, planId, owner: input.email, trialCreditMinor: config.trialCreditMinor },
      },
      now.toISOString(),
    ),
  ]);
}

/** The owner's account exists: the workspace no longer keeps its password hash (a reaction, reactions.ts). */
export async function ownerCreated(tenantId: string): Promise<void> {
  const removed = await useDb()
    .entities.tenant.patch({ tenantId })
    .remove(["pendingOwner"])
    .where((a, op) => op.exists(a.pendingOwner))
    .go()
    .then(
      () => true,
      (error: unknown) => {
        if (!isConditionFailure(error)) throw error;
        return false; // done already
      },
    );
  if (removed) Workspace.changed(tenantId);
}

/** The workspace's record, from its cached configuration. */
export async function record(tenantId = useTenantId()) {
  const tenant = (await Workspace.config(tenantId)).tenant;
  if (!tenant) throw new NotFound("Workspace");
  return tenant;
}

export async function get(tenantId: string): Promise<Info> {
  return view(await record(tenantId));
}

/**
 * The secret that signs the tenant's reply tokens. Workspaces made before tokens existed get one on first use (the
 * conditional write makes concurrent first uses agree on one).
 */
export async function mailSecret(tenantId: string): Promise<string> {
  const db = useDb().entities.tenant;
  const cached = (await Workspace.config(tenantId)).tenant?.mailSecret;
  if (cached) return cached;
  const current = await db.get({ tenantId }).go({ attributes: ["mailSecret"], consistent: true });
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
  Workspace.changed(tenantId);
  return mailSecret(tenantId);
}

/** The workspace's current address (the local part of its inbound address), from its cached configuration. */
export async function address(tenantId: string): Promise<string> {
  const tenant = (await Workspace.config(tenantId)).tenant;
  return tenant?.slug ?? tenantId;
}

/** The language of the workspace's letters. */
export async function locale(tenantId: string): Promise<string> {
  return (await Workspace.config(tenantId)).tenant?.locale ?? "en";
}

/** Is there such a workspace? (One read: not through the cache, which would keep every address anyone tries.) */
export async function exists(tenantId: string): Promise<boolean> {
  const result = await useDb().entities.tenant.get({ tenantId }).go({ attributes: ["tenantId"] });
  return Boolean(result.data);
}

/**
 * The workspace an address names (as typed at sign-in, or the local part of an inbound address): its current address
 * or one it had before. One read of the address's claim, and one more for a workspace opened before addresses were
 * claimed (its id is its address); not through the cache, which would keep every address anyone tries.
 */
export async function resolve(slug: string): Promise<string | undefined> {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return undefined;
  const claim = await useDb().entities.workspaceAddress.get({ tenantId: PLATFORM_TENANT_ID, address: slug }).go({ attributes: ["workspaceId"] });
  if (claim.data) return claim.data.workspaceId;
  return (await exists(slug)) ? slug : undefined;
}

export const AddressSchema = z.object({ slug: SlugSchema }).strict();

/**
 * The owner gives the workspace a new address (the same rules as at sign-up). The address it had stays its alias:
 * signing in with it and mail to it still reach the workspace, and nobody else can take it, because every address is
 * claimed for good. Taking back one of its own aliases is allowed. The claim, the workspace and the event are one
 * transaction, so two workspaces racing for one address get one each way: one has it, the other a 409.
 */
export async function changeAddress(raw: z.input<typeof AddressSchema>): Promise<Settings> {
  const actor = usePrincipal();
  if (actor.type !== "staff" || actor.role !== "owner") throw new Forbidden("Only the owner changes the workspace's address");
  const { slug } = parse(AddressSchema, raw);
  const tenantId = useTenantId();
  const current = (await useDb().entities.tenant.get({ tenantId }).go({ consistent: true })).data;
  if (!current) throw new NotFound("Workspace");
  const before = current.slug ?? tenantId;
  if (slug === before) return settings();
  const known = new Set([tenantId, ...(current.aliases ?? [])]);
  const aliases = [...new Set([...(current.aliases ?? []), before])].filter((a) => a !== slug && a !== tenantId);
  const now = useClock().now().toISOString();
  await transact((entities) => [
    ...(known.has(slug)
      ? []
      : [
          // Nobody has claimed it, and no workspace opened before addresses were claimed is called so.
          guarded(entities.workspaceAddress.create({ tenantId: PLATFORM_TENANT_ID, address: slug, workspaceId: tenantId, createdAt: now }).commit(), slugTaken),
          guarded(entities.tenant.check({ tenantId: slug }).where((a, op) => op.notExists(a.tenantId)).commit(), slugTaken),
        ]),
    guarded(
      (aliases.length ? entities.tenant.patch({ tenantId }).set({ slug, aliases, inboundAddress: inboundAddressOf(slug) }) : entities.tenant.patch({ tenantId }).set({ slug, inboundAddress: inboundAddressOf(slug) }).remove(["aliases"]))
        .where((a, op) => (current.slug ? op.eq(a.slug, current.slug) : op.notExists(a.slug)))
        .commit(),
      () => new Conflict("The workspace's address was changed meanwhile; reload and try again"),
    ),
    Event.write(entities, actor, {
      action: "tenant.address",
      target: { type: "tenant", id: tenantId, label: current.name },
      before: { slug: before },
      after: { slug, aliases },
    }),
  ]);
  Workspace.changed(tenantId);
  return settings();
}

// ---------------------------------------------------------------------------------------------------------------
// Settings

export const CustomerFieldSchema = z
  .object({
    key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lowercase letters, digits and underscores, starting with a letter"),
    label: z.string().trim().min(1, "Give the field a label").max(80),
    type: z.enum(["text", "textarea", "phone", "select"], { error: "Use text, textarea, phone or select" }),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
  })
  .strict()
  .refine((f) => f.type !== "select" || (f.options?.length ?? 0) > 0, { path: ["options"], message: "A select needs options" });
export type CustomerField = z.output<typeof CustomerFieldSchema>;

export const SettingsSchema = z
  .object({
    name: z.string().trim().min(2, "Use at least {minimum} characters").max(80, "Use at most {maximum} characters").optional(),
    timeZone: z.string().trim().refine(isTimeZone, "Use an IANA time zone such as Europe/Kyiv").optional(),
    locale: z.enum(Locales).optional(),
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
  /** The addresses the workspace had before: they still sign in and receive mail. */
  aliases: string[];
  timeZone: string;
  locale: string;
  inboundAddress: string;
  customerFields: CustomerField[];
}

/** Every address the workspace had besides its current one, the one it was opened with first. */
function aliasesOf(item: { tenantId: string; slug?: string; aliases?: string[] }): string[] {
  const current = item.slug ?? item.tenantId;
  return [...new Set([item.tenantId, ...(item.aliases ?? [])])].filter((a) => a !== current);
}

export async function settings(): Promise<Settings> {
  const item = await record();
  return {
    name: item.name,
    slug: item.slug ?? item.tenantId,
    aliases: aliasesOf(item),
    timeZone: item.timeZone ?? "UTC",
    locale: item.locale ?? "en",
    inboundAddress: item.inboundAddress,
    customerFields: (item.customerFields as CustomerField[] | undefined) ?? [],
  };
}

/** Changes the workspace's name, time zone, language or customer form (admins). The address is the owner's: `changeAddress`. */
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
  Workspace.changed(tenantId);
  return settings();
}

// ---------------------------------------------------------------------------------------------------------------
// Plan and standing

export const ChangePlanSchema = z
  .object({
    planId: z.string().trim().min(1, "Choose a plan").max(40),
    addOns: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  })
  .strict();

/**
 * Changes the workspace's plan and add-ons (admins), at once; the next daily run charges the new price. A plan with
 * fewer seats than the staff in use is refused until someone is deactivated. Mail held over the old plan's daily limit
 * is processed again under the new one (by reaction).
 */
export async function changePlan(raw: z.input<typeof ChangePlanSchema>) {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = parse(ChangePlanSchema, raw);
  const tenantId = useTenantId();
  const plan = await Plan.get(input.planId).catch((error: unknown) => {
    if (error instanceof NotFound) throw Invalid.field("planId", "not_found", "There is no such plan");
    throw error;
  });
  const offered = new Set((plan.addOns ?? []).map((a) => a.addOnId));
  const unknown = input.addOns.findIndex((id) => !offered.has(id));
  if (unknown >= 0) throw Invalid.field(`addOns.${unknown}`, "not_offered", msg("The {plan} plan has no such add-on", { plan: plan.name }));
  const used = await Limits.seatsUsed(tenantId);
  if (plan.staffLimit !== undefined && plan.staffLimit !== null && used > plan.staffLimit) {
    throw new LimitReached(
      msg(
        "The {plan} plan includes {seats, plural, one {# staff seat} other {# staff seats}} and {used, plural, one {# is} other {# are}} in use: deactivate staff or revoke invitations first",
        { plan: plan.name, seats: plan.staffLimit, used },
      ),
      "staff_seats",
    );
  }
  const before = await Plan.subscription(tenantId);
  const addOns = [...new Set(input.addOns)];
  await transact((entities) => [
    entities.tenant.patch({ tenantId }).set({ planId: plan.planId, addOns }).commit(),
    Event.write(entities, actor, {
      action: "billing.plan_change",
      target: { type: "tenant", id: tenantId, label: plan.name },
      before: { planId: before.plan.planId, addOns: before.addOns, dailyPriceMinor: before.dailyPriceMinor },
      after: { planId: plan.planId, addOns, dailyPriceMinor: Plan.dailyPrice(plan, addOns) },
    }),
  ]);
  Workspace.changed(tenantId);
  return Plan.subscription(tenantId);
}

/**
 * Suspends the workspace (read-only for staff, mail kept) or lets it run again, as billing decides. The letters to the
 * owner and the release of held mail follow by reaction.
 */
export async function setStanding(tenantId: string, standing: "suspended" | "active", by: Event.EventActor, after: { [key: string]: unknown }): Promise<boolean> {
  const current = (await useDb().entities.tenant.get({ tenantId }).go({ consistent: true })).data;
  if (!current) throw new NotFound("Workspace");
  if ((current.planStatus === "suspended") === (standing === "suspended")) return false;
  await transact((entities) => [
    (standing === "suspended"
      ? entities.tenant.patch({ tenantId }).set({ planStatus: "suspended", suspendedAt: useClock().now().toISOString() })
      : entities.tenant.patch({ tenantId }).set({ planStatus: "active" }).remove(["suspendedAt"])
    ).commit(),
    Event.write(entities, by, { tenantId, action: standing === "suspended" ? "billing.suspend" : "billing.restore", target: { type: "tenant", id: tenantId, label: current.name }, after }),
  ]);
  Workspace.changed(tenantId);
  return true;
}

export * as Tenant from "./index";
