import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from "mailparser";
import { normaliseAddress } from "./address";
import { sanitiseHtml } from "./sanitise";

/**
 * Reading a raw message, in bounded time and memory. What is too big, too deep or too broken to read becomes an
 * Unreadable error with a reason (the mail record says it; the raw message is kept), never a crash or a hang.
 */

export const Limits = {
  /** The largest message accepted at all (SES accepts 40 MB; attachments beyond our limit are dropped, not the mail). */
  rawBytes: 30 * 1024 * 1024,
  headerBytes: 512 * 1024,
  headerLines: 5_000,
  /** MIME parts in one message (mailparser refuses more than its own limit too). */
  parts: 2_000,
  parseMs: 15_000,
  attachmentBytes: 15 * 1024 * 1024,
  attachmentsPerMessage: 50,
  textChars: 200_000,
};

export class Unreadable extends Error {
  override readonly name = "Unreadable";
}

export interface Address {
  address: string;
  name: string;
}

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
  contentId?: string;
  inline: boolean;
}

export interface DeliveryReport {
  kind: "delivery-status" | "disposition-notification" | "feedback-report";
  /** Per failed or delayed recipient (delivery-status only). */
  recipients: { address?: string; action: string; status?: string; diagnostic?: string }[];
  /** The Message-ID of the message the report is about, when the report carries it. */
  originalMessageId?: string;
}

export interface Parsed {
  messageId?: string;
  inReplyTo: string[];
  references: string[];
  from?: Address;
  replyTo?: Address;
  to: Address[];
  cc: Address[];
  subject: string;
  date?: string;
  text: string;
  /** Sanitised HTML, when the message has an HTML part. */
  html?: string;
  attachments: ParsedAttachment[];
  /** Attachments left out (too big, too many), by name. */
  droppedAttachments: string[];
  header(name: string): string | undefined;
  headerAll(name: string): string[];
  report?: DeliveryReport;
}

/** Message-IDs as a list of bare ids (no angle brackets), from a header value or mailparser's string | string[]. */
export function messageIds(value: string | string[] | undefined): string[] {
  const raw = Array.isArray(value) ? value.join(" ") : (value ?? "");
  const bracketed = [...raw.matchAll(/<([^<>\s]{1,250})>/g)].map((m) => m[1]!);
  if (bracketed.length) return bracketed;
  return raw.split(/\s+/).filter((id) => id.includes("@") && id.length <= 250);
}

function headerSection(raw: Buffer): Buffer {
  const limit = Math.min(raw.length, Limits.headerBytes + 4);
  for (let i = 0; i < limit - 1; i++) {
    if (raw[i] === 0x0a && (raw[i + 1] === 0x0a || (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a))) return raw.subarray(0, i);
  }
  return raw.subarray(0, limit);
}

/** Cheap checks on the bytes before any parsing. */
export function precheck(raw: Buffer): void {
  if (raw.length === 0) throw new Unreadable("The message is empty");
  if (raw.length > Limits.rawBytes) throw new Unreadable(`The message is ${(raw.length / 1048576).toFixed(1)} MiB; the limit is ${Limits.rawBytes / 1048576} MiB`);
  const headers = headerSection(raw);
  if (headers.length > Limits.headerBytes) throw new Unreadable(`The header section is over ${Limits.headerBytes / 1024} KiB`);
  let lines = 0;
  for (const byte of headers) if (byte === 0x0a && ++lines > Limits.headerLines) throw new Unreadable(`The message has over ${Limits.headerLines} header lines`);
  let boundaries = 0;
  const text = raw.toString("latin1");
  for (let i = text.indexOf("\n--"); i >= 0; i = text.indexOf("\n--", i + 3)) {
    if (++boundaries > Limits.parts * 2) throw new Unreadable(`The message has over ${Limits.parts} MIME parts`);
  }
}

