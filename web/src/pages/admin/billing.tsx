import { createEffect, createMemo, createResource, createSignal, For, on, Show } from "solid-js";
import { Frontline } from "../../api/client";
import type { BillingSummary, LedgerEntry, PlanInfo, TopUpRequestInfo } from "../../api/types";
import { adminsOnly } from "../../components/admins-only";
import { CheckboxGroup } from "../../components/checkbox-group";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { LoadError, Loaded, Loading, Notice } from "../../components/notice";
import { PagedBody } from "../../components/paged-body";
import { PageHeader } from "../../components/page-header";
import { createPagedList } from "../../components/paged-list";
import { TableScroll } from "../../components/table-scroll";
import { TextField } from "../../components/text-field";
import { errorMessage, focusFirstInvalid, formErrors, type FormErrors } from "../../forms/errors";
import { useI18n } from "../../i18n";
import { formatDay, parseMoney } from "../../i18n/format";
import { useMe } from "../../session/me";

/** What a plan with these add-ons costs a day (as the core's Plan.dailyPrice: add-ons the plan does not offer cost nothing). */
export function dailyPrice(plan: PlanInfo, addOns: readonly string[]): number {
  const prices = new Map((plan.addOns ?? []).map((a) => [a.addOnId, a.pricePerDayMinor]));
  return plan.pricePerDayMinor + [...new Set(addOns)].reduce((sum, id) => sum + (prices.get(id) ?? 0), 0);
}

/**
 * /admin/billing: the plan, its add-ons, the daily price, the balance and the days it covers; changing the plan (after
 * a confirmation with the new price); asking for a top-up; and the billing history a page at a time.
 */
export const BillingPage = adminsOnly(BillingAdmin);

function BillingAdmin() {
  const i18n = useI18n();
  const { refetch: refetchMe } = useMe();
  const [billing, { refetch }] = createResource(async () => (await Frontline.billing()).billing);
  return (
    <>
      <PageHeader title={i18n.t("billing.title")} subtitle={i18n.t("billing.subtitle")} />
      <Loaded data={billing} onRetry={refetch}>
        {(summary) => (
          <>
            <Summary billing={summary()} />
            <PlanChooser
              billing={summary()}
              onChanged={() => {
                refetch();
                // The plan and its price show in other places too (the workspace page, the balance notices).
                refetchMe();
              }}
            />
            <TopUp currency={summary().currency} />
          </>
        )}
      </Loaded>
      <LedgerHistory />
    </>
  );
}

function Summary(props: { billing: BillingSummary }) {
  const i18n = useI18n();
  const b = () => props.billing;
  const addOnNames = () => (b().plan.addOns ?? []).filter((a) => b().addOns.includes(a.addOnId)).map((a) => a.name);
  // "3 of 10", but "3 used, no limit" rather than "3 of Unlimited" when the plan sets none.
  const used = (count: number, limit: number | null | undefined) =>
    limit === undefined || limit === null ? i18n.t("billing.usedNoLimit", { used: count }) : i18n.t("billing.used", { used: count, limit: String(limit) });
  // The same for seats, saying that the reader's own is one of them (the owner of a trial's two seats takes one).
  const seatsUsed = (count: number, limit: number | null | undefined) =>
    limit === undefined || limit === null ? i18n.t("billing.seatsUsedNoLimit", { used: count }) : i18n.t("billing.seatsUsed", { used: count, limit });
  return (
    <section class="card" aria-labelledby="billing-summary-title" data-testid="billing-summary">
      <h2 class="card__title" id="billing-summary-title">
        {i18n.t("billing.plan")}
      </h2>
      <div class="stat-row">
        <span class="stat" data-testid="billing-plan">
          {b().plan.name}
        </span>
        <span class={`badge badge--${b().status}`} data-testid="billing-status">
          {i18n.t(`workspace.planStatus.${b().status}`)}
        </span>
      </div>
      <Show when={b().graceEndsOn}>
        {(ends) => (
          <Notice kind="error" testId="billing-grace">
            {i18n.t("standing.grace", { date: formatDay(ends(), i18n.locale()) })}
          </Notice>
        )}
      </Show>
      <dl class="facts facts--large">
        <div class="facts__row">
          <dt>{i18n.t("billing.balance")}</dt>
          <dd class="stat" classList={{ negative: b().balanceMinor < 0 }} data-testid="billing-balance">
            {i18n.money(b().balanceMinor, b().currency)}
          </dd>
        </div>
        <div class="facts__row">
          <dt>{i18n.t("billing.dailyPrice")}</dt>
          <dd data-testid="billing-daily-price">{i18n.t("workspace.perDay", { price: i18n.money(b().dailyPriceMinor, b().currency) })}</dd>
        </div>
        <div class="facts__row">
          <dt>{i18n.t("billing.daysLeft")}</dt>
          <dd data-testid="billing-days-left">{b().daysLeft === null ? i18n.t("workspace.unlimited") : i18n.t("billing.days", { days: b().daysLeft ?? 0 })}</dd>
        </div>
        <div class="facts__row">
          <dt>{i18n.t("billing.addOns")}</dt>
          <dd data-testid="billing-add-ons">{addOnNames().length ? addOnNames().join(", ") : i18n.t("billing.noAddOns")}</dd>
        </div>
        <div class="facts__row">
          <dt>{i18n.t("billing.seats")}</dt>
          <dd data-testid="billing-seats">{seatsUsed(b().seatsUsed, b().plan.staffLimit)}</dd>
        </div>
        <div class="facts__row">
          <dt>{i18n.t("billing.ticketsToday")}</dt>
          <dd data-testid="billing-tickets-today">{used(b().ticketsToday, b().plan.dailyTicketLimit)}</dd>
        </div>
      </dl>
    </section>
  );
}

