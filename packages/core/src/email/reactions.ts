import { useConfig } from "../config";
import { useDb } from "../db/service";
import { idFrom } from "../id";
import { defineReaction, field } from "../stream";
import { Workspace } from "../workspace";
import type { LetterIntent } from "./intent";
import { armLease, leaseTimer, processRequested, releaseHeld } from "./inbound";
import { useClock, usePorts } from "../port";
import { billingLetter, customerLetter, invitation, passwordReset, staffAlert } from "./notify";
import { AutoLetterCap, has, queue } from "./outbox";
import { Counter } from "../counter";
import { CUSTOMER_LETTERS, deliver, type Delivery } from "./send";
import { Ticket } from "../ticket";
import { invitationToken } from "../staff/invitation";
import * as NotificationPreferences from "../notification/preferences";
import { resetLink } from "../staff/password-reset";

type Entry = {
  ticketId: string;
  messageId: string;
  createdAt: string;
  body: string;
  authorName: string;
  mailId?: string;
  emailMessageId?: string;
  letter?: LetterIntent;
  alert?: { kind: "warning" | "breach"; target: "first_response" | "next_response" | "resolution"; dueAt: string; ticketNumber: number; subject: string; recipients?: string[] };
};

const inserted = (entity: string) => (change: { kind: string; entity?: string }) => change.kind === "insert" && change.entity === entity;

/**
 * A thread entry that tells the requester something (a reply, "received", "solved"): its letter is queued, once. The
 * acknowledgement of a conversation opened by mail, over the address's hourly cap, is kept, not sent, and the ticket
 * says so (email.undelivered): a robot that answers each acknowledgement with a new mail is not fed.
 */
export const customerLetters = defineReaction({
  name: "email.customer-letter",
  on: ["message"],
  when: (change) => inserted("message")(change) && Boolean((change.after as Entry).letter),
  async each(change) {
    const entry = change.after as Entry & { letter: LetterIntent };
    const letter = await customerLetter(entry);
    const acknowledgesMail = entry.letter.kind === "ticket_received" && Boolean(entry.mailId);
    if (!acknowledgesMail || (await has(letter.outboxId))) return void (await queue(letter, entry.createdAt));
    const now = Math.floor(useClock().now().getTime() / 1000);
    const window = Math.floor(now / AutoLetterCap.windowSeconds);
    const sent = await Counter.bump(change.tenantId!, `autoletter#${letter.to.address.toLowerCase()}#${window}`, (window + 1) * AutoLetterCap.windowSeconds + 3600);
    const over = sent > AutoLetterCap.letters;
    await queue(letter, entry.createdAt, over ? { reason: `Over ${AutoLetterCap.letters} acknowledgements an hour to ${letter.to.address}` } : undefined);
  },
});

/** An SLA warning or breach alerts staff by mail (those who keep SLA alerts by mail), each recipient once, in their language. */
export const staffAlerts = defineReaction({
  name: "email.staff-alert",
  on: ["message"],
  when: (change) => inserted("message")(change) && Boolean((change.after as Entry).alert?.recipients?.length),
  async each(change) {
    const entry = change.after as Entry;
    const alert = entry.alert!;
    const staff = (await Workspace.config(change.tenantId!)).staff;
    for (const staffId of alert.recipients ?? []) {
      const person = staff.find((s) => s.staffId === staffId && s.status === "active");
      if (!person || !(await NotificationPreferences.of(change.tenantId!, staffId)).sla.mail) continue;
      const letter = await staffAlert(
        { email: person.email, name: person.name, locale: person.locale, timeZone: person.timeZone },
        { ticketId: entry.ticketId, number: alert.ticketNumber, subject: alert.subject },
        alert,
        idFrom(`${entry.messageId}:alert:${staffId}`, entry.createdAt),
      );
      await queue(letter, entry.createdAt);
    }
  },
});

/**
 * A queued letter is sent (a new one, or one staff asked to send again): the attempt is claimed first, so a letter
 * delivered twice to this reaction is sent once.
 */
export const sendQueued = defineReaction({
  name: "email.send",
  on: ["outbox"],
  when: (change) => (change.after as { status?: string } | undefined)?.status === "queued" && (field(change, "status").changed || field(change, "resendRequestedAt").changed),
  async each(change) {
    const entry = change.after as NonNullable<Delivery["queued"]>;
    await deliver(change.tenantId!, entry.outboxId, { queued: entry, by: change.id });
  },
});

