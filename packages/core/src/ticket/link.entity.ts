import { Entity } from "../db/entity";
import { tenantIdAttribute } from "../db/keys";

/**
 * What a linked ticket is to this one: its problem (this ticket is one of the problem's incidents), one of its
 * incidents (this ticket is the problem), or a related ticket. ITIL: one problem, many incidents.
 */
export const LinkRoles = ["problem", "incident", "related"] as const;
export type LinkRole = (typeof LinkRoles)[number];

/**
 * A link from a ticket to another, in the ticket's partition (the "thread" collection), so a ticket's links load with
 * it. The agent's link is written with the ticket's event; its mirror in the other ticket's partition follows by
 * reaction (reactions.ts), under the same `linkId`, so both tickets read their links in their own one query.
 */
export const TicketLinkEntity = new Entity({
  model: { entity: "ticketLink", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    ticketId: { type: "string", required: true, readOnly: true },
    otherId: { type: "string", required: true, readOnly: true },
    role: { type: LinkRoles, required: true, readOnly: true },
    /** One id for a link and its mirror: a reaction deletes only the mirror of the link it saw removed. */
    linkId: { type: "string", required: true, readOnly: true },
    /** Written by reaction, mirroring the link an agent made on the other ticket. */
    mirror: { type: "boolean", readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    createdBy: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byId: {
      collection: "thread",
      pk: { field: "pk", composite: ["tenantId", "ticketId"], template: "t#${tenantId}#tk#${ticketId}", casing: "none" },
      sk: { field: "sk", composite: ["otherId"], template: "link#${otherId}", casing: "none" },
    },
  },
});

/** The role the other side of a link has: a problem's incident sees its problem, and the other way round. */
export function mirrorRole(role: LinkRole): LinkRole {
  return role === "problem" ? "incident" : role === "incident" ? "problem" : "related";
}