function PlanChooser(props: { billing: BillingSummary; onChanged: () => void }) {
  const i18n = useI18n();
  // Cheapest first: the way up reads left to right.
  const [plans, { refetch }] = createResource(async () => (await Frontline.plans()).plans.sort((a, b) => a.pricePerDayMinor - b.pricePerDayMinor));
  const [planId, setPlanId] = createSignal(props.billing.plan.planId);
  const [addOns, setAddOns] = createSignal<string[]>([...props.billing.addOns]);
  const [confirming, setConfirming] = createSignal(false);
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [status, setStatus] = createSignal("");
  const chosen = createMemo(() => (plans.latest ?? []).find((p) => p.planId === planId()));
  const offered = () => chosen()?.addOns ?? [];
  const price = () => (chosen() ? dailyPrice(chosen()!, addOns()) : props.billing.dailyPriceMinor);
  const changed = () =>
    planId() !== props.billing.plan.planId || [...addOns()].sort().join() !== [...props.billing.addOns].sort().join();
  // Add-ons belong to a plan: another plan starts with none of them chosen, the current one with those bought.
  createEffect(on(planId, (id) => setAddOns(id === props.billing.plan.planId ? [...props.billing.addOns] : []), { defer: true }));

  const confirm = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const { subscription } = await Frontline.changePlan({ planId: planId(), addOns: addOns().filter((id) => offered().some((a) => a.addOnId === id)) });
      setConfirming(false);
      setStatus(i18n.t("billing.changed", { plan: subscription.plan.name }));
      props.onChanged();
    } catch (failure) {
      setConfirming(false);
      setError(errorMessage(failure, i18n));
    } finally {
      setSaving(false);
    }
  };

  const features = (plan: PlanInfo) => [
    plan.staffLimit === undefined || plan.staffLimit === null ? i18n.t("billing.planSeatsUnlimited") : i18n.t("billing.planSeats", { count: plan.staffLimit }),
    plan.dailyTicketLimit === undefined || plan.dailyTicketLimit === null
      ? i18n.t("billing.planTicketsUnlimited")
      : i18n.t("billing.planTickets", { count: plan.dailyTicketLimit }),
    ...(plan.features ?? []).map((feature) => i18n.lookup(`billing.features.${feature}`) ?? feature),
  ];

  return (
    <section class="card" aria-labelledby="plan-change-title" data-testid="plan-chooser">
      <h2 class="card__title" id="plan-change-title">
        {i18n.t("billing.change")}
      </h2>
      <p class="field__hint">{i18n.t("billing.changeHint")}</p>
      <Show when={error()}>
        <Notice kind="error" testId="plan-error">
          {error()}
        </Notice>
      </Show>
      <Show when={!plans.error} fallback={<LoadError error={plans.error} onRetry={refetch} />}>
        <Show when={plans.latest} fallback={<Loading />}>
          {(list) => (
            <div class="form">
              <div class="radio-cards" role="radiogroup" aria-labelledby="plan-change-title">
                <For each={list()}>
                  {(plan) => (
                    <label class="radio-card" classList={{ "radio-card--on": planId() === plan.planId }} data-testid="plan-option" data-plan={plan.planId}>
                      <input type="radio" name="plan" value={plan.planId} checked={planId() === plan.planId} onChange={() => setPlanId(plan.planId)} />
                      <span>
                        <span class="strong">{plan.name}</span>
                        <Show when={plan.planId === props.billing.plan.planId}>
                          {" "}
                          <span class="badge badge--neutral">{i18n.t("billing.current")}</span>
                        </Show>
                        <span class="cell-line">{i18n.t("workspace.perDay", { price: i18n.money(plan.pricePerDayMinor, plan.currency) })}</span>
                        <span class="cell-line small muted">{features(plan).join(" · ")}</span>
                      </span>
                    </label>
                  )}
                </For>
              </div>
              <Show when={offered().length > 0}>
                <CheckboxGroup
                  id="plan-add-ons"
                  legend={i18n.t("billing.addOns")}
                  options={offered().map((a) => ({
                    value: a.addOnId,
                    label: `${a.name} (${i18n.t("workspace.perDay", { price: i18n.money(a.pricePerDayMinor, chosen()!.currency) })})`,
                  }))}
                  values={addOns()}
                  onChange={setAddOns}
                  emptyLabel={i18n.t("billing.noAddOns")}
                  testId="plan-add-ons"
                />
              </Show>
              <div class="form-actions">
                <p class="muted small form-actions__status" role="status" data-testid="plan-status">
                  {status() || (changed() ? i18n.t("billing.newPrice", { price: i18n.money(price(), props.billing.currency) }) : "")}
                </p>
                <button type="button" class="button button--primary" disabled={!changed() || saving()} onClick={() => setConfirming(true)} data-testid="review-plan">
                  {i18n.t("billing.review")}
                </button>
              </div>
            </div>
          )}
        </Show>
      </Show>
      <Show when={confirming() && chosen()}>
        {(plan) => (
          <ConfirmDialog
            title={i18n.t("billing.confirmTitle", { plan: plan().name })}
            confirm={saving() ? i18n.t("billing.changing") : i18n.t("billing.confirm")}
            busy={saving()}
            onConfirm={() => void confirm()}
            onClose={() => setConfirming(false)}
          >
            <p data-testid="confirm-price">
              {i18n.t("billing.confirmText", {
                price: i18n.money(price(), props.billing.currency),
                current: i18n.money(props.billing.dailyPriceMinor, props.billing.currency),
              })}
            </p>
          </ConfirmDialog>
        )}
      </Show>
    </section>
  );
}

