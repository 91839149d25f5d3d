import { withActor } from "../actor";
import { Customer } from "../customer";
import { useDb } from "../db/service";
import { TransientMailError, useClock, usePorts } from "../port";
import { Tenant } from "../tenant";
import { inboundAddress } from "./address";
import { compose } from "./compose";
import type { Record } from "./outbox";
import { MAX_ATTEMPTS } from "./outbox";
import { replyToken } from "./token";

/**
 * Sending a queued letter: composing its MIME message and handing it to the Mailer port. Run by reaction to a letter
 * queued (reactions.ts) and by the retry timer; never on a request path.
 */

const CUSTOMER_LETTERS = new Set<Record["kind"]>(["ticket_received", "agent_reply", "ticket_solved"]);
const RETRY_DELAYS_S = [30, 120, 600, 1800, 3600];

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

export * as Send from "./send";
