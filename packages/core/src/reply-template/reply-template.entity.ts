import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition, timestamps } from "../db/keys";

/** A prepared answer agents insert from the composer, with placeholders for the customer, the ticket and the agent. */
export const ReplyTemplateEntity = new Entity({
  model: { entity: "replyTemplate", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    templateId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    body: { type: "string", required: true },
    /** Offered for tickets of these departments; empty: all. */
    departmentIds: { type: "list", items: { type: "string" } },
    ...timestamps,
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("reply-tmpl", ["templateId"]) },
  },
});
