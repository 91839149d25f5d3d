import { createHash } from "node:crypto";
import * as z from "zod";
import { localeOfText } from "../locale";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId, withActor } from "../actor";
import { useConfig } from "../config";
import { Counter } from "../counter";
import { isConditionFailure } from "../db/condition";
import { useDb } from "../db/service";
import { Department } from "../department";
import { Conflict, LimitReached, NotFound } from "../error";
import { Event } from "../event";
import { useClock, usePorts } from "../port";
import { idFrom } from "../id";
import { Tenant } from "../tenant";
import { Ticket } from "../ticket";
import { Workspace } from "../workspace";
import { Customer } from "../customer";
import { normaliseAddress, parseInboundRecipient } from "./address";
import { classify } from "./loop-guard";
import type { MailEntity, MailStatus } from "./mail.entity";
import { claim, LEASE_MS } from "./mail";
import { fingerprint, parseMail, peekMessageId, Unreadable, type Parsed } from "./parse";
import { trimQuoted } from "./quote";
import { StopList } from "./stop-list";
import { findThread, type AuthVerdict } from "./thread";
import { isTokenShaped } from "./token";
import { parse } from "../validation";

/**
 * Receiving mail: one entry point for the local SMTP server and the SES → S3 → Lambda path. The raw message is stored
 * first; then a mail record (keyed by tenant and Message-ID, so a second delivery finds it) follows the message to
 * its outcome: a ticket, a reply, a note, or ignored, held or unprocessable with the reason. The ticket or thread entry
 * a mail makes has an id fixed by the mail, so an attempt that follows a crashed one finds what it made instead of
 * making it again; the outcome is then the mail record's own write, by the one attempt that holds the record.
 */

type Record = EntityItem<typeof MailEntity>;

export interface Envelope {
  /** MAIL FROM; "" for the null sender (bounces). */
  from?: string;
  /** RCPT TO: the addresses the message was delivered to (not the To header). */
  to: string[];
  /** The receiving server's SPF, DKIM and DMARC verdicts, when it checked (a subject token counts only with a pass). */
  auth?: AuthVerdict;
}

export interface Outcome {
  tenantId: string;
  mailId: string;
  status: MailStatus;
  reason?: string;
  ticketId?: string;
  ticketNumber?: number;
  /** This delivery found the message already received. */
  duplicate?: boolean;
}

/** The reasons mail is held for that lift by themselves (releaseHeld), as the start of the record's reason. */
export const HELD = {
  suspended: "Held: the workspace is suspended (processed when it runs again)",
  daily_limit: "Held: over the plan's daily limit of new tickets",
} as const;

/** A sender may open this many tickets or replies per window before the rest is held. */
export const RateCap = { messages: 20, windowSeconds: 2 * 3600 };
const INLINE_HTML_CHARS = 100_000;

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/** Is this an address we take mail for (an existing tenant's inbound address)? Anything else: 550, no relaying. */
export async function acceptsRecipient(address: string): Promise<boolean> {
  const recipient = parseInboundRecipient(address);
  return recipient ? (await Tenant.resolve(recipient.tenantId)) !== undefined : false;
}

/** The addresses among `to` that are inbound addresses of ours (of a workspace that exists or not). */
export function ourRecipients(to: string[]): string[] {
  return to.filter((address) => parseInboundRecipient(address) !== undefined);
}

/** Receives one message for every tenant it was delivered to. */
export async function receive(raw: Buffer, envelope: Envelope): Promise<Outcome[]> {
  // An address names its workspace by the workspace's current address or one it had (Tenant.resolve).
  const byTenant = new Map<string, (string | undefined)[]>();
  for (const address of envelope.to) {
    const recipient = parseInboundRecipient(address);
    const tenantId = recipient ? await Tenant.resolve(recipient.tenantId) : undefined;
    if (tenantId) byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), recipient!.tag]);
  }
  const outcomes: Outcome[] = [];
  for (const [tenantId, tags] of byTenant) {
    // A reply token says the most; then a department; then the plain address.
    const tag = tags.find((t) => t && isTokenShaped(t)) ?? tags.find(Boolean);
    outcomes.push(await withActor({ type: "system", tenantId, reason: "inbound mail" }, () => receiveFor(raw, envelope.from, tag, envelope.auth)));
  }
  if (outcomes.some((o) => o.status === "processing")) throw new InProgress(outcomes);
  return outcomes;
}

