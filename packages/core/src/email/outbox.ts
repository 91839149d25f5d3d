import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access, type Principal } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { Customer } from "../customer";
import { Event } from "../event";
import { Ticket } from "../ticket";
import { isConditionFailure } from "../db/condition";
import { useClock } from "../port";
import { guarded, transact } from "../db/transaction";
import { Cursor } from "../cursor";
import { useDb } from "../db/service";
import { Conflict, msg, NotFound } from "../error";
import { letterMessageId } from "./intent";
import type { OutboxEntity } from "./outbox.entity";
import { paging, parse } from "../validation";

export type Record = EntityItem<typeof OutboxEntity>;

/** Acknowledgements of conversations opened by mail, to one address: at most this many an hour (a robot is not fed). */
export const AutoLetterCap = { letters: 3, windowSeconds: 3600 };

/** Transient failures are retried this many times in all, waiting longer each time (send.ts). */
export const MAX_ATTEMPTS = 6;

export interface Draft {
  kind: Record["kind"];
  ticketId?: string;
  ticketNumber?: number;
  fromName: string;
  to: { address: string; name?: string };
  subject: string;
  text: string;
  html?: string;
  inReplyTo?: string;
  references: string[];
  automatic: boolean;
}

/** A letter with its ids. The outbox id is fixed by what the letter tells of (a thread entry, an invitation...). */
export interface Prepared extends Draft {
  outboxId: string;
  messageId: string;
}

export function prepare(draft: Draft, outboxId: string, tenantId = useTenantId()): Prepared {
  return { ...draft, outboxId, messageId: letterMessageId(tenantId, outboxId, draft.ticketNumber) };
}

/**
 * Queues a letter: the outbox entry, and a MailRef so that a reply to it (or a bounce of it) finds its ticket, in one
 * transaction. Queuing a letter already queued (the same outbox id) does nothing: a reaction delivered twice queues
 * one letter. Sending follows by reaction to the new entry (reactions.ts). A letter `held` back is kept, not sent, with
 * the reason (staff may send it again).
 */
export async function queue(letter: Prepared, at = useClock().now().toISOString(), held?: { reason: string }): Promise<boolean> {
  const tenantId = useTenantId();
  const { outboxId, messageId } = letter;
  try {
    await transact((entities) => [
      guarded(
        entities.outbox
          .create({
            tenantId,
            outboxId,
            kind: letter.kind,
            ticketId: letter.ticketId,
            ticketNumber: letter.ticketNumber,
            messageId,
            fromName: letter.fromName,
            to: letter.to.address,
            toName: letter.to.name,
            subject: letter.subject,
            text: letter.text,
            html: letter.html,
            inReplyTo: letter.inReplyTo,
            references: letter.references,
            automatic: letter.automatic,
            status: held ? "suppressed" : "queued",
            ...(held ? { lastError: held.reason } : {}),
            attempts: 0,
            createdAt: at,
            updatedAt: at,
          })
          .commit(),
        () => new AlreadyQueued(),
      ),
      ...(letter.ticketId
        ? [entities.mailRef.put({ tenantId, messageId, ticketId: letter.ticketId, direction: "out", recipient: letter.to.address, outboxId, createdAt: at }).commit()]
        : []),
    ]);
    return true;
  } catch (error) {
    if (error instanceof AlreadyQueued) return false;
    throw error;
  }
}

/** Is a letter with this id in the outbox (queued before, by an earlier delivery of the same change)? */
export async function has(outboxId: string): Promise<boolean> {
  return Boolean((await useDb().entities.outbox.get({ tenantId: useTenantId(), outboxId }).go({ consistent: true })).data);
}

class AlreadyQueued extends Conflict {
  constructor() {
    super("This letter is queued already");
  }
}

export interface Info {
  outboxId: string;
  kind: Record["kind"];
  ticketId?: string;
  ticketNumber?: number;
  to: string;
  subject: string;
  status: Record["status"];
  attempts: number;
  lastError?: string;
  nextAttemptAt?: string;
  sentAt?: string;
  createdAt: string;
  /** Staff may send it again (see `resendable`). */
  resendable: boolean;
}

export function view(r: Record): Info {
  return {
    outboxId: r.outboxId,
    kind: r.kind,
    ticketId: r.ticketId,
    ticketNumber: r.ticketNumber,
    to: r.to,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttemptAt: r.nextAttemptAt,
    sentAt: r.sentAt,
    createdAt: r.createdAt,
    resendable: resendable(r),
  };
}

