import { useTenantId } from "../actor";
import { useConfig } from "../config";
import { useDb } from "../db/service";
import { Workspace } from "../workspace";
import type { LetterIntent } from "./intent";
import { localeOf, render, textToHtml } from "./letters";
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
    fromName: agent ? `${agent} via ${workspace}` : workspace,
    to: { address: intent.to, name: customer?.name ?? intent.toName },
    subject: rendered.subject,
    text: rendered.body,
    html: textToHtml(rendered.body),
    inReplyTo: intent.inReplyTo,
    references: intent.references ?? [],
    automatic: intent.kind !== "agent_reply",
  };
}

const ALERT_TEXT = {
  en: {
    warning: (target: string) => `SLA warning: ${target} is due soon`,
    breach: (target: string) => `SLA breach: ${target} is overdue`,
    targets: { first_response: "first response", next_response: "next response", resolution: "resolution" },
    open: "Open the ticket",
    noReply: "This is an automatic alert; do not reply to it.",
  },
  ru: {
    warning: (target: string) => `SLA: скоро срок (${target})`,
    breach: (target: string) => `SLA нарушен: просрочен ${target}`,
    targets: { first_response: "первый ответ", next_response: "следующий ответ", resolution: "решение" },
    open: "Открыть обращение",
    noReply: "Это автоматическое уведомление; не отвечайте на него.",
  },
} as const;

export interface StaffForAlert {
  email: string;
  name: string;
  locale?: string;
}

/** The title of an SLA alert, in a staff member's language. */
export function alertTitle(kind: "warning" | "breach", target: "first_response" | "next_response" | "resolution", locale?: string): string {
  const text = ALERT_TEXT[localeOf(locale)];
  return text[kind](text.targets[target]);
}

/** A letter telling staff of an SLA warning or breach, with a link to the ticket; not answered by mail. */
export async function staffAlert(
  staff: StaffForAlert,
  ticket: { ticketId: string; number: number; subject: string },
  alert: { kind: "warning" | "breach"; target: "first_response" | "next_response" | "resolution"; dueAt: string },
  outboxId: string,
): Promise<Prepared> {
  const tenantId = useTenantId();
  const text = ALERT_TEXT[localeOf(staff.locale)];
  const tenant = (await Workspace.config(tenantId)).tenant;
  const title = alertTitle(alert.kind, alert.target, staff.locale);
  const link = `${useConfig().appUrl}/tickets/${ticket.ticketId}`;
  const body = `${title}\n\n#${ticket.number} ${ticket.subject}\n${alert.kind === "warning" ? "Due" : "Was due"}: ${alert.dueAt}\n\n${text.open}: ${link}\n\n${text.noReply}`;
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

const WORKSPACE_TEXT = {
  en: {
    invitation: (p: { workspace: string; inviter: string; role: string; link: string; expires: string }) => ({
      subject: `${p.inviter} invites you to ${p.workspace} on Frontline`,
      body: `${p.inviter} invites you to join ${p.workspace} as ${p.role}.\n\nAccept the invitation (the link works until ${p.expires}):\n${p.link}`,
    }),
    low_balance: (p: { workspace: string; balance: string; days: number; link: string }) => ({
      subject: `${p.workspace}: the balance runs out in ${p.days} day${p.days === 1 ? "" : "s"}`,
      body: `The balance of ${p.workspace} is ${p.balance}, enough for about ${p.days} more day${p.days === 1 ? "" : "s"} of your plan.\n\nTop it up to keep the help desk running: ${p.link}`,
    }),
    suspended: (p: { workspace: string; balance: string; link: string }) => ({
      subject: `${p.workspace} is suspended: top up the balance`,
      body: `${p.workspace} is suspended: its balance is ${p.balance} and the grace period has ended. Your team can read tickets but not change them; customers' mail is still received and kept.\n\nTop up to continue at once: ${p.link}`,
    }),
    restored: (p: { workspace: string; balance: string; link: string }) => ({
      subject: `${p.workspace} is running again`,
      body: `Thank you: the balance of ${p.workspace} is ${p.balance} and the workspace is running again. Mail received meanwhile has been processed.\n\n${p.link}`,
    }),
  },
  ru: {
    invitation: (p: { workspace: string; inviter: string; role: string; link: string; expires: string }) => ({
      subject: `${p.inviter} приглашает вас в ${p.workspace} на Frontline`,
      body: `${p.inviter} приглашает вас в ${p.workspace} (роль: ${p.role}).\n\nПринять приглашение (ссылка действует до ${p.expires}):\n${p.link}`,
    }),
    low_balance: (p: { workspace: string; balance: string; days: number; link: string }) => ({
      subject: `${p.workspace}: баланса хватит на ${p.days} дн.`,
      body: `Баланс ${p.workspace}: ${p.balance}, этого хватит примерно на ${p.days} дн. по вашему тарифу.\n\nПополните баланс, чтобы служба поддержки продолжала работать: ${p.link}`,
    }),
    suspended: (p: { workspace: string; balance: string; link: string }) => ({
      subject: `${p.workspace} приостановлен: пополните баланс`,
      body: `Работа ${p.workspace} приостановлена: баланс ${p.balance}, льготный период закончился. Сотрудники могут читать обращения, но не менять их; письма клиентов по-прежнему принимаются и сохраняются.\n\nПополните баланс, чтобы продолжить: ${p.link}`,
    }),
    restored: (p: { workspace: string; balance: string; link: string }) => ({
      subject: `${p.workspace} снова работает`,
      body: `Спасибо: баланс ${p.workspace} — ${p.balance}, работа возобновлена. Письма, полученные за это время, обработаны.\n\n${p.link}`,
    }),
  },
};

function workspaceLetter(
  kind: "invitation" | "low_balance" | "suspended" | "restored",
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
  p: { workspace: string; inviter: string; role: string; link: string; expiresAt: string; locale?: string },
  outboxId: string,
): Prepared {
  const locale = localeOf(p.locale);
  const expires = new Date(p.expiresAt).toLocaleDateString(locale === "ru" ? "ru-RU" : "en-GB", { day: "numeric", month: "long", year: "numeric" });
  return workspaceLetter("invitation", to, `${p.workspace} (Frontline)`, WORKSPACE_TEXT[locale].invitation({ ...p, expires }), outboxId);
}

/** The letters about the balance and suspension, to the workspace's owner. */
export function billingLetter(
  kind: "low_balance" | "suspended" | "restored",
  to: { email: string; name?: string },
  p: { workspace: string; balance: string; days?: number; locale?: string },
  outboxId: string,
): Prepared {
  const link = `${useConfig().appUrl}/admin/billing`;
  const text = WORKSPACE_TEXT[localeOf(p.locale)];
  const content =
    kind === "low_balance" ? text.low_balance({ ...p, days: p.days ?? 0, link }) : kind === "suspended" ? text.suspended({ ...p, link }) : text.restored({ ...p, link });
  return workspaceLetter(kind, to, `${p.workspace} (Frontline)`, content, outboxId);
}
