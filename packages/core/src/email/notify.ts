import { useTenantId } from "../actor";
import { useConfig } from "../config";
import { useDb } from "../db/service";
import { Workspace } from "../workspace";
import type { LetterIntent } from "./intent";
import { localeOf, say, sayDate, sayMoney, sayTime, wording, type Locale, type Wording } from "../locale";
import { render, textToHtml } from "./letters";
import { prepare, type Prepared } from "./outbox";

/**
 * The letters themselves, rendered when a reaction queues them (reactions.ts): to a ticket's requester (what its
 * thread entry's letter intent says), to staff about an SLA warning or breach, and about the workspace (an
 * invitation, the balance, suspension). Their outbox ids come from what they tell of, so each is queued once.
 */

/** A thread entry that carries a letter to the requester. */
export interface EntryWithLetter {
  messageId: string;
  ticketId: string;
  body: string;
  authorName: string;
  letter: LetterIntent;
}

/** The letter of a thread entry, in the requester's language, with the workspace's wording. */
export async function customerLetter(entry: EntryWithLetter): Promise<Prepared> {
  const tenantId = useTenantId();
  const intent = entry.letter;
  const config = await Workspace.config(tenantId);
  const customer = (await useDb().entities.customer.get({ tenantId, customerId: intent.customerId }).go({ attributes: ["name", "locale"] })).data;
  const workspace = config.tenant?.name ?? tenantId;
  const locale = localeOf(customer?.locale ?? config.tenant?.locale);
  const agent = intent.kind === "agent_reply" ? entry.authorName : undefined;
  const rendered = await render(tenantId, intent.kind, locale, {
    workspace: { name: workspace },
    customer: { name: customer?.name ?? intent.toName ?? intent.to, email: intent.to },
    ticket: { number: intent.ticketNumber, subject: intent.subject, status: intent.status },
    ...(agent ? { agent: { name: agent } } : {}),
    ...(intent.kind === "agent_reply" ? { message: entry.body } : {}),
    solved: intent.solved ?? false,
  });
  return {
    kind: intent.kind,
    outboxId: intent.outboxId,
    messageId: intent.emailMessageId,
    ticketId: entry.ticketId,
    ticketNumber: intent.ticketNumber,
    fromName: agent ? say(locale, wording[locale].via, { agent, workspace }) : workspace,
    to: { address: intent.to, name: customer?.name ?? intent.toName },
    subject: rendered.subject,
    text: rendered.body,
    html: textToHtml(rendered.body),
    inReplyTo: intent.inReplyTo,
    references: intent.references ?? [],
    automatic: intent.kind !== "agent_reply",
  };
}

export interface StaffForAlert {
  email: string;
  name: string;
  locale?: string;
  timeZone?: string;
}

/** The title of an SLA alert, in a staff member's language. */
export function alertTitle(kind: "warning" | "breach", target: "first_response" | "next_response" | "resolution", locale?: string): string {
  const l = localeOf(locale);
  const text = wording[l].alert;
  return say(l, text[kind], { target: text.targets[target] });
}

/** A letter telling staff of an SLA warning or breach, with a link to the ticket; not answered by mail. */
export async function staffAlert(
  staff: StaffForAlert,
  ticket: { ticketId: string; number: number; subject: string },
  alert: { kind: "warning" | "breach"; target: "first_response" | "next_response" | "resolution"; dueAt: string },
  outboxId: string,
): Promise<Prepared> {
  const tenantId = useTenantId();
  const locale = localeOf(staff.locale);
  const text = wording[locale].alert;
  const tenant = (await Workspace.config(tenantId)).tenant;
  const title = alertTitle(alert.kind, alert.target, staff.locale);
  const link = `${useConfig().appUrl}/tickets/${ticket.ticketId}`;
  const due = say(locale, alert.kind === "warning" ? text.due : text.wasDue, { at: sayTime(locale, alert.dueAt, staff.timeZone ?? tenant?.timeZone) });
  const body = `${title}\n\n#${ticket.number} ${ticket.subject}\n${due}\n\n${text.open}: ${link}\n\n${text.noReply}`;
  return prepare(
    {
      kind: "staff_alert",
      ticketId: ticket.ticketId,
      ticketNumber: ticket.number,
      fromName: `${tenant?.name ?? tenantId} (Frontline)`,
      to: { address: staff.email, name: staff.name },
      subject: `[#${ticket.number}] ${title}`,
      text: body,
      html: textToHtml(body),
      references: [],
      automatic: true,
    },
    outboxId,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Letters about the workspace (not about a ticket): an invitation, the balance, suspension. Not answered by mail.

type WorkspaceLetterKind = keyof Wording["workspace"];

/** A letter about the workspace, in `locale`. */
function workspaceText(kind: WorkspaceLetterKind, locale: Locale, args: Record<string, string | number>): { subject: string; body: string } {
  const text = wording[locale].workspace[kind];
  return { subject: say(locale, text.subject, args), body: say(locale, text.body, args) };
}

function workspaceLetter(
  kind: "invitation" | "password_reset" | "low_balance" | "suspended" | "restored",
  to: { email: string; name?: string },
  fromName: string,
  text: { subject: string; body: string },
  outboxId: string,
): Prepared {
  return prepare(
    {
      kind,
      fromName,
      to: { address: to.email, name: to.name },
      subject: text.subject,
      text: text.body,
      html: textToHtml(text.body),
      references: [],
      automatic: true,
    },
    outboxId,
  );
}

export function invitation(
  to: { email: string; name?: string },
  p: { workspace: string; inviter: string; role: string; link: string; expiresAt: string; locale?: string; timeZone?: string },
  outboxId: string,
): Prepared {
  const locale = localeOf(p.locale);
  const roles: Record<string, string> = wording[locale].roles;
  const args = { workspace: p.workspace, inviter: p.inviter, role: roles[p.role] ?? p.role, link: p.link, expires: sayDate(locale, p.expiresAt, p.timeZone) };
  return workspaceLetter("invitation", to, `${p.workspace} (Frontline)`, workspaceText("invitation", locale, args), outboxId);
}

/**
 * A link to choose a new password, in the staff member's language (the workspace's, if they chose none); an admin who
 * sent it is named.
 */
export function passwordReset(
  to: { email: string; name?: string },
  p: { workspace: string; slug: string; link: string; validUntil: string; sentBy?: string; locale?: string; timeZone?: string },
  outboxId: string,
): Prepared {
  const locale = localeOf(p.locale);
  const args = { workspace: p.workspace, slug: p.slug, email: to.email, link: p.link, expires: sayTime(locale, p.validUntil, p.timeZone), sender: p.sentBy ?? "", sent: p.sentBy ? "admin" : "self" };
  return workspaceLetter("password_reset", to, `${p.workspace} (Frontline)`, workspaceText("password_reset", locale, args), outboxId);
}

/** The letters about the balance and suspension, to the workspace's owner. */
export function billingLetter(
  kind: "low_balance" | "suspended" | "restored",
  to: { email: string; name?: string },
  p: { workspace: string; balanceMinor: number; currency: string; days?: number; locale?: string },
  outboxId: string,
): Prepared {
  const locale = localeOf(p.locale);
  const args = { workspace: p.workspace, balance: sayMoney(locale, p.balanceMinor, p.currency), days: p.days ?? 0, link: `${useConfig().appUrl}/admin/billing` };
  return workspaceLetter(kind, to, `${p.workspace} (Frontline)`, workspaceText(kind, locale, args), outboxId);
}
