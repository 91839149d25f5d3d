import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition, timestamps } from "../db/keys";

/**
 * A workspace. Its id is the address it was opened with: permanent, because every key derives from it. The address
 * people use may change (`slug`); the old ones stay as aliases.
 */
export const TenantEntity = new Entity({
  model: { entity: "tenant", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    name: { type: "string", required: true },
    /**
     * The workspace's address as people use it (sign-in, inbound mail), once the owner has changed it; absent, it is
     * the id. Every address it had is kept as an alias (tenant/address.ts).
     */
    slug: { type: "string" },
    /** The addresses the workspace had before, which still sign in and receive mail. */
    aliases: { type: "list", items: { type: "string" } },
    inboundAddress: { type: "string", required: true },
    planId: { type: "string", required: true },
    planStatus: { type: ["trial", "active", "suspended"] as const, required: true },
    trialEndsAt: { type: "string" },
    ownerId: { type: "string", required: true },
    /** Signs the reply tokens of the tenant's outgoing mail (email/token.ts). Never leaves the server. */
    mailSecret: { type: "string" },
    /** The language of the workspace's letters and of customers whose language is not known. */
    locale: { type: "string" },
    /** The workspace's time zone (IANA), for the console's dates and the default business calendar. */
    timeZone: { type: "string" },
    /** Add-ons bought on top of the plan (plan/index.ts AddOns). */
    addOns: { type: "list", items: { type: "string" } },
    /** Set while the workspace is suspended for a negative balance past its grace period. */
    suspendedAt: { type: "string" },
    /** The fields the customer form of the portal asks for, beyond name and email. */
    customerFields: { type: "any" },
    /** The department the workspace starts with (made with it, by the department module). */
    defaultDepartmentId: { type: "string" },
    /**
     * The owner's account while it is being made, right after sign-up (by the staff module, also by reaction after a
     * crash); removed once the account exists.
     */
    pendingOwner: {
      type: "map",
      properties: {
        name: { type: "string", required: true },
        email: { type: "string", required: true },
        passwordHash: { type: "string", required: true },
        locale: { type: "string" },
      },
    },
    ...timestamps,
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("tenant", []) },
  },
});

/**
 * The platform's list of workspaces, under the reserved `_platform` tenant: what the daily billing run and the
 * operator console go through (one query, never a scan of the table). Written with the workspace at sign-up.
 */
export const TenantIndexEntity = new Entity({
  model: { entity: "tenantIndex", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    workspaceId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byWorkspace: { pk: tenantPartition, sk: sortKey("workspace", ["workspaceId"]) },
  },
});

/**
 * A workspace address claimed: the one a workspace was opened with, and each it took since (the old ones stay its
 * aliases), under the reserved `_platform` tenant. Written with the workspace's change in one transaction, on the
 * condition that nobody has it, so an address names one workspace for good; sign-in and inbound mail read it to find
 * the workspace an address names (tenant/index.ts `resolve`).
 */
export const WorkspaceAddressEntity = new Entity({
  model: { entity: "workspaceAddress", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    address: { type: "string", required: true, readOnly: true },
    workspaceId: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byAddress: { pk: tenantPartition, sk: sortKey("address", ["address"]) },
  },
});
