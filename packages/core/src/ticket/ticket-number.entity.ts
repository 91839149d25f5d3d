import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

/**
 * Claims a ticket number within a tenant (written with the ticket, so a number names one ticket only) and finds a
 * ticket by its number, whatever its status.
 */
export const TicketNumberEntity = new Entity({
  model: { entity: "ticketNumber", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    number: { type: "number", required: true, readOnly: true },
    ticketId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byNumber: { pk: tenantPartition, sk: sortKey("tkno", ["number"]) },
  },
});
