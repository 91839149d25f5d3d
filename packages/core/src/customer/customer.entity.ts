import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition, timestamps } from "../db/keys";

/** A person who asks for help: created on first contact (by email address) or by an agent registering a request. */
export const CustomerEntity = new Entity({
  model: { entity: "customer", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    customerId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    /** The customer's first address: what their letters go to. */
    email: { type: "string" },
    /** Their other addresses (added by staff, or taken over from a merged record), each claimed like the first. */
    otherEmails: { type: "list", items: { type: "string" } },
    phone: { type: "string" },
    organizationId: { type: "string" },
    /** The language the customer writes in (en, ru, uk, kk, hu), for their letters. */
    locale: { type: "string" },
    /** Set when mail to the address bounced hard: no further mail is sent to it. */
    undeliverableAt: { type: "string" },
    undeliverableReason: { type: "string" },
    /** Merged into this customer (customer/merge.ts): the record is a tombstone that points to the one that remains. */
    mergedInto: { type: "string" },
    mergedAt: { type: "string" },
    /** Who merged it (a staff id), whom the changes that follow from the merge are written in the name of. */
    mergedBy: { type: "string" },
    mergedByName: { type: "string" },
    ...timestamps,
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("customer", ["customerId"]) },
  },
});

/**
 * Claims an email address for one customer of a tenant: written in the same transaction as the customer, so that
 * concurrent first contacts from one address make one customer, and read (strongly consistent) to find them. It
 * carries what a new ticket needs of its requester (name, organization, language), so that registering a request
 * from a known address costs one read; the customer's own changes keep it in step.
 */
export const CustomerEmailEntity = new Entity({
  model: { entity: "customerEmail", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    email: { type: "string", required: true, readOnly: true },
    customerId: { type: "string", required: true },
    name: { type: "string" },
    organizationId: { type: "string" },
    locale: { type: "string" },
    /** Mail to the address bounced hard (as on the customer): letters to it are not sent. */
    undeliverableAt: { type: "string" },
  },
  indexes: {
    byEmail: { pk: tenantPartition, sk: sortKey("cust-email", ["email"]) },
  },
});

/**
 * A search term of a customer (their name, email address, phone digits), normalised; a prefix query over these finds
 * customers as an agent types, without a scan. Kept by a reaction to the customer's changes (customer/reactions.ts).
 */
export const CustomerTermEntity = new Entity({
  model: { entity: "customerTerm", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    term: { type: "string", required: true, readOnly: true },
    customerId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byTerm: { pk: tenantPartition, sk: sortKey("cust-find", ["term", "customerId"]) },
  },
});
