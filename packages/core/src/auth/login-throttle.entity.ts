import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

/**
 * Failed sign-in attempts in the current window, per account (under its tenant) and per source address (under the
 * `_platform` tenant, because a source may try many workspaces). Expires with the window.
 */
export const LoginThrottleEntity = new Entity({
  model: { entity: "loginThrottle", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    key: { type: "string", required: true, readOnly: true },
    failures: { type: "number", required: true, default: 0 },
    windowStartedAt: { type: "number", required: true },
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    byKey: { pk: tenantPartition, sk: sortKey("throttle", ["key"]) },
  },
});
