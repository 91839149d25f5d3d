import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

/** A workspace asks the operator to top up its balance (and says how it will pay). Kept under the workspace. */
export const TopUpRequestEntity = new Entity({
  model: { entity: "topUpRequest", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    requestId: { type: "string", required: true, readOnly: true },
    amountMinor: { type: "number", required: true, readOnly: true },
    note: { type: "string", readOnly: true },
    requestedBy: { type: "string", required: true, readOnly: true },
    requestedByName: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    status: { type: ["open", "paid", "dismissed"] as const, required: true },
    closedAt: { type: "string" },
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("topup", ["requestId"]) },
  },
});

/** The operator's list of open requests, under the platform: a pointer to each workspace's request. */
export const TopUpPointerEntity = new Entity({
  model: { entity: "topUpPointer", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    requestId: { type: "string", required: true, readOnly: true },
    workspaceId: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("topup", ["requestId"]) },
  },
});
