import type { TicketPriority, TicketStatus } from "../api/types";
import { useI18n } from "../i18n";

export function StatusBadge(props: { status: TicketStatus; testId?: string }) {
  const i18n = useI18n();
  return (
    <span class={`badge status status--${props.status}`} data-testid={props.testId} data-status={props.status}>
      {i18n.t(`vocab.status.${props.status}`)}
    </span>
  );
}

export function PriorityBadge(props: { priority: TicketPriority; testId?: string }) {
  const i18n = useI18n();
  return (
    <span class={`priority priority--${props.priority}`} data-testid={props.testId} data-priority={props.priority}>
      <span class="priority__mark" aria-hidden="true" />
      {i18n.t(`vocab.priority.${props.priority}`)}
    </span>
  );
}
