import * as z from "zod";
import { Access } from "../access";
import { usePrincipal } from "../actor";
import { appendToThread, letterIntent } from "../email/intent";
import { Conflict, Invalid, NotFound } from "../error";
import { Event } from "../event";
import { createId } from "../id";
import { parse } from "../validation";
import * as Lifecycle from "./lifecycle";
import { detail, thread, type Detail } from "./read";
import { BodySchema, preview, staleConflict, VersionSchema, type Record } from "./record";
import { statusStamps } from "./update";
import { commitChange, type MessageDraft } from "./write";
import { useClock } from "../port";

const StatusAfter = z.enum(["open", "pending", "on_hold", "solved"], { error: "Use open, pending, on_hold or solved" }).optional();

export const ReplySchema = z
  .object({
    body: BodySchema,
    /** Submit the reply and set the status at once ("submit as pending", "submit as solved"). */
    status: StatusAfter,
    version: VersionSchema.optional(),
  })
  .strict();
export const NoteSchema = z
  .object({
    body: BodySchema,
    /** Add the note and set the status at once (atomically). */
    status: StatusAfter,
    version: VersionSchema.optional(),
  })
  .strict();

/** How often a message without a version is tried again on a ticket that others are changing at the same moment. */
const UNVERSIONED_ATTEMPTS = 30;

/**
 * Adds a public reply or a private note. With `version`, a ticket that changed meanwhile is refused (409 with the
 * current ticket, and the console keeps the text); without it, the message is added to whatever the ticket is now.
 * A reply is the first response if none was given yet, and takes an unassigned ticket for its author where they may;
 * its letter to the customer follows by reaction. The ticket and its thread are read once, in one query, and the
 * answer is built from them and the change.
 */
async function addStaffMessage(ticketId: string, kind: "reply" | "note", input: z.output<typeof ReplySchema>): Promise<Detail> {
  const actor = usePrincipal();
  for (let attempt = 1; ; attempt++) {
    const current = await thread(ticketId, { consistent: true });
    if (!current || !Access.can(actor, "view", current.ticket)) throw new NotFound("Ticket");
    const before = current.ticket;
    Access.assertTicket(actor, "work", before);
    if (before.status === "closed") throw new Conflict(Lifecycle.transitionError("closed", "open"));
    if (input.version !== undefined && input.version !== before.version) throw await staleConflict(ticketId, before);
    const by = Event.actorOf(actor);
    const at = useClock().now().toISOString();
    const set: Partial<Record> = {};
    const remove: (keyof Record)[] = [];
    const message: MessageDraft = {
      messageId: createId(),
      kind,
      authorType: by.type === "staff" ? "staff" : "system",
      authorId: by.id,
      authorName: by.name,
      body: input.body,
    };
    const messages: MessageDraft[] = [message];
    const after: { [key: string]: unknown } = { kind };
    if (kind === "reply") {
      set.lastAgentActivityAt = at;
      if (!before.firstResponseAt) set.firstResponseAt = at;
    }
    // "Send and set status": a reply opens a new ticket unless told otherwise; a note changes the status only if asked.
    const status = input.status ?? (kind === "reply" && before.status === "new" ? "open" : before.status);
    let statusEntry: MessageDraft | undefined;
    if (status !== before.status) {
      if (!Lifecycle.canTransition(before.status, status)) {
        throw Invalid.field("status", "transition", Lifecycle.transitionError(before.status, status));
      }
      set.status = status;
      const stamps = statusStamps(before.status, status, at);
      Object.assign(set, stamps.set);
      remove.push(...stamps.remove);
      statusEntry = { ...message, messageId: createId(), kind: "system", body: "", system: { action: "status", from: before.status, to: status } };
      messages.push(statusEntry);
      after.status = status;
    }
    if (kind === "reply") {
      const me = actor.type === "staff" ? actor.staffId : undefined;
      if (me && !before.assigneeId && Access.canAssign(actor, before, me)) {
        set.assigneeId = me;
        after.assigneeId = me;
        messages.push({ ...message, messageId: createId(), kind: "system", body: "", system: { action: "assign", to: me } });
      }
    }
    // The letter: the reply itself (saying so when it also solved the ticket), or "solved" for a note that solved it.
    const withLetter = kind === "reply" ? message : set.status === "solved" ? statusEntry : undefined;
    if (withLetter) {
      const letter = letterIntent(actor.tenantId, kind === "reply" ? "agent_reply" : "ticket_solved", { ...before, ...set } as Record, withLetter.messageId!, {
        solved: kind === "reply" && set.status === "solved",
      });
      if (letter) {
        withLetter.letter = letter;
        set.mailThread = appendToThread(before.mailThread, letter.emailMessageId);
      }
    }
    try {
      const written = await commitChange({
        before,
        set,
        remove,
        messages,
        events: [
          {
            action: kind === "reply" ? "ticket.reply" : "ticket.note",
            target: { type: "ticket", id: ticketId, label: `#${before.number}` },
            departmentId: before.departmentId,
            before: "status" in after ? { status: before.status } : undefined,
            after: { ...after, preview: preview(input.body) },
          },
        ],
        by,
        at,
      });
      return await detail({ ...current, ticket: written.after, messages: [...current.messages, ...written.entries] });
    } catch (error) {
      // Without a version the author did not ask to be told of others' changes: add the message to the new version,
      // after a short random pause, so that many authors at once (a busy ticket) each get their turn.
      if (error instanceof Conflict && error.current && input.version === undefined && attempt < UNVERSIONED_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** Math.min(attempt, 5)));
        continue;
      }
      throw error;
    }
  }
}

export async function reply(ticketId: string, raw: z.input<typeof ReplySchema>): Promise<Detail> {
  return addStaffMessage(ticketId, "reply", parse(ReplySchema, raw));
}

export async function note(ticketId: string, raw: z.input<typeof NoteSchema>): Promise<Detail> {
  return addStaffMessage(ticketId, "note", parse(NoteSchema, raw));
}
