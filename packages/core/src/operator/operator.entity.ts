import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

/** A person who runs the platform (not a workspace's staff): kept under the reserved `_platform` tenant. */
export const OperatorEntity = new Entity({
  model: { entity: "operator", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    operatorId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    passwordHash: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    lastLoginAt: { type: "string" },
  },
  indexes: {
    byEmail: { pk: tenantPartition, sk: sortKey("operator", ["email"]) },
  },
});
