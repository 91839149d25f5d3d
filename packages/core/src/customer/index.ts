import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { useDb } from "../db/service";
import { guarded, transact } from "../db/transaction";
import { Conflict, Invalid, NotFound } from "../error";
import { createId } from "../id";
import { Event } from "../event";
import { EmailSchema } from "../staff";
import type { CustomerEntity } from "./customer.entity";
import { Organization } from "./organization";
import { parse } from "../validation";
import { useClock } from "../port";
import { Cursor } from "../cursor";
import { Locales } from "../locale";
import { paging } from "../validation";
import { emailsOf } from "./emails";

export { Organization };

export type Record = EntityItem<typeof CustomerEntity>;

export interface Info {
  customerId: string;
  name: string;
  /** The first address: where their letters go. */
  email?: string;
  /** Every address of theirs, the first one first. */
  emails: string[];
  phone?: string;
  organizationId?: string;
  locale?: string;
  undeliverableAt?: string;
  undeliverableReason?: string;
  /** The customer this record was merged into (a tombstone: its addresses and tickets are that customer's now). */
  mergedInto?: string;
  mergedAt?: string;
  createdAt: string;
  updatedAt: string;
}

export function view(item: Record): Info {
  return {
    customerId: item.customerId,
    name: item.name,
    email: item.email,
    emails: emailsOf(item),
    phone: item.phone,
    organizationId: item.organizationId,
    locale: item.locale,
    undeliverableAt: item.undeliverableAt,
    undeliverableReason: item.undeliverableReason,
    mergedInto: item.mergedInto,
    mergedAt: item.mergedAt,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/** A customer's language: one of the languages letters are written in. */
export const LocaleSchema = z.enum(Locales, { error: "Choose one of the languages: English, Russian, Ukrainian, Kazakh, Hungarian" });

export const PhoneSchema = z
  .string()
  .trim()
  .max(40, "A phone number has at most 40 characters")
  .regex(/^\+?[0-9 ()\-.]{5,}$/, "Enter a phone number: digits, spaces, brackets, hyphens, an optional leading +");

export const CustomerNameSchema = z.string().trim().min(1, "Enter the customer's name").max(120);

/**
 * Who a request is from: an existing customer by id, or a person by email address (found, or created on first
 * contact), or, for a request by phone or in person, a name with a phone number and no email.
 */
export const RequesterSchema = z.union(
  [
    z.object({ customerId: z.string().trim().min(1).max(64) }).strict(),
    z
      .object({
        email: EmailSchema,
        name: CustomerNameSchema.optional(),
        phone: PhoneSchema.optional(),
      })
      .strict(),
    z.object({ name: CustomerNameSchema, phone: PhoneSchema }).strict(),
  ],
  { error: "Give the requester as '{ customerId }', '{ email, name? }' or '{ name, phone }'" },
);
export type RequesterInput = z.input<typeof RequesterSchema>;

export function normaliseTerm(value: string): string {
  return value.normalize("NFKC").toLowerCase().trim().replace(/\s+/g, " ");
}

function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, "");
}

/**
 * The terms a customer is found by: their name and each later word of it, each email address, the phone's digits.
 * A merged record is found by none: the customer it was merged into is found instead.
 */
export function termsOf(customer: { name: string; email?: string; otherEmails?: string[]; phone?: string; mergedInto?: string }): string[] {
  const terms = new Set<string>();
  if (customer.mergedInto) return [];
  const words = normaliseTerm(customer.name).split(" ").filter(Boolean);
  for (let i = 0; i < Math.min(words.length, 4); i++) terms.add(words.slice(i).join(" ").slice(0, 120));
  for (const email of [customer.email, ...(customer.otherEmails ?? [])]) if (email) terms.add(email.toLowerCase());
  const digits = customer.phone ? phoneDigits(customer.phone) : "";
  if (digits.length >= 5) {
    // As dialled abroad and at home: +380 44 123 45 67 is found as 38044..., 044 123... and 44 123...
    terms.add(digits);
    if (digits.length > 10) terms.add(digits.slice(-10));
    if (digits.length > 9) terms.add(digits.slice(-9));
  }
  return [...terms];
}

