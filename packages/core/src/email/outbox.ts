import { z } from "zod";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId, withActor } from "../actor";
import { Customer } from "../customer";
import { guarded, transact } from "../db/transaction";
import { useDb } from "../db/service";
import { Conflict, NotFound } from "../error";
import { letterMessageId } from "./intent";
import { TransientMailError, useClock, usePorts } from "../port";
import { inboundAddress } from "./address";
import { compose } from "./compose";
import { replyToken } from "./token";
import { Tenant } from "../tenant";
import type { OutboxEntity } from "./outbox.entity";
import { parse } from "../validation";

export type Record = EntityItem<typeof OutboxEntity>;

const CUSTOMER_LETTERS = new Set<Record["kind"]>(["ticket_received", "agent_reply", "ticket_solved"]);

/** Transient failures are retried this many times in all, waiting longer each time. */
export const MAX_ATTEMPTS = 6;
const RETRY_DELAYS_S = [30, 120, 600, 1800, 3600];

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
 * one letter. Sending follows by reaction to the new entry (reactions.ts).
 */
export async function queue(letter: Prepared, at = useClock().now().toISOString()): Promise<boolean> {
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
            status: "queued",
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

class AlreadyQueued extends Conflict {
  constructor() {
    super("This letter is queued already");
  }
}

export interface Delivered {
  status: Record["status"];
  error?: string;
}

/**
 * Sends a queued letter once: the attempt is claimed with a conditional write (so two deliverers cannot both send),
 * then the mail goes out through the Mailer port. A transient failure is retried on a timer; a permanent one, or the
 * last attempt, leaves the entry failed with the reason. Mail to an address that bounced is not sent at all.
 */
export async function deliver(tenantId: string, outboxId: string, queued?: Record): Promise<Delivered> {
  const db = useDb().entities;
  // A letter just queued comes with its entry (from the stream); a retry reads it.
  const entry = queued?.status === "queued" && queued.attempts === 0 ? queued : (await db.outbox.get({ tenantId, outboxId }).go({ consistent: true })).data;
  if (!entry) return { status: "failed", error: "No such outbox entry" };
  if (entry.status !== "queued" && entry.status !== "retrying") return { status: entry.status };
  const now = useClock().now();
  const updatedAt = now.toISOString();

  const reach = await withActor({ type: "system", tenantId, reason: "outbox" }, () => Customer.deliverability(entry.to));
  if (reach.undeliverable) {
    await db.outbox
      .patch({ tenantId, outboxId })
      .set({ status: "suppressed", lastError: `Not sent: mail to ${entry.to} bounced (${reach.reason})`, updatedAt })
      .go();
    return { status: "suppressed" };
  }

  const attempt = entry.attempts + 1;
  try {
    await db.outbox
      .patch({ tenantId, outboxId })
      .set({ attempts: attempt, updatedAt })
      .where(({ attempts, status }, { eq }) => `${eq(attempts, entry.attempts)} AND ${eq(status, entry.status)}`)
      .go();
  } catch {
    return { status: entry.status }; // another deliverer took this attempt
  }

  // Only letters to a ticket's customer carry its reply token; the rest are not answered by mail.
  const secretToken = entry.ticketNumber !== undefined && CUSTOMER_LETTERS.has(entry.kind) ? await replyToAddress(tenantId, entry.ticketNumber) : undefined;
  try {
    const raw = await compose({
      from: { name: entry.fromName, address: inboundAddress(tenantId) },
      to: { name: entry.toName, address: entry.to },
      replyTo: secretToken,
      subject: entry.subject,
      text: entry.text,
      html: entry.html,
      messageId: entry.messageId,
      inReplyTo: entry.inReplyTo,
      references: entry.references ?? [],
      automatic: entry.automatic,
      ticketNumber: entry.ticketNumber,
    });
    const result = await usePorts().mailer.send({ envelopeFrom: inboundAddress(tenantId), recipients: [entry.to], raw });
    await db.outbox
      .patch({ tenantId, outboxId })
      .set({ status: "sent", sentAt: updatedAt, updatedAt, ...(result.providerMessageId ? { providerMessageId: result.providerMessageId } : {}) })
      .go();
    return { status: "sent" };
  } catch (error) {
    const message = (error as Error).message.slice(0, 500);
    const transient = error instanceof TransientMailError;
    if (transient && attempt < MAX_ATTEMPTS) {
      const delay = RETRY_DELAYS_S[Math.min(attempt - 1, RETRY_DELAYS_S.length - 1)]!;
      const nextAttemptAt = new Date(now.getTime() + delay * 1000);
      await db.outbox.patch({ tenantId, outboxId }).set({ status: "retrying", lastError: message, nextAttemptAt: nextAttemptAt.toISOString(), updatedAt }).go();
      await usePorts().scheduler.arm(`outbox-${outboxId}-${attempt}`, nextAttemptAt, { kind: "outbox.deliver", tenantId, outboxId });
      return { status: "retrying", error: message };
    }
    await db.outbox
      .patch({ tenantId, outboxId })
      .set({ status: "failed", lastError: transient ? `Gave up after ${attempt} attempts: ${message}` : message, updatedAt })
      .go();
    return { status: "failed", error: message };
  }
}

/** The Reply-To of a ticket's letters: the tenant's address with the ticket's signed token. */
async function replyToAddress(tenantId: string, ticketNumber: number): Promise<string> {
  return inboundAddress(tenantId, replyToken(await Tenant.mailSecret(tenantId), tenantId, ticketNumber));
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
  };
}

export const ListSchema = z.object({
  status: z.enum(["queued", "sent", "retrying", "failed", "suppressed"]).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** The outbox, newest first, by status (admins): where failed letters are seen and retried. */
export async function list(raw: z.input<typeof ListSchema>) {
  Access.assertConfigures(usePrincipal());
  const input = parse(ListSchema, raw);
  const tenantId = useTenantId();
  const db = useDb().entities.outbox;
  const result = input.status
    ? await db.query.byStatus({ tenantId, status: input.status }).go({ order: "desc", limit: input.limit, cursor: input.cursor ?? null })
    : await db.query.byId({ tenantId }).go({ order: "desc", limit: input.limit, cursor: input.cursor ?? null });
  return { entries: result.data.map(view), cursor: result.cursor };
}

/** Sends a failed letter again (admins), from a fresh count of attempts. */
export async function retry(outboxId: string): Promise<Info> {
  Access.assertConfigures(usePrincipal());
  const tenantId = useTenantId();
  const db = useDb().entities.outbox;
  const entry = (await db.get({ tenantId, outboxId }).go()).data;
  if (!entry) throw new NotFound("Outbox entry");
  if (entry.status !== "failed") throw new Conflict(`Only failed letters are sent again; this one is ${entry.status}`);
  await db.patch({ tenantId, outboxId }).set({ status: "queued", attempts: 0, updatedAt: new Date().toISOString() }).go();
  await deliver(tenantId, outboxId);
  return view((await db.get({ tenantId, outboxId }).go()).data!);
}