/** A quick look at the Message-ID before parsing (for idempotency, even for mail that will not parse). */
export function peekMessageId(raw: Buffer): string | undefined {
  const headers = headerSection(raw).toString("latin1").replace(/\r?\n[ \t]+/g, " ");
  const match = /^message-id:\s*(.*)$/im.exec(headers);
  return match ? messageIds(match[1])[0] : undefined;
}

/** The header fields that make a message what it is; the rest (Received, Return-Path, ...) each hop adds. */
const CONTENT_FIELDS = new Set(["from", "sender", "to", "cc", "subject", "date", "message-id", "in-reply-to", "references", "mime-version", "content-type", "content-transfer-encoding"]);

/**
 * What a message says, as a hash: its content fields and its body, so the same message delivered again (with a trace
 * field more, on another route) has the same fingerprint and a different message under a reused Message-ID does not.
 */
export function fingerprint(raw: Buffer): string {
  const head = headerSection(raw);
  const fields = headerFields(raw)
    .filter((field) => CONTENT_FIELDS.has(field.name.toLowerCase()))
    .map((field) => `${field.name.toLowerCase()}:${field.value}`);
  return createHash("sha256").update(fields.join("\n")).update("\n\n").update(raw.subarray(head.length).toString("latin1").replace(/\r\n/g, "\n").trimEnd()).digest("hex");
}

/**
 * The header section's fields in order, unfolded, values trimmed (latin1, undecoded). What each receiving server
 * prepended comes first, above what the message brought with it.
 */
export function headerFields(raw: Buffer): { name: string; value: string }[] {
  return headerSection(raw)
    .toString("latin1")
    .replace(/\r?\n[ \t]+/g, " ")
    .split(/\r?\n/)
    .map((line) => /^([^:\s]+)\s*:\s*(.*?)\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => Boolean(m))
    .map((m) => ({ name: m[1]!, value: m[2]! }));
}

function addresses(value: AddressObject | AddressObject[] | undefined): Address[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const out: Address[] = [];
  for (const group of list) {
    for (const entry of group.value) {
      const address = normaliseAddress(entry.address);
      if (address) out.push({ address, name: clean(entry.name ?? "").slice(0, 200) });
      for (const member of entry.group ?? []) {
        const inner = normaliseAddress(member.address);
        if (inner) out.push({ address: inner, name: clean(member.name ?? "").slice(0, 200) });
      }
    }
  }
  return out;
}

