import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition, timestamps } from "../db/keys";

/** A business calendar: time zone, weekly working hours, holidays (validated by sla/calendar.ts). */
export const CalendarEntity = new Entity({
  model: { entity: "calendar", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    calendarId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    timeZone: { type: "string", required: true },
    week: { type: "any", required: true },
    holidays: { type: "list", items: { type: "string" } },
    ...timestamps,
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("sla-calendar", ["calendarId"]) },
  },
});

/**
 * An SLA policy: which tickets it covers (priorities, types, departments; empty means any), its targets in minutes,
 * business or calendar hours, the statuses that pause it, when it warns, and what happens on a warning or a breach.
 * Policies are tried in `position` order; the first that matches applies.
 */
export const SlaPolicyEntity = new Entity({
  model: { entity: "slaPolicy", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    policyId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    position: { type: "number", required: true },
    active: { type: "boolean", required: true, default: true },
    match: { type: "any", required: true },
    targets: { type: "any", required: true },
    hours: { type: ["business", "calendar"] as const, required: true },
    calendarId: { type: "string" },
    pauseOn: { type: "list", items: { type: "string" } },
    warnPercent: { type: "number" },
    escalations: { type: "any" },
    ...timestamps,
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("sla-policy", ["policyId"]) },
  },
});

/** A ticket that has an unmet, breached target: the overdue view reads these (a sparse index kept by hand). */
export const OverdueEntity = new Entity({
  model: { entity: "overdue", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    ticketId: { type: "string", required: true, readOnly: true },
    departmentId: { type: "string", required: true },
    since: { type: "string", required: true },
  },
  indexes: {
    byTicket: { pk: tenantPartition, sk: sortKey("overdue", ["ticketId"]) },
  },
});

/**
 * One SLA warning or breach of a ticket, for one target and one timer generation: created with a condition in the
 * same transaction as the escalation, so that a timer delivered twice escalates once. Lives in the ticket's partition
 * (the "thread" collection), so the ticket's breach history loads with it.
 */
export const SlaEventEntity = new Entity({
  model: { entity: "slaEvent", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    ticketId: { type: "string", required: true, readOnly: true },
    key: { type: "string", required: true, readOnly: true },
    target: { type: "string", required: true, readOnly: true },
    kind: { type: ["warning", "breach"] as const, required: true, readOnly: true },
    policyName: { type: "string", required: true, readOnly: true },
    dueAt: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    actions: { type: "list", items: { type: "string" }, readOnly: true },
  },
  indexes: {
    byId: {
      collection: "thread",
      pk: { field: "pk", composite: ["tenantId", "ticketId"], template: "t#${tenantId}#tk#${ticketId}", casing: "none" },
      sk: { field: "sk", composite: ["key"], template: "slaevt#${key}", casing: "none" },
    },
  },
});