/** A display name for someone known only by their address: the part before the @. */
export function nameFromEmail(email: string): string {
  return email.split("@")[0] || email;
}

/** What a ticket needs of its requester. */
export interface Requester {
  customerId: string;
  name: string;
  email?: string;
  organizationId?: string;
  locale?: string;
}

const requesterOf = (c: Pick<Record, "customerId" | "name" | "email" | "organizationId" | "locale">): Requester => ({
  customerId: c.customerId,
  name: c.name,
  email: c.email,
  organizationId: c.organizationId,
  locale: c.locale,
});

/** Another request claimed this address at the same moment: the caller finds the customer it made. */
class AddressTaken extends Conflict {
  constructor() {
    super("This email address belongs to another customer");
  }
}

/**
 * Adds a customer: the customer and the claim on their email address in one transaction of their own (a customer is an
 * aggregate of its own: tickets refer to it, they do not write it). Two first contacts from one address at once make
 * one customer: the second finds the first's. Their search terms follow by a reaction.
 */
export async function register(input: { name: string; email?: string; phone?: string; locale?: string }): Promise<Requester> {
  const tenantId = useTenantId();
  const email = input.email?.toLowerCase();
  const now = useClock().now().toISOString();
  const organizationId = email ? await Organization.idForEmail(email) : undefined;
  const customer = {
    tenantId,
    customerId: createId(),
    name: input.name,
    email,
    phone: input.phone,
    organizationId,
    locale: input.locale,
    createdAt: now,
    updatedAt: now,
  } as Record;
  try {
    await transact((entities) => [
      entities.customer.create(customer).commit(),
      ...(email
        ? [
            guarded(
              entities.customerEmail.create({ tenantId, email, customerId: customer.customerId, name: customer.name, organizationId, locale: input.locale }).commit(),
              () => new AddressTaken(),
            ),
          ]
        : []),
    ]);
  } catch (error) {
    if (!(error instanceof AddressTaken)) throw error;
    const winner = await byEmail(email!);
    if (!winner) throw error;
    return winner;
  }
  return requesterOf(customer);
}

/** A requester by their claimed address: one read, or two for a claim written before claims carried the name. */
async function byEmail(email: string): Promise<Requester | undefined> {
  const tenantId = useTenantId();
  const claim = (await useDb().entities.customerEmail.get({ tenantId, email: email.toLowerCase() }).go({ consistent: true })).data;
  if (!claim) return undefined;
  if (claim.name) return { customerId: claim.customerId, name: claim.name, email: claim.email, organizationId: claim.organizationId, locale: claim.locale };
  const customer = (await useDb().entities.customer.get({ tenantId, customerId: claim.customerId }).go({ consistent: true })).data;
  return customer ? requesterOf(customer) : undefined;
}

/**
 * The requester a request names: an existing customer by id, a person by email address (found, or registered on
 * first contact), or a person by name and phone (registered). `locale` is a new customer's language.
 */
export async function ensure(raw: RequesterInput, options: { locale?: string } = {}): Promise<Requester & { created: boolean }> {
  const requester = parse(RequesterSchema, raw, "requester");
  if ("customerId" in requester) {
    let found = (await useDb().entities.customer.get({ tenantId: useTenantId(), customerId: requester.customerId }).go()).data;
    // A merged record's requests are its survivor's.
    if (found?.mergedInto) found = (await useDb().entities.customer.get({ tenantId: useTenantId(), customerId: found.mergedInto }).go()).data;
    if (!found) throw Invalid.field("requester.customerId", "not_found", "There is no such customer");
    return { ...requesterOf(found), created: false };
  }
  const email = "email" in requester ? requester.email : undefined;
  if (email) {
    const existing = await byEmail(email);
    if (existing) return { ...existing, created: false };
  }
  const registered = await register({ name: requester.name ?? nameFromEmail(email!), email, phone: requester.phone, locale: options.locale });
  return { ...registered, created: true };
}

