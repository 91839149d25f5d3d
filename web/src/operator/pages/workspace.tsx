import { createEffect, createResource, createSignal, For, on, Show } from "solid-js";
import { A, useParams, useSearchParams } from "@solidjs/router";
import { Notice } from "../../components/notice";
import { PageHeader } from "../../components/page-header";
import { TableScroll } from "../../components/table-scroll";
import { TextField } from "../../components/text-field";
import { errorMessage, focusFirstInvalid, type FormErrors } from "../../forms/errors";
import { useI18n } from "../../i18n";
import { formatAmountInput, parseAmount } from "../amount";
import { OperatorApi, type LedgerEntry, type TopUpRequest, type WorkspaceDetail, type WorkspaceRow } from "../client";
import { operatorFormErrors } from "../form-errors";
import { OperatorLoaded } from "../loaded";
import { TableHead } from "../paged";
import { daysLeftText, StandingBadge } from "../standing";

/**
 * /operator/workspaces/:id: one workspace's account (plan, balance, standing), the payments and adjustments the
 * operator records, its top-up requests (answered by a payment or dismissed) and its ledger.
 */
export function OperatorWorkspacePage() {
  const i18n = useI18n();
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ request?: string }>();
  const [detail, { refetch, mutate }] = createResource(() => params.id, (id) => OperatorApi.workspace(id));
  // The open request a payment answers: picked in the requests table, or named by the link from /operator/top-up-requests.
  const [answering, setAnswering] = createSignal<TopUpRequest>();
  const [announcement, setAnnouncement] = createSignal("");

  createEffect(
    on(
      // `latest` would rethrow a failed load, which OperatorLoaded shows.
      () => (detail.state === "ready" ? detail.latest : undefined),
      (current) => {
        const wanted = search.request;
        if (wanted && !answering()) setAnswering(current?.topUpRequests.find((r) => r.requestId === wanted && r.status === "open"));
      },
    ),
  );

  /** After a movement: the new standing at once (from the answer), then the ledger and the requests as they are now. */
  const recorded = (workspace: WorkspaceRow, message: string) => {
    mutate((current) => (current ? { ...current, workspace } : current));
    setAnnouncement(message);
    setAnswering(undefined);
    void refetch();
  };

  return (
    <>
      <A href="/operator" class="back-link">
        {i18n.t("operator.workspace.back")}
      </A>
      <p class="sr-only" role="status" data-testid="workspace-announcement">
        {announcement()}
      </p>
      <OperatorLoaded data={detail} onRetry={refetch}>
        {(current) => (
          <>
            <PageHeader title={current().workspace.name} subtitle={i18n.t("operator.workspace.subtitle", { slug: current().workspace.tenantId })} />
            <Summary workspace={current().workspace} />
            <div class="operator-forms">
              <BalanceForm
                kind="payment"
                workspace={current().workspace}
                answering={answering()}
                onForget={() => setAnswering(undefined)}
                onRecorded={recorded}
              />
              <BalanceForm kind="adjustment" workspace={current().workspace} onRecorded={recorded} />
            </div>
            <Requests
              detail={current()}
              onPay={(request) => {
                setAnswering(request);
                document.getElementById("payment-amount")?.focus();
              }}
              onDismissed={(message) => {
                setAnnouncement(message);
                if (answering()) setAnswering(undefined);
                void refetch();
              }}
            />
            <Ledger entries={current().ledger} />
          </>
        )}
      </OperatorLoaded>
    </>
  );
}

