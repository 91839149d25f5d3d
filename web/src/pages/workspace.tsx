import { For, Show } from "solid-js";
import { CopyButton } from "../components/copy-button";
import { PageHeader } from "../components/page-header";
import { useI18n } from "../i18n";
import type { Me } from "../api/types";
import { useMe } from "../session/me";
import { NotificationPreferencesCard } from "../session/notification-preferences";
import { ProfileCard } from "../session/profile-card";

/**
 * /workspace: the plan and its status, the inbound address to forward support mail to, and for owners and admins
 * (the only ones /api/me gives them to) the plan's prices and the balance.
 */
export function WorkspacePage() {
  const i18n = useI18n();
  const { me } = useMe();
  const plan = () => me().plan;
  const tenant = () => me().tenant;

  return (
    <>
      <PageHeader title={i18n.t("workspace.title")} subtitle={i18n.t(me().billing ? "workspace.subtitle" : "workspace.subtitleWithoutBilling")} />

      <section class="card card--highlight" aria-labelledby="inbound-title">
        <h2 class="card__title" id="inbound-title">
          {i18n.t("workspace.inboundTitle")}
        </h2>
        <div class="inbound">
          <code class="inbound__address" data-testid="inbound-address">
            {me().inboundAddress}
          </code>
          <CopyButton text={me().inboundAddress} testId="copy-inbound-address" />
        </div>
        <p class="card__text">{i18n.t("workspace.inboundExplain")}</p>
      </section>

      <div class="grid" classList={{ "grid--2": Boolean(me().billing) }}>
        <section class="card" aria-labelledby="plan-title">
          <h2 class="card__title" id="plan-title">
            {i18n.t("workspace.plan")}
          </h2>
          <div class="stat-row">
            <span class="stat" data-testid="plan-name">
              {plan().name}
            </span>
            <span class={`badge badge--${tenant().planStatus}`} data-testid="plan-status">
              {i18n.t(`workspace.planStatus.${tenant().planStatus}`)}
            </span>
          </div>
          <Show when={tenant().planStatus === "trial" && tenant().trialEndsAt}>
            {(endsAt) => (
              <p class="muted" data-testid="trial-ends">
                {i18n.t("workspace.trialEnds", { date: i18n.date(endsAt()) })}
              </p>
            )}
          </Show>
          <dl class="facts">
            <Show when={plan().pricePerDayMinor !== undefined && plan().currency}>
              {(currency) => (
                <div class="facts__row">
                  <dt>{i18n.t("workspace.pricePerDay")}</dt>
                  <dd data-testid="price-per-day">{i18n.t("workspace.perDay", { price: i18n.money(plan().pricePerDayMinor ?? 0, currency()) })}</dd>
                </div>
              )}
            </Show>
            <div class="facts__row">
              <dt>{i18n.t("workspace.staffLimit")}</dt>
              <dd data-testid="plan-staff-seats">
                {plan().staffLimit === undefined || plan().staffLimit === null ? i18n.t("workspace.unlimited") : i18n.t("workspace.staffSeats", { count: plan().staffLimit! })}
              </dd>
            </div>
            <div class="facts__row">
              <dt>{i18n.t("workspace.dailyTicketLimit")}</dt>
              <dd>{plan().dailyTicketLimit ?? i18n.t("workspace.unlimited")}</dd>
            </div>
          </dl>
          <Show when={(plan().addOns ?? []).length > 0 && plan().currency}>
            {(currency) => (
              <>
                <h3 class="card__subtitle">{i18n.t("workspace.addOns")}</h3>
                <ul class="addons">
                  <For each={plan().addOns ?? []}>
                    {(addOn) => (
                      <li class="addons__item">
                        <span>{addOn.name}</span>
                        <span class="muted">{i18n.t("workspace.perDay", { price: i18n.money(addOn.pricePerDayMinor, currency()) })}</span>
                      </li>
                    )}
                  </For>
                </ul>
              </>
            )}
          </Show>
          <Show when={!me().billing}>
            <p class="muted" data-testid="billing-for-admins">
              {i18n.t("workspace.billingForAdmins")}
            </p>
          </Show>
        </section>

        <Show when={me().billing}>{(billing) => <BalanceCard billing={billing()} />}</Show>
      </div>

      <ProfileCard />
      <NotificationPreferencesCard />
    </>
  );
}

/**
 * The balance, the trial credit and the days the balance covers at the daily price with add-ons (the API's figure, as
 * the low-balance notice uses): owners and admins only.
 */
function BalanceCard(props: { billing: NonNullable<Me["billing"]> }) {
  const i18n = useI18n();
  return (
    <section class="card" aria-labelledby="balance-title">
      <h2 class="card__title" id="balance-title">
        {i18n.t("workspace.balanceTitle")}
      </h2>
      <dl class="facts facts--large">
        <div class="facts__row">
          <dt>{i18n.t("workspace.balance")}</dt>
          <dd class="stat" data-testid="balance">
            {i18n.money(props.billing.balanceMinor, props.billing.currency)}
          </dd>
        </div>
        <div class="facts__row">
          <dt>{i18n.t("workspace.trialCredit")}</dt>
          <dd data-testid="trial-credit">{i18n.money(props.billing.trialCreditMinor, props.billing.currency)}</dd>
        </div>
      </dl>
      <Show when={props.billing.daysLeft !== null}>
        <p class="muted" data-testid="covers-days">
          {i18n.t("standing.coversDays", { days: props.billing.daysLeft ?? 0 })}
        </p>
      </Show>
    </section>
  );
}
