import * as Lifecycle from "./lifecycle";
import * as Queue from "./queue";

/**
 * Tickets: one use case a file. A change writes the ticket, its new thread entries and its events in one transaction
 * (write.ts); everything that follows from it (letters, queue counts, SLA timers, notifications) is a reaction to the
 * change stream (reactions.ts here, and in the modules that react).
 */
export { Lifecycle, Queue };
export * from "./record";
export { open, create, CreateSchema, TicketExists, assertAssignable, type CreateInput, type Opening } from "./create";
export { update, UpdateSchema, type UpdateInput } from "./update";
export { reply, note, ReplySchema, NoteSchema } from "./reply";
export { receive, markUndelivered, markDelivered, AlreadyReceived, type Incoming } from "./receive";
export { remove, restore, purge } from "./trash";
export { bulk, BulkSchema, BULK_LIMIT, type BulkInput, type BulkOutcome, type BulkReason } from "./bulk";
export { fireSla, readMany, type SlaOutcome } from "./escalate";
export { get, thread, detail, attachment, messageHtml, findByNumber, byNumber, forRequester, RequesterQuerySchema, list, counts, overdue, type Detail, type SlaEventInfo } from "./read";
export type { MessageDraft } from "./write";
export { regroupQueues } from "./migrate";

export * as Ticket from "./index";
