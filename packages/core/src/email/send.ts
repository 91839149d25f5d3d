import { withActor } from "../actor";
import { Customer } from "../customer";
import { isConditionFailure } from "../db/condition";
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

/** Letters to a ticket's customer (the rest go to staff, or are about the workspace). */
export const CUSTOMER_LETTERS = new Set<Record["kind"]>(["ticket_received", "agent_reply", "ticket_solved"]);
const RETRY_DELAYS_S = [30, 120, 600, 1800, 3600];

export interface Delivered {
  status: Record["status"];
  error?: string;
}

/** What asks for a letter to be sent: the change that queued it, or a retry timer, with its attempt. */
export interface Delivery {
  /** The letter as the change left it (from the stream), saving a read when it is new. */
  queued?: Record;
  /** The same for every redelivery of one request: the change's id, or the retry timer's name. */
  by: string;
}

/**
 * Sends a queued letter once: the attempt is claimed with a conditional write naming the delivery, which holds until
 * the attempt ends (so no other deliverer sends meanwhile), then the mail goes out through the Mailer port. A transient failure is retried on a timer; a
 * permanent one, or the last attempt, leaves the entry failed with the reason. Mail to an address that bounced is not
 * sent at all.
 *
 * A delivery that dies between its claim and its "sent" (a process killed, a Lambda timed out) is delivered again, by
 * the stream or the scheduler, under the same name: it finds its own claim and sends. The letter then goes out at
 * least once; twice only if the process died after the Mailer took it and before "sent" was written (the local
 * mailer keeps one copy per Message-ID).
 */
export async function deliver(tenantId: string, outboxId: string, delivery: Delivery): Promise<Delivered> {
  const db = useDb().entities;
  const read = async () => (await db.outbox.get({ tenantId, outboxId }).go({ consistent: true })).data;
  const { queued, by } = delivery;
  // A letter just queued comes with its entry (from the stream); a retry reads it.
  const first = queued?.status === "queued" && queued.attempts === 0 ? queued : await read();
  if (!first) return { status: "failed", error: "No such outbox entry" };
  let entry: Record = first;
  if (entry.status !== "queued" && entry.status !== "retrying") return { status: entry.status };
  const now = useClock().now();
  const updatedAt = now.toISOString();

  const reach = await withActor({ type: "system", tenantId, reason: "outbox" }, () => Customer.deliverability(entry.to));
  if (reach.undeliverable) {
    await db.outbox
      .patch({ tenantId, outboxId })
      .set({ status: "suppressed", lastError: `Mail to ${entry.to} bounced before (${reach.reason})`, updatedAt })
      .go();
    return { status: "suppressed" };
  }

  let attempt = entry.attempts + 1;
  try {
    const claimed = entry;
    await db.outbox
      .patch({ tenantId, outboxId })
      .set({ attempts: attempt, claimedBy: by, updatedAt })
      .where(({ attempts, status, claimedBy }, { eq, notExists }) => `${eq(attempts, claimed.attempts)} AND ${eq(status, claimed.status)} AND ${notExists(claimedBy)}`)
      .go();
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // Taken: by another deliverer, or by an earlier run of this very delivery that died before it finished.
    const current = await read();
    if (!current || (current.status !== "queued" && current.status !== "retrying") || current.claimedBy !== by) return { status: current?.status ?? "failed" };
    entry = current;
    attempt = current.attempts;
  }

  // Only letters to a ticket's customer carry its reply token; the rest are not answered by mail.
  // From the workspace's current address (mail to the ones it had still reaches it).
  const address = await Tenant.address(tenantId);
  const secretToken = entry.ticketNumber !== undefined && CUSTOMER_LETTERS.has(entry.kind) ? await replyToAddress(tenantId, address, entry.ticketNumber) : undefined;
  try {
    const raw = await compose({
      from: { name: entry.fromName, address: inboundAddress(address) },
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
    const result = await usePorts().mailer.send({ envelopeFrom: inboundAddress(address), recipients: [entry.to], raw });
    await db.outbox
      .patch({ tenantId, outboxId })
      .set({ status: "sent", sentAt: updatedAt, updatedAt, ...(result.providerMessageId ? { providerMessageId: result.providerMessageId } : {}) })
      .remove(["claimedBy"])
      .go();
    return { status: "sent" };
  } catch (error) {
    const message = (error as Error).message.slice(0, 500);
    const transient = error instanceof TransientMailError;
    if (transient && attempt < MAX_ATTEMPTS) {
      const delay = RETRY_DELAYS_S[Math.min(attempt - 1, RETRY_DELAYS_S.length - 1)]!;
      const nextAttemptAt = new Date(now.getTime() + delay * 1000);
      await db.outbox
        .patch({ tenantId, outboxId })
        .set({ status: "retrying", lastError: message, nextAttemptAt: nextAttemptAt.toISOString(), updatedAt })
        .remove(["claimedBy"])
        .go();
      await usePorts().scheduler.arm(retryTimer(outboxId, attempt), nextAttemptAt, { kind: "outbox.deliver", tenantId, outboxId, attempt });
      return { status: "retrying", error: message };
    }
    await db.outbox
      .patch({ tenantId, outboxId })
      .set({ status: "failed", lastError: transient ? `Gave up after ${attempt} attempts: ${message}` : message, updatedAt })
      .remove(["claimedBy"])
      .go();
    return { status: "failed", error: message };
  }
}

/** The name of the timer that retries a letter after a failed attempt (also its delivery's name). */
export function retryTimer(outboxId: string, attempt: number): string {
  return `outbox-${outboxId}-${attempt}`;
}

/** The Reply-To of a ticket's letters: the tenant's address with the ticket's signed token. */
async function replyToAddress(tenantId: string, address: string, ticketNumber: number): Promise<string> {
  return inboundAddress(address, replyToken(await Tenant.mailSecret(tenantId), tenantId, ticketNumber));
}

export * as Send from "./send";
