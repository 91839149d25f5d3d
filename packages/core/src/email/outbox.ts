import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { isConditionFailure } from "../db/condition";
import { useClock } from "../port";
import { guarded, transact } from "../db/transaction";
import { Cursor } from "../cursor";
import { useDb } from "../db/service";
import { Conflict, NotFound } from "../error";
import { letterMessageId } from "./intent";
import type { OutboxEntity } from "./outbox.entity";
import { paging, parse } from "../validation";

export type Record = EntityItem<typeof OutboxEntity>;

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
 * Sends a failed letter again (admins), from a fresh count of attempts: the entry is queued again, and sent by
 * reaction (reactions.ts); the answer waits up to `waitMs` for that, and otherwise shows it queued.
 */
export async function retry(outboxId: string, waitMs = 10_000): Promise<Info> {
  Access.assertConfigures(usePrincipal());
  const tenantId = useTenantId();
  const db = useDb().entities.outbox;
  const entry = (await db.get({ tenantId, outboxId }).go({ consistent: true })).data;
  if (!entry) throw new NotFound("Outbox entry");
  if (entry.status !== "failed") throw new Conflict(`Only failed letters are sent again; this one is ${entry.status}`);
  await db
    .patch({ tenantId, outboxId })
    .set({ status: "queued", attempts: 0, updatedAt: new Date().toISOString() })
    .remove(["claimedBy"])
    .where((a, op) => op.eq(a.status, "failed"))
    .go()
    .catch((error: unknown) => {
      if (isConditionFailure(error)) throw new Conflict("This letter is being sent again already");
      throw error;
    });
  const deadline = Date.now() + waitMs;
  for (;;) {
    const current = (await db.get({ tenantId, outboxId }).go({ consistent: true })).data!;
    if (current.status !== "queued" || Date.now() > deadline) return view(current);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export * as Outbox from "./outbox";
