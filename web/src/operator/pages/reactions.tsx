import { createEffect, createSignal, For, on, Show } from "solid-js";
import { A } from "@solidjs/router";
import { createPagedList } from "../../components/paged-list";
import { PageHeader } from "../../components/page-header";
import { SelectField } from "../../components/select-field";
import { TableScroll } from "../../components/table-scroll";
import { errorMessage } from "../../forms/errors";
import { useI18n } from "../../i18n";
import { OperatorApi, type ReactionFailure, type ReactionFailureStatus } from "../client";
import { OperatorPagedBody, TableHead } from "../paged";

const STATUSES: readonly ReactionFailureStatus[] = ["parked", "retrying", "resolved"];
/** A workspace's address (the platform's own data is under a reserved tenant that is no workspace). */
const WORKSPACE = /^[a-z0-9-]{1,64}$/;

const firstLine = (text: string) => text.split("\n", 1)[0]!.trim();

/**
 * /operator/reactions: the reactions to table changes that kept failing, newest first, by status (parked unless
 * asked). A parked or retrying one is run again on its change: resolved, or its new error, said in the live region.
 */
export function OperatorReactionsPage() {
  const i18n = useI18n();
  const [status, setStatus] = createSignal<ReactionFailureStatus>("parked");
  const [busy, setBusy] = createSignal<string>();
  const [outcome, setOutcome] = createSignal<{ kind: "info" | "error"; text: string }>();
  let table: HTMLTableElement | undefined;

  const list = createPagedList<ReactionFailure>(async (cursor) => {
    const page = await OperatorApi.reactionFailures({ status: status(), cursor });
    return { items: page.failures, cursor: page.cursor };
  }, i18n);
  createEffect(on(status, () => void list.reload()));

  const workspaceOf = (failure: ReactionFailure) => (failure.workspaceId && WORKSPACE.test(failure.workspaceId) ? failure.workspaceId : undefined);
  const entityOf = (failure: ReactionFailure) => failure.entity ?? i18n.t("operator.reactions.unknownEntity");

  /** The row was drawn again: the keyboard goes back to it (its button, or its status once there is none). */
  const refocus = (failureId: string) => {
    const row = [...(table?.querySelectorAll<HTMLElement>("[data-failure]") ?? [])].find((r) => r.dataset.failure === failureId);
    (row?.querySelector<HTMLElement>("[data-run-again]:not(:disabled)") ?? row?.querySelector<HTMLElement>("[data-testid='reaction-status']"))?.focus();
  };

  const runAgain = async (failure: ReactionFailure) => {
    const same = (item: ReactionFailure) => item.failureId === failure.failureId;
    setBusy(failure.failureId);
    setOutcome(undefined);
    try {
      const { failure: resolved } = await OperatorApi.reprocessReaction(failure.failureId);
      list.replace(same, resolved);
      setOutcome({ kind: "info", text: i18n.t("operator.reactions.resolved", { reaction: failure.reaction }) });
    } catch (error) {
      setOutcome({ kind: "error", text: i18n.t("operator.reactions.failed", { reaction: failure.reaction, error: errorMessage(error, i18n) }) });
      // A failure that failed again has one more attempt and its new error, and is now the newest of its status.
      const fresh = await OperatorApi.reactionFailures({ status: failure.status }).catch(() => undefined);
      const current = fresh?.failures.find(same);
      if (current) list.replace(same, current);
    } finally {
      setBusy(undefined);
      refocus(failure.failureId);
    }
  };

  return (
    <>
      <PageHeader title={i18n.t("operator.reactions.title")} subtitle={i18n.t("operator.reactions.subtitle")} />
      <div role="status" aria-live="polite" class="reactions-outcome" data-testid="reactions-outcome">
        <Show when={outcome()}>
          {(current) => (
            <div class={`notice notice--${current().kind}`}>
              <div class="notice__body">{current().text}</div>
            </div>
          )}
        </Show>
      </div>
      <section class="card card--flush" aria-label={i18n.t("operator.reactions.title")} data-testid="operator-reactions" aria-busy={list.state.loading}>
        <div class="filters operator-filters">
          <SelectField
            id="operator-reaction-status"
            label={i18n.t("operator.reactions.status")}
            value={status()}
            onValue={(value) => setStatus(value as ReactionFailureStatus)}
            options={STATUSES.map((s) => ({ value: s, label: i18n.t(`operator.reactions.filters.${s}`) }))}
          />
        </div>
        <OperatorPagedBody list={list} empty={i18n.t(`operator.reactions.empty.${status()}`)} emptyTestId="reactions-empty">
          <TableScroll label={i18n.t("operator.reactions.title")}>
            <table class="table table--dense" data-testid="reactions-table" ref={table}>
              <TableHead
                columns={[
                  { label: i18n.t("operator.reactions.columns.reaction") },
                  { label: i18n.t("operator.reactions.columns.workspace") },
                  { label: i18n.t("operator.reactions.columns.change") },
                  { label: i18n.t("operator.reactions.columns.attempts"), kind: "num" },
                  { label: i18n.t("operator.reactions.columns.firstFailed"), kind: "nowrap" },
                  { label: i18n.t("operator.reactions.columns.lastFailed"), kind: "nowrap" },
                  { label: i18n.t("operator.reactions.columns.error") },
                  { label: i18n.t("operator.reactions.columns.status") },
                  { label: i18n.t("operator.reactions.columns.actions"), kind: "actions" },
                ]}
              />
              <tbody>
                <For each={list.state.items}>
                  {(failure) => {
                    const workspace = () => workspaceOf(failure);
                    const running = () => busy() === failure.failureId;
                    return (
                      <tr data-testid="reaction-row" data-failure={failure.failureId} data-status={failure.status}>
                        <td>
                          <code class="mono" data-testid="reaction-name">
                            {failure.reaction}
                          </code>
                        </td>
                        <td data-testid="reaction-workspace">
                          <Show when={workspace()} fallback={<span class="muted">{i18n.t("operator.reactions.platform")}</span>}>
                            {(slug) => (
                              <A href={`/operator/workspaces/${slug()}`} class="mono">
                                {slug()}
                              </A>
                            )}
                          </Show>
                        </td>
                        <td data-testid="reaction-change">
                          <code class="mono cell-line">{entityOf(failure)}</code>
                          <Show when={failure.kind}>{(kind) => <span class="cell-line small muted">{i18n.lookup(`operator.reactions.kinds.${kind()}`) ?? kind()}</span>}</Show>
                        </td>
                        <td class="table__num" data-testid="reaction-attempts">
                          {failure.attempts}
                        </td>
                        <td class="table__nowrap">{i18n.dateTime(failure.firstFailedAt)}</td>
                        <td class="table__nowrap" data-testid="reaction-last-failed">
                          {i18n.dateTime(failure.lastFailedAt)}
                        </td>
                        <td class="cell-outcome" data-testid="reaction-error">
                          <span class="cell-line">{firstLine(failure.error)}</span>
                          <details class="reaction-error">
                            <summary class="link-button">{i18n.t("operator.reactions.fullError")}</summary>
                            <pre class="reaction-error__text" data-testid="reaction-error-full">
                              {failure.error}
                            </pre>
                          </details>
                        </td>
                        <td>
                          <span
                            class="badge"
                            classList={{ "badge--suspended": failure.status === "parked", "badge--trial": failure.status === "retrying", "badge--active": failure.status === "resolved" }}
                            tabindex="-1"
                            data-testid="reaction-status"
                          >
                            {i18n.t(`operator.reactions.statuses.${failure.status}`)}
                          </span>
                          <Show when={failure.status === "resolved" && failure.resolvedBy && failure.resolvedAt}>
                            <span class="cell-line small muted" data-testid="reaction-resolved-by">
                              {i18n.t("operator.reactions.resolvedBy", { name: failure.resolvedBy!, date: i18n.dateTime(failure.resolvedAt!) })}
                            </span>
                          </Show>
                        </td>
                        <td class="table__actions table__nowrap">
                          <Show when={failure.status !== "resolved"}>
                            <button
                              type="button"
                              class="button button--secondary button--small"
                              data-run-again
                              onClick={() => void runAgain(failure)}
                              disabled={running()}
                              aria-label={i18n.t("operator.reactions.runAgainLabel", {
                                reaction: failure.reaction,
                                entity: entityOf(failure),
                                workspace: workspace() ?? i18n.t("operator.reactions.platform"),
                              })}
                            >
                              {running() ? i18n.t("operator.reactions.running") : i18n.t("operator.reactions.runAgain")}
                            </button>
                          </Show>
                        </td>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
          </TableScroll>
        </OperatorPagedBody>
      </section>
    </>
  );
}
