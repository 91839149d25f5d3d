import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { transact } from "../db/transaction";
import { useDb } from "../db/service";
import { Conflict, msg, NotFound } from "../error";
import { Event } from "../event";
import { createId } from "../id";
import type { OrganizationEntity } from "./organization.entity";
import { parse } from "../validation";
import { Workspace } from "../workspace";
import { guarded } from "../db/transaction";

export type Record = EntityItem<typeof OrganizationEntity>;

export interface Info {
  organizationId: string;
  name: string;
  domains: string[];
  notes?: string;
  createdAt: string;
}

export function view(item: Record): Info {
  return {
    organizationId: item.organizationId,
    name: item.name,
    domains: item.domains ?? [],
    notes: item.notes,
    createdAt: item.createdAt,
  };
}

/**
 * Public mail providers: an address there says nothing about the company someone works for, so these domains never
 * match an organization.
 */
export const PUBLIC_MAIL_DOMAINS = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "icloud.com",
  "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.net", "mail.com", "zoho.com", "yandex.ru",
  "yandex.com", "ya.ru", "mail.ru", "bk.ru", "inbox.ru", "list.ru", "rambler.ru", "ukr.net", "i.ua", "meta.ua",
  "freemail.hu", "citromail.hu",
]);

const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, "Enter a domain such as example.com")
  .refine((domain) => !PUBLIC_MAIL_DOMAINS.has(domain), "This is a public mail provider, not a company's domain");

export const CreateSchema = z
  .object({
    name: z.string().trim().min(1, "Enter the organization's name").max(120),
    domains: z.array(DomainSchema).max(20, "At most 20 domains").default([]),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict();

export const UpdateSchema = CreateSchema.partial().strict();

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/** The organization whose domain matches an email address, if any. */
export async function idForEmail(email: string): Promise<string | undefined> {
  const domain = domainOf(email);
  if (PUBLIC_MAIL_DOMAINS.has(domain)) return undefined;
  return (await Workspace.config()).organizationDomains.get(domain);
}

export async function list(): Promise<Info[]> {
  const result = await useDb().entities.organization.query.byId({ tenantId: useTenantId() }).go({ pages: "all" });
  return result.data.map(view).sort((a, b) => a.name.localeCompare(b.name));
}

export async function get(organizationId: string): Promise<Info> {
  const result = await useDb().entities.organization.get({ tenantId: useTenantId(), organizationId }).go();
  if (!result.data) throw new NotFound("Organization");
  return view(result.data);
}

function takenDomain(domains: readonly string[], index: number) {
  const domain = domains[index] ?? "";
  return new Conflict(msg("The domain {domain} already belongs to another organization", { domain }), [
    { path: `domains.${index}`, code: "taken", message: msg("{domain} already belongs to another organization", { domain }) },
  ]);
}

/** Creates an organization and claims its domains (a domain belongs to one organization at most). */
export async function create(raw: z.input<typeof CreateSchema>): Promise<Info> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = parse(CreateSchema, raw);
  const tenantId = useTenantId();
  const organizationId = createId();
  const domains = [...new Set(input.domains)];
  await transact(({ organization, organizationDomain, event }) => [
    organization.create({ tenantId, organizationId, name: input.name, domains, notes: input.notes }).commit(),
    ...domains.map((domain, i) => guarded(organizationDomain.create({ tenantId, domain, organizationId }).commit(), () => takenDomain(domains, i))),
    Event.write({ event }, actor, {
      action: "organization.create",
      target: { type: "organization", id: organizationId, label: input.name },
      after: { name: input.name, domains },
    }),
  ]);
  Workspace.changed();
  return get(organizationId);
}

/** Renames an organization or changes its domains (claims released and taken in the same transaction). */
export async function update(organizationId: string, raw: z.input<typeof UpdateSchema>): Promise<Info> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = parse(UpdateSchema, raw);
  const tenantId = useTenantId();
  const current = await get(organizationId);
  const domains = input.domains ? [...new Set(input.domains)] : current.domains;
  const added = domains.filter((d) => !current.domains.includes(d));
  const removed = current.domains.filter((d) => !domains.includes(d));
  await transact(({ organization, organizationDomain, event }) => [
      ...added.map((domain, i) => guarded(organizationDomain.create({ tenantId, domain, organizationId }).commit(), () => takenDomain(added, i))),
      organization
        .patch({ tenantId, organizationId })
        .set({ name: input.name ?? current.name, domains, ...(input.notes !== undefined ? { notes: input.notes } : {}) })
        .commit(),
      ...removed.map((domain) => organizationDomain.delete({ tenantId, domain }).commit()),
      Event.write({ event }, actor, {
        action: "organization.update",
        target: { type: "organization", id: organizationId, label: input.name ?? current.name },
        before: { name: current.name, domains: current.domains },
        after: { name: input.name ?? current.name, domains },
      }),
    ]);
  Workspace.changed();
  return get(organizationId);
}

export * as Organization from "./organization";
