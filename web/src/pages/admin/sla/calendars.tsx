import { createResource, createSignal, For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { Frontline } from "../../../api/client";
import type { CalendarInfo } from "../../../api/types";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { Loaded, Notice } from "../../../components/notice";
import { PageHeader } from "../../../components/page-header";
import { TableScroll } from "../../../components/table-scroll";
import { errorMessage } from "../../../forms/errors";
import { useI18n } from "../../../i18n";
import { useMe } from "../../../session/me";
import { weekSummary } from "../../../sla/calendar-form";
import { currentZoneName } from "../../../sla/time-zones";
import { configures } from "../../../tickets/lifecycle";

/** /admin/sla/calendars: the business calendars (time zone, working hours, holidays) business-hours policies count by. */
export function CalendarsPage() {
  const i18n = useI18n();
  const { me } = useMe();
  const manages = () => configures(me().staff.role);
  const [calendars, { refetch, mutate }] = createResource(async () => (await Frontline.calendars()).calendars);
  const [deleting, setDeleting] = createSignal<CalendarInfo>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const shortDays = () => ({
    mon: i18n.t("slaAdmin.weekdaysShort.mon"),
    tue: i18n.t("slaAdmin.weekdaysShort.tue"),
    wed: i18n.t("slaAdmin.weekdaysShort.wed"),
    thu: i18n.t("slaAdmin.weekdaysShort.thu"),
    fri: i18n.t("slaAdmin.weekdaysShort.fri"),
    sat: i18n.t("slaAdmin.weekdaysShort.sat"),
    sun: i18n.t("slaAdmin.weekdaysShort.sun"),
  });

  const remove = async (calendar: CalendarInfo) => {
    setBusy(true);
    setError(undefined);
    try {
      await Frontline.deleteCalendar(calendar.calendarId);
      mutate((current) => (current ?? []).filter((c) => c.calendarId !== calendar.calendarId));
    } catch (failure) {
      // A calendar in use is refused with the names of the policies that use it.
      setError(errorMessage(failure, i18n));
    } finally {
      setBusy(false);
      setDeleting(undefined);
    }
  };

  return (
    <>
      <PageHeader
        title={i18n.t("slaAdmin.calendars.title")}
        subtitle={i18n.t("slaAdmin.calendars.subtitle")}
        actions={
          <Show when={manages()}>
            <A href="/admin/sla/calendars/new" class="button button--primary" data-testid="new-calendar">
              {i18n.t("slaAdmin.calendars.new")}
            </A>
          </Show>
        }
      />
      <Show when={!manages()}>
        <Notice kind="info" testId="sla-admins-only">
          {i18n.t("slaAdmin.onlyAdmins")}
        </Notice>
      </Show>
      <section class="card card--flush" aria-label={i18n.t("slaAdmin.calendars.title")} aria-busy={busy()}>
        <Show when={error()}>
          <div class="card__body card__body--top">
            <Notice kind="error" testId="calendars-error">
              {error()}
            </Notice>
          </div>
        </Show>
        <Loaded data={calendars} onRetry={refetch} frame={(content) => <div class="card__body card__body--top">{content}</div>}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="empty empty--center" data-testid="calendars-empty">{i18n.t("slaAdmin.calendars.empty")}</p>}>
              <TableScroll label={i18n.t("slaAdmin.calendars.title")}>
                <table class="table" data-testid="calendars-table">
                  <thead>
                    <tr>
                      <th scope="col">{i18n.t("slaAdmin.calendars.columns.name")}</th>
                      <th scope="col">{i18n.t("slaAdmin.calendars.columns.timeZone")}</th>
                      <th scope="col">{i18n.t("slaAdmin.calendars.columns.hours")}</th>
                      <th scope="col">{i18n.t("slaAdmin.calendars.columns.holidays")}</th>
                      <Show when={manages()}>
                        <th scope="col" class="table__actions">
                          <span class="sr-only">{i18n.t("slaAdmin.calendars.columns.actions")}</span>
                        </th>
                      </Show>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list()}>
                      {(calendar) => (
                        <tr data-testid="calendar-row" data-calendar={calendar.name}>
                          <td>
                            <Show when={manages()} fallback={<span class="strong">{calendar.name}</span>}>
                              <A href={`/admin/sla/calendars/${calendar.calendarId}`} class="strong">
                                {calendar.name}
                              </A>
                            </Show>
                          </td>
                          <td class="table__nowrap">{currentZoneName(calendar.timeZone)}</td>
                          <td>{weekSummary(calendar.week, shortDays()) || <span class="muted">{i18n.t("slaAdmin.calendars.noHours")}</span>}</td>
                          <td class="table__nowrap" title={calendar.holidays.map((d) => i18n.date(d)).join(", ")}>
                            {i18n.t("slaAdmin.calendars.holidayCount", { count: calendar.holidays.length })}
                          </td>
                          <Show when={manages()}>
                            <td class="table__actions">
                              <div class="row-actions" role="group" aria-label={calendar.name}>
                                <A href={`/admin/sla/calendars/${calendar.calendarId}`} class="button button--ghost button--small">
                                  {i18n.t("slaAdmin.calendars.edit")}
                                </A>
                                <button type="button" class="button button--ghost button--small button--danger-text" onClick={() => setDeleting(calendar)} disabled={busy()}>
                                  {i18n.t("slaAdmin.calendars.delete")}
                                </button>
                              </div>
                            </td>
                          </Show>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableScroll>
            </Show>
          )}
        </Loaded>
      </section>
      <Show when={deleting()}>
        {(calendar) => (
          <ConfirmDialog
            title={i18n.t("slaAdmin.calendars.deleteTitle", { name: calendar().name })}
            description={i18n.t("slaAdmin.calendars.deleteText")}
            confirm={i18n.t("slaAdmin.calendars.delete")}
            danger
            busy={busy()}
            onConfirm={() => void remove(calendar())}
            onClose={() => setDeleting(undefined)}
          />
        )}
      </Show>
    </>
  );
}
