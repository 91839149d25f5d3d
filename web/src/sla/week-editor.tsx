import { For, Index, Show } from "solid-js";
import type { Weekday, WorkingInterval } from "../api/types";
import { useI18n } from "../i18n";
import { nextInterval, normaliseTime, Weekdays } from "./calendar-form";

/**
 * The working hours of a week: per weekday, any number of intervals (up to six) to add and remove; a day without
 * intervals is a day off. Problems show under the interval or the day they concern, by the API's paths
 * ("week.mon.0.end", "week.mon").
 */
export function WeekEditor(props: {
  week: Record<Weekday, WorkingInterval[]>;
  onChange: (day: Weekday, intervals: WorkingInterval[]) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}) {
  const i18n = useI18n();
  const dayName = (day: Weekday) => i18n.t(`slaAdmin.weekdays.${day}`);
  const set = (day: Weekday, index: number, patch: Partial<WorkingInterval>) =>
    props.onChange(
      day,
      props.week[day].map((interval, i) => (i === index ? { ...interval, ...patch } : interval)),
    );

  return (
    <div class="week" data-testid="week-editor">
      <Show when={props.errors.week}>
        <p class="field__error" data-testid="week-error">
          {props.errors.week}
        </p>
      </Show>
      <For each={Weekdays}>
        {(day) => {
          const next = () => nextInterval(props.week[day]);
          return (
            <div class="week__day" classList={{ "week__day--off": props.week[day].length === 0 }} data-testid={`day-${day}`}>
              <span class="week__name" id={`day-${day}-name`}>
                {dayName(day)}
              </span>
              <div class="week__intervals">
                <Show when={props.week[day].length === 0}>
                  <span class="muted small week__off">{i18n.t("slaAdmin.calendar.dayOff")}</span>
                </Show>
                <Index each={props.week[day]}>
                  {(interval, index) => {
                    const path = `week.${day}.${index}`;
                    const label = () => i18n.t("slaAdmin.calendar.intervalLabel", { day: dayName(day), number: index + 1 });
                    return (
                      <div class="interval" role="group" aria-label={label()} data-testid="interval">
                        <input
                          class="input input--time"
                          classList={{ "input--invalid": Boolean(props.errors[`${path}.start`]) }}
                          value={interval().start}
                          placeholder="09:00"
                          maxLength={5}
                          disabled={props.disabled}
                          aria-label={`${label()}: ${i18n.t("slaAdmin.calendar.from")}`}
                          aria-invalid={props.errors[`${path}.start`] ? "true" : undefined}
                          onInput={(event) => set(day, index, { start: event.currentTarget.value })}
                          onBlur={(event) => set(day, index, { start: normaliseTime(event.currentTarget.value) })}
                          data-testid="interval-start"
                        />
                        <span class="interval__dash" aria-hidden="true">
                          –
                        </span>
                        <input
                          class="input input--time"
                          classList={{ "input--invalid": Boolean(props.errors[`${path}.end`]) }}
                          value={interval().end}
                          placeholder="18:00"
                          maxLength={5}
                          disabled={props.disabled}
                          aria-label={`${label()}: ${i18n.t("slaAdmin.calendar.to")}`}
                          aria-invalid={props.errors[`${path}.end`] ? "true" : undefined}
                          onInput={(event) => set(day, index, { end: event.currentTarget.value })}
                          onBlur={(event) => set(day, index, { end: normaliseTime(event.currentTarget.value) })}
                          data-testid="interval-end"
                        />
                        <Show when={!props.disabled}>
                          <button
                            type="button"
                            class="icon-button"
                            aria-label={i18n.t("slaAdmin.calendar.removeInterval", { day: dayName(day), start: interval().start, end: interval().end })}
                            onClick={() => props.onChange(day, props.week[day].filter((_, i) => i !== index))}
                            data-testid="interval-remove"
                          >
                            <svg viewBox="0 0 20 20" aria-hidden="true">
                              <path fill="currentColor" d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4Z" />
                            </svg>
                          </button>
                        </Show>
                        <Show when={props.errors[`${path}.start`] || props.errors[`${path}.end`]}>
                          <p class="field__error interval__error">{props.errors[`${path}.start`] ?? props.errors[`${path}.end`]}</p>
                        </Show>
                      </div>
                    );
                  }}
                </Index>
                <Show when={!props.disabled && next()}>
                  {(interval) => (
                    <button
                      type="button"
                      class="button button--ghost button--small"
                      aria-label={i18n.t("slaAdmin.calendar.addIntervalLabel", { day: dayName(day) })}
                      onClick={() => props.onChange(day, [...props.week[day], interval()])}
                      data-testid="interval-add"
                    >
                      <span aria-hidden="true">+ </span>
                      {i18n.t("slaAdmin.calendar.addInterval")}
                    </button>
                  )}
                </Show>
              </div>
              <Show when={props.errors[`week.${day}`]}>
                <p class="field__error week__error">{props.errors[`week.${day}`]}</p>
              </Show>
            </div>
          );
        }}
      </For>
    </div>
  );
}