function TopUp(props: { currency: string }) {
  const i18n = useI18n();
  const [requests, { refetch, mutate }] = createResource(async () => (await Frontline.topUpRequests()).requests);
  const [amount, setAmount] = createSignal("");
  const [note, setNote] = createSignal("");
  const [sending, setSending] = createSignal(false);
  const [errors, setErrors] = createSignal<FormErrors>({ fields: {} });
  const [status, setStatus] = createSignal("");
  let form: HTMLFormElement | undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending()) return;
    const amountMinor = parseMoney(amount(), props.currency, i18n.locale());
    setStatus("");
    if (amountMinor === undefined) {
      setErrors({ fields: { amountMinor: i18n.t("billing.amountInvalid") } });
      focusFirstInvalid(form);
      return;
    }
    setSending(true);
    setErrors({ fields: {} });
    try {
      const { request } = await Frontline.requestTopUp({ amountMinor, ...(note().trim() ? { note: note().trim() } : {}) });
      mutate((current) => [request, ...(current ?? [])]);
      setAmount("");
      setNote("");
      setStatus(i18n.t("billing.requested", { amount: i18n.money(request.amountMinor, props.currency) }));
    } catch (error) {
      setErrors(formErrors(error, i18n, "topUp", ["amountMinor", "note"]));
      focusFirstInvalid(form);
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="card" aria-labelledby="top-up-title">
      <h2 class="card__title" id="top-up-title">
        {i18n.t("billing.topUp")}
      </h2>
      <p class="field__hint">{i18n.t("billing.topUpHint")}</p>
      <form ref={form} class="stop-form" onSubmit={submit} novalidate aria-busy={sending()} data-testid="top-up-form">
        <Show when={errors().form}>
          <Notice kind="error" testId="top-up-error">
            {errors().form}
          </Notice>
        </Show>
        <div class="stop-form__fields">
          <TextField
            id="top-up-amount"
            label={i18n.t("billing.amount", { currency: props.currency })}
            value={amount()}
            onValue={setAmount}
            error={errors().fields.amountMinor}
            placeholder="50.00"
            inputMode="decimal"
            maxLength={16}
          />
          <TextField
            id="top-up-note"
            label={i18n.t("billing.note")}
            value={note()}
            onValue={setNote}
            error={errors().fields.note}
            placeholder={i18n.t("billing.notePlaceholder")}
            maxLength={500}
          />
          <button type="submit" class="button button--primary stop-form__submit" disabled={sending()} data-testid="request-top-up">
            {sending() ? i18n.t("billing.requesting") : i18n.t("billing.request")}
          </button>
        </div>
        <p class="muted small" role="status" data-testid="top-up-status">
          {status()}
        </p>
      </form>
      <h3 class="card__subtitle">{i18n.t("billing.requests")}</h3>
      <Loaded data={requests} onRetry={refetch}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted small" data-testid="top-up-requests-empty">{i18n.t("billing.noRequests")}</p>}>
            <TableScroll label={i18n.t("billing.requests")}>
              <table class="table table--dense" data-testid="top-up-requests">
                <thead>
                  <tr>
                    <th scope="col" class="table__nowrap">{i18n.t("billing.columns.date")}</th>
                    <th scope="col" class="table__num">{i18n.t("billing.columns.amount")}</th>
                    <th scope="col">{i18n.t("billing.columns.note")}</th>
                    <th scope="col">{i18n.t("billing.columns.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>{(request) => <TopUpRow request={request} currency={props.currency} />}</For>
                </tbody>
              </table>
            </TableScroll>
          </Show>
        )}
      </Loaded>
    </section>
  );
}

