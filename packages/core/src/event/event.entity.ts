import { Entity } from "../db/entity";
import { tenantIdAttribute } from "../db/keys";

/**
 * One staff, customer or system action: who, what, on what, when, the values before and after. Append-only: the core
 * creates events (in the same transaction as the change they record) and never updates or deletes one.
 *
 * Stored by month (time-range queries walk months newest first), and indexed by actor and by target.
 */
export const EventEntity = new Entity({
  model: { entity: "event", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    eventId: { type: "string", required: true, readOnly: true },
    /** yyyy-mm of `at`, the partition of the time index. */
    month: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    actorType: { type: ["staff", "customer", "system", "operator"] as const, required: true, readOnly: true },
    actorId: { type: "string", required: true, readOnly: true },
    actorName: { type: "string", required: true, readOnly: true },
    action: { type: "string", required: true, readOnly: true },
    targetType: { type: "string", required: true, readOnly: true },
    targetId: { type: "string", required: true, readOnly: true },
    /** How the target reads to a person: "#1042", a department's name... */
    targetLabel: { type: "string", readOnly: true },
    departmentId: { type: "string", readOnly: true },
    before: { type: "any", readOnly: true },
    after: { type: "any", readOnly: true },
    reason: { type: "string", readOnly: true },
  },
  indexes: {
    byMonth: {
      pk: { field: "pk", composite: ["tenantId", "month"], template: "t#${tenantId}#ev#${month}", casing: "none" },
      sk: { field: "sk", composite: ["at", "eventId"], template: "${at}#${eventId}", casing: "none" },
    },
    byActor: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["tenantId", "actorId"], template: "t#${tenantId}#ev#a#${actorId}", casing: "none" },
      sk: { field: "gsi1sk", composite: ["at", "eventId"], template: "${at}#${eventId}", casing: "none" },
    },
    byTarget: {
      index: "gsi2",
      pk: {
        field: "gsi2pk",
        composite: ["tenantId", "targetType", "targetId"],
        template: "t#${tenantId}#ev#t#${targetType}#${targetId}",
        casing: "none",
      },
      sk: { field: "gsi2sk", composite: ["at", "eventId"], template: "${at}#${eventId}", casing: "none" },
    },
  },
});
