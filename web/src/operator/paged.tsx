import { For, Show, type JSX } from "solid-js";
import type { createPagedList } from "../components/paged-list";
import { Loading, Notice } from "../components/notice";
import { useI18n } from "../i18n";
import { OperatorLoadError } from "./loaded";

type PagedList = ReturnType<typeof createPagedList<unknown>>;

/**
 * The body of a list read a page at a time (workspaces, the event log): its failure, its first load, its empty state
 * (`empty`), the table (`children`) once there are rows (`count` of them shown), and "Load more" while there is more.
 */
export function PagedBody(props: { list: Pick<PagedList, "state" | "reload" | "more">; count: number; empty: string; emptyTestId: string; children: JSX.Element }) {
  const i18n = useI18n();
  const state = () => props.list.state;
  return (
    <Show
      when={!state().error}
      fallback={
        <div class="card__body card__body--top">
          <OperatorLoadError error={state().error} onRetry={() => void props.list.reload()} />
        </div>
      }
    >
      <Show when={!(state().loading && state().items.length === 0)} fallback={<div class="empty"><Loading /></div>}>
        <Show when={props.count > 0} fallback={<p class="empty empty--center" data-testid={props.emptyTestId}>{props.empty}</p>}>
          {props.children}
        </Show>
        <Show when={state().cursor || state().moreError}>
          <div class="queue__more">
            <Show when={state().moreError}>
              <Notice kind="error">{state().moreError}</Notice>
            </Show>
            <Show when={state().cursor}>
              <button type="button" class="button button--secondary" onClick={() => void props.list.more()} disabled={state().loadingMore} data-testid="load-more">
                {state().loadingMore ? i18n.t("operator.loadingMore") : i18n.t("operator.loadMore")}
              </button>
            </Show>
          </div>
        </Show>
      </Show>
    </Show>
  );
}

export interface Column {
  label: string;
  /** num: right-aligned figures; nowrap: dates; actions: buttons, the heading for screen readers only. */
  kind?: "num" | "nowrap" | "actions";
}

/** A table's heading row. */
export function TableHead(props: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        <For each={props.columns}>
          {(column) => (
            <th scope="col" class={column.kind ? { num: "table__num", nowrap: "table__nowrap", actions: "table__actions" }[column.kind] : undefined}>
              {column.kind === "actions" ? <span class="sr-only">{column.label}</span> : column.label}
            </th>
          )}
        </For>
      </tr>
    </thead>
  );
}
