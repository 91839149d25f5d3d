import { For, Show, type JSX } from "solid-js";
import { PagedBody } from "../components/paged-body";
import type { createPagedList } from "../components/paged-list";
import { OperatorLoadError, signedOut } from "./loaded";

type PagedList = ReturnType<typeof createPagedList<unknown>>;

/**
 * The shared PagedBody (failure, first load, empty state, the table, "Load more"), except that an ended operator
 * session goes to the operator's sign-in rather than the workspace sign-in.
 */
export function OperatorPagedBody(props: { list: Pick<PagedList, "state" | "reload" | "more">; empty: string; emptyTestId: string; children: JSX.Element }) {
  return (
    <Show
      when={!signedOut(props.list.state.error)}
      fallback={
        <div class="card__body card__body--top">
          <OperatorLoadError error={props.list.state.error} />
        </div>
      }
    >
      <PagedBody list={props.list} empty={props.empty} emptyTestId={props.emptyTestId}>
        {props.children}
      </PagedBody>
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
