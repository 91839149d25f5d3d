import { createEffect, createSignal, For, on, Show } from "solid-js";
import { A } from "@solidjs/router";
import { Frontline } from "../../../api/client";
import type { MailInfo, MailStatus } from "../../../api/types";
import { Notice } from "../../../components/notice";
import { PagedBody } from "../../../components/paged-body";
import { PageHeader } from "../../../components/page-header";
import { createPagedList } from "../../../components/paged-list";
import { SelectField } from "../../../components/select-field";
import { TableScroll } from "../../../components/table-scroll";
import { errorMessage } from "../../../forms/errors";
import { useI18n } from "../../../i18n";
import { MailStatusBadge } from "../../../mail/badges";
import { MailStatuses, reprocessable } from "../../../mail/vocabulary";
import { useMe } from "../../../session/me";
import { configures } from "../../../tickets/lifecycle";

/**
 * /admin/mail/received: every received mail, newest first, with what became of it: a link to its ticket, or why not
 * (the reason, or the error that made it unprocessable). Admins download the original and process failed or held
 * mail again, seeing the new outcome in place.
 */
export function ReceivedMailPage() {
  const i18n = useI18n();
  const { me } = useMe();
  return (
    <>
      <PageHeader title={i18n.t("mail.received.title")} subtitle={i18n.t("mail.received.subtitle")} />
      <Show when={configures(me().staff.role)} fallback={<Notice kind="info" testId="mail-admins-only">{i18n.t("mail.onlyAdmins")}</Notice>}>
        <ReceivedMail />
      </Show>
    </>
  );
}

