import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

/**
 * Attempts counted in the current window (core/auth/throttle.ts): per account, and per account and source, under the
 * account's tenant; per source under the `_platform` tenant, because a source may try many workspaces. Expires with
 * the window.
 */
export const LoginThrottleEntity = new Entity({
  model: { entity: "loginThrottle", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    key: { type: "string", required: true, readOnly: true },
    attempts: { type: "number", required: true, default: 0 },
    windowStartedAt: { type: "number", required: true },
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    byKey: { pk: tenantPartition, sk: sortKey("throttle", ["key"]) },
  },
});