/**
 * Another attempt holds the mail (for one of its tenants): it is not acknowledged, so the sender tries again later
 * (SMTP 451; on AWS the invocation fails and is retried). Should that attempt have died, the timer at the end of its
 * lease takes the mail over (`takeOver`), so the mail is processed either way.
 */
export class InProgress extends Error {
  override readonly name = "InProgress";
  constructor(readonly outcomes: Outcome[]) {
    super("This message is being processed already; try again later");
  }
}

async function receiveFor(raw: Buffer, envelopeFrom: string | undefined, tag: string | undefined, auth: AuthVerdict | undefined): Promise<Outcome> {
  const tenantId = useTenantId();
  const contentHash = sha256(raw);
  const messageId = peekMessageId(raw);
  const print = fingerprint(raw);
  const rawKey = `raw/${tenantId}/${contentHash}.eml`;
  // Stored before anything else: whatever happens next, the message is not lost.
  await usePorts().blobs.put(rawKey, raw, { contentType: "message/rfc822" });

  const mailId = sha256(`${tenantId}\n${messageId ?? `sha256:${contentHash}`}`).slice(0, 32);
  const first = await record(mailId);
  if (first === "created") return process(mailId, 1, raw, envelopeFrom, tag);
  // Another message under a Message-ID we have (a broken mailer, or a forgery): kept, processed and shown as its own.
  const otherId = messageId && first.fingerprint && first.fingerprint !== print ? sha256(`${tenantId}\n${messageId}\n${print}`).slice(0, 32) : undefined;
  const existing = otherId ? await record(otherId, first.mailId) : first;
  if (existing === "created") return process(otherId!, 1, raw, envelopeFrom, tag);

  // Received before: done, in progress elsewhere, or abandoned by an attempt that crashed (take it over).
  if (existing.status !== "processing" || (existing.leaseUntil ?? 0) > useClock().now().getTime()) return outcomeOf(existing, true);
  const attempt = await claim(existing);
  return attempt ? process(existing.mailId, attempt, raw, envelopeFrom, tag) : outcomeOf(existing, true);

  /** Creates the mail's record ("created"), or reads the one there is under this id. */
  async function record(mailId: string, sameMessageIdAs?: string): Promise<"created" | Record> {
    const now = useClock().now();
    try {
      await useDb()
        .entities.mail.create({
          tenantId,
          mailId,
          messageId,
          rawKey,
          fingerprint: print,
          ...(sameMessageIdAs ? { sameMessageIdAs } : {}),
          size: raw.length,
          envelopeFrom,
          ...(auth ? { auth } : {}),
          recipients: tag ? [`${tenantId}+${tag}`] : [tenantId],
          receivedAt: now.toISOString(),
          status: "processing",
          attempt: 1,
          leaseUntil: now.getTime() + LEASE_MS,
          updatedAt: now.toISOString(),
        })
        .go();
      return "created";
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    return (await useDb().entities.mail.get({ tenantId, mailId }).go({ consistent: true })).data!;
  }
}

function outcomeOf(record: Record, duplicate = false): Outcome {
  return {
    tenantId: record.tenantId,
    mailId: record.mailId,
    status: record.status,
    reason: record.reason,
    ticketId: record.ticketId,
    ticketNumber: record.ticketNumber,
    ...(duplicate ? { duplicate } : {}),
  };
}

/** Fenced by `attempt`: only the attempt holding the record writes the outcome. */
class LostLease extends Conflict {
  constructor() {
    super("Another attempt took this mail over");
  }
}

interface Finish {
  status: MailStatus;
  reason?: string;
  error?: string;
  ticket?: { ticketId: string; number: number };
}

function finishSet(parsed: Parsed | undefined, end: Finish) {
  return {
    status: end.status,
    updatedAt: useClock().now().toISOString(),
    ...(end.reason ? { reason: end.reason.slice(0, 500) } : {}),
    ...(end.error ? { error: end.error.slice(0, 1000) } : {}),
    ...(end.ticket ? { ticketId: end.ticket.ticketId, ticketNumber: end.ticket.number } : {}),
    ...(parsed?.from ? { fromAddress: parsed.from.address, fromName: parsed.from.name || undefined } : {}),
    ...(parsed ? { subject: parsed.subject.slice(0, 300) } : {}),
  };
}

/** The ids of what a mail makes: its ticket (when it opens one) and its thread entry, fixed by the mail. */
export function idsFor(mailId: string, receivedAt: string) {
  return { ticketId: idFrom(`ticket:${mailId}`, receivedAt), messageId: idFrom(`entry:${mailId}`, receivedAt) };
}

/** Writes a mail's outcome on its record, if this attempt still holds it. */
async function finish(mailId: string, attempt: number, parsed: Parsed | undefined, end: Finish): Promise<Outcome> {
  const tenantId = useTenantId();
  try {
    const written = await useDb()
      .entities.mail.patch({ tenantId, mailId })
      .set(finishSet(parsed, end))
      .remove(["leaseUntil"])
      .where((a, op) => op.eq(a.attempt, attempt))
      .go({ response: "all_new" });
    return outcomeOf(written.data as Record);
  } catch (error) {
    if (isConditionFailure(error)) throw new LostLease();
    throw error;
  }
}

/** Stores the attachments and the HTML of a mail; returns the message parts that refer to them. */
async function storeParts(mailId: string, parsed: Parsed) {
  const tenantId = useTenantId();
  const blobs = usePorts().blobs;
  const attachments = await Promise.all(
    parsed.attachments.map(async (a, i) => {
      const safeName = a.filename.replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 100) || "attachment";
      const blobKey = `att/${tenantId}/${mailId}/${i}-${safeName}`;
      await blobs.put(blobKey, a.content, { contentType: a.contentType });
      return {
        attachmentId: `${mailId.slice(0, 8)}${i}`,
        filename: a.filename,
        contentType: a.contentType,
        size: a.size,
        blobKey,
        ...(a.contentId ? { contentId: a.contentId } : {}),
        inline: a.inline,
      };
    }),
  );
  let html: string | undefined;
  let htmlKey: string | undefined;
  if (parsed.html && parsed.html.length <= INLINE_HTML_CHARS) html = parsed.html;
  else if (parsed.html) {
    htmlKey = `html/${tenantId}/${mailId}.html`;
    await blobs.put(htmlKey, Buffer.from(parsed.html, "utf8"), { contentType: "text/html; charset=utf-8" });
  }
  return { attachments, html, htmlKey, droppedAttachments: parsed.droppedAttachments.length ? parsed.droppedAttachments : undefined };
}