function Summary(props: { workspace: WorkspaceRow }) {
  const i18n = useI18n();
  const w = () => props.workspace;
  const fact = (label: string, value: () => string | number, testId: string) => (
    <div class="facts__row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value()}</dd>
    </div>
  );
  return (
    <section class="card" aria-labelledby="workspace-summary-title">
      <h2 class="card__title" id="workspace-summary-title">
        {i18n.t("operator.workspace.summary")}
      </h2>
      <dl class="facts">
        <div class="facts__row">
          <dt>{i18n.t("operator.workspace.status")}</dt>
          <dd>
            <StandingBadge row={w()} />
          </dd>
        </div>
        {fact(i18n.t("operator.workspace.balance"), () => i18n.money(w().balanceMinor, w().currency), "workspace-balance")}
        {fact(i18n.t("operator.workspace.plan"), () => w().planName, "workspace-plan")}
        {fact(
          i18n.t("operator.workspace.dailyPrice"),
          () => (w().dailyPriceMinor > 0 ? i18n.money(w().dailyPriceMinor, w().currency) : i18n.t("operator.workspace.noPrice")),
          "workspace-daily-price",
        )}
        {fact(i18n.t("operator.workspace.daysLeft"), () => daysLeftText(i18n, w().daysLeft), "workspace-days-left")}
        {fact(i18n.t("operator.workspace.seats"), () => w().seatsUsed, "workspace-seats")}
        {fact(i18n.t("operator.workspace.created"), () => i18n.date(w().createdAt), "workspace-created")}
      </dl>
    </section>
  );
}

/**
 * Records a movement of the balance: a payment (above zero, with the payment's reference, perhaps answering a top-up
 * request) or an adjustment (up or down, with a reason).
 */
