import { Entity } from "../db/entity";
import { tenantIdAttribute } from "../db/keys";
import { Channels, Levels, Origins, Priorities, Statuses, Types } from "./lifecycle";

/** The sort key of every queue index: priority rank, last update, id (unique, so cursors are exact). */
const queueSort = (field: string) =>
  ({
    field,
    composite: ["prioRank", "updatedAt", "ticketId"],
    template: "${prioRank}#${updatedAt}#${ticketId}",
    casing: "none",
  }) as const;

/**
 * A ticket. Its partition also holds its messages (the "thread" collection), so a ticket with its messages is one
 * query. Four queue indexes file it by department, by assignee ("none" when unassigned), tenant-wide, and (only while
 * unassigned) by department again, each partition being one queue group (open, pending, hold, solved, trash): a
 * queue's page reads a page's worth of items however many tickets the tenant has.
 *
 * `queueGroup`, `prioRank` and `assigneeKey` are derived (ticket/queue.ts) and written with every change, because
 * ElectroDB rebuilds an index's keys only from the attributes given in the same write.
 */
export const TicketEntity = new Entity({
  model: { entity: "ticket", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    ticketId: { type: "string", required: true, readOnly: true },
    number: { type: "number", required: true, readOnly: true },
    subject: { type: "string", required: true },
    status: { type: Statuses, required: true },
    priority: { type: Priorities, required: true },
    impact: { type: Levels, required: true },
    urgency: { type: Levels, required: true },
    type: { type: Types, required: true },
    channel: { type: Channels, required: true, readOnly: true },
    origin: { type: Origins, readOnly: true },
    departmentId: { type: "string", required: true },
    assigneeId: { type: "string" },
    tags: { type: "list", items: { type: "string" } },
    requesterId: { type: "string", required: true },
    requesterName: { type: "string", required: true },
    requesterEmail: { type: "string" },
    organizationId: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    createdBy: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
    updatedBy: { type: "string", required: true },
    updatedByName: { type: "string", required: true },
    firstResponseAt: { type: "string" },
    solvedAt: { type: "string" },
    closedAt: { type: "string" },
    lastCustomerActivityAt: { type: "string" },
    lastAgentActivityAt: { type: "string" },
    /** Incremented by every change; an update based on another version is refused (409). */
    version: { type: "number", required: true },
    deletedAt: { type: "string" },
    deletedBy: { type: "string" },
    /** The closed ticket this one follows up. */
    followUpOf: { type: "string", readOnly: true },
    /** A ticket this one's first mail referred to, without the sender taking part in it. */
    linkedTo: { type: "string", readOnly: true },
    /** Email addresses taking part in the conversation (the requester and those copied). */
    participants: { type: "list", items: { type: "string" } },
    /** Opened by automated mail (monitoring, a no-reply sender): never answered automatically. */
    automated: { type: "boolean" },
    /** Message-IDs of the ticket's mail, oldest first (the root and the latest): In-Reply-To and References of our letters. */
    mailThread: { type: "list", items: { type: "string" } },
    /** The Message-ID of the customer's latest mail: what our next letter replies to. */
    customerMessageId: { type: "string" },
    /** The SLA clock of each target (sla/clock.ts SlaState), written with every change that moves it. */
    sla: { type: "any" },
    /** The customer did not get our last mail (a hard bounce): when, and why. */
    deliveryFailedAt: { type: "string" },
    deliveryFailure: { type: "string" },
    /** The start of the latest public message, for queue rows. */
    preview: { type: "string" },
    messageCount: { type: "number", required: true, default: 0 },
    /** Merged into another ticket of the same customer (ticket/merge.ts): the survivor, its number, when, by whom. */
    mergedInto: { type: "string" },
    mergedIntoNumber: { type: "number" },
    mergedAt: { type: "string" },
    mergedBy: { type: "string" },
    /** The status the merged ticket had, which undoing the merge gives back. */
    statusBeforeMerge: { type: Statuses },
    /** The tickets merged into this one: kept by reaction (reactions.ts) to the merged tickets' changes. */
    mergedFrom: { type: "set", items: "string" },
    queueGroup: { type: "string", required: true },
    prioRank: { type: "string", required: true },
    assigneeKey: { type: "string", required: true },
  },
  indexes: {
    byId: {
      collection: "thread",
      pk: { field: "pk", composite: ["tenantId", "ticketId"], template: "t#${tenantId}#tk#${ticketId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "ticket", casing: "none" },
    },
    byDepartment: {
      index: "gsi1",
      pk: {
        field: "gsi1pk",
        composite: ["tenantId", "departmentId", "queueGroup"],
        template: "t#${tenantId}#q#d#${departmentId}#${queueGroup}",
        casing: "none",
      },
      sk: queueSort("gsi1sk"),
    },
    byAssignee: {
      index: "gsi2",
      pk: {
        field: "gsi2pk",
        composite: ["tenantId", "assigneeKey", "queueGroup"],
        template: "t#${tenantId}#q#a#${assigneeKey}#${queueGroup}",
        casing: "none",
      },
      sk: queueSort("gsi2sk"),
    },
    byTenant: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["tenantId", "queueGroup"], template: "t#${tenantId}#q#t#${queueGroup}", casing: "none" },
      sk: queueSort("gsi3sk"),
    },
    unassignedByDepartment: {
      index: "gsi4",
      // Sparse: only unassigned tickets are in it (ElectroDB removes the keys when the condition is false).
      condition: (attributes) => attributes.assigneeKey === "none",
      pk: {
        field: "gsi4pk",
        composite: ["tenantId", "departmentId", "queueGroup"],
        template: "t#${tenantId}#q#u#${departmentId}#${queueGroup}",
        casing: "none",
      },
      sk: queueSort("gsi4sk"),
    },
    byRequester: {
      index: "gsi5",
      pk: { field: "gsi5pk", composite: ["tenantId", "requesterId"], template: "t#${tenantId}#cu#${requesterId}", casing: "none" },
      sk: { field: "gsi5sk", composite: ["createdAt", "ticketId"], template: "${createdAt}#${ticketId}", casing: "none" },
    },
  },
});
