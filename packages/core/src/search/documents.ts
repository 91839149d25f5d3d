import type { SearchCustomerDoc, SearchMessageDoc, SearchOrganizationDoc, SearchTicketDoc } from "../port";
import { phoneDigits, terms } from "./analyze";

/**
 * What the search index holds of each searchable item, made from the item as the table has it (a change's new image,
 * or a scan when the index is rebuilt). Only these four kinds are searched; system entries of a thread (status
 * changes, letters sent) are not words anyone looks for.
 */

/** The longest message text the index keeps (longer mail is found by its first part). */
export const MESSAGE_TEXT_LIMIT = 20_000;

export interface TicketItem {
  tenantId: string;
  ticketId: string;
  version: number;
  number: number;
  subject: string;
  status: string;
  priority: string;
  departmentId: string;
  assigneeId?: string;
  tags?: string[];
  requesterId: string;
  requesterName: string;
  requesterEmail?: string;
  organizationId?: string;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

export function ticketDoc(t: TicketItem): SearchTicketDoc {
  return {
    tenantId: t.tenantId,
    ticketId: t.ticketId,
    version: t.version,
    number: t.number,
    status: t.status,
    priority: t.priority,
    departmentId: t.departmentId,
    assigneeId: t.assigneeId ?? "none",
    tags: t.tags ?? [],
    requesterId: t.requesterId,
    organizationId: t.organizationId,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    deleted: Boolean(t.deletedAt),
    subject: t.subject,
    subjectTerms: terms(t.subject, String(t.number)),
    peopleTerms: terms(t.requesterName, t.requesterEmail),
  };
}

export interface MessageItem {
  tenantId: string;
  ticketId: string;
  messageId: string;
  kind: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export function isSearchedMessage(m: { kind: string }): boolean {
  return m.kind !== "system";
}

export function messageDoc(m: MessageItem): SearchMessageDoc {
  const text = m.body.length > MESSAGE_TEXT_LIMIT ? m.body.slice(0, MESSAGE_TEXT_LIMIT) : m.body;
  return {
    tenantId: m.tenantId,
    ticketId: m.ticketId,
    messageId: m.messageId,
    createdAt: m.createdAt,
    authorName: m.authorName,
    text,
    terms: terms(text),
  };
}

export interface CustomerItem {
  tenantId: string;
  customerId: string;
  name: string;
  email?: string;
  otherEmails?: string[];
  phone?: string;
  organizationId?: string;
  updatedAt?: string;
  /** Merged into another customer: taken out of the index (the survivor is found by the addresses instead). */
  mergedInto?: string;
}

export function customerDoc(c: CustomerItem): SearchCustomerDoc {
  const digits = c.phone ? phoneDigits(c.phone) : "";
  return {
    tenantId: c.tenantId,
    customerId: c.customerId,
    version: c.updatedAt ? Date.parse(c.updatedAt) : 0,
    name: c.name,
    email: c.email,
    phone: c.phone,
    organizationId: c.organizationId,
    terms: [terms(c.name, c.email, ...(c.otherEmails ?? []), c.phone), digits].filter(Boolean).join(" "),
  };
}

export interface OrganizationItem {
  tenantId: string;
  organizationId: string;
  name: string;
  domains?: string[];
  updatedAt?: string;
}

export function organizationDoc(o: OrganizationItem): SearchOrganizationDoc {
  return {
    tenantId: o.tenantId,
    organizationId: o.organizationId,
    version: o.updatedAt ? Date.parse(o.updatedAt) : 0,
    name: o.name,
    domains: o.domains ?? [],
    terms: terms(o.name, ...(o.domains ?? [])),
  };
}
