import type { LetterKind, LetterLocale, MailStatus, OutboxStatus } from "../api/types";

/**
 * The email channel's vocabulary the console offers, mirrored from packages/core/src/email (the web imports only
 * types from the core; vocabulary.test.ts checks that these lists still agree with it).
 */
export const MailStatuses = [
  "processing",
  "ticket_created",
  "reply_added",
  "note_added",
  "ignored",
  "held",
  "unprocessable",
] as const satisfies readonly MailStatus[];

export const OutboxStatuses = ["queued", "sent", "retrying", "failed", "suppressed"] as const satisfies readonly OutboxStatus[];

export const LetterKinds = ["ticket_received", "agent_reply", "ticket_solved"] as const satisfies readonly LetterKind[];
export const LetterLocales = ["en", "ru", "uk", "kk", "hu"] as const satisfies readonly LetterLocale[];

/** Received mail an admin may process again: what failed, what the rate cap held back, and what an attempt left stalled. */
export const reprocessable = (mail: { status: MailStatus; stale?: boolean }) => mail.status === "unprocessable" || mail.status === "held" || Boolean(mail.stale);
