import { isRobotSender } from "./address";
import type { Parsed } from "./parse";

/**
 * What kind of mail this is, for deciding whether it may become a ticket and whether anyone may answer it.
 * RFC 3834 (Auto-Submitted), Precedence, X-Loop, X-Auto-Response-Suppress, the empty envelope sender, robot senders,
 * delivery and disposition reports, and our own mail coming back.
 */
export type Kind =
  | { kind: "person" }
  /** May become a ticket or join one, but is never answered automatically. */
  | { kind: "automated"; reason: string }
  /** An automatic reply (out of office...): joins a ticket as a note, never opens one, never answered. */
  | { kind: "auto-reply"; reason: string }
  /** A delivery failure report: handled as a bounce, never a ticket. */
  | { kind: "bounce"; reason: string }
  /** Recorded and otherwise ignored. */
  | { kind: "ignore"; reason: string };

/** The header our outgoing mail carries (and X-Loop), which identifies it when it comes back. */
export const LOOP_HEADER_VALUE = "frontline";

const BOUNCE_SUBJECT = /(undeliver|returned mail|delivery (status|failure|has failed|notification)|failure notice|non.?delivery|mail (delivery )?failure|mail delivery failed|nicht zustellbar|не доставлено|недоставлен|не доставлен|не вдалося доставити|nem kézbesíthető)/i;

const AUTO_REPLY_SUBJECT = /^(auto(matic)?[ -]?reply|out of (the )?office|autoreply|abwesenheit|automatische antwort|réponse automatique|автоответ|автоматический ответ|автовідповідь|automatikus válasz|házon kívül)\b/i;

export function classify(mail: Parsed, envelopeFrom: string | undefined): Kind {
  const header = (name: string) => mail.header(name)?.toLowerCase();
  const loops = mail.headerAll("x-loop").map((v) => v.toLowerCase());
  if (mail.header("x-frontline-ticket") || loops.some((v) => v.includes(LOOP_HEADER_VALUE))) {
    return { kind: "ignore", reason: "Our own mail came back (loop)" };
  }
  if (mail.report?.kind === "delivery-status") return { kind: "bounce", reason: "Delivery status notification" };
  if (mail.report?.kind === "disposition-notification") return { kind: "ignore", reason: "Read receipt" };
  if (mail.report?.kind === "feedback-report") return { kind: "ignore", reason: "Abuse report (feedback loop)" };

  const sender = mail.from?.address;
  const emptyReturnPath = envelopeFrom === "" || /^<?\s*>?$/.test(mail.header("return-path") ?? "x");
  const robot = isRobotSender(sender) || isRobotSender(envelopeFrom || sender);
  if (robot && BOUNCE_SUBJECT.test(mail.subject)) {
    return { kind: "bounce", reason: "Bounce (by sender and subject)" };
  }
  if (loops.length) return { kind: "ignore", reason: `Mail loop (X-Loop: ${loops[0]})` };
  const precedence = header("precedence");
  if (precedence === "junk") return { kind: "ignore", reason: "Precedence: junk" };

  const autoSubmitted = header("auto-submitted");
  const autoReply =
    autoSubmitted?.startsWith("auto-replied") ||
    mail.header("x-autoreply") !== undefined ||
    mail.header("x-autorespond") !== undefined ||
    AUTO_REPLY_SUBJECT.test(mail.subject);
  if (autoReply) return { kind: "auto-reply", reason: autoSubmitted ? `Auto-Submitted: ${autoSubmitted}` : "Automatic reply" };
  if (autoSubmitted && autoSubmitted !== "no") return { kind: "automated", reason: `Auto-Submitted: ${autoSubmitted}` };
  if (precedence === "bulk" || precedence === "list") return { kind: "automated", reason: `Precedence: ${precedence}` };
  if (mail.header("x-auto-response-suppress") !== undefined) return { kind: "automated", reason: "X-Auto-Response-Suppress" };
  if (mail.header("list-id") !== undefined) return { kind: "automated", reason: "Mailing list (List-Id)" };
  if (emptyReturnPath) return { kind: "automated", reason: "Empty Return-Path" };
  if (robot) return { kind: "automated", reason: `Sent by a machine (${sender ?? "no sender"})` };
  return { kind: "person" };
}
