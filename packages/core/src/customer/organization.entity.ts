import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition, timestamps } from "../db/keys";

/** A company that customers belong to, matched by the domains of their email addresses. */
export const OrganizationEntity = new Entity({
  model: { entity: "organization", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    organizationId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    domains: { type: "list", items: { type: "string" } },
    notes: { type: "string" },
    ...timestamps,
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("org", ["organizationId"]) },
  },
});

/** Claims an email domain for one organization of a tenant. */
export const OrganizationDomainEntity = new Entity({
  model: { entity: "organizationDomain", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    domain: { type: "string", required: true, readOnly: true },
    organizationId: { type: "string", required: true },
  },
  indexes: {
    byDomain: { pk: tenantPartition, sk: sortKey("org-domain", ["domain"]) },
  },
});
