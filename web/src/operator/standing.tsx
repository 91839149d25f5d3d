import { useI18n } from "../i18n";
import type { WorkspaceRow } from "./client";

/**
 * Where a workspace stands: suspended, in its grace period (the balance is below zero, the suspension not yet
 * come), or on trial or active as its plan status says.
 */
export type Standing = "trial" | "active" | "grace" | "suspended";
export const Standings: readonly Standing[] = ["active", "trial", "grace", "suspended"];

export function standingOf(row: Pick<WorkspaceRow, "status" | "balanceMinor">): Standing {
  if (row.status === "suspended") return "suspended";
  return row.balanceMinor < 0 ? "grace" : row.status;
}

export function StandingBadge(props: { row: Pick<WorkspaceRow, "status" | "balanceMinor"> }) {
  const i18n = useI18n();
  const standing = () => standingOf(props.row);
  return (
    <span class={`badge badge--${standing()}`} data-testid="workspace-status" data-standing={standing()}>
      {i18n.t(`operator.status.${standing()}`)}
    </span>
  );
}

/** "12 days", or "—" when nothing is charged (no price, no end). */
export function daysLeftText(i18n: ReturnType<typeof useI18n>, daysLeft: number | null): string {
  return daysLeft === null ? i18n.t("common.none") : i18n.t("operator.days", { days: daysLeft });
}
