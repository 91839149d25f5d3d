import { appendToThread } from "../email/intent";
import { Conflict, msg, NotFound } from "../error";
import type { Event } from "../event";
import { idFrom } from "../id";
import { useClock } from "../port";
import { ClosedTicket, readRecord, type Record } from "./record";
import { commitChange, EntryExists, type MessageDraft } from "./write";

export interface Incoming {
  customer: { customerId: string; name: string; email?: string };
  body: string;
  /** An automatic reply (out of office): kept as a note, changes nothing else and notifies no one. */
  asNote?: boolean;
  /** Addresses that join the conversation (copied on the mail). */
  participants?: string[];
  /** The mail's parts; its `messageId` makes a mail processed twice add one entry. */
  mail: Pick<MessageDraft, "messageId" | "mailId" | "emailMessageId" | "fullBody" | "html" | "htmlKey" | "attachments" | "droppedAttachments">;
}

/** The mail's entry is in the thread already (a mail processed again): nothing more to do. */
export class AlreadyReceived extends Conflict {
  constructor(readonly ticket: Record) {
    super(msg("This mail is on ticket #{number} already", { number: String(ticket.number) }));
  }
}

/**
 * Adds a customer's message to a ticket. A solved, pending or on-hold ticket opens again; the customer's address (and
 * those copied) join the conversation; the message's Message-ID joins the mail thread.
 */
export async function receive(ticketId: string, incoming: Incoming): Promise<Record> {
  for (let attempt = 1; ; attempt++) {
    const before = await readRecord(ticketId, true);
    if (!before) throw new NotFound("Ticket");
    if (before.status === "closed") throw new ClosedTicket(before);
    const by: Event.EventActor = { type: "customer", id: incoming.customer.customerId, name: incoming.customer.name };
    const at = useClock().now().toISOString();
    const set: Partial<Record> = {
      participants: [...new Set([...(before.participants ?? []), ...(incoming.participants ?? [])])],
      mailThread: appendToThread(before.mailThread, incoming.mail.emailMessageId),
      ...(incoming.mail.emailMessageId && !incoming.asNote ? { customerMessageId: incoming.mail.emailMessageId } : {}),
    };
    const remove: (keyof Record)[] = [];
    const messages: MessageDraft[] = [
      {
        kind: incoming.asNote ? "note" : "customer",
        authorType: "customer",
        authorId: incoming.customer.customerId,
        authorName: incoming.customer.name,
        body: incoming.body,
        ...incoming.mail,
      },
    ];
    let reopened = false;
    if (!incoming.asNote) {
      set.lastCustomerActivityAt = at;
      if (before.status === "solved" || before.status === "pending" || before.status === "on_hold") {
        set.status = "open";
        reopened = true;
        if (before.status === "solved") remove.push("solvedAt");
        messages.push({ kind: "system", authorType: "customer", authorId: by.id, authorName: by.name, body: "", system: { action: "status", from: before.status, to: "open" } });
      }
    }
    try {
      const { after } = await commitChange({
        before,
        set,
        remove,
        messages,
        events: [
          {
            action: incoming.asNote ? "ticket.auto_reply" : "ticket.customer_reply",
            target: { type: "ticket", id: ticketId, label: `#${before.number}` },
            departmentId: before.departmentId,
            ...(reopened ? { before: { status: before.status }, after: { status: "open" } } : {}),
          },
        ],
        by,
        at,
      });
      return after;
    } catch (error) {
      if (error instanceof EntryExists) throw new AlreadyReceived(before);
      if (error instanceof Conflict && error.current && attempt < 5) continue;
      throw error;
    }
  }
}

export interface Undelivered {
  /** The letter that did not reach the customer: the thread entry is then recorded once per letter and `what`. */
  outboxId?: string;
  /** "bounced" (it came back: the default), "failed" (the relay refused it) or "suppressed" (not sent: the address bounced before). */
  what?: "bounced" | "failed" | "suppressed";
  /** When it was found out (fixed by what reports it, so that a report processed twice names the same entry). */
  at?: string;
}

/** Records that the customer did not get a letter of ours, on the ticket and in its thread (once per letter). */
export async function markUndelivered(ticketId: string, reason: string, options: Undelivered = {}): Promise<void> {
  const what = options.what ?? "bounced";
  for (let attempt = 1; ; attempt++) {
    const before = await readRecord(ticketId, true);
    if (!before) return;
    const at = useClock().now().toISOString();
    const by: Event.EventActor = { type: "system", id: "system", name: "mail delivery" };
    const entryId = options.outboxId ? idFrom(`${what}:${options.outboxId}`, options.at ?? at) : undefined;
    try {
      await commitChange({
        before,
        set: { deliveryFailedAt: at, deliveryFailure: reason.slice(0, 500) },
        messages: [
          {
            // A letter that failed or was not sent can be sent again from here; one that bounced was sent (its next one is suppressed).
            ...(entryId ? { messageId: entryId, ...(what === "bounced" ? {} : { outboxId: options.outboxId }) } : {}),
            kind: "system",
            authorType: "system",
            authorId: "system",
            authorName: "mail delivery",
            body: "",
            system: { action: what === "suppressed" ? "suppressed" : "undelivered", reason: reason.slice(0, 500) },
          },
        ],
        events: [{ action: "ticket.undelivered", target: { type: "ticket", id: ticketId, label: `#${before.number}` }, departmentId: before.departmentId, reason: reason.slice(0, 500) }],
        by,
        at,
      });
      return;
    } catch (error) {
      if (error instanceof EntryExists) return; // recorded already (the same letter's report, or its reaction, again)
      if (error instanceof Conflict && error.current && attempt < 5) continue;
      throw error;
    }
  }
}

/**
 * A letter to the customer was delivered after the ticket learnt they did not get one: the ticket no longer says they
 * did not get our last mail. A failure found out after this letter was sent (its bounce) stays.
 */
export async function markDelivered(ticketId: string, sentAt: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const before = await readRecord(ticketId, true);
    if (!before?.deliveryFailedAt || before.deliveryFailedAt > sentAt) return;
    try {
      await commitChange({
        before,
        set: {},
        remove: ["deliveryFailedAt", "deliveryFailure"],
        events: [{ action: "ticket.delivered", target: { type: "ticket", id: ticketId, label: `#${before.number}` }, departmentId: before.departmentId }],
        by: { type: "system", id: "system", name: "mail delivery" },
      });
      return;
    } catch (error) {
      if (error instanceof Conflict && error.current && attempt < 5) continue;
      throw error;
    }
  }
}

