import { createEffect, createSignal, For, on, Show } from "solid-js";
import { A } from "@solidjs/router";
import { Frontline } from "../../../api/client";
import type { OutboxInfo, OutboxStatus } from "../../../api/types";
import { Notice } from "../../../components/notice";
import { PagedBody } from "../../../components/paged-body";
import { PageHeader } from "../../../components/page-header";
import { createPagedList } from "../../../components/paged-list";
import { SelectField } from "../../../components/select-field";
import { TableScroll } from "../../../components/table-scroll";
import { errorMessage } from "../../../forms/errors";
import { useI18n } from "../../../i18n";
import { OutboxStatusBadge } from "../../../mail/badges";
import { OutboxStatuses } from "../../../mail/vocabulary";
import { useMe } from "../../../session/me";
import { configures } from "../../../tickets/lifecycle";

/**
 * /admin/mail/outbox: the letters sent to customers and staff, newest first, with their delivery: attempts, the last
 * error, the next try. A failed, suppressed or stalled letter can be sent again.
 */
export function OutboxPage() {
  const i18n = useI18n();
  const { me } = useMe();
  return (
    <>
      <PageHeader title={i18n.t("outbox.title")} subtitle={i18n.t("outbox.subtitle")} />
      <Show when={configures(me().staff.role)} fallback={<Notice kind="info" testId="mail-admins-only">{i18n.t("mail.onlyAdmins")}</Notice>}>
        <Outbox />
      </Show>
    </>
  );
}

function Outbox() {
  const i18n = useI18n();
  const [status, setStatus] = createSignal<OutboxStatus>();
  const list = createPagedList<OutboxInfo>(async (cursor) => {
    const page = await Frontline.outbox({ status: status(), cursor, limit: 50 });
    return { items: page.entries, cursor: page.cursor };
  }, i18n);
  const [actionError, setActionError] = createSignal<string>();
  const [results, setResults] = createSignal<Record<string, string>>({});
  const [announcement, setAnnouncement] = createSignal("");
  createEffect(on(status, () => void list.reload()));

  return (
    <section class="card card--flush" aria-label={i18n.t("outbox.title")} aria-busy={list.state.loading} data-testid="outbox">
      <p class="sr-only" role="status">
        {announcement()}
      </p>
      <div class="filters">
        <SelectField
          id="outbox-status"
          compact
          label={i18n.t("mail.statusFilter")}
          value={status() ?? ""}
          options={[{ value: "", label: i18n.t("mail.any") }, ...OutboxStatuses.map((s) => ({ value: s, label: i18n.t(`outbox.statuses.${s}`) }))]}
          onValue={(value) => setStatus(value ? (value as OutboxStatus) : undefined)}
        />
      </div>
      <Show when={actionError()}>
        <div class="card__body card__body--top">
          <Notice kind="error" testId="outbox-action-error">
            {actionError()}
          </Notice>
        </div>
      </Show>
      <PagedBody list={list} empty={status() ? i18n.t("outbox.emptyFiltered") : i18n.t("outbox.empty")} emptyTestId="outbox-empty">
        <TableScroll label={i18n.t("outbox.title")}>
          <table class="table table--dense" classList={{ "is-loading": list.state.loading }} data-testid="outbox-table">
            <thead>
              <tr>
                <th scope="col" class="table__nowrap">{i18n.t("outbox.columns.created")}</th>
                <th scope="col">{i18n.t("outbox.columns.to")}</th>
                <th scope="col">{i18n.t("outbox.columns.subject")}</th>
                <th scope="col">{i18n.t("outbox.columns.kind")}</th>
                <th scope="col">{i18n.t("outbox.columns.status")}</th>
                <th scope="col" class="table__num">{i18n.t("outbox.columns.attempts")}</th>
                <th scope="col">{i18n.t("outbox.columns.error")}</th>
                <th scope="col" class="table__actions">
                  <span class="sr-only">{i18n.t("outbox.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={list.state.items}>
                {(entry) => (
                  <OutboxRow
                    entry={entry}
                    result={results()[entry.outboxId]}
                    onError={setActionError}
                    onRetried={(next) => {
                      const said = i18n.t("outbox.retried", { status: i18n.t(`outbox.statuses.${next.status}`) });
                      setResults({ ...results(), [next.outboxId]: said });
                      setAnnouncement(said);
                      list.replace((e) => e.outboxId === next.outboxId, next);
                    }}
                  />
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
      </PagedBody>
    </section>
  );
}

function OutboxRow(props: { entry: OutboxInfo; result: string | undefined; onRetried: (entry: OutboxInfo) => void; onError: (message: string | undefined) => void }) {
  const i18n = useI18n();
  const [busy, setBusy] = createSignal(false);

  const retry = async () => {
    setBusy(true);
    props.onError(undefined);
    try {
      const { entry } = await Frontline.retryLetter(props.entry.outboxId);
      props.onRetried(entry);
    } catch (error) {
      props.onError(errorMessage(error, i18n));
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr data-testid="outbox-row" data-outbox-id={props.entry.outboxId} classList={{ "row--highlight": Boolean(props.result) }}>
      <td class="table__nowrap">
        <time datetime={props.entry.createdAt} title={i18n.dateTime(props.entry.createdAt)}>
          {i18n.shortDate(props.entry.createdAt)}
          <span class="cell-line small muted">{i18n.time(props.entry.createdAt)}</span>
        </time>
      </td>
      <td class="cell-to">
        <span class="cell-line cell-ellipsis" title={props.entry.to}>
          {props.entry.to}
        </span>
      </td>
      <td class="cell-subject">
        <span class="cell-line cell-ellipsis" title={props.entry.subject}>
          {props.entry.subject}
        </span>
        <Show when={props.entry.ticketId}>
          {(ticketId) => (
            <A href={`/tickets/${ticketId()}`} class="cell-line small">
              {i18n.t("outbox.ticket", { number: props.entry.ticketNumber ?? 0 })}
            </A>
          )}
        </Show>
      </td>
      {/* A kind of letter this console does not know yet shows as the API names it. */}
      <td class="table__nowrap">{i18n.lookup(`outbox.kinds.${props.entry.kind}`) ?? props.entry.kind}</td>
      <td>
        <OutboxStatusBadge status={props.entry.status} title={props.entry.sentAt ? i18n.t("outbox.sentAt", { when: i18n.dateTime(props.entry.sentAt) }) : undefined} />
        <Show when={props.entry.status === "retrying" && props.entry.nextAttemptAt}>
          {(at) => <span class="cell-line small muted">{i18n.t("outbox.nextAttempt", { when: i18n.dateTime(at()) })}</span>}
        </Show>
      </td>
      <td class="table__num">{props.entry.attempts}</td>
      <td class="cell-outcome cell-outcome--narrow">
        <Show when={props.entry.lastError} fallback={<span class="muted">{i18n.t("common.none")}</span>}>
          <span class="small negative" data-testid="outbox-error">
            {props.entry.lastError}
          </span>
        </Show>
        <Show when={props.result}>
          <span class="cell-line small strong" data-testid="outbox-result">
            {props.result}
          </span>
        </Show>
      </td>
      <td class="table__actions">
        <Show when={props.entry.resendable}>
          <button type="button" class="button button--secondary button--small" onClick={() => void retry()} disabled={busy()} data-testid="outbox-retry">
            {busy() ? i18n.t("outbox.retrying") : i18n.t("outbox.retry")}
          </button>
        </Show>
      </td>
    </tr>
  );
}
