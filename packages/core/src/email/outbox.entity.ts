import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

export const OutboxStatuses = ["queued", "sent", "retrying", "failed", "suppressed"] as const;
export type OutboxStatus = (typeof OutboxStatuses)[number];

/**
 * One mail to send, written in the same transaction as what it tells of (a reply, a new ticket, a solved ticket), so
 * nothing is announced that did not happen and nothing that happened goes unannounced. Delivery retries transient
 * failures on a timer; a permanent failure stays visible here and on the ticket.
 */
export const OutboxEntity = new Entity({
  model: { entity: "outbox", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    outboxId: { type: "string", required: true, readOnly: true },
    kind: {
      type: ["ticket_received", "agent_reply", "ticket_solved", "staff_alert", "staff_notice", "invitation", "password_reset", "low_balance", "suspended", "restored"] as const,
      required: true,
      readOnly: true,
    },
    /** The ticket a letter is about (letters about the workspace have none). */
    ticketId: { type: "string", readOnly: true },
    ticketNumber: { type: "number", readOnly: true },
    /** Our Message-ID for this mail (also a MailRef). */
    messageId: { type: "string", required: true, readOnly: true },
    fromName: { type: "string", required: true, readOnly: true },
    to: { type: "string", required: true, readOnly: true },
    toName: { type: "string", readOnly: true },
    subject: { type: "string", required: true, readOnly: true },
    text: { type: "string", required: true, readOnly: true },
    html: { type: "string", readOnly: true },
    inReplyTo: { type: "string", readOnly: true },
    references: { type: "list", items: { type: "string" }, readOnly: true },
    automatic: { type: "boolean", required: true, readOnly: true },
    status: { type: OutboxStatuses, required: true },
    attempts: { type: "number", required: true, default: 0 },
    /** The delivery holding the attempt under way (send.ts): a redelivery of it may finish what it began. */
    claimedBy: { type: "string" },
    lastError: { type: "string" },
    nextAttemptAt: { type: "string" },
    sentAt: { type: "string" },
    providerMessageId: { type: "string" },
    /** Staff asked for it to be sent again (Outbox.retry, Outbox.resend): the request the sending reaction follows. */
    resendRequestedAt: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("outbox", ["outboxId"]) },
    byStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["tenantId", "status"], template: "t#${tenantId}#outbox#${status}", casing: "none" },
      sk: { field: "gsi1sk", composite: ["createdAt", "outboxId"], template: "${createdAt}#${outboxId}", casing: "none" },
    },
  },
});

/** A tenant's own wording of a notification letter, per kind and language (Liquid). */
export const LetterEntity = new Entity({
  model: { entity: "letter", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    kind: { type: "string", required: true, readOnly: true },
    locale: { type: "string", required: true, readOnly: true },
    subject: { type: "string", required: true },
    body: { type: "string", required: true },
    updatedAt: { type: "string", required: true },
    updatedBy: { type: "string", required: true },
  },
  indexes: {
    byKind: { pk: tenantPartition, sk: sortKey("letter", ["kind", "locale"]) },
  },
});
