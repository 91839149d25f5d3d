import * as z from "zod";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { guarded } from "../db/transaction";
import { Conflict, Invalid, msg } from "../error";
import { Event } from "../event";
import { useClock } from "../port";
import { parse } from "../validation";
import { byNumber } from "./read";
import { IdSchema, load, readRecord, staleConflict, VersionSchema, view, type Info, type Record } from "./record";
import { commitChange, type MessageDraft } from "./write";

/** How long a merge can be undone. */
export const UNDO_MERGE_MS = 24 * 3600 * 1000;

export const MergeSchema = z
  .object({
    version: VersionSchema,
    /** The ticket to merge into, by id (the picker) or by number (typed). */
    into: IdSchema.optional(),
    intoNumber: z.number({ error: "A ticket number is a whole number" }).int("A ticket number is a whole number").min(1, "A ticket number is a whole number").optional(),
  })
  .strict()
  .refine((input) => input.into !== undefined || input.intoNumber !== undefined, { message: "Choose the ticket to merge into", path: ["into"] });
export type MergeInput = z.input<typeof MergeSchema>;

export const UnmergeSchema = z.object({ version: VersionSchema.optional() }).strict();

/** Where a refusal about the ticket merged into is shown: the field the agent filled in. */
const fieldOf = (input: z.output<typeof MergeSchema>) => (input.into !== undefined ? "into" : "intoNumber");

/** The ticket to merge into, if the actor may see it; otherwise a field error (as if it did not exist). */
async function survivorFor(input: z.output<typeof MergeSchema>): Promise<Record> {
  const actor = usePrincipal();
  const found = input.into !== undefined ? await readRecord(input.into, true) : await byNumber(input.intoNumber!);
  if (!found || !Access.can(actor, "view", found)) {
    throw Invalid.field(fieldOf(input), "not_found", input.into !== undefined ? msg("There is no such ticket") : msg("There is no ticket #{number}", { number: String(input.intoNumber) }));
  }
  return found;
}

/** A system entry of the merged ticket's thread. */
function entry(by: Event.EventActor, action: "merge" | "unmerge", other: Record): MessageDraft {
  return {
    kind: "system",
    authorType: by.type === "staff" ? "staff" : "system",
    authorId: by.id,
    authorName: by.name,
    body: "",
    system: { action, to: String(other.number), reason: other.ticketId },
  };
}

/**
 * Merges a ticket into another of the same customer (the survivor). One transaction on the merged ticket: it is
 * closed, says which ticket it was merged into and what status it had, with a system entry and an event. The survivor
 * learns of it by reaction (its `mergedFrom`, reactions.ts); its thread shows both tickets' messages, read together
 * (read.ts); mail to the merged ticket joins the survivor (email/thread.ts). Its SLA clocks stop as on a close.
 */
export async function merge(ticketId: string, raw: MergeInput): Promise<Info> {
  const actor = usePrincipal();
  const input = parse(MergeSchema, raw);
  const before = await load(ticketId);
  Access.assertTicket(actor, "work", before);
  if (input.version !== before.version) throw await staleConflict(ticketId, before);
  if (before.mergedInto) throw new Conflict(msg("This ticket was merged into #{number} already", { number: String(before.mergedIntoNumber ?? "") }));
  if (before.mergedFrom?.length) throw new Conflict(msg("Other tickets were merged into this one: merge them into the ticket you choose instead, or undo their merge first"));

  const field = fieldOf(input);
  const into = await survivorFor(input);
  const number = String(into.number);
  if (into.ticketId === before.ticketId) throw Invalid.field(field, "same_ticket", msg("A ticket cannot be merged into itself"));
  if (!Access.can(actor, "work", into)) {
    if (into.deletedAt) throw Invalid.field(field, "trashed", msg("Ticket #{number} is in the trash", { number }));
    throw Invalid.field(field, "forbidden", msg("You do not work the department of #{number}", { number }));
  }
  if (into.deletedAt) throw Invalid.field(field, "trashed", msg("Ticket #{number} is in the trash", { number }));
  if (into.mergedInto) {
    throw Invalid.field(field, "merged", msg("Ticket #{number} was itself merged into #{survivor}", { number, survivor: String(into.mergedIntoNumber ?? "") }));
  }
  if (into.status === "closed") throw Invalid.field(field, "closed", msg("Ticket #{number} is closed", { number }));
  if (into.requesterId !== before.requesterId) {
    throw Invalid.field(field, "other_customer", msg("Ticket #{number} is another customer's: only one customer's tickets are merged", { number }));
  }

  const by = Event.actorOf(actor);
  const at = useClock().now().toISOString();
  const { after } = await commitChange({
    before,
    set: {
      status: "closed",
      ...(before.status === "closed" ? {} : { closedAt: at }),
      mergedInto: into.ticketId,
      mergedIntoNumber: into.number,
      mergedAt: at,
      mergedBy: by.id,
      statusBeforeMerge: before.status,
    },
    messages: [entry(by, "merge", into)],
    // The survivor as it was judged: still not merged, not in the trash, the same customer's (a merge into this
    // ticket at the same moment, or into the survivor from elsewhere, fails here rather than chaining merges).
    checks: (entities) => [
      guarded(
        entities.ticket
          .check({ tenantId: useTenantId(), ticketId: into.ticketId })
          .where((a, op) => `${op.notExists(a.mergedInto)} AND ${op.notExists(a.deletedAt)} AND ${op.eq(a.requesterId, into.requesterId)}`)
          .commit(),
        () => Invalid.field(field, "changed", msg("Ticket #{number} changed while you were merging; try again", { number })),
      ),
    ],
    events: [
      {
        action: "ticket.merge",
        target: { type: "ticket", id: ticketId, label: `#${before.number}` },
        departmentId: before.departmentId,
        before: { status: before.status },
        after: { status: "closed", mergedInto: `#${into.number}` },
      },
    ],
    by,
    at,
  });
  return view(after);
}

/**
 * Undoes a merge, within 24 hours of it: the merged ticket gets its status back and leaves the survivor (whose thread
 * no longer shows its messages, and whose `mergedFrom` follows by reaction).
 */
export async function unmerge(ticketId: string, raw: z.input<typeof UnmergeSchema> = {}): Promise<Info> {
  const actor = usePrincipal();
  const input = parse(UnmergeSchema, raw);
  const before = await load(ticketId);
  Access.assertTicket(actor, "work", before);
  if (input.version !== undefined && input.version !== before.version) throw await staleConflict(ticketId, before);
  if (!before.mergedInto || !before.mergedAt) throw new Conflict(msg("This ticket is not merged into another"));
  const now = useClock().now();
  if (now.getTime() - Date.parse(before.mergedAt) > UNDO_MERGE_MS) throw new Conflict(msg("A merge can be undone within 24 hours only"));
  const previous = before.statusBeforeMerge ?? "open";
  const by = Event.actorOf(actor);
  const survivor = { ticketId: before.mergedInto, number: before.mergedIntoNumber ?? 0 } as Record;
  const { after } = await commitChange({
    before,
    set: { status: previous },
    remove: ["mergedInto", "mergedIntoNumber", "mergedAt", "mergedBy", "statusBeforeMerge", ...(previous === "closed" ? [] : (["closedAt"] as const))],
    messages: [entry(by, "unmerge", survivor)],
    events: [
      {
        action: "ticket.unmerge",
        target: { type: "ticket", id: ticketId, label: `#${before.number}` },
        departmentId: before.departmentId,
        before: { status: "closed", mergedInto: `#${survivor.number}` },
        after: { status: previous },
      },
    ],
    by,
    at: now.toISOString(),
  });
  return view(after);
}
