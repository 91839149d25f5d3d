import { createMemo, Show } from "solid-js";
import type { SlaState } from "../api/types";
import { useI18n, type I18n } from "../i18n";
import { useNow } from "../session/now";
import { formatDuration, inWholeMinutes, nearest, type TargetStanding } from "./countdown";

export const durationUnits = (i18n: I18n) => ({ d: i18n.t("sla.units.d"), h: i18n.t("sla.units.h"), min: i18n.t("sla.units.min"), s: i18n.t("sla.units.s") });

/**
 * A target's standing in a few words: "in 42 min", "overdue 5 min", "paused, 12 min left", "met". `detailed` adds
 * what is left of a paused target; `short` words it to fit a list's column.
 */
export function standingText(standing: TargetStanding, i18n: I18n, detailed = false, short = false): string {
  const units = durationUnits(i18n);
  switch (standing.kind) {
    case "running":
    case "warning":
      return i18n.t("sla.in", { time: formatDuration(standing.remainingMs, units) });
    case "breached":
      return i18n.t(short ? "sla.overdueShort" : "sla.overdue", { time: formatDuration(standing.remainingMs, units) });
    case "paused":
      if (standing.breached) return i18n.t("sla.pausedOverdue");
      return detailed ? i18n.t("sla.pausedLeft", { time: formatDuration(standing.remainingMs, units) }) : i18n.t("sla.paused");
    case "met":
      return standing.late ? i18n.t("sla.metLate") : i18n.t("sla.met");
  }
}

/**
 * The target that runs out first, counting down every second (one clock for the whole page), amber once past its
 * warning, red once overdue, grey while paused: the queue's SLA cell, and (naming the target) the ticket's header.
 * The countdown itself is not a live region (a screen reader would be told every second); `announce` adds a polite
 * one beside it that says the same in whole minutes, and when the target is due soon, overdue, paused or met.
 */
export function SlaCountdown(props: { sla: SlaState | undefined; withTarget?: boolean; testId?: string; empty?: boolean; announce?: boolean }) {
  const i18n = useI18n();
  const now = useNow();
  const current = createMemo(() => nearest(props.sla, now()));
  // The text changes once a second at most; the DOM only when the words do.
  const text = createMemo(() => {
    const shown = current();
    if (!shown) return "";
    const words = standingText(shown.standing, i18n, false, !props.withTarget);
    return props.withTarget ? i18n.t("sla.targetStanding", { target: i18n.t(`sla.targets.${shown.target}`), standing: words }) : words;
  });
  const announcement = createMemo(() => {
    const shown = current();
    if (!shown) return "";
    const target = i18n.t(`sla.targets.${shown.target}`);
    const standing = standingText(inWholeMinutes(shown.standing), i18n);
    return shown.standing.kind === "warning" ? i18n.t("sla.dueSoon", { target, standing }) : i18n.t("sla.targetStanding", { target, standing });
  });
  const title = createMemo(() => {
    const shown = current();
    if (!shown) return undefined;
    const target = i18n.t(`sla.targets.${shown.target}`);
    const standing = shown.standing;
    return "dueAt" in standing
      ? i18n.t("sla.rowTitle", { target, when: i18n.dateTime(standing.dueAt) })
      : i18n.t("sla.rowTitlePaused", { target });
  });
  return (
    <>
      <Show when={props.announce}>
        <span class="sr-only" role="status" aria-atomic="true" data-testid="sla-announcement">
          {announcement()}
        </span>
      </Show>
      <Show when={current()} fallback={props.empty === false ? null : <span class="muted">{i18n.t("common.none")}</span>}>
        {(shown) => (
          <span
            class={`sla-chip sla-chip--${shown().standing.kind}`}
            title={title()}
            data-testid={props.testId ?? "sla-countdown"}
            data-sla={shown().standing.kind}
            data-target={shown().target}
          >
            {text()}
          </span>
        )}
      </Show>
    </>
  );
}
