import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

/**
 * A one-time timer of the local scheduler (packages/local/src/scheduler.ts), kept in the table so that it survives a
 * restart. Stored under the platform tenant with every tenant's timers in one index partition by due time: that is
 * the local stand-in for EventBridge Scheduler, which does this on AWS.
 */
export const TimerEntity = new Entity({
  model: { entity: "timer", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    name: { type: "string", required: true, readOnly: true },
    dueAt: { type: "string", required: true },
    payload: { type: "any", required: true },
    attempts: { type: "number", required: true, default: 0 },
    lastError: { type: "string" },
  },
  indexes: {
    byName: { pk: tenantPartition, sk: sortKey("timer", ["name"]) },
    byDue: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["tenantId"], template: "t#${tenantId}#timers", casing: "none" },
      sk: { field: "gsi1sk", composite: ["dueAt", "name"], template: "${dueAt}#${name}", casing: "none" },
    },
  },
});