function ReceivedMail() {
  const i18n = useI18n();
  const [status, setStatus] = createSignal<MailStatus>();
  const list = createPagedList<MailInfo>(async (cursor) => {
    const page = await Frontline.mail({ status: status(), cursor, limit: 50 });
    return { items: page.mail, cursor: page.cursor };
  }, i18n);
  const [actionError, setActionError] = createSignal<string>();
  // What processing again gave, by mail: kept here because the row is drawn anew with the mail's new record.
  const [results, setResults] = createSignal<Record<string, string>>({});
  const [announcement, setAnnouncement] = createSignal("");
  createEffect(on(status, () => void list.reload()));

  return (
    <section class="card card--flush" aria-label={i18n.t("mail.received.title")} aria-busy={list.state.loading} data-testid="received-mail">
      <p class="sr-only" role="status">
        {announcement()}
      </p>
      <div class="filters">
        <SelectField
          id="mail-status"
          compact
          label={i18n.t("mail.statusFilter")}
          value={status() ?? ""}
          options={[{ value: "", label: i18n.t("mail.any") }, ...MailStatuses.map((s) => ({ value: s, label: i18n.t(`mail.statuses.${s}`) }))]}
          onValue={(value) => setStatus(value ? (value as MailStatus) : undefined)}
        />
      </div>
      <Show when={actionError()}>
        <div class="card__body card__body--top">
          <Notice kind="error" testId="mail-action-error">
            {actionError()}
          </Notice>
        </div>
      </Show>
      <PagedBody list={list} empty={status() ? i18n.t("mail.received.emptyFiltered") : i18n.t("mail.received.empty")} emptyTestId="mail-empty">
        <TableScroll label={i18n.t("mail.received.title")}>
          <table class="table table--dense" classList={{ "is-loading": list.state.loading }} data-testid="mail-table">
            <thead>
              <tr>
                <th scope="col" class="table__nowrap">{i18n.t("mail.received.columns.received")}</th>
                <th scope="col">{i18n.t("mail.received.columns.message")}</th>
                <th scope="col">{i18n.t("mail.received.columns.status")}</th>
                <th scope="col">{i18n.t("mail.received.columns.outcome")}</th>
                <th scope="col" class="table__actions">
                  <span class="sr-only">{i18n.t("mail.received.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={list.state.items}>
                {(mail) => (
                  <MailRow
                    mail={mail}
                    result={results()[mail.mailId]}
                    onError={setActionError}
                    onReprocessed={(next) => {
                      const said = i18n.t("mail.received.reprocessed", { status: i18n.t(`mail.statuses.${next.status}`) });
                      setResults({ ...results(), [next.mailId]: said });
                      setAnnouncement(said);
                      list.replace((m) => m.mailId === next.mailId, next);
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

function MailRow(props: {
  mail: MailInfo;
  /** Said once the mail was processed again, so that the new outcome is announced and stands out. */
  result: string | undefined;
  onReprocessed: (mail: MailInfo) => void;
  onError: (message: string | undefined) => void;
}) {
  const i18n = useI18n();
  const [busy, setBusy] = createSignal(false);
  const subject = () => props.mail.subject || i18n.t("mail.received.noSubject");
  const sender = () => {
    const from = props.mail.from;
    if (!from) return i18n.t("mail.received.unknownSender");
    return from.name ? `${from.name} <${from.address}>` : from.address;
  };

  const reprocess = async () => {
    setBusy(true);
    props.onError(undefined);
    try {
      const { mail } = await Frontline.reprocessMail(props.mail.mailId);
      props.onReprocessed(mail);
    } catch (error) {
      props.onError(errorMessage(error, i18n));
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr data-testid="mail-row" data-mail-id={props.mail.mailId} classList={{ "row--highlight": Boolean(props.result) }}>
      <td class="table__nowrap">
        <time datetime={props.mail.receivedAt} title={i18n.dateTime(props.mail.receivedAt)}>
          {i18n.shortDate(props.mail.receivedAt)}
          <span class="cell-line small muted">{i18n.time(props.mail.receivedAt)}</span>
        </time>
      </td>
      <td class="cell-message">
        <span class="cell-line strong cell-ellipsis" title={subject()} data-testid="mail-subject">
          {subject()}
        </span>
        <span class="cell-line small muted cell-ellipsis" title={sender()} data-testid="mail-from">
          {sender()} · {i18n.fileSize(props.mail.size)}
        </span>
        <Show when={props.mail.auth}>
          {(auth) => (
            <span class="cell-line small muted" title={i18n.t("mail.received.authHint")} data-testid="mail-auth">
              {i18n.t("mail.received.auth", { spf: auth().spf ?? "—", dkim: auth().dkim ?? "—", dmarc: auth().dmarc ?? "—" })}
            </span>
          )}
        </Show>
      </td>
      <td>
        <MailStatusBadge status={props.mail.status} />
      </td>
      <td class="cell-outcome" data-testid="mail-outcome">
        <Show when={props.mail.ticketId}>
          {(ticketId) => (
            <A href={`/tickets/${ticketId()}`} class="strong" data-testid="mail-ticket">
              {i18n.t("mail.received.ticket", { number: props.mail.ticketNumber ?? 0 })}
            </A>
          )}
        </Show>
        <Show when={props.mail.reason}>
          <span class="cell-line small muted">{props.mail.reason}</span>
        </Show>
        <Show when={props.mail.sameMessageIdAs}>
          <span class="cell-line small muted" data-testid="mail-same-message-id">
            {i18n.t("mail.received.sameMessageId")}
          </span>
        </Show>
        <Show when={props.mail.stale}>
          <span class="cell-line small negative" data-testid="mail-stale">
            {i18n.t("mail.received.stale")}
          </span>
        </Show>
        <Show when={props.mail.error}>
          <span class="cell-line small negative" data-testid="mail-error">
            {props.mail.error}
          </span>
        </Show>
        <Show when={props.result}>
          <span class="cell-line small strong" data-testid="mail-result">
            {props.result}
          </span>
        </Show>
      </td>
      <td class="table__actions">
        <div class="row-actions row-actions--stack" role="group" aria-label={i18n.t("mail.received.actionsLabel", { subject: subject() })}>
          <a
            class="button button--ghost button--small"
            href={Frontline.rawMailHref(props.mail.mailId)}
            download={`${props.mail.mailId}.eml`}
            aria-label={i18n.t("mail.received.downloadLabel", { subject: subject() })}
            data-testid="mail-download"
          >
            {i18n.t("mail.received.download")}
          </a>
          <Show when={reprocessable(props.mail)}>
            <button type="button" class="button button--secondary button--small" onClick={() => void reprocess()} disabled={busy()} data-testid="mail-reprocess">
              {busy() ? i18n.t("mail.received.reprocessing") : i18n.t("mail.received.reprocess")}
            </button>
          </Show>
        </div>
      </td>
    </tr>
  );
}
