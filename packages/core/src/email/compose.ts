import MailComposer from "nodemailer/lib/mail-composer";
import { displayName, headerText } from "./address";
import { LOOP_HEADER_VALUE } from "./loop-guard";
import { useClock } from "../port";

/**
 * Builds the raw RFC 5322 bytes of a letter. Every value that reaches a header goes through headerText or
 * displayName first (no line breaks of any kind), and nodemailer encodes what remains, so no input can add a header
 * or a recipient (proven by a property test that re-parses what is built).
 */
export interface Letter {
  from: { name: string; address: string };
  to: { name?: string; address: string };
  /** Absent for letters that are not answered by mail (to staff, about the workspace). */
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  /** Without angle brackets. */
  messageId: string;
  inReplyTo?: string;
  references: string[];
  /** Automatic letters (acknowledgements, solved notices) say so, so that no auto-responder answers them. */
  automatic: boolean;
  ticketNumber?: number;
}

const bracket = (id: string) => `<${headerText(id, 250).replace(/[<>\s]/g, "")}>`;

export async function compose(letter: Letter): Promise<Buffer> {
  const headers: Record<string, string> = { "X-Loop": LOOP_HEADER_VALUE };
  if (letter.ticketNumber !== undefined) headers["X-Frontline-Ticket"] = String(letter.ticketNumber);
  if (letter.automatic) {
    headers["Auto-Submitted"] = letter.replyTo ? "auto-replied" : "auto-generated";
    headers["X-Auto-Response-Suppress"] = "All";
  }
  const composer = new MailComposer({
    from: { name: displayName(letter.from.name), address: headerText(letter.from.address, 254) },
    to: { name: displayName(letter.to.name ?? ""), address: headerText(letter.to.address, 254) },
    ...(letter.replyTo ? { replyTo: headerText(letter.replyTo, 254) } : {}),
    subject: headerText(letter.subject, 250) || "(no subject)",
    text: letter.text,
    ...(letter.html ? { html: letter.html } : {}),
    messageId: bracket(letter.messageId),
    ...(letter.inReplyTo ? { inReplyTo: bracket(letter.inReplyTo) } : {}),
    ...(letter.references.length ? { references: letter.references.map(bracket).join(" ") } : {}),
    headers,
    date: useClock().now(),
  });
  return composer.compile().build();
}