export async function findByEmail(email: string): Promise<Record | undefined> {
  const tenantId = useTenantId();
  const db = useDb().entities;
  const claim = await db.customerEmail.get({ tenantId, email: email.toLowerCase() }).go({ consistent: true });
  if (!claim.data) return undefined;
  const customer = await db.customer.get({ tenantId, customerId: claim.data.customerId }).go({ consistent: true });
  return customer.data ?? undefined;
}

/** Mail to this address bounced hard: no letter is sent to it any more (the outbox suppresses them). */
export async function markUndeliverable(email: string, reason: string): Promise<void> {
  const customer = await findByEmail(email);
  if (!customer || customer.undeliverableAt || !customer.email) return;
  const at = useClock().now().toISOString();
  const { tenantId, customerId } = customer;
  // The mark is on the address that bounced (another of the customer's addresses may still be delivered to).
  const address = emailsOf(customer).includes(email.toLowerCase()) ? email.toLowerCase() : customer.email;
  await transact((entities) => [
    entities.customer.patch({ tenantId, customerId }).set({ undeliverableAt: at, undeliverableReason: reason }).commit(),
    entities.customerEmail.patch({ tenantId, email: address }).set({ undeliverableAt: at }).commit(),
  ]);
}

/** Letters to this address may be sent again (staff cleared the bounce's mark, to resend a letter): true if it was marked. */
export async function clearUndeliverable(email: string): Promise<boolean> {
  const customer = await findByEmail(email);
  if (!customer?.undeliverableAt || !customer.email) return false;
  const { tenantId, customerId } = customer;
  const address = emailsOf(customer).includes(email.toLowerCase()) ? email.toLowerCase() : customer.email;
  await transact((entities) => [
    entities.customer.patch({ tenantId, customerId }).remove(["undeliverableAt", "undeliverableReason"]).commit(),
    entities.customerEmail.patch({ tenantId, email: address }).remove(["undeliverableAt"]).commit(),
  ]);
  return true;
}

/**
 * Whether letters to an address are suppressed (it bounced hard), and why: one read of the address's claim, which
 * carries the mark (a claim written before claims carried it is read through to the customer).
 */
export async function deliverability(email: string): Promise<{ undeliverable: false } | { undeliverable: true; reason: string }> {
  const tenantId = useTenantId();
  const claim = (await useDb().entities.customerEmail.get({ tenantId, email: email.toLowerCase() }).go()).data;
  if (!claim) return { undeliverable: false };
  if (claim.name !== undefined && !claim.undeliverableAt) return { undeliverable: false };
  const customer = (await useDb().entities.customer.get({ tenantId, customerId: claim.customerId }).go()).data;
  return customer?.undeliverableAt ? { undeliverable: true, reason: customer.undeliverableReason ?? "undeliverable" } : { undeliverable: false };
}

export async function get(customerId: string): Promise<Info> {
  const result = await useDb().entities.customer.get({ tenantId: useTenantId(), customerId }).go();
  if (!result.data) throw new NotFound("Customer");
  return view(result.data);
}

export async function getMany(customerIds: readonly string[]): Promise<Map<string, Info>> {
  const tenantId = useTenantId();
  const unique = [...new Set(customerIds)];
  if (!unique.length) return new Map();
  const result = await useDb()
    .entities.customer.get(unique.map((customerId) => ({ tenantId, customerId })))
    .go();
  return new Map(result.data.map((item) => [item.customerId, view(item)]));
}

export const SearchSchema = z.object({
  q: z.string().trim().max(120).optional(),
  ...paging(20, 50),
});

/** Customers whose name (or a later word of it), email address or phone number starts with `q`; recent ones without. */
export async function search(raw: z.input<typeof SearchSchema>): Promise<Info[]> {
  return (await page(raw)).customers;
}

/**
 * A page of customers: those whose name (or a later word of it), an email address or the phone number starts with
 * `q`, in the order of those terms; without `q`, the newest first. Merged records are left out. The next page goes on
 * from the cursor (a customer found by two of their terms, on two pages, shows on both).
 */