/** Counts a sender's message in the current window; true when the sender is over the cap. */
async function overRateCap(sender: string): Promise<boolean> {
  const tenantId = useTenantId();
  const now = Math.floor(useClock().now().getTime() / 1000);
  const window = Math.floor(now / RateCap.windowSeconds);
  const value = await Counter.bump(tenantId, `mailrate#${sender}#${window}`, (window + 1) * RateCap.windowSeconds + 3600);
  return value > RateCap.messages;
}

async function departmentFor(tag: string | undefined): Promise<string> {
  if (tag && !isTokenShaped(tag)) {
    const match = await Department.byAddress(tag);
    if (match) return match.departmentId;
  }
  return Department.defaultId();
}

/**
 * A hard bounce of a letter of ours: its recipient is marked undeliverable, and the ticket whose letter bounced says
 * so. A report is believed only about a letter we sent (its Message-ID names one, in the report or In-Reply-To) and
 * only about that letter's recipient, so a forged report cannot silence any customer it names.
 */
async function handleBounce(record: Record, attempt: number, parsed: Parsed, reason: string): Promise<Outcome> {
  const mailId = record.mailId;
  const tenantId = useTenantId();
  const db = useDb().entities;
  const report = parsed.report;
  const failed = (report?.recipients ?? []).filter((r) => r.action === "failed" && (r.status ?? "5").startsWith("5"));
  const originalId = report?.originalMessageId ?? parsed.inReplyTo[0];
  const ref = originalId ? (await db.mailRef.get({ tenantId, messageId: originalId }).go()).data : undefined;
  const ours = ref?.direction === "out" ? ref : undefined;
  const ticket = ours ? await ticketRef(ours.ticketId) : undefined;
  if (!failed.length) {
    const delayed = report?.recipients.some((r) => r.action === "delayed");
    return finish(mailId, attempt, parsed, { status: "ignored", reason: delayed ? "Delivery delayed (not a failure yet)" : reason, ticket });
  }
  const detail = failed.map((r) => [r.address, r.status, r.diagnostic].filter(Boolean).join(" ")).join("; ").slice(0, 400);
  if (!ours?.recipient) {
    return finish(mailId, attempt, parsed, { status: "ignored", reason: `A delivery report about no letter of ours; nobody marked undeliverable (${detail || "delivery failed"})` });
  }
  const recipient = ours.recipient.toLowerCase();
  if (!failed.some((r) => !r.address || r.address.toLowerCase() === recipient)) {
    return finish(mailId, attempt, parsed, { status: "ignored", reason: `A delivery report naming others than our letter's recipient ${ours.recipient}; nobody marked undeliverable (${detail})`, ticket });
  }
  await Customer.markUndeliverable(ours.recipient, detail);
  const bounced: Finish = { status: "ignored", reason: `Hard bounce: ${detail || "delivery failed"}`, ticket };
  if (ticket) await Ticket.markUndelivered(ours.ticketId, `Our mail to ${ours.recipient} bounced: ${detail}`, { outboxId: ours.outboxId, at: record.receivedAt });
  return finish(mailId, attempt, parsed, bounced);
}

