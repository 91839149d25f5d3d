import { useConfig } from "../config";
import { textToHtml } from "../email/letters";
import { prepare, queue } from "../email/outbox";
import { idFrom } from "../id";
import { localeOf, say, sayTime, wording, type Locale } from "../locale";
import { Workspace } from "../workspace";
import { notify } from "./index";
import * as Preferences from "./preferences";

type Wording = (typeof wording)["en"]["notice"];

/** Something to tell one staff member about a ticket, by the bell and by mail, as their preferences say. */
export interface Notice {
  /** The switch it answers to (preferences.ts), and the kind the bell shows. */
  kind: Preferences.Kind;
  ticket: { ticketId: string; number: number; subject: string };
  /** The title, in the reader's language. */
  title: (text: Wording, locale: Locale) => string;
  /** What was written (a reply, a note), quoted in the letter. */
  excerpt?: string;
  /** When it happened (the change's time: the notification's and the letter's ids are fixed by it). */
  at: string;
  /** What caused it, unique per change: with the person, the notification's and the letter's ids. */
  seed: string;
}

const EXCERPT = 600;

/**
 * Tells `staffId` of a notice: in the bell and by mail, each if they want it (their preferences, else the defaults),
 * in their language and time zone (their profile's, else the workspace's). Ids come from the seed and the person, so
 * a change delivered twice tells them once.
 */
export async function deliver(tenantId: string, staffId: string, notice: Notice): Promise<void> {
  const config = await Workspace.config(tenantId);
  const person = config.staff.find((s) => s.staffId === staffId && s.status === "active");
  if (!person) return;
  const channels = (await Preferences.of(tenantId, staffId))[notice.kind];
  if (!channels.bell && !channels.mail) return;
  const locale = localeOf(person.locale ?? config.tenant?.locale);
  const text = wording[locale].notice;
  const title = notice.title(text, locale);
  const subject = `#${notice.ticket.number} ${notice.ticket.subject}`;
  if (channels.bell) {
    await notify(tenantId, staffId, notice.seed, { kind: notice.kind, ticketId: notice.ticket.ticketId, ticketNumber: notice.ticket.number, title, body: subject }, notice.at);
  }
  if (!channels.mail) return;
  const appUrl = useConfig().appUrl;
  const excerpt = notice.excerpt && notice.excerpt.length > EXCERPT ? `${notice.excerpt.slice(0, EXCERPT).trimEnd()}…` : notice.excerpt;
  const body = [
    title,
    "",
    subject,
    say(locale, text.at, { at: sayTime(locale, notice.at, person.timeZone ?? config.tenant?.timeZone) }),
    ...(excerpt ? ["", ...excerpt.split("\n").map((line) => `> ${line}`)] : []),
    "",
    `${text.open}: ${appUrl}/tickets/${notice.ticket.ticketId}`,
    "",
    say(locale, text.settings, { link: `${appUrl}/workspace#notifications` }),
    text.noReply,
  ].join("\n");
  const letter = prepare(
    {
      kind: "staff_notice",
      ticketId: notice.ticket.ticketId,
      ticketNumber: notice.ticket.number,
      fromName: `${config.tenant?.name ?? tenantId} (Frontline)`,
      to: { address: person.email, name: person.name },
      subject: `[#${notice.ticket.number}] ${title}`,
      text: body,
      html: textToHtml(body),
      references: [],
      automatic: true,
    },
    idFrom(`${notice.seed}:mail:${staffId}`, notice.at),
    tenantId,
  );
  await queue(letter, notice.at);
}
