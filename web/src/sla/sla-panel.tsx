import { createMemo, For, Show } from "solid-js";
import type { SlaEventInfo, SlaState } from "../api/types";
import { useI18n } from "../i18n";
import { useNow } from "../session/now";
import { standing as standingOf, TargetNames, type TargetStanding } from "./countdown";
import { standingText } from "./sla-countdown";

/**
 * The ticket's SLA: each target of its policy with how it stands (time left, paused with what is left, met,
 * overdue) and its due instant, counting down every second; then the warnings and breaches so far.
 */
export function SlaPanel(props: { sla: SlaState | undefined; events: SlaEventInfo[] }) {
  const i18n = useI18n();
  const now = useNow();
  // The targets are drawn once; only their words follow the clock.
  const targets = createMemo(() => TargetNames.filter((name) => props.sla?.targets[name]));
  const targetName = (target: string) => i18n.lookup(`sla.targets.${target}`) ?? target;
  const when = (standing: TargetStanding) => {
    switch (standing.kind) {
      case "running":
      case "warning":
        return i18n.t("sla.dueAt", { when: i18n.dateTime(standing.dueAt) });
      case "breached":
        return i18n.t("sla.wasDue", { when: i18n.dateTime(standing.dueAt) });
      case "paused":
        return i18n.t("sla.resumes");
      case "met":
        return i18n.t("sla.metAt", { when: i18n.dateTime(standing.metAt) });
    }
  };
  const actions = (event: SlaEventInfo) =>
    event.actions
      .map((action) => i18n.lookup(`sla.actions.${action}`) ?? action)
      .join(", ");

  return (
    <section class="card sla-panel" aria-labelledby="sla-panel-title" data-testid="sla-panel">
      <div class="sla-panel__head">
        <h2 class="card__title" id="sla-panel-title">
          {i18n.t("sla.title")}
        </h2>
        <Show when={props.sla}>{(sla) => <span class="muted small" data-testid="sla-policy">{i18n.t("sla.policy", { name: sla().policyName })}</span>}</Show>
      </div>
      <Show when={targets().length > 0}>
        <ul class="sla-targets">
          <For each={targets()}>
            {(target) => {
              const standing = createMemo(() => {
                const state = props.sla?.targets[target];
                return state ? standingOf(state, now()) : undefined;
              });
              return (
                <Show when={standing()}>
                  {(current) => (
                    <li class="sla-target" data-testid="sla-target" data-target={target} data-sla={current().kind}>
                      <div class="sla-target__line">
                        <span class="sla-target__name">{targetName(target)}</span>
                        <span class={`sla-chip sla-chip--${current().kind}`} data-testid="sla-target-status">
                          {standingText(current(), i18n, true)}
                        </span>
                      </div>
                      <span class="muted small">{when(current())}</span>
                    </li>
                  )}
                </Show>
              );
            }}
          </For>
        </ul>
      </Show>
      <h3 class="card__subtitle">{i18n.t("sla.events")}</h3>
      <Show when={props.events.length > 0} fallback={<p class="muted small" data-testid="sla-no-events">{i18n.t("sla.noEvents")}</p>}>
        <ol class="sla-events" data-testid="sla-events">
          <For each={props.events}>
            {(event) => (
              <li class={`sla-event sla-event--${event.kind}`} data-testid="sla-event" data-kind={event.kind} data-target={event.target}>
                <span class="strong">
                  {i18n.t("sla.eventTitle", { kind: i18n.t(`sla.eventKinds.${event.kind}`), target: targetName(event.target) })}
                </span>
                <span class="muted small">
                  <time datetime={event.at}>{i18n.dateTime(event.at)}</time>
                  {event.actions.length ? ` · ${actions(event)}` : ""}
                </span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
