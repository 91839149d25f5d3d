import { createSignal, For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { Frontline } from "../api/client";
import type { TicketDetail } from "../api/types";
import { errorMessage } from "../forms/errors";
import { useI18n } from "../i18n";

/** How long a merge can be undone (the API refuses later). */
export const UNDO_MERGE_MS = 24 * 3600 * 1000;

const undoable = (mergedAt: string | undefined, now = Date.now()) => Boolean(mergedAt) && now - Date.parse(mergedAt!) < UNDO_MERGE_MS;

/**
 * What a merge says on a ticket's page: a merged ticket names the ticket it was merged into (with a link); a survivor
 * names the tickets merged into it. Either offers to undo a merge while it can be undone.
 */
export function MergeNotices(props: { detail: TicketDetail; onChanged: () => void }) {
  const i18n = useI18n();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const ticket = () => props.detail.ticket;
  const can = () => props.detail.permissions.work;

  const undo = async (mergedTicketId: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await Frontline.unmergeTicket(mergedTicketId);
      props.onChanged();
    } catch (error) {
      setFailure(errorMessage(error, i18n));
    } finally {
      setBusy(false);
    }
  };
  const until = (mergedAt: string) => i18n.dateTime(new Date(Date.parse(mergedAt) + UNDO_MERGE_MS).toISOString());

  return (
    <>
      <Show when={ticket().mergedInto}>
        {(survivor) => (
          <div class="notice notice--info" role="status" data-testid="merged-into">
            <div class="notice__body">
              <p>{i18n.t("ticket.merge.mergedInto", { number: survivor().number })}</p>
              <A href={`/tickets/${survivor().ticketId}`} class="button button--secondary button--small" data-testid="merged-into-link">
                {i18n.t("ticket.merge.open", { number: survivor().number })}
              </A>
              <Show when={can() && undoable(ticket().mergedAt)}>
                <p class="small muted">{i18n.t("ticket.merge.undoUntil", { when: until(ticket().mergedAt!) })}</p>
                <button type="button" class="button button--secondary button--small" disabled={busy()} onClick={() => void undo(ticket().ticketId)} data-testid="unmerge">
                  {i18n.t("ticket.merge.undo")}
                </button>
              </Show>
            </div>
          </div>
        )}
      </Show>
      <Show when={props.detail.mergedFrom.length > 0}>
        <div class="notice notice--info" role="status" data-testid="merged-from">
          <div class="notice__body">
            <p class="notice__title">{i18n.t("ticket.merge.mergedFrom")}</p>
            <ul class="mini-list">
              <For each={props.detail.mergedFrom}>
                {(merged) => (
                  <li class="mini-list__item" data-testid="merged-from-item" data-number={merged.number}>
                    <A href={`/tickets/${merged.ticketId}`} class="mini-list__link" title={`#${merged.number} ${merged.subject}`}>
                      <span class="muted">{i18n.t("ticket.number", { number: merged.number })}</span> {merged.subject}
                    </A>
                    <Show when={can() && undoable(merged.mergedAt)}>
                      <button
                        type="button"
                        class="button button--ghost button--small"
                        disabled={busy()}
                        onClick={() => void undo(merged.ticketId)}
                        aria-label={i18n.t("ticket.merge.undoOf", { number: merged.number })}
                        title={i18n.t("ticket.merge.undoUntil", { when: until(merged.mergedAt) })}
                        data-testid="unmerge-from"
                      >
                        {i18n.t("ticket.merge.undo")}
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </div>
        </div>
      </Show>
      <Show when={failure()}>
        <div class="notice notice--error" role="alert" data-testid="unmerge-error">
          <div class="notice__body">{failure()}</div>
        </div>
      </Show>
    </>
  );
}
