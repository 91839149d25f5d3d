/**
 * Key templates shared by every entity. The partition key of each index starts with `t#<tenantId>`; entities of the
 * platform itself (the plan catalog, per-source login throttles) live under the reserved tenant id `_platform`,
 * which no workspace slug can take (slugs are lowercase letters, digits and hyphens).
 */
import { useClock } from "../port";
export const PLATFORM_TENANT_ID = "_platform";

export const TENANT_PREFIX = "t#";

/** The primary-index partition key of every entity: `t#<tenantId>`. */
export const tenantPartition = {
  field: "pk",
  composite: ["tenantId"],
  template: "t#${tenantId}",
  casing: "none",
} as const;

/** A primary-index sort key: `<prefix>#<composite...>` (or the bare prefix for singletons). */
export function sortKey<const C extends readonly string[]>(prefix: string, composite: C) {
  const template = composite.length ? `${prefix}#${composite.map((c) => `\${${c}}`).join("#")}` : prefix;
  return { field: "sk", composite, template, casing: "none" } as const;
}

/** Standard audit timestamps: set on create, `updatedAt` refreshed on every write. */
export const timestamps = {
  createdAt: {
    type: "string",
    readOnly: true,
    required: true,
    default: () => useClock().now().toISOString(),
  },
  updatedAt: {
    type: "string",
    required: true,
    default: () => useClock().now().toISOString(),
    watch: "*",
    set: () => useClock().now().toISOString(),
  },
} as const;

export const tenantIdAttribute = { type: "string", required: true, readOnly: true } as const;
