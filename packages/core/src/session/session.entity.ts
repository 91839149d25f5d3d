import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

/**
 * A signed-in session. The id is the SHA-256 of the token's secret part: the token itself is never stored.
 * `expiresAt` (epoch seconds) is the table's TTL attribute; deletion is lazy, so reads check it too.
 */
export const SessionEntity = new Entity({
  model: { entity: "session", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    sessionId: { type: "string", required: true, readOnly: true },
    staffId: { type: "string", required: true, readOnly: true },
    csrfToken: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "number", required: true },
    revokedAt: { type: "string" },
    ip: { type: "string" },
    userAgent: { type: "string" },
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("session", ["sessionId"]) },
    byStaff: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["tenantId", "staffId"], template: "t#${tenantId}#sessions#${staffId}", casing: "none" },
      sk: { field: "gsi1sk", composite: ["createdAt"], template: "${createdAt}", casing: "none" },
    },
  },
});
