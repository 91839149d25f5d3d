import { useTenantId } from "../actor";
import { guarded, transact, type TxEntities, type TxWrite } from "../db/transaction";
import { Conflict } from "../error";
import { Event } from "../event";
import { createId } from "../id";
import { Sla } from "../sla";
import * as Queue from "./queue";
import { principalName, preview, staleConflict, type MessageInfo, type MessageRecord, type Record } from "./record";
import { useClock } from "../port";

/**
 * Writing a ticket change: one transaction with the ticket (on the version it was read at), its new thread entries and
 * the change's events. Nothing else: letters, queue counts, SLA timers, the overdue list, notifications and search
 * follow from the change stream (the modules' reactions.ts), so a change is a handful of items and two changes of
 * different tickets never touch the same item.
 */

export type MessageDraft = {
  /** Given when the entry's id must be known in advance (mail made idempotent by its id); a new id otherwise. */
  messageId?: string;
  kind: MessageRecord["kind"];
  authorType: MessageRecord["authorType"];
  authorId: string;
  authorName: string;
  body: string;
  enteredBy?: string;
  system?: MessageInfo["system"];
} & Partial<
  Pick<MessageRecord, "mailId" | "emailMessageId" | "fullBody" | "html" | "htmlKey" | "attachments" | "droppedAttachments" | "outboxId" | "letter" | "alert">
>;

export interface Change {
  before: Record;
  /** Attributes to set (the bookkeeping ones are added here). */
  set: Partial<Record>;
  /** Attributes to remove. */
  remove?: (keyof Record)[];
  messages?: MessageDraft[];
  events?: Event.Draft[];
  by: Event.EventActor;
  at?: string;
  /** An SLA warning or breach this change records. */
  slaMarks?: Sla.Marks;
  /** Conditions on other items the change depends on (checked, never written): a merge's survivor as it was read. */
  checks?: (entities: TxEntities) => TxWrite[];
}

/** Inside the transaction: the ticket is no longer at the version the change was based on. */
export class StaleVersion extends Conflict {
  constructor() {
    super("stale version");
  }
}

/** Inside the transaction: a thread entry with this id exists (the same mail, processed again). */
export class EntryExists extends Conflict {
  constructor(readonly messageId: string) {
    super("This entry is in the thread already");
  }
}

type Writable = Omit<Record, "tenantId" | "ticketId" | "number" | "channel" | "origin" | "createdAt" | "createdBy" | "followUpOf">;

/** A new thread entry's item, with its id. */
export function newEntry(tenantId: string, ticketId: string, draft: MessageDraft, at: string): MessageRecord {
  return { tenantId, ticketId, createdAt: at, ...draft, messageId: draft.messageId ?? createId() } as MessageRecord;
}

/** Writes a change; returns the ticket after it and the entries it added. A stale version is a 409 with the current ticket. */
export async function commitChange(change: Change): Promise<{ after: Record; entries: MessageRecord[] }> {
  const tenantId = useTenantId();
  const { before, by } = change;
  const at = change.at ?? useClock().now().toISOString();
  const removed = new Set(change.remove ?? []);
  const merged = { ...before, ...change.set } as Record;
  for (const key of removed) delete (merged as { [key: string]: unknown })[key];
  const entries = (change.messages ?? []).map((m) => newEntry(tenantId, before.ticketId, m, at));
  const publicMessage = [...entries].reverse().find((m) => m.kind === "reply" || m.kind === "customer");
  const bookkeeping = {
    version: before.version + 1,
    updatedAt: at,
    ...principalName(by),
    messageCount: (before.messageCount ?? 0) + entries.length,
    ...(publicMessage ? { preview: preview(publicMessage.body) } : {}),
  };
  const facts = { ...merged, ...bookkeeping, ...Queue.queueAttributes(merged) } as Record;
  // The SLA clock moves with the change (its timers follow by reaction).
  const sla = await Sla.advanceTicket(before, facts, change.slaMarks);
  const after = { ...facts, sla } as Record;
  if (!sla) delete (after as { sla?: unknown }).sla;
  const set: Partial<Writable> = {
    ...change.set,
    ...bookkeeping,
    ...(sla ? { sla } : {}),
    // Every queue index key is rebuilt from these, so they go with every write.
    departmentId: after.departmentId,
    ...Queue.queueAttributes(after),
  };
  const remove = new Set(removed);
  if (!sla && before.sla) remove.add("sla");

  try {
    await transact((entities) => {
      const patch = entities.ticket.patch({ tenantId, ticketId: before.ticketId }).set(set);
      const conditioned = (remove.size ? patch.remove([...remove] as never[]) : patch).where(({ version }, { eq }) => eq(version, before.version));
      return [
        guarded(conditioned.commit(), () => new StaleVersion()),
        ...entries.map((m) => guarded(entities.message.create(m).commit(), () => new EntryExists(m.messageId))),
        ...(change.events ?? []).map((draft) => Event.write(entities, by, draft, at)),
        ...(change.checks?.(entities) ?? []),
      ];
    });
  } catch (error) {
    if (error instanceof StaleVersion) throw await staleConflict(before.ticketId);
    throw error;
  }
  return { after, entries };
}
