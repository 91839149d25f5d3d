import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { isConditionFailure } from "../db/condition";
import { Cursor } from "../cursor";
import { useDb } from "../db/service";
import { Conflict, msg, NotFound } from "../error";
import { Event } from "../event";
import { useClock, usePorts } from "../port";
import type { MailEntity, MailStatus } from "./mail.entity";
import { paging, parse } from "../validation";

/**
 * Received mail as admins see it: the records (what each message became, or why not), the raw message, and asking
 * for a message to be processed again. Processing itself is inbound.ts, run by the SMTP server, the inbound function
 * and, for a message asked for again, by reaction to the request (reactions.ts): the API that takes the request
 * never parses mail.
 */

export type Record = EntityItem<typeof MailEntity>;

/** How long one attempt may hold a mail before another may take it over. */
export const LEASE_MS = 5 * 60_000;

export interface Info {
  mailId: string;
  messageId?: string;
  receivedAt: string;
  from?: { address: string; name?: string };
  subject?: string;
  recipients: string[];
  size: number;
  status: MailStatus;
  reason?: string;
  error?: string;
  ticketId?: string;
  ticketNumber?: number;
  /** Another, different message was received first under this one's Message-ID. */
  sameMessageIdAs?: string;
  /** SPF, DKIM and DMARC as the receiving server found them ("pass", "fail", "none", "temperror"...). */
  auth?: { spf?: string; dkim?: string; dmarc?: string };
  /** Processing, by an attempt whose lease has ended: it died, and the mail waits for its timer or an admin. */
  stale?: boolean;
}

/** A mail whose attempt's lease has ended without an outcome. */
export const isStale = (r: Pick<Record, "status" | "leaseUntil">, now = useClock().now().getTime()) => r.status === "processing" && (r.leaseUntil ?? 0) <= now;

export function view(r: Record): Info {
  return {
    mailId: r.mailId,
    messageId: r.messageId,
    receivedAt: r.receivedAt,
    from: r.fromAddress ? { address: r.fromAddress, name: r.fromName } : undefined,
    subject: r.subject,
    recipients: r.recipients ?? [],
    size: r.size,
    status: r.status,
    reason: r.reason,
    error: r.error,
    ticketId: r.ticketId,
    ticketNumber: r.ticketNumber,
    ...(r.sameMessageIdAs ? { sameMessageIdAs: r.sameMessageIdAs } : {}),
    ...(r.auth ? { auth: { spf: r.auth.spf, dkim: r.auth.dkim, dmarc: r.auth.dmarc } } : {}),
    ...(isStale(r) ? { stale: true } : {}),
  };
}

export const ListSchema = z.object({
  status: z.enum(["processing", "ticket_created", "reply_added", "note_added", "ignored", "held", "unprocessable"]).optional(),
  ...paging(50),
});

/** Received mail, newest first, optionally of one status (admins). */
export async function list(raw: z.input<typeof ListSchema>) {
  Access.assertConfigures(usePrincipal());
  const input = parse(ListSchema, raw);
  const tenantId = useTenantId();
  const db = useDb().entities.mail;
  const list = Cursor.list("mail", input);
  const cursor = await Cursor.open(tenantId, list, input.cursor);
  const result = input.status
    ? await db.query.byStatus({ tenantId, status: input.status }).go({ order: "desc", limit: input.limit, cursor })
    : await db.query.byReceived({ tenantId }).go({ order: "desc", limit: input.limit, cursor });
  return { mail: result.data.map(view), cursor: await Cursor.seal(tenantId, list, result.cursor) };
}

export async function get(mailId: string): Promise<Info> {
  Access.assertConfigures(usePrincipal());
  const record = (await useDb().entities.mail.get({ tenantId: useTenantId(), mailId }).go()).data;
  if (!record) throw new NotFound("Mail");
  return view(record);
}

/** The raw message as received (admins). */
export async function rawMessage(mailId: string): Promise<Buffer> {
  Access.assertConfigures(usePrincipal());
  const record = (await useDb().entities.mail.get({ tenantId: useTenantId(), mailId }).go()).data;
  if (!record) throw new NotFound("Mail");
  const raw = await usePorts().blobs.get(record.rawKey);
  if (!raw) throw new NotFound("Raw message");
  return raw;
}

/**
 * Asks for a mail to be processed again (admins): an unprocessable one after a fix, a held one to release what the rate
 * cap held, or a stale one (its attempt died). The record is taken for a new attempt (fenced by its attempt counter,
 * so no other attempt writes its outcome) and marked requested; the stored raw message is processed by reaction.
 * Returns the record as it then stands.
 */
export async function requestReprocess(mailId: string): Promise<Info> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const tenantId = useTenantId();
  const db = useDb().entities;
  const record = (await db.mail.get({ tenantId, mailId }).go({ consistent: true })).data;
  if (!record) throw new NotFound("Mail");
  if (record.status === "processing" && !isStale(record)) throw new Conflict("This mail is being processed");
  if (record.status !== "unprocessable" && record.status !== "held" && record.status !== "processing") {
    throw new Conflict(
      msg(
        "Only unprocessable, held or stalled mail is processed again; this one is {status, select, ticket_created {ticket created} reply_added {reply added} note_added {note added} ignored {ignored} other {{status}}}",
        { status: record.status },
      ),
    );
  }
  const at = useClock().now().toISOString();
  const attempt = await claim(record, { reprocessFrom: record.status, reprocessRequestedAt: at });
  if (attempt === undefined) throw new Conflict("This mail is being processed already");
  await Event.record(actor, { action: "mail.reprocess", target: { type: "mail", id: mailId, label: record.subject ?? mailId }, before: { status: record.status } });
  return view((await db.mail.get({ tenantId, mailId }).go({ consistent: true })).data!);
}

/**
 * Takes a mail for a new attempt, fenced by its attempt counter: the new attempt number, or undefined when another
 * attempt took it first. The record is marked processing under a new lease (its timer is armed by reaction).
 */
export async function claim(record: Record, extra: { reprocessFrom?: string; reprocessRequestedAt?: string } = {}): Promise<number | undefined> {
  const attempt = record.attempt + 1;
  const now = useClock().now();
  try {
    await useDb()
      .entities.mail.patch({ tenantId: record.tenantId, mailId: record.mailId })
      .set({ attempt, status: "processing", leaseUntil: now.getTime() + LEASE_MS, updatedAt: now.toISOString(), ...extra })
      .where((a, op) => op.eq(a.attempt, record.attempt))
      .go();
    return attempt;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}


/**
 * Processes a mail again and answers with its outcome: the request, then a wait of up to `waitMs` for the reaction
 * that processes it (well under a second normally). A slower one is answered as still processing.
 */
export async function reprocess(mailId: string, waitMs = 10_000): Promise<Info> {
  const requested = await requestReprocess(mailId);
  const tenantId = useTenantId();
  const deadline = Date.now() + waitMs;
  for (let current = requested; ; ) {
    if (current.status !== "processing" || Date.now() > deadline) return current;
    await new Promise((resolve) => setTimeout(resolve, 100));
    current = view((await useDb().entities.mail.get({ tenantId, mailId }).go({ consistent: true })).data!);
  }
}

export * as Mail from "./mail";