function BalanceForm(props: {
  kind: "payment" | "adjustment";
  workspace: WorkspaceRow;
  answering?: TopUpRequest | undefined;
  onForget?: () => void;
  onRecorded: (workspace: WorkspaceRow, message: string) => void;
}) {
  const i18n = useI18n();
  const text = props.kind === "payment" ? "reference" : "reason";
  const id = (field: string) => `${props.kind}-${field}`;
  const [amount, setAmount] = createSignal("");
  const [note, setNote] = createSignal("");
  const [saving, setSaving] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {} });
  let form: HTMLFormElement | undefined;

  // Answering a request: its amount is what the workspace asked for (the operator may change it).
  createEffect(
    on(
      () => props.answering,
      (request) => {
        if (request) setAmount(formatAmountInput(request.amountMinor, props.workspace.currency));
      },
    ),
  );

  const check = (): FormErrors => {
    const fields: Record<string, string> = {};
    const minor = parseAmount(amount(), props.workspace.currency);
    if (minor === undefined) fields.amount = i18n.t("operator.workspace.invalidAmount");
    else if (props.kind === "payment" && minor <= 0) fields.amount = i18n.t("operator.workspace.positiveAmount");
    else if (minor === 0) fields.amount = i18n.t("operator.workspace.nonZeroAmount");
    if (!note().trim()) fields[text] = props.kind === "payment" ? i18n.t("operator.workspace.payment.missingReference") : i18n.t("operator.workspace.adjustment.missingReason");
    return { fields };
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving()) return;
    const checked = check();
    setErrors(checked);
    if (Object.keys(checked.fields).length) {
      focusFirstInvalid(form);
      return;
    }
    const amountMinor = parseAmount(amount(), props.workspace.currency)!;
    const tenantId = props.workspace.tenantId;
    setSaving(true);
    try {
      const { workspace } =
        props.kind === "payment"
          ? await OperatorApi.recordPayment(tenantId, { amountMinor, reference: note().trim(), ...(props.answering ? { requestId: props.answering.requestId } : {}) })
          : await OperatorApi.recordAdjustment(tenantId, { amountMinor, reason: note().trim() });
      setAmount("");
      setNote("");
      const money = i18n.signedMoney(amountMinor, workspace.currency);
      props.onRecorded(workspace, props.kind === "payment" ? i18n.t("operator.workspace.payment.recorded", { amount: money }) : i18n.t("operator.workspace.adjustment.recorded", { amount: money }));
    } catch (error) {
      setErrors(operatorFormErrors(error, i18n, { amountMinor: "amount", [text]: text }));
      focusFirstInvalid(form);
    } finally {
      setSaving(false);
    }
  };

  const title = () => (props.kind === "payment" ? i18n.t("operator.workspace.payment.title") : i18n.t("operator.workspace.adjustment.title"));
  return (
    <section class="card" aria-labelledby={id("title")}>
      <h2 class="card__title" id={id("title")}>
        {title()}
      </h2>
      <p class="card__text small">{props.kind === "payment" ? i18n.t("operator.workspace.payment.hint") : i18n.t("operator.workspace.adjustment.hint")}</p>
      <form ref={form} class="operator-form" onSubmit={submit} novalidate aria-label={title()} data-testid={`${props.kind}-form`}>
        <Show when={errors().form}>
          <Notice kind="error" testId={`${props.kind}-error`}>
            {errors().form}
          </Notice>
        </Show>
        <Show when={props.answering}>
          {(request) => (
            <Notice kind="info" testId="payment-answers">
              {i18n.t("operator.workspace.payment.forRequest", { amount: i18n.money(request().amountMinor, props.workspace.currency), date: i18n.shortDate(request().createdAt) })}{" "}
              <button type="button" class="button button--ghost button--small" onClick={() => props.onForget?.()}>
                {i18n.t("operator.workspace.payment.forget")}
              </button>
            </Notice>
          )}
        </Show>
        <div class="operator-form__row">
          <TextField
            id={id("amount")}
            label={i18n.t("operator.workspace.amount", { currency: props.workspace.currency })}
            value={amount()}
            onValue={setAmount}
            placeholder={props.kind === "payment" ? "50.00" : "-5.00"}
            error={errors().fields.amount}
            spellcheck={false}
            maxLength={20}
          />
          <TextField
            id={id(text)}
            label={props.kind === "payment" ? i18n.t("operator.workspace.payment.reference") : i18n.t("operator.workspace.adjustment.reason")}
            value={note()}
            onValue={setNote}
            placeholder={props.kind === "payment" ? i18n.t("operator.workspace.payment.referencePlaceholder") : i18n.t("operator.workspace.adjustment.reasonPlaceholder")}
            error={errors().fields[text]}
            maxLength={props.kind === "payment" ? 120 : 200}
          />
        </div>
        <div class="operator-form__actions">
          <button type="submit" class="button button--primary" disabled={saving()}>
            {props.kind === "payment"
              ? saving()
                ? i18n.t("operator.workspace.payment.submitting")
                : i18n.t("operator.workspace.payment.submit")
              : saving()
                ? i18n.t("operator.workspace.adjustment.submitting")
                : i18n.t("operator.workspace.adjustment.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function Requests(props: { detail: WorkspaceDetail; onPay: (request: TopUpRequest) => void; onDismissed: (message: string) => void }) {
  const i18n = useI18n();
  const [busy, setBusy] = createSignal<string>();
  const [error, setError] = createSignal<string>();
  const currency = () => props.detail.workspace.currency;

  const dismiss = async (request: TopUpRequest) => {
    setBusy(request.requestId);
    setError(undefined);
    try {
      await OperatorApi.dismissTopUpRequest(props.detail.workspace.tenantId, request.requestId);
      props.onDismissed(i18n.t("operator.workspace.requests.dismissed"));
    } catch (failure) {
      setError(errorMessage(failure, i18n));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section class="card card--flush" aria-labelledby="requests-title">
      <h2 class="card__title card__title--padded" id="requests-title">
        {i18n.t("operator.workspace.requests.title")}
      </h2>
      <Show when={error()}>
        <div class="card__body">
          <Notice kind="error" testId="requests-error">
            {error()}
          </Notice>
        </div>
      </Show>
      <Show when={props.detail.topUpRequests.length > 0} fallback={<p class="empty">{i18n.t("operator.workspace.requests.empty")}</p>}>
        <TableScroll labelledBy="requests-title">
          <table class="table" data-testid="requests-table">
            <TableHead
              columns={[
                { label: i18n.t("operator.workspace.requests.columns.requested"), kind: "nowrap" },
                { label: i18n.t("operator.workspace.requests.columns.amount"), kind: "num" },
                { label: i18n.t("operator.workspace.requests.columns.note") },
                { label: i18n.t("operator.workspace.requests.columns.by") },
                { label: i18n.t("operator.workspace.requests.columns.status") },
                { label: i18n.t("operator.workspace.requests.columns.actions"), kind: "actions" },
              ]}
            />
            <tbody>
              <For each={props.detail.topUpRequests}>
                {(request) => {
                  const money = () => i18n.money(request.amountMinor, currency());
                  return (
                    <tr data-testid="request-row" data-request={request.requestId}>
                      <td class="table__nowrap">{i18n.dateTime(request.createdAt)}</td>
                      <td class="table__num">{money()}</td>
                      <td class="muted">{request.note || i18n.t("common.none")}</td>
                      <td>{request.requestedBy}</td>
                      <td>
                        <span class="badge" classList={{ "badge--trial": request.status === "open", "badge--active": request.status === "paid", "badge--neutral": request.status === "dismissed" }} data-testid="request-status">
                          {i18n.t(`operator.workspace.requests.statuses.${request.status}`)}
                        </span>
                      </td>
                      <td class="table__actions table__nowrap">
                        <Show when={request.status === "open"}>
                          <button type="button" class="button button--secondary button--small" onClick={() => props.onPay(request)} aria-label={i18n.t("operator.workspace.requests.payLabel", { amount: money() })}>
                            {i18n.t("operator.workspace.requests.pay")}
                          </button>{" "}
                          <button
                            type="button"
                            class="button button--ghost button--small button--danger-text"
                            onClick={() => void dismiss(request)}
                            disabled={busy() === request.requestId}
                            aria-label={i18n.t("operator.workspace.requests.dismissLabel", { amount: money() })}
                          >
                            {busy() === request.requestId ? i18n.t("operator.workspace.requests.dismissing") : i18n.t("operator.workspace.requests.dismiss")}
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
      </Show>
    </section>
  );
}

function Ledger(props: { entries: LedgerEntry[] }) {
  const i18n = useI18n();
  return (
    <section class="card card--flush" aria-labelledby="ledger-title">
      <h2 class="card__title card__title--padded" id="ledger-title">
        {i18n.t("operator.workspace.ledger.title")}
      </h2>
      <Show when={props.entries.length > 0} fallback={<p class="empty">{i18n.t("operator.workspace.ledger.empty")}</p>}>
        <TableScroll labelledBy="ledger-title">
          <table class="table" data-testid="ledger-table">
            <TableHead
              columns={[
                { label: i18n.t("operator.workspace.ledger.columns.date"), kind: "nowrap" },
                { label: i18n.t("operator.workspace.ledger.columns.entry") },
                { label: i18n.t("operator.workspace.ledger.columns.kind") },
                { label: i18n.t("operator.workspace.ledger.columns.by") },
                { label: i18n.t("operator.workspace.ledger.columns.amount"), kind: "num" },
                { label: i18n.t("operator.workspace.ledger.columns.balanceAfter"), kind: "num" },
              ]}
            />
            <tbody>
              <For each={props.entries}>
                {(entry) => (
                  <tr data-testid="ledger-row" data-kind={entry.kind}>
                    <td class="table__nowrap">{i18n.dateTime(entry.createdAt)}</td>
                    <td>
                      <span data-testid="ledger-description">{entry.description}</span>
                      <Show when={entry.reference}>
                        {(reference) => (
                          <span class="cell-line small muted" data-testid="ledger-reference">
                            {i18n.t("operator.workspace.ledger.reference", { reference: reference() })}
                          </span>
                        )}
                      </Show>
                    </td>
                    <td>
                      <span class="badge badge--neutral">{i18n.t(`operator.workspace.ledger.kinds.${entry.kind}`)}</span>
                    </td>
                    <td class="muted">{entry.by ?? i18n.t("common.none")}</td>
                    <td class="table__num" classList={{ positive: entry.amountMinor > 0, negative: entry.amountMinor < 0 }} data-testid="ledger-amount">
                      {i18n.signedMoney(entry.amountMinor, entry.currency)}
                    </td>
                    <td class="table__num">{i18n.money(entry.balanceAfterMinor, entry.currency)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
      </Show>
    </section>
  );
}
