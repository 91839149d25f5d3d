import type { MailStatus, OutboxStatus } from "../api/types";
import { useI18n } from "../i18n";

/** A colour per outcome: green done, amber waiting on someone, red failed, grey nothing to do, blue under way. */
const MAIL_TONES: Record<MailStatus, string> = {
  processing: "info",
  ticket_created: "active",
  reply_added: "active",
  note_added: "neutral",
  ignored: "neutral",
  held: "trial",
  unprocessable: "suspended",
};

const OUTBOX_TONES: Record<OutboxStatus, string> = {
  queued: "info",
  sent: "active",
  retrying: "trial",
  failed: "suspended",
  suppressed: "neutral",
};

export function MailStatusBadge(props: { status: MailStatus }) {
  const i18n = useI18n();
  return (
    <span class={`badge badge--${MAIL_TONES[props.status]}`} data-status={props.status} data-testid="mail-status">
      {i18n.t(`mail.statuses.${props.status}`)}
    </span>
  );
}

export function OutboxStatusBadge(props: { status: OutboxStatus; title?: string }) {
  const i18n = useI18n();
  return (
    <span class={`badge badge--${OUTBOX_TONES[props.status]}`} title={props.title} data-status={props.status} data-testid="outbox-status">
      {i18n.t(`outbox.statuses.${props.status}`)}
    </span>
  );
}