async function ticketRef(ticketId: string) {
  const ticket = await Ticket.read(ticketId);
  return ticket ? { ticketId: ticket.ticketId, number: ticket.number } : undefined;
}

/** Turns a stored, claimed mail into its outcome. */
async function process(mailId: string, attempt: number, raw: Buffer, envelopeFrom: string | undefined, tag: string | undefined, options: { release?: boolean } = {}): Promise<Outcome> {
  let parsed: Parsed | undefined;
  try {
    parsed = await parseMail(raw);
    return await decide(mailId, attempt, parsed, envelopeFrom, tag, options);
  } catch (error) {
    if (error instanceof LostLease) {
      const existing = (await useDb().entities.mail.get({ tenantId: useTenantId(), mailId }).go({ consistent: true })).data!;
      return outcomeOf(existing, true);
    }
    const message = error instanceof Unreadable ? error.message : `Processing failed: ${(error as Error)?.message ?? String(error)}`;
    if (!(error instanceof Unreadable)) {
      console.error(JSON.stringify({ level: "error", msg: "inbound mail failed", tenantId: useTenantId(), mailId, error: String((error as Error)?.stack ?? error) }));
    }
    try {
      return await finish(mailId, attempt, parsed, { status: "unprocessable", error: message });
    } catch (inner) {
      if (inner instanceof LostLease) return outcomeOf((await useDb().entities.mail.get({ tenantId: useTenantId(), mailId }).go({ consistent: true })).data!, true);
      throw inner;
    }
  }
}

