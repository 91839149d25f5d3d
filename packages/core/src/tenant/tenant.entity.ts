import { Entity } from "electrodb";
import { sortKey, tenantIdAttribute, tenantPartition, timestamps } from "../db/keys";

/** A workspace. Its id is its slug: permanent, because the inbound address and every key derive from it. */
export const TenantEntity = new Entity({
  model: { entity: "tenant", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    name: { type: "string", required: true },
    inboundAddress: { type: "string", required: true, readOnly: true },
    planId: { type: "string", required: true },
    planStatus: { type: ["trial", "active", "suspended"] as const, required: true },
    trialEndsAt: { type: "string" },
    ownerId: { type: "string", required: true },
    /** Signs the reply tokens of the tenant's outgoing mail (email/token.ts). Never leaves the server. */
    mailSecret: { type: "string" },
    /** The language of the workspace's letters and of customers whose language is not known. */
    locale: { type: "string" },
    ...timestamps,
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("tenant", []) },
  },
});