export async function page(raw: z.input<typeof SearchSchema>): Promise<{ customers: Info[]; cursor: string | null }> {
  const input = parse(SearchSchema, raw);
  const tenantId = useTenantId();
  const db = useDb().entities;
  const list = Cursor.list("customers", { q: input.q });
  const cursor = await Cursor.open(tenantId, list, input.cursor);
  if (!input.q) {
    const recent = await db.customer.query
      .byId({ tenantId })
      .where(({ mergedInto }, { notExists }) => notExists(mergedInto))
      .go({ order: "desc", limit: input.limit, cursor });
    return { customers: recent.data.map(view), cursor: await Cursor.seal(tenantId, list, recent.cursor) };
  }
  const digits = phoneDigits(input.q);
  const term = /^[+\d ()\-.]+$/.test(input.q) && digits.length >= 3 ? digits : normaliseTerm(input.q);
  const found = await db.customerTerm.query.byTerm({ tenantId }).between({ term }, { term: `${term}\uffff` }).go({ limit: input.limit, cursor });
  const ids = [...new Set(found.data.map((t) => t.customerId))];
  const customers = await getMany(ids);
  return {
    customers: ids.map((id) => customers.get(id)).filter((c): c is Info => Boolean(c) && !c!.mergedInto),
    cursor: await Cursor.seal(tenantId, list, found.cursor),
  };
}

export const UpdateSchema = z
  .object({
    name: CustomerNameSchema.optional(),
    phone: PhoneSchema.nullable().optional(),
    organizationId: z.string().trim().min(1).max(64).nullable().optional(),
    locale: LocaleSchema.optional(),
  })
  .strict();

/**
 * Changes a customer's name, phone, organization or language (the claims on their addresses follow; their search
 * terms by reaction). Only those who see every department may (Access.editsCustomers).
 */
export async function update(customerId: string, raw: z.input<typeof UpdateSchema>): Promise<Info> {
  Access.assertEditsCustomers(usePrincipal());
  const input = parse(UpdateSchema, raw);
  const tenantId = useTenantId();
  const db = useDb();
  const current = await db.entities.customer.get({ tenantId, customerId }).go({ consistent: true });
  if (!current.data || current.data.mergedInto) throw new NotFound("Customer");
  if (input.organizationId) await Organization.get(input.organizationId).catch(() => {
    throw Invalid.field("organizationId", "not_found", "There is no such organization");
  });
  const name = input.name ?? current.data.name;
  const phone = input.phone === undefined ? current.data.phone : (input.phone ?? undefined);
  const set: Partial<Record> = { name, ...(input.locale ? { locale: input.locale } : {}) };
  const locale = input.locale ?? current.data.locale;
  const remove: ("phone" | "organizationId")[] = [];
  if (phone) set.phone = phone;
  else if (current.data.phone) remove.push("phone");
  if (input.organizationId) set.organizationId = input.organizationId;
  else if (input.organizationId === null && current.data.organizationId) remove.push("organizationId");
  const organizationId = input.organizationId === undefined ? current.data.organizationId : (input.organizationId ?? undefined);
  const claim = { name, ...(locale ? { locale } : {}) };
  await transact((entities) => [
    (remove.length
      ? entities.customer.patch({ tenantId, customerId }).set(set).remove(remove)
      : entities.customer.patch({ tenantId, customerId }).set(set)
    ).commit(),
    ...emailsOf(current.data!).map((email) =>
      (organizationId
        ? entities.customerEmail.patch({ tenantId, email }).set({ ...claim, organizationId })
        : entities.customerEmail.patch({ tenantId, email }).set(claim).remove(["organizationId"])
      ).commit(),
    ),
    Event.write(entities, Event.currentActor(), {
      action: "customer.update",
      target: { type: "customer", id: customerId, label: name },
      before: pick(current.data!, Object.keys(input)),
      after: input,
    }),
  ]);
  return get(customerId);
}

function pick(item: Record, keys: string[]): { [key: string]: unknown } {
  return Object.fromEntries(keys.map((key) => [key, (item as { [key: string]: unknown })[key] ?? null]));
}

export { addEmail, removeEmail, emailsOf, EmailInputSchema, MAX_EMAILS } from "./emails";
export { merge, MergeSchema } from "./merge";

export * as Customer from "./index";