async function decide(mailId: string, attempt: number, parsed: Parsed, envelopeFrom: string | undefined, tag: string | undefined, options: { release?: boolean }): Promise<Outcome> {
  const tenantId = useTenantId();
  const record = (await useDb().entities.mail.get({ tenantId, mailId }).go({ consistent: true })).data!;
  const ids = idsFor(mailId, record.receivedAt);
  const ticketOf = (t: { ticketId: string; number: number }) => ({ ticketId: t.ticketId, number: t.number });
  if (attempt > 1) {
    // An earlier attempt may have opened the ticket and stopped before recording it.
    const made = await Ticket.read(ids.ticketId);
    if (made) return finish(mailId, attempt, parsed, { status: "ticket_created", ticket: ticketOf(made) });
  }
  const kind = classify(parsed, envelopeFrom);
  const sender = parsed.from?.address ?? normaliseAddress(envelopeFrom);
  if (kind.kind === "bounce") return handleBounce(record, attempt, parsed, kind.reason);
  if (kind.kind === "ignore") return finish(mailId, attempt, parsed, { status: "ignored", reason: kind.reason });
  if (!sender) return finish(mailId, attempt, parsed, { status: "ignored", reason: "The message has no sender address" });
  const stopped = await StopList.match(sender);
  if (stopped) return finish(mailId, attempt, parsed, { status: "ignored", reason: `On the stop list (${stopped})` });

  // A suspended workspace keeps its mail, unprocessed, until it is running again.
  const tenant = (await Workspace.config(tenantId)).tenant;
  if (tenant?.planStatus === "suspended") return finish(mailId, attempt, parsed, { status: "held", reason: HELD.suspended });

  const found = await findThread(tag, parsed, sender, record.auth);
  const open = found.ticket && found.ticket.status !== "closed" ? found.ticket : undefined;
  if (kind.kind === "auto-reply" && !open) {
    return finish(mailId, attempt, parsed, { status: "ignored", reason: `${kind.reason}, to no open ticket` });
  }
  if (kind.kind !== "auto-reply" && !options.release && (await overRateCap(sender))) {
    return finish(mailId, attempt, parsed, {
      status: "held",
      reason: `Held: ${sender} sent over ${RateCap.messages} messages in ${RateCap.windowSeconds / 3600} hours`,
    });
  }

  const text = parsed.text.trim() || (parsed.attachments.length ? "(attachments only)" : "(no text)");
  const trimmed = trimQuoted(text);
  const parts = await storeParts(mailId, parsed);
  const mail = {
    messageId: ids.messageId,
    mailId,
    emailMessageId: parsed.messageId,
    ...(trimmed.trimmed ? { fullBody: text.slice(0, 100_000) } : {}),
    ...parts,
  };
  const ours = useConfig().inboundDomain;
  const participants = [...parsed.cc, ...parsed.to]
    .map((a) => a.address)
    .filter((a) => a !== sender && !a.endsWith(`@${ours}`))
    .slice(0, 20);

  if (open) {
    const author = await Customer.ensure({ email: sender, ...(parsed.from?.name ? { name: parsed.from.name.slice(0, 120) } : {}) }, { locale: localeOfText(text) });
    const status: MailStatus = kind.kind === "auto-reply" ? "note_added" : "reply_added";
    const reason = kind.kind === "person" ? undefined : kind.reason;
    try {
      await Ticket.receive(open.ticketId, {
        customer: { customerId: author.customerId, name: author.name, email: author.email },
        body: trimmed.shown,
        asNote: kind.kind === "auto-reply",
        participants: [sender, ...participants],
        mail,
      });
      return finish(mailId, attempt, parsed, { status, reason, ticket: ticketOf(open) });
    } catch (error) {
      if (error instanceof Ticket.AlreadyReceived) return finish(mailId, attempt, parsed, { status, reason, ticket: ticketOf(error.ticket) });
      if (!(error instanceof Ticket.ClosedTicket)) throw error;
    }
  }

  const followUpOf = found.ticket?.status === "closed" ? found.ticket : undefined;
  const departmentId = followUpOf?.departmentId ?? (await departmentFor(tag));
  const subject = parsed.subject || "(no subject)";
  const created = (ticket: { ticketId: string; number: number }) =>
    finish(mailId, attempt, parsed, {
      status: "ticket_created",
      reason: kind.kind === "automated" ? `Not answered: ${kind.reason}` : followUpOf ? `Follow-up of closed #${followUpOf.number}` : undefined,
      ticket: ticketOf(ticket),
    });
  try {
    const requester = await Customer.ensure({ email: sender, ...(parsed.from?.name ? { name: parsed.from.name.slice(0, 120) } : {}) }, { locale: localeOfText(text) });
    const ticket = await Ticket.open({
      ticketId: ids.ticketId,
      subject: subject.slice(0, 200),
      body: trimmed.shown,
      requester,
      departmentId,
      type: "incident",
      impact: "medium",
      urgency: "medium",
      priority: "normal",
      tags: [],
      channel: "email",
      status: "new",
      participants,
      acknowledge: kind.kind === "person",
      automated: kind.kind === "automated",
      followUpOf: followUpOf?.ticketId,
      linkedTo: followUpOf ? undefined : found.linkedTo,
      mail,
    });
    return created(ticket);
  } catch (error) {
    if (error instanceof Ticket.TicketExists) return created(error.ticket);
    if (error instanceof LimitReached && error.limit === "daily_tickets") {
      return finish(mailId, attempt, parsed, { status: "held", reason: `${HELD.daily_limit} (${error.message})` });
    }
    throw error;
  }
}

