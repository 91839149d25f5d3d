import { Entity } from "../db/entity";
import { tenantIdAttribute, timestamps } from "../db/keys";

/**
 * A saved view: a queue's filters under a name, kept by one staff member (`ownerKey` their id) or shared with the
 * whole workspace (`ownerKey` "shared"). A person's list is two partitions: their own and the shared one.
 */
export const SavedViewEntity = new Entity({
  model: { entity: "savedView", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    ownerKey: { type: "string", required: true, readOnly: true },
    viewId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    /** Who saved it. */
    createdBy: { type: "string", required: true, readOnly: true },
    /** The queue's filters, as GET /api/tickets takes them. */
    query: {
      type: "map",
      required: true,
      properties: {
        view: { type: "string", required: true },
        sort: { type: "string", required: true },
        departmentId: { type: "string" },
        assigneeId: { type: "string" },
        status: { type: "string" },
        priority: { type: "string" },
        type: { type: "string" },
        tag: { type: "string" },
      },
    },
    ...timestamps,
  },
  indexes: {
    byOwner: {
      pk: { field: "pk", composite: ["tenantId", "ownerKey"], template: "t#${tenantId}#views#${ownerKey}", casing: "none" },
      sk: { field: "sk", composite: ["viewId"], template: "view#${viewId}", casing: "none" },
    },
  },
});
