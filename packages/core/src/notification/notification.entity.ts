import { Entity } from "../db/entity";
import { tenantIdAttribute } from "../db/keys";

/**
 * Something a staff member should see in the console: a ticket assigned to them or waiting in their department, a
 * customer's reply, a mention, a change of a ticket they follow, an SLA warning or breach (reactions.ts).
 */
export const NotificationEntity = new Entity({
  model: { entity: "notification", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    staffId: { type: "string", required: true, readOnly: true },
    notificationId: { type: "string", required: true, readOnly: true },
    kind: { type: "string", required: true, readOnly: true },
    ticketId: { type: "string", readOnly: true },
    ticketNumber: { type: "number", readOnly: true },
    title: { type: "string", required: true, readOnly: true },
    body: { type: "string", readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    readAt: { type: "string" },
  },
  indexes: {
    byStaff: {
      pk: { field: "pk", composite: ["tenantId", "staffId"], template: "t#${tenantId}#inbox#${staffId}", casing: "none" },
      sk: { field: "sk", composite: ["notificationId"], template: "n#${notificationId}", casing: "none" },
    },
  },
});