/**
 * A letter to a ticket's customer that will not reach them (it failed for good, or was not sent because the address
 * bounced before) says so in the ticket's thread, where the agent can send it again.
 */
export const undeliveredLetters = defineReaction({
  name: "email.undelivered",
  on: ["outbox"],
  when: (change) => {
    const after = change.after as Partial<NonNullable<Delivery["queued"]>> | undefined;
    const notSent = after?.status === "failed" || after?.status === "suppressed";
    return notSent && field(change, "status").changed && Boolean(after.ticketId) && CUSTOMER_LETTERS.has(after.kind!);
  },
  async each(change) {
    const entry = change.after as Delivery["queued"] & {};
    const what = entry.status === "suppressed" ? "suppressed" : "failed";
    await Ticket.markUndelivered(entry.ticketId!, entry.lastError ?? entry.status, { outboxId: entry.outboxId, what, at: entry.updatedAt });
  },
});

/** A letter that reached the customer after one did not: the ticket stops saying they did not get our mail. */
export const deliveredLetters = defineReaction({
  name: "email.delivered",
  on: ["outbox"],
  when: (change) => {
    const after = change.after as Partial<NonNullable<Delivery["queued"]>> | undefined;
    return after?.status === "sent" && field(change, "status").changed && Boolean(after.ticketId && after.sentAt) && CUSTOMER_LETTERS.has(after.kind!);
  },
  async each(change) {
    const entry = change.after as Delivery["queued"] & {};
    await Ticket.markDelivered(entry.ticketId!, entry.sentAt!);
  },
});

/** A customer's mail in a thread: its Message-ID finds the ticket when a later mail refers to it. */
export const mailReferences = defineReaction({
  name: "email.mail-ref",
  on: ["message"],
  when: (change) => inserted("message")(change) && Boolean((change.after as Entry).mailId && (change.after as Entry).emailMessageId),
  async each(change) {
    const entry = change.after as Entry;
    await useDb()
      .entities.mailRef.put({ tenantId: change.tenantId!, messageId: entry.emailMessageId!, ticketId: entry.ticketId, direction: "in", createdAt: entry.createdAt })
      .go();
  },
});

/** A mail an admin asked to process again is processed, from its stored raw message. */
export const reprocessRequested = defineReaction({
  name: "email.reprocess",
  on: ["mail"],
  when: (change) => field(change, "reprocessRequestedAt").changed && Boolean(change.after?.reprocessRequestedAt),
  async each(change) {
    const mail = change.after as { mailId: string; attempt: number };
    await processRequested(mail.mailId, mail.attempt);
  },
});

/**
 * A mail being processed has a timer at the end of its attempt's lease, which takes the mail over if the attempt dies
 * (Inbound.takeOver); a new attempt moves the timer, an outcome takes it away.
 */
export const mailLease = defineReaction({
  name: "email.mail-lease",
  on: ["mail"],
  when: (change) => field(change, "leaseUntil").changed || field(change, "status").changed,
  async each(change) {
    const mail = (change.after ?? change.before) as { tenantId: string; mailId: string; attempt: number; status: string; leaseUntil?: number };
    if (change.after && mail.status === "processing" && mail.leaseUntil) await armLease(mail);
    else await usePorts().scheduler.cancel(leaseTimer(mail.mailId));
  },
});

/**
 * Held mail is processed again when what held it is gone: the workspace runs again after a suspension; a new plan, or
 * a new day (the daily charge), makes room under the daily limit of new tickets.
 */
export const heldMail = defineReaction({
  name: "email.release-held",
  on: ["tenant", "ledgerEntry"],
  when: (change) =>
    change.entity === "tenant"
      ? (field(change, "planStatus").before === "suspended" && field(change, "planStatus").after !== "suspended") || field(change, "planId").changed || field(change, "addOns").changed
      : change.kind === "insert" && (change.after as { kind: string }).kind === "daily_charge",
  async each(change) {
    const resumed = change.entity === "tenant" && field(change, "planStatus").before === "suspended" && field(change, "planStatus").after !== "suspended";
    if (resumed) await releaseHeld("suspended");
    await releaseHeld("daily_limit");
  },
});

