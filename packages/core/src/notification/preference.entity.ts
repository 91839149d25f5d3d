import { Entity } from "../db/entity";
import { tenantIdAttribute, timestamps } from "../db/keys";

/**
 * What a staff member wants to hear of, and how: for each kind of notification, the bell and mail on or off
 * (preferences.ts fills in the defaults for what they have not chosen). Kept in their inbox's partition, one item.
 */
export const NotificationPreferenceEntity = new Entity({
  model: { entity: "notificationPreference", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    staffId: { type: "string", required: true, readOnly: true },
    /** Kind to channels: `{ assigned: { bell: true, mail: false }, ... }`, validated by preferences.ts. */
    channels: { type: "any", required: true },
    ...timestamps,
  },
  indexes: {
    byStaff: {
      pk: { field: "pk", composite: ["tenantId", "staffId"], template: "t#${tenantId}#inbox#${staffId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "preferences", casing: "none" },
    },
  },
});

/** A staff member follows a ticket: they hear of its replies, notes, status and assignment. One partition per ticket. */
export const FollowEntity = new Entity({
  model: { entity: "follow", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    ticketId: { type: "string", required: true, readOnly: true },
    staffId: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byTicket: {
      pk: { field: "pk", composite: ["tenantId", "ticketId"], template: "t#${tenantId}#followers#${ticketId}", casing: "none" },
      sk: { field: "sk", composite: ["staffId"], template: "f#${staffId}", casing: "none" },
    },
  },
});
