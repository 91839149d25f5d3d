import { createMemo, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { A, useNavigate, useParams } from "@solidjs/router";
import { Frontline } from "../../../api/client";
import type { CalendarInfo } from "../../../api/types";
import { LoadError, Loading, Notice } from "../../../components/notice";
import { PageHeader } from "../../../components/page-header";
import { SelectField } from "../../../components/select-field";
import { TextField } from "../../../components/text-field";
import { focusFirstInvalid, formErrors } from "../../../forms/errors";
import { useI18n } from "../../../i18n";
import { formatDay } from "../../../i18n/format";
import { useMe } from "../../../session/me";
import {
  calendarFieldOf,
  calendarForm,
  calendarRequest,
  checkCalendar,
  newCalendarForm,
  timeZoneOptions,
  Weekdays,
  type CalendarForm,
} from "../../../sla/calendar-form";
import { WeekEditor } from "../../../sla/week-editor";
import { configures } from "../../../tickets/lifecycle";

/** /admin/sla/calendars/:id (or /new): one business calendar's form. */
export function CalendarPage() {
  const i18n = useI18n();
  const params = useParams();
  const { me } = useMe();
  const isNew = () => params.id === "new";
  const [data, { refetch }] = createResource(
    () => params.id,
    async (id) => (id === "new" ? { calendar: undefined } : { calendar: (await Frontline.calendars()).calendars.find((c) => c.calendarId === id) }),
  );
  return (
    <>
      <A href="/admin/sla/calendars" class="back-link">
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path fill="currentColor" d="M12.7 5.3a1 1 0 0 1 0 1.4L9.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4l-4-4a1 1 0 0 1 0-1.4l4-4a1 1 0 0 1 1.4 0Z" />
        </svg>
        {i18n.t("slaAdmin.calendar.back")}
      </A>
      <Show when={!configures(me().staff.role)}>
        <Notice kind="info" testId="sla-admins-only">
          {i18n.t("slaAdmin.onlyAdmins")}
        </Notice>
      </Show>
      <Switch fallback={<Loading />}>
        <Match when={data.error}>
          <LoadError error={data.error} onRetry={refetch} />
        </Match>
        <Match when={data.latest && !isNew() && !data.latest.calendar}>
          <Notice kind="error" testId="calendar-not-found">
            {i18n.t("slaAdmin.calendar.notFound")}
          </Notice>
        </Match>
        <Match when={data.latest}>
          {(loaded) => (
            <Show when={params.id} keyed>
              <CalendarEditor calendar={loaded().calendar} />
            </Show>
          )}
        </Match>
      </Switch>
    </>
  );
}

function CalendarEditor(props: { calendar: CalendarInfo | undefined }) {
  const i18n = useI18n();
  const navigate = useNavigate();
  const { me } = useMe();
  const manages = () => configures(me().staff.role);
  const [form, setForm] = createStore<CalendarForm>(props.calendar ? calendarForm(props.calendar) : newCalendarForm());
  const [errors, setErrors] = createSignal<{ fields: Record<string, string>; form?: string }>({ fields: {} });
  const [saving, setSaving] = createSignal(false);
  const [holiday, setHoliday] = createSignal("");
  const [holidayError, setHolidayError] = createSignal<string>();
  const zones = createMemo(() => timeZoneOptions(props.calendar?.timeZone));
  let formElement: HTMLFormElement | undefined;

  /** Every place an issue may show, for spreading the API's issues over the form. */
  const fieldKeys = () => [
    "name",
    "timeZone",
    "week",
    "holidays",
    ...Weekdays.flatMap((day) => [`week.${day}`, ...form.week[day].flatMap((_, i) => [`week.${day}.${i}.start`, `week.${day}.${i}.end`])]),
    ...form.holidays.map((_, i) => `holidays.${i}`),
  ];

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving() || !manages()) return;
    const problems = checkCalendar(form);
    if (Object.keys(problems).length) {
      setErrors({ fields: Object.fromEntries(Object.entries(problems).map(([path, code]) => [path, i18n.t(`slaAdmin.check.${code}`)])) });
      focusFirstInvalid(formElement);
      return;
    }
    setSaving(true);
    setErrors({ fields: {} });
    try {
      const body = calendarRequest(form);
      if (props.calendar) await Frontline.updateCalendar(props.calendar.calendarId, body);
      else await Frontline.createCalendar(body);
      navigate("/admin/sla/calendars");
    } catch (failure) {
      setErrors(formErrors(failure, i18n, "calendar", fieldKeys(), calendarFieldOf));
      setSaving(false);
      focusFirstInvalid(formElement);
    }
  };

  const addHoliday = () => {
    const date = holiday();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setHolidayError(i18n.t("slaAdmin.check.holiday"));
    if (form.holidays.includes(date)) return setHolidayError(i18n.t("slaAdmin.check.holidayTwice"));
    setForm("holidays", [...form.holidays, date].sort());
    setHoliday("");
    setHolidayError(undefined);
  };

  const holidayLabel = (date: string) => formatDay(date, i18n.locale(), "medium");

  return (
    <form ref={formElement} class="sla-form" onSubmit={submit} novalidate aria-busy={saving()} data-testid="calendar-form">
      <PageHeader title={props.calendar ? i18n.t("slaAdmin.calendar.editTitle", { name: props.calendar.name }) : i18n.t("slaAdmin.calendar.newTitle")} />
      <Show when={errors().form}>
        <Notice kind="error" testId="calendar-error">
          {errors().form}
        </Notice>
      </Show>
      <fieldset class="sla-form__fieldset" disabled={!manages()}>
        <section class="card" aria-labelledby="calendar-basics">
          <h2 class="card__title" id="calendar-basics">
            {i18n.t("slaAdmin.calendar.basics")}
          </h2>
          <div class="form-grid form-grid--2 form-grid--fields">
            <TextField
              id="name"
              label={i18n.t("slaAdmin.calendar.name")}
              value={form.name}
              onValue={(v) => setForm("name", v)}
              placeholder={i18n.t("slaAdmin.calendar.namePlaceholder")}
              error={errors().fields.name}
              maxLength={80}
            />
            <SelectField
              id="timeZone"
              label={i18n.t("slaAdmin.calendar.timeZone")}
              value={form.timeZone}
              options={zones().map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
              onValue={(v) => setForm("timeZone", v)}
              error={errors().fields.timeZone}
            />
          </div>
        </section>
        <div class="sla-form__grid sla-form__grid--calendar">
          <section class="card" aria-labelledby="calendar-week">
            <h2 class="card__title" id="calendar-week">
              {i18n.t("slaAdmin.calendar.week")}
            </h2>
            <p class="field__hint">{i18n.t("slaAdmin.calendar.weekHint")}</p>
            <WeekEditor week={form.week} onChange={(day, intervals) => setForm("week", day, intervals)} errors={errors().fields} disabled={!manages()} />
            <Show when={manages() && form.week.mon.length > 0}>
              <button
                type="button"
                class="button button--ghost button--small week__copy"
                onClick={() => {
                  for (const day of ["tue", "wed", "thu", "fri"] as const) setForm("week", day, form.week.mon.map((i) => ({ ...i })));
                }}
                data-testid="copy-monday"
              >
                {i18n.t("slaAdmin.calendar.copyMonday")}
              </button>
            </Show>
          </section>
          <section class="card" aria-labelledby="calendar-holidays">
            <h2 class="card__title" id="calendar-holidays">
              {i18n.t("slaAdmin.calendar.holidays")}
            </h2>
            <p class="field__hint">{i18n.t("slaAdmin.calendar.holidaysHint")}</p>
            <Show when={manages()}>
              <div class="inline-form holiday-form">
                <div class="inline-form__field" classList={{ "field--invalid": Boolean(holidayError()) }}>
                  <label class="sr-only" for="holiday-date">
                    {i18n.t("slaAdmin.calendar.holidayDate")}
                  </label>
                  <input
                    id="holiday-date"
                    type="date"
                    class="input"
                    value={holiday()}
                    onInput={(event) => setHoliday(event.currentTarget.value)}
                    onKeyDown={(event) => {
                      if (event.key === "Enter") {
                        event.preventDefault();
                        addHoliday();
                      }
                    }}
                    aria-invalid={holidayError() ? "true" : undefined}
                    aria-describedby={holidayError() ? "holiday-error" : undefined}
                  />
                  <Show when={holidayError()}>
                    <p class="field__error" id="holiday-error">
                      {holidayError()}
                    </p>
                  </Show>
                </div>
                <button type="button" class="button button--secondary" onClick={addHoliday} data-testid="add-holiday">
                  {i18n.t("slaAdmin.calendar.addHoliday")}
                </button>
              </div>
            </Show>
            <Show when={form.holidays.length > 0} fallback={<p class="muted small">{i18n.t("slaAdmin.calendar.noHolidays")}</p>}>
              <ul class="holidays" data-testid="holidays">
                <For each={form.holidays}>
                  {(date, index) => (
                    <li class="tag" classList={{ "tag--invalid": Boolean(errors().fields[`holidays.${index()}`]) }} title={errors().fields[`holidays.${index()}`]}>
                      <time datetime={date}>{holidayLabel(date)}</time>
                      <Show when={manages()}>
                        <button
                          type="button"
                          class="tag__remove"
                          aria-label={i18n.t("slaAdmin.calendar.removeHoliday", { date: holidayLabel(date) })}
                          onClick={() => setForm("holidays", form.holidays.filter((d) => d !== date))}
                        >
                          ×
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        </div>
      </fieldset>
      <Show when={manages()}>
        <div class="form-actions form-actions--page">
          <A href="/admin/sla/calendars" class="button button--ghost">
            {i18n.t("common.cancel")}
          </A>
          <button type="submit" class="button button--primary" disabled={saving()} data-testid="save-calendar">
            {saving() ? i18n.t("slaAdmin.calendar.saving") : props.calendar ? i18n.t("slaAdmin.calendar.save") : i18n.t("slaAdmin.calendar.create")}
          </button>
        </div>
      </Show>
    </form>
  );
}