/**
 * Processes again a stored mail, under a new attempt that fences it against any other (undefined when another attempt
 * took it meanwhile). `release`: mail held by the rate cap goes through this time.
 */
async function processAgain(record: Record, options: { release?: boolean; attempt?: number } = {}): Promise<Outcome | undefined> {
  const attempt = options.attempt ?? (await claim(record));
  if (attempt === undefined) return undefined;
  const raw = await usePorts().blobs.get(record.rawKey);
  if (!raw) return finish(record.mailId, attempt, undefined, { status: "unprocessable", error: "The stored raw message is missing" });
  const tag = record.recipients?.[0]?.split("+")[1];
  return process(record.mailId, attempt, raw, record.envelopeFrom, tag, { release: options.release });
}

/** A mail an admin asked to process again (Mail.requestReprocess), by reaction to the request. */
export async function processRequested(mailId: string, attempt: number): Promise<void> {
  const record = (await useDb().entities.mail.get({ tenantId: useTenantId(), mailId }).go({ consistent: true })).data;
  if (!record || record.status !== "processing" || record.attempt !== attempt) return; // done, or taken over
  await processAgain(record, { attempt, release: record.reprocessFrom === "held" });
}

/**
 * The lease of a mail's attempt ended (its timer, armed by reaction: reactions.ts). If that attempt still holds the
 * mail, it died (a process killed, a Lambda timed out): the mail is taken over and processed from its stored raw
 * message. A mail finished meanwhile, or taken by another attempt (which has a timer of its own), is left alone.
 */
export async function takeOver(mailId: string, attempt: number): Promise<Outcome | undefined> {
  const record = (await useDb().entities.mail.get({ tenantId: useTenantId(), mailId }).go({ consistent: true })).data;
  if (!record || record.status !== "processing" || record.attempt !== attempt) return undefined;
  if ((record.leaseUntil ?? 0) > useClock().now().getTime()) {
    await armLease(record); // the timer ran early (clocks differ): again at the lease's end
    return undefined;
  }
  return processAgain(record, { release: record.reprocessFrom === "held" });
}

/** The timer at the end of a mail's lease (one per mail: a new attempt moves it). */
export const leaseTimer = (mailId: string) => `mail-lease.${mailId}`;

export async function armLease(record: Pick<Record, "tenantId" | "mailId" | "attempt" | "leaseUntil">): Promise<void> {
  const at = new Date((record.leaseUntil ?? useClock().now().getTime()) + 1000);
  await usePorts().scheduler.arm(leaseTimer(record.mailId), at, { kind: "mail.lease", tenantId: record.tenantId, mailId: record.mailId, attempt: record.attempt });
}

/**
 * Processes again the mail held for `reason`, oldest first, now that it no longer holds (a top-up ended a suspension,
 * a new day reset the daily limit, a plan change lifted it). Mail still over a limit is held again.
 */
export async function releaseHeld(reason: keyof typeof HELD): Promise<number> {
  const tenantId = useTenantId();
  const held = await useDb().entities.mail.query.byStatus({ tenantId, status: "held" }).go({ pages: "all" });
  const mine = held.data.filter((m) => m.reason?.startsWith(HELD[reason])).sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : 1));
  let released = 0;
  for (const record of mine) {
    const after = await processAgain(record, { release: true });
    if (!after) continue; // taken by another attempt meanwhile
    if (after.status !== "held") released++;
    else if (reason === "daily_limit") break; // the new day's limit is used up again: the rest wait for the next
  }
  return released;
}

export { Limits as ParseLimits, parseMail, Unreadable } from "./parse";
export { classify } from "./loop-guard";
export { compose, type Letter } from "./compose";
export * as Inbound from "./inbound";
