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
export { get, thread, detail, attachment, messageHtml, findByNumber, byNumber, forRequester, RequesterQuerySchema, list, counts, overdue, type Detail, type SlaEventInfo, type TicketRef, type LinkInfo } from "./read";
export type { MessageDraft } from "./write";
export { regroupQueues } from "./migrate";
export { merge, unmerge, MergeSchema, UnmergeSchema, UNDO_MERGE_MS, type MergeInput } from "./merge";
export { link, unlink, linksOf, LinkSchema, type LinkInput } from "./link";
export { LinkRoles, type LinkRole } from "./link.entity";

export * as Ticket from "./index";