/** No NULs or other C0 controls but tab and line breaks. */
function clean(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

/**
 * The body of the message/delivery-status part, read from the raw bytes: mailparser folds that part into the text
 * instead of giving it as a part.
 */
function deliveryStatusPart(raw: Buffer): string | undefined {
  const text = raw.toString("latin1");
  const match = /content-type:\s*message\/(?:global-)?delivery-status[^\n]*\r?\n(?:[ \t]*[^\r\n]+\r?\n)*?\r?\n([\s\S]*?)(?=\r?\n--|$)/i.exec(text);
  return match?.[1];
}

function parseReport(mail: ParsedMail, raw: Buffer): DeliveryReport | undefined {
  const type = mail.headers.get("content-type") as { value?: string; params?: { "report-type"?: string } } | undefined;
  const reportType = type?.value?.toLowerCase() === "multipart/report" ? type.params?.["report-type"]?.toLowerCase() : undefined;
  const part = (contentType: string) => mail.attachments.find((a) => a.contentType.toLowerCase() === contentType);
  const statusPart = part("message/delivery-status") ?? part("message/global-delivery-status");
  const status = statusPart ? statusPart.content.toString("utf8") : reportType === "delivery-status" ? deliveryStatusPart(raw) : undefined;
  const kind =
    reportType === "delivery-status" || status
      ? "delivery-status"
      : reportType === "disposition-notification" || part("message/disposition-notification")
        ? "disposition-notification"
        : reportType === "feedback-report" || part("message/feedback-report")
          ? "feedback-report"
          : undefined;
  if (!kind) return undefined;
  const recipients: DeliveryReport["recipients"] = [];
  if (status) {
    const blocks = status.replace(/\r\n/g, "\n").replace(/\n[ \t]+/g, " ").split(/\n\s*\n/);
    for (const block of blocks) {
      const fields = new Map<string, string>();
      for (const line of block.split("\n")) {
        const colon = line.indexOf(":");
        if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      const action = fields.get("action")?.toLowerCase();
      if (!action) continue;
      const recipient = (fields.get("final-recipient") ?? fields.get("original-recipient") ?? "").replace(/^[^;]*;\s*/, "");
      recipients.push({
        address: normaliseAddress(recipient),
        action,
        status: fields.get("status"),
        diagnostic: fields.get("diagnostic-code")?.replace(/^[^;]*;\s*/, "").slice(0, 500),
      });
    }
  }
  const original = part("message/rfc822") ?? part("text/rfc822-headers") ?? part("message/rfc822-headers");
  const originalMessageId = original ? peekMessageId(original.content) : undefined;
  return { kind, recipients, originalMessageId };
}

function toAttachment(a: Attachment): ParsedAttachment {
  return {
    filename: clean(a.filename ?? "").slice(0, 200) || (a.contentType === "message/rfc822" ? "message.eml" : "attachment"),
    contentType: a.contentType || "application/octet-stream",
    size: a.size ?? a.content.length,
    content: a.content,
    contentId: a.contentId?.replace(/^<|>$/g, ""),
    inline: a.contentDisposition === "inline" && Boolean(a.contentId),
  };
}

const REPORT_PARTS = new Set([
  "message/delivery-status",
  "message/global-delivery-status",
  "message/disposition-notification",
  "message/feedback-report",
  "text/rfc822-headers",
]);

/** Parses a raw message within Limits; throws Unreadable with a reason otherwise. */
export async function parseMail(raw: Buffer): Promise<Parsed> {
  precheck(raw);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Unreadable(`Reading the message took over ${Limits.parseMs / 1000} s`)), Limits.parseMs);
  });
  let mail: ParsedMail;
  try {
    mail = await Promise.race([simpleParser(raw, { skipImageLinks: true, skipTextLinks: true, maxHtmlLengthToParse: 2_000_000 }), timeout]);
  } catch (error) {
    if (error instanceof Unreadable) throw error;
    throw new Unreadable(`The message could not be read: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }

  const headerValues = (name: string): string[] => {
    const lower = name.toLowerCase();
    return mail.headerLines.filter((line) => line.key === lower).map((line) => clean(line.line.slice(line.line.indexOf(":") + 1)).trim());
  };
  const attachments: ParsedAttachment[] = [];
  const dropped: string[] = [];
  for (const a of mail.attachments) {
    if (REPORT_PARTS.has(a.contentType.toLowerCase())) continue;
    const attachment = toAttachment(a);
    if (attachment.size > Limits.attachmentBytes || attachments.length >= Limits.attachmentsPerMessage) dropped.push(attachment.filename);
    else attachments.push(attachment);
  }
  const html = typeof mail.html === "string" && mail.html ? sanitiseHtml(clean(mail.html)) : undefined;
  const from = addresses(mail.from)[0];
  return {
    messageId: messageIds(mail.messageId)[0],
    inReplyTo: messageIds(mail.inReplyTo),
    references: messageIds(mail.references),
    from,
    replyTo: addresses(mail.replyTo)[0],
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: clean(mail.subject ?? "").replace(/\s+/g, " ").trim().slice(0, 500),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : undefined,
    text: clean(mail.text ?? "").slice(0, Limits.textChars),
    html,
    attachments,
    droppedAttachments: dropped,
    header: (name) => headerValues(name)[0],
    headerAll: headerValues,
    report: parseReport(mail, raw),
  };
}