export const ListSchema = z.object({
  status: z.enum(["queued", "sent", "retrying", "failed", "suppressed"]).optional(),
  ...paging(50),
});

/** The outbox, newest first, by status (admins): where failed letters are seen and retried. */
export async function list(raw: z.input<typeof ListSchema>) {
  Access.assertConfigures(usePrincipal());
  const input = parse(ListSchema, raw);
  const tenantId = useTenantId();
  const db = useDb().entities.outbox;
  const list = Cursor.list("outbox", input);
  const cursor = await Cursor.open(tenantId, list, input.cursor);
  const result = input.status
    ? await db.query.byStatus({ tenantId, status: input.status }).go({ order: "desc", limit: input.limit, cursor })
    : await db.query.byId({ tenantId }).go({ order: "desc", limit: input.limit, cursor });
  return { entries: result.data.map(view), cursor: await Cursor.seal(tenantId, list, result.cursor) };
}

/**
 * A letter queued (or claimed) this long ago and still not sent was left by a delivery that died: staff may send it
 * again. Longer than any one delivery may run (a Lambda's 15 minutes), so a live delivery is never doubled.
 */
export const STALE_MS = 15 * 60_000;

/** Can this letter be sent again: failed, not sent because its address bounced, or left by a delivery that died. */
export function resendable(r: Pick<Record, "status" | "updatedAt">, now = useClock().now().getTime()): boolean {
  if (r.status === "failed" || r.status === "suppressed") return true;
  return (r.status === "queued" || r.status === "retrying") && Date.parse(r.updatedAt) + STALE_MS <= now;
}

/**
 * Sends a letter again (admins, from the outbox): failed, suppressed or stalled. The entry is queued again from a
 * fresh count of attempts and sent by reaction (reactions.ts); the answer waits up to `waitMs` for that.
 */
export async function retry(outboxId: string, waitMs = 10_000): Promise<Info> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const entry = (await useDb().entities.outbox.get({ tenantId: useTenantId(), outboxId }).go({ consistent: true })).data;
  if (!entry) throw new NotFound("Outbox entry");
  return requeue(entry, actor, waitMs);
}

/**
 * Sends a ticket's letter again (staff who may work the ticket, from its thread): the customer did not get it. A
 * letter suppressed because the address bounced clears the address's mark first: the person resending says it works.
 */
export async function resend(ticketId: string, outboxId: string, waitMs = 10_000): Promise<Info> {
  const actor = usePrincipal();
  const ticket = await Ticket.load(ticketId);
  Access.assertTicket(actor, "work", ticket);
  const entry = (await useDb().entities.outbox.get({ tenantId: useTenantId(), outboxId }).go({ consistent: true })).data;
  if (!entry || entry.ticketId !== ticketId) throw new NotFound("Letter");
  return requeue(entry, actor, waitMs);
}

async function requeue(entry: Record, actor: Principal, waitMs: number): Promise<Info> {
  const { tenantId, outboxId } = entry;
  const db = useDb().entities.outbox;
  if (!resendable(entry)) {
    throw new Conflict(msg("Only a failed, suppressed or stalled letter is sent again; this one is {status, select, sent {sent} other {being sent}}", { status: entry.status }));
  }
  if (entry.status === "suppressed") await Customer.clearUndeliverable(entry.to);
  const now = useClock().now().toISOString();
  await db
    .patch({ tenantId, outboxId })
    .set({ status: "queued", attempts: 0, resendRequestedAt: now, updatedAt: now })
    .remove(["claimedBy", "nextAttemptAt"])
    .where((a, op) => `${op.eq(a.status, entry.status)} AND ${op.eq(a.updatedAt, entry.updatedAt)}`)
    .go()
    .catch((error: unknown) => {
      if (isConditionFailure(error)) throw new Conflict("This letter is being sent again already");
      throw error;
    });
  await Event.record(actor, { action: "letter.resend", target: { type: "letter", id: outboxId, label: entry.subject }, before: { status: entry.status } });
  const deadline = Date.now() + waitMs;
  for (;;) {
    const current = (await db.get({ tenantId, outboxId }).go({ consistent: true })).data!;
    if (current.status !== "queued" || Date.now() > deadline) return view(current);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export * as Outbox from "./outbox";
