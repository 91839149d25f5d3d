import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

export const MailStatuses = [
  "processing",
  "ticket_created",
  "reply_added",
  "note_added",
  "ignored",
  "held",
  "unprocessable",
] as const;
export type MailStatus = (typeof MailStatuses)[number];

/**
 * A received mail, from the moment its raw bytes are stored: what it became (a ticket, a reply, a note), or why not
 * (ignored, held, unprocessable). Its id is derived from the tenant and the Message-ID, so the same message delivered
 * again finds this record instead of making another ticket; another message under a Message-ID already received
 * (its fingerprint differs) gets an id of its own, with the first one's named. `attempt` fences processing: only the attempt that holds
 * the record may write its outcome, in the same transaction as the ticket or reply it made.
 */
export const MailEntity = new Entity({
  model: { entity: "mail", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    mailId: { type: "string", required: true, readOnly: true },
    messageId: { type: "string" },
    rawKey: { type: "string", required: true },
    /** What the message says, hashed (parse.ts `fingerprint`): tells a delivery again from another message reusing the Message-ID. */
    fingerprint: { type: "string", readOnly: true },
    /** The mail received first under the same Message-ID, when this one says something else. */
    sameMessageIdAs: { type: "string", readOnly: true },
    size: { type: "number", required: true },
    envelopeFrom: { type: "string" },
    /** The receiving server's verdicts on the sender (Inbound.Envelope `auth`), kept for processing again. */
    auth: {
      type: "map",
      readOnly: true,
      properties: { spf: { type: "string" }, dkim: { type: "string" }, dmarc: { type: "string" }, dkimDomain: { type: "string" } },
    },
    recipients: { type: "list", items: { type: "string" } },
    fromAddress: { type: "string" },
    fromName: { type: "string" },
    subject: { type: "string" },
    receivedAt: { type: "string", required: true, readOnly: true },
    status: { type: MailStatuses, required: true },
    reason: { type: "string" },
    error: { type: "string" },
    ticketId: { type: "string" },
    ticketNumber: { type: "number" },
    attempt: { type: "number", required: true },
    leaseUntil: { type: "number" },
    /** An admin asked for it to be processed again (Mail.requestReprocess): when, and what it was before. */
    reprocessRequestedAt: { type: "string" },
    reprocessFrom: { type: "string" },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("mail", ["mailId"]) },
    byReceived: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["tenantId"], template: "t#${tenantId}#mail", casing: "none" },
      sk: { field: "gsi1sk", composite: ["receivedAt", "mailId"], template: "${receivedAt}#${mailId}", casing: "none" },
    },
    byStatus: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["tenantId", "status"], template: "t#${tenantId}#mail#${status}", casing: "none" },
      sk: { field: "gsi2sk", composite: ["receivedAt", "mailId"], template: "${receivedAt}#${mailId}", casing: "none" },
    },
  },
});

/**
 * A Message-ID of a tenant's ticket: ours (every mail we send) and the customers' (every mail received), so that a
 * reply naming it in In-Reply-To or References finds its ticket, and a bounce finds the mail it reports on.
 */
export const MailRefEntity = new Entity({
  model: { entity: "mailRef", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    messageId: { type: "string", required: true, readOnly: true },
    ticketId: { type: "string", required: true, readOnly: true },
    direction: { type: ["in", "out"] as const, required: true, readOnly: true },
    /** For our own mail: the recipient and the outbox entry. */
    recipient: { type: "string", readOnly: true },
    outboxId: { type: "string", readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byMessageId: { pk: tenantPartition, sk: sortKey("mref", ["messageId"]) },
  },
});

/** An address or a whole domain whose mail is recorded and ignored. */
export const StopEntryEntity = new Entity({
  model: { entity: "stopEntry", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    value: { type: "string", required: true, readOnly: true },
    note: { type: "string" },
    createdAt: { type: "string", required: true, readOnly: true },
    createdBy: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byValue: { pk: tenantPartition, sk: sortKey("stop", ["value"]) },
  },
});