function TopUpRow(props: { request: TopUpRequestInfo; currency: string }) {
  const i18n = useI18n();
  return (
    <tr data-testid="top-up-request">
      <td class="table__nowrap">
        {i18n.dateTime(props.request.createdAt)}
        <span class="cell-line small muted">{i18n.t("billing.requestedBy", { name: props.request.requestedBy })}</span>
      </td>
      <td class="table__num">{i18n.money(props.request.amountMinor, props.currency)}</td>
      <td class="muted">{props.request.note || i18n.t("common.none")}</td>
      <td>
        <span class={`badge ${props.request.status === "paid" ? "badge--active" : props.request.status === "open" ? "badge--trial" : "badge--neutral"}`}>
          {i18n.t(`billing.requestStatuses.${props.request.status}`)}
        </span>
      </td>
    </tr>
  );
}

function LedgerHistory() {
  const i18n = useI18n();
  const list = createPagedList<LedgerEntry>(async (cursor) => {
    const page = await Frontline.ledger(cursor);
    return { items: page.entries, cursor: page.cursor };
  }, i18n);
  void list.reload();
  return (
    <section class="card card--flush" aria-labelledby="billing-history-title" aria-busy={list.state.loading}>
      <h2 class="card__title card__title--padded" id="billing-history-title">
        {i18n.t("billing.history")}
      </h2>
      <PagedBody list={list} empty={i18n.t("billing.historyEmpty")}>
        <TableScroll labelledBy="billing-history-title">
          <table class="table" data-testid="ledger-table">
            <thead>
              <tr>
                <th scope="col" class="table__nowrap">{i18n.t("billing.columns.date")}</th>
                <th scope="col">{i18n.t("billing.columns.entry")}</th>
                <th scope="col">{i18n.t("billing.columns.kind")}</th>
                <th scope="col" class="table__num">{i18n.t("billing.columns.amount")}</th>
                <th scope="col" class="table__num">{i18n.t("billing.columns.balanceAfter")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={list.state.items}>{(entry) => <LedgerRow entry={entry} />}</For>
            </tbody>
          </table>
        </TableScroll>
      </PagedBody>
    </section>
  );
}

const SAID_BY_KIND = new Set<LedgerEntry["kind"]>(["trial_credit", "top_up"]);

function LedgerRow(props: { entry: LedgerEntry }) {
  const i18n = useI18n();
  return (
    <tr data-testid="ledger-row">
      <td class="table__nowrap">{i18n.dateTime(props.entry.createdAt)}</td>
      <td>
        {/* The trial credit and a top-up carry the system's own words: said in the reader's language, not as stored. */}
        {SAID_BY_KIND.has(props.entry.kind) ? i18n.t(`billing.ledgerKinds.${props.entry.kind}`) : props.entry.description}
        <Show when={props.entry.reference}>
          <span class="cell-line small muted">{props.entry.reference}</span>
        </Show>
      </td>
      <td>
        <span class="badge badge--neutral">{i18n.t(`billing.ledgerKinds.${props.entry.kind}`)}</span>
      </td>
      <td class="table__num" classList={{ positive: props.entry.amountMinor > 0, negative: props.entry.amountMinor < 0 }}>
        {i18n.signedMoney(props.entry.amountMinor, props.entry.currency)}
      </td>
      <td class="table__num">{i18n.money(props.entry.balanceAfterMinor, props.entry.currency)}</td>
    </tr>
  );
}
