import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

/**
 * The version of a workspace's configuration (settings, staff, departments, SLA policies and calendars, letter
 * templates, organizations' domains, the billing account): raised by a reaction whenever any of them changes, and read
 * with the session on every request, so that a process's cached configuration is known to be current for one read.
 */
export const ConfigStampEntity = new Entity({
  model: { entity: "configStamp", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    version: { type: "number", required: true },
    changedAt: { type: "string" },
  },
  indexes: {
    byTenant: { pk: tenantPartition, sk: sortKey("config-stamp", []) },
  },
});
