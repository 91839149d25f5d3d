import { Match, Switch } from "solid-js";
import { A } from "@solidjs/router";
import type { Me } from "../api/types";
import { useI18n } from "../i18n";
import { formatDay } from "../i18n/format";
import { configures } from "../tickets/lifecycle";

/** How many days of balance left make the low-balance notice show (the core warns the owner by mail from 3). */
export const LOW_BALANCE_DAYS = 3;

/**
 * Where the workspace's balance stands, across the top of every page when it matters: suspended (staff read, nobody
 * changes anything), in the grace period below zero (and when it ends), or about to run out. Everyone is told of the
 * first two, which change what they can do; only owners and admins, who see the balance, of the last.
 */
export function WorkspaceStanding(props: { me: Me }) {
  const i18n = useI18n();
  const admin = () => configures(props.me.staff.role);
  const lowDays = () => {
    const billing = props.me.billing;
    if (!billing || billing.daysLeft === null || billing.balanceMinor < 0) return undefined;
    return billing.daysLeft <= LOW_BALANCE_DAYS ? billing.daysLeft : undefined;
  };
  const action = () =>
    admin() ? (
      <A href="/admin/billing" class="button button--secondary button--small" data-testid="standing-top-up">
        {i18n.t("standing.topUp")}
      </A>
    ) : (
      <p>{i18n.t("standing.askAdmin")}</p>
    );
  return (
    <Switch>
      <Match when={props.me.tenant.planStatus === "suspended"}>
        <div class="banner banner--danger" role="alert" data-testid="workspace-suspended">
          <div>
            <p class="banner__title">{i18n.t("standing.suspendedTitle")}</p>
            <p>{i18n.t("standing.suspended")}</p>
          </div>
          {action()}
        </div>
      </Match>
      <Match when={props.me.standing.graceEndsOn}>
        {(ends) => (
          <div class="banner banner--warning" role="status" data-testid="workspace-grace">
            <div>
              <p class="banner__title">{i18n.t("standing.graceTitle")}</p>
              <p>{i18n.t("standing.grace", { date: formatDay(ends(), i18n.locale()) })}</p>
            </div>
            {action()}
          </div>
        )}
      </Match>
      <Match when={lowDays() !== undefined}>
        <div class="banner banner--warning" role="status" data-testid="workspace-low-balance">
          <div>
            <p class="banner__title">{i18n.t("standing.lowTitle")}</p>
            <p>{i18n.t("standing.coversDays", { days: lowDays() ?? 0 })}</p>
          </div>
          {action()}
        </div>
      </Match>
    </Switch>
  );
}
