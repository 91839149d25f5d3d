import { Entity } from "../db/entity";
import { tenantIdAttribute } from "../db/keys";

export const MessageKinds = ["customer", "reply", "note", "system"] as const;

/**
 * One entry of a ticket's thread: the customer's message, an agent's public reply, a private note (never shown to a
 * customer), or a system entry (status change, assignment, redirection). Lives in its ticket's partition.
 */
export const MessageEntity = new Entity({
  model: { entity: "message", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    ticketId: { type: "string", required: true, readOnly: true },
    messageId: { type: "string", required: true, readOnly: true },
    kind: { type: MessageKinds, required: true, readOnly: true },
    authorType: { type: ["staff", "customer", "system"] as const, required: true, readOnly: true },
    authorId: { type: "string", required: true, readOnly: true },
    authorName: { type: "string", required: true, readOnly: true },
    body: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    /** The staff member who typed a customer's message in (a request registered by phone or in person). */
    enteredBy: { type: "string", readOnly: true },
    /** For a message that came by mail: the mail record, its Message-ID, and the text before trimming quotes. */
    mailId: { type: "string", readOnly: true },
    emailMessageId: { type: "string", readOnly: true },
    fullBody: { type: "string", readOnly: true },
    /** The sanitised HTML of a mail: inline when small, else in the blob store under htmlKey. */
    html: { type: "string", readOnly: true },
    htmlKey: { type: "string", readOnly: true },
    attachments: {
      type: "list",
      readOnly: true,
      items: {
        type: "map",
        properties: {
          attachmentId: { type: "string", required: true },
          filename: { type: "string", required: true },
          contentType: { type: "string", required: true },
          size: { type: "number", required: true },
          blobKey: { type: "string", required: true },
          contentId: { type: "string" },
          inline: { type: "boolean" },
        },
      },
    },
    /** Attachments not kept (over the size limit), by name. */
    droppedAttachments: { type: "list", items: { type: "string" }, readOnly: true },
    /** For a public reply: the outbox entry that mails it to the customer. */
    outboxId: { type: "string", readOnly: true },
    /**
     * The letter this entry sends the requester (a reply, "we received your request", "your request is solved"): written
     * with the entry, queued by a reaction (email/reactions.ts) under the outbox id and Message-ID given here, so the
     * ticket's mail thread knows the letter's Message-ID before it is sent, and a letter is never queued twice.
     */
    letter: {
      type: "map",
      readOnly: true,
      properties: {
        kind: { type: "string", required: true },
        outboxId: { type: "string", required: true },
        emailMessageId: { type: "string", required: true },
        customerId: { type: "string", required: true },
        to: { type: "string", required: true },
        toName: { type: "string" },
        ticketNumber: { type: "number", required: true },
        subject: { type: "string", required: true },
        status: { type: "string", required: true },
        inReplyTo: { type: "string" },
        references: { type: "list", items: { type: "string" } },
        solved: { type: "boolean" },
      },
    },
    /** An SLA warning or breach this system entry records, and the staff it alerts (letters, notifications by reaction). */
    alert: {
      type: "map",
      readOnly: true,
      properties: {
        kind: { type: "string", required: true },
        target: { type: "string", required: true },
        generation: { type: "number", required: true },
        dueAt: { type: "string", required: true },
        policyName: { type: "string", required: true },
        ticketNumber: { type: "number", required: true },
        subject: { type: "string", required: true },
        actions: { type: "list", items: { type: "string" } },
        recipients: { type: "list", items: { type: "string" } },
      },
    },
    /** For system entries: what changed. */
    system: {
      type: "map",
      readOnly: true,
      properties: {
        action: { type: "string", required: true },
        from: { type: "string" },
        to: { type: "string" },
        reason: { type: "string" },
      },
    },
  },
  indexes: {
    byId: {
      collection: "thread",
      pk: { field: "pk", composite: ["tenantId", "ticketId"], template: "t#${tenantId}#tk#${ticketId}", casing: "none" },
      sk: { field: "sk", composite: ["messageId"], template: "msg#${messageId}", casing: "none" },
    },
  },
});
