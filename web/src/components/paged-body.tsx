import { Show, type JSX } from "solid-js";
import { useI18n } from "../i18n";
import { LoadError, Loading, Notice } from "./notice";
import type { createPagedList } from "./paged-list";

type PagedList = ReturnType<typeof createPagedList<unknown>>;

/**
 * The body of a card that lists a page at a time (received mail, the outbox, the ledger, the event log): its failure
 * with a retry, its first load, its empty state, the table (`children`) once there are rows, and "Load more".
 */
export function PagedBody(props: { list: Pick<PagedList, "state" | "reload" | "more">; empty: string; emptyTestId?: string; children: JSX.Element }) {
  const i18n = useI18n();
  const state = () => props.list.state;
  return (
    <Show
      when={!state().error}
      fallback={
        <div class="card__body card__body--top">
          <LoadError error={state().error} onRetry={() => void props.list.reload()} />
        </div>
      }
    >
      <Show when={!(state().loading && state().items.length === 0)} fallback={<div class="empty"><Loading /></div>}>
        <Show when={state().items.length > 0} fallback={<p class="empty empty--center" data-testid={props.emptyTestId}>{props.empty}</p>}>
          {props.children}
          <Show when={state().cursor || state().moreError}>
            <div class="queue__more">
              <Show when={state().moreError}>
                <Notice kind="error">{state().moreError}</Notice>
              </Show>
              <Show when={state().cursor}>
                <button type="button" class="button button--secondary" onClick={() => void props.list.more()} disabled={state().loadingMore} data-testid="load-more">
                  {state().loadingMore ? i18n.t("common.loadingMore") : i18n.t("common.loadMore")}
                </button>
              </Show>
            </div>
          </Show>
        </Show>
      </Show>
    </Show>
  );
}
