import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

/**
 * The platform's key for signing pagination cursors (and, derived per purpose, sign-in's device cookies): one item under the platform tenant, made on first use, so that
 * every process (each Lambda instance, the local runtime) signs and verifies with the same key without a deploy step.
 */
export const CursorKeyEntity = new Entity({
  model: { entity: "cursorKey", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    key: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byTenant: { pk: tenantPartition, sk: sortKey("cursorkey", []) },
  },
});
