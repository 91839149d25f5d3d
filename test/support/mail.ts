import { randomBytes } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";

export interface RawMailOptions {
  from?: string;
  to?: string;
  cc?: string;
  subject?: string;
  text?: string;
  html?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer | string; contentType?: string; cid?: string }[];
}

/** A raw RFC 5322 message as a mail client would send it, built with nodemailer. */
export async function rawMail(options: RawMailOptions = {}): Promise<Buffer> {
  const composer = new MailComposer({
    from: options.from ?? "Carla Customer <carla@customer.example>",
    to: options.to ?? "support@frontline.localhost",
    ...(options.cc ? { cc: options.cc } : {}),
    subject: options.subject ?? "My order has not arrived",
    text: options.text ?? "Hello, I ordered a lamp two weeks ago and it has not arrived.",
    ...(options.html ? { html: options.html } : {}),
    messageId: options.messageId ?? `<${randomBytes(8).toString("hex")}@customer.example>`,
    ...(options.inReplyTo ? { inReplyTo: options.inReplyTo } : {}),
    ...(options.references ? { references: options.references } : {}),
    headers: options.headers ?? {},
    attachments: options.attachments ?? [],
  });
  return composer.compile().build();
}

/** A header's value in a raw message (unfolded), or undefined. */
export function headerOf(raw: Buffer | string, name: string): string | undefined {
  const text = raw.toString();
  const head = text.slice(0, text.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, " ");
  return new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1]?.trim();
}