/** The owner hears of the balance: a low balance (once a day), a suspension, a restoration. */
export const billingLetters = defineReaction({
  name: "email.billing-letters",
  on: ["tenant", "billingAccount"],
  when: (change) =>
    change.entity === "tenant" ? field(change, "planStatus").changed && Boolean(change.before) : field(change, "lowBalanceWarnedOn").changed && Boolean(change.after?.lowBalanceWarnedOn),
  async each(change) {
    const tenantId = change.tenantId!;
    const config = await Workspace.config(tenantId);
    const tenant = config.tenant;
    const account = config.billing;
    const owner = config.staff.find((s) => s.staffId === tenant?.ownerId);
    if (!tenant || !account || !owner) return;
    const to = { email: owner.email, name: owner.name };
    const p = { workspace: tenant.name, balanceMinor: account.balanceMinor, currency: account.currency, locale: owner.locale ?? tenant.locale };
    const at = useClock().now().toISOString();
    if (change.entity === "tenant") {
      const status = (change.after as { planStatus: string }).planStatus;
      const was = (change.before as { planStatus: string }).planStatus;
      const kind = status === "suspended" ? "suspended" : was === "suspended" ? "restored" : undefined;
      if (!kind) return;
      await queue(billingLetter(kind, to, p, idFrom(`${change.id}:${kind}`, at)), at);
      return;
    }
    const days = (change.after as { lowBalanceDays?: number }).lowBalanceDays ?? 0;
    const on = (change.after as { lowBalanceWarnedOn: string }).lowBalanceWarnedOn;
    await queue(billingLetter("low_balance", to, { ...p, days }, idFrom(`low-balance:${on}`, at)), at);
  },
});

type InvitationItem = { invitationId: string; email: string; name?: string; role: string; invitedByName: string; expiresAt: string; createdAt: string };

/** An invitation is mailed to the person invited, with its link (the secret in it is derived, never stored). */
export const invitationLetters = defineReaction({
  name: "email.invitation",
  on: ["invitation"],
  when: (change) => change.kind === "insert",
  async each(change) {
    const tenantId = change.tenantId!;
    const item = change.after as InvitationItem;
    const tenant = (await Workspace.config(tenantId)).tenant;
    if (!tenant) return;
    const link = `${useConfig().appUrl}/invite/${await invitationToken(tenantId, item.invitationId)}`;
    const letter = invitation(
      { email: item.email, name: item.name },
      { workspace: tenant.name, inviter: item.invitedByName, role: item.role, link, expiresAt: item.expiresAt, locale: tenant.locale, timeZone: tenant.timeZone },
      item.invitationId,
    );
    await queue(letter, item.createdAt);
  },
});

type ResetItem = { resetId: string; staffId: string; email: string; requestedByName?: string; validUntil: string; createdAt: string };

/**
 * A password reset link is mailed to the staff member, in their language (the workspace's if they chose none), with
 * the time it stops working in their time zone. The outbox id is the link's, so a replay queues one letter.
 */
export const passwordResetLetters = defineReaction({
  name: "email.password-reset",
  on: ["passwordReset"],
  when: (change) => change.kind === "insert",
  async each(change) {
    const tenantId = change.tenantId!;
    const item = change.after as ResetItem;
    const config = await Workspace.config(tenantId);
    const staff = config.staff.find((s) => s.staffId === item.staffId);
    if (!config.tenant || !staff) return;
    const letter = passwordReset(
      { email: item.email, name: staff.name },
      {
        workspace: config.tenant.name,
        slug: config.tenant.slug ?? tenantId,
        link: await resetLink(tenantId, item.resetId),
        validUntil: item.validUntil,
        sentBy: item.requestedByName,
        locale: staff.locale ?? config.tenant.locale,
        timeZone: staff.timeZone ?? config.tenant.timeZone,
      },
      item.resetId,
    );
    await queue(letter, item.createdAt);
  },
});

export const reactions = [customerLetters, staffAlerts, sendQueued, undeliveredLetters, deliveredLetters, reprocessRequested, mailLease, mailReferences, heldMail, billingLetters, invitationLetters, passwordResetLetters];
