import type { CalendarInfo, CalendarRequest, Weekday, WorkingInterval } from "../api/types";
import { currentZoneName } from "./time-zones";

/**
 * The business-calendar form: its state, the request it sends, and the checks it makes before sending (the same
 * rules as the core's CalendarSpecSchema, reported under the same field paths as the API's issues, so one display
 * serves both).
 */

export const Weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const satisfies readonly Weekday[];
export const MAX_INTERVALS = 6;

export interface CalendarForm {
  name: string;
  timeZone: string;
  week: Record<Weekday, WorkingInterval[]>;
  holidays: string[];
}

/** The zones most of our customers work in, first in the list. */
export const PREFERRED_ZONES = ["Europe/Kyiv", "Europe/Budapest", "Asia/Almaty"];

/**
 * The IANA time zones to offer, by their current names (the browser lists Asia/Calcutta and Europe/Kiev; we offer
 * Asia/Kolkata and Europe/Kyiv): the preferred ones first, then every zone the browser knows, and `current` if odd
 * (an old name stored before is offered, and shown, by its current name).
 */
export function timeZoneOptions(current?: string, supported: readonly string[] = supportedZones()): string[] {
  const rest = [...new Set([...supported, "UTC"].map(currentZoneName))].filter((zone) => !PREFERRED_ZONES.includes(zone)).sort();
  const zones = [...PREFERRED_ZONES, ...rest];
  const shown = current && currentZoneName(current);
  return shown && !zones.includes(shown) ? [shown, ...zones] : zones;
}

function supportedZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
}

export function emptyWeek(): Record<Weekday, WorkingInterval[]> {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

/** A new calendar: Monday to Friday, nine to six, in the first preferred zone. */
export function newCalendarForm(): CalendarForm {
  const week = emptyWeek();
  for (const day of ["mon", "tue", "wed", "thu", "fri"] as const) week[day] = [{ start: "09:00", end: "18:00" }];
  return { name: "", timeZone: PREFERRED_ZONES[0]!, week, holidays: [] };
}

export function calendarForm(calendar: CalendarInfo): CalendarForm {
  const week = emptyWeek();
  for (const day of Weekdays) week[day] = (calendar.week[day] ?? []).map((i) => ({ ...i }));
  return { name: calendar.name, timeZone: currentZoneName(calendar.timeZone), week, holidays: [...calendar.holidays] };
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export function timeOf(minutes: number): string {
  const clamped = Math.max(0, Math.min(24 * 60, minutes));
  return `${String(Math.floor(clamped / 60)).padStart(2, "0")}:${String(clamped % 60).padStart(2, "0")}`;
}

/** "9:00" or "900" typed in a field, as the API wants it ("09:00"); anything else is left for the check to report. */
export function normaliseTime(text: string): string {
  const trimmed = text.trim();
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(trimmed);
  return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : trimmed;
}

/** The hours a new interval of a day gets: nine to six on a day off, else the afternoon after the last interval. */
export function nextInterval(intervals: readonly WorkingInterval[]): WorkingInterval | undefined {
  if (intervals.length >= MAX_INTERVALS) return undefined;
  const last = [...intervals].filter((i) => TIME.test(i.end)).sort((a, b) => minutesOf(a.end) - minutesOf(b.end)).at(-1);
  if (!last) return { start: "09:00", end: "18:00" };
  const end = minutesOf(last.end);
  if (end >= 24 * 60) return undefined;
  const start = Math.min(end + 60, 23 * 60);
  return { start: timeOf(start), end: timeOf(Math.min(start + 4 * 60, 24 * 60)) };
}

/** Problems a calendar has, by the API's field path ("week.mon.0.end"), each a key of `slaAdmin.check`. */
export type CalendarCheck = "name" | "time" | "endAfterStart" | "overlap" | "noHours" | "holiday" | "holidayTwice";

export function checkCalendar(form: CalendarForm): Record<string, CalendarCheck> {
  const problems: Record<string, CalendarCheck> = {};
  if (!form.name.trim()) problems.name = "name";
  let any = false;
  for (const day of Weekdays) {
    const intervals = form.week[day];
    intervals.forEach((interval, i) => {
      if (!TIME.test(interval.start)) problems[`week.${day}.${i}.start`] = "time";
      if (!TIME.test(interval.end)) problems[`week.${day}.${i}.end`] = "time";
      else if (TIME.test(interval.start) && minutesOf(interval.end) <= minutesOf(interval.start)) problems[`week.${day}.${i}.end`] = "endAfterStart";
    });
    const valid = intervals.filter((i) => TIME.test(i.start) && TIME.test(i.end)).sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    for (let i = 1; i < valid.length; i++) {
      if (minutesOf(valid[i]!.start) < minutesOf(valid[i - 1]!.end)) problems[`week.${day}`] = "overlap";
    }
    any ||= intervals.length > 0;
  }
  if (!any) problems.week = "noHours";
  const seen = new Set<string>();
  form.holidays.forEach((date, i) => {
    if (!DATE.test(date)) problems[`holidays.${i}`] = "holiday";
    else if (seen.has(date)) problems[`holidays.${i}`] = "holidayTwice";
    seen.add(date);
  });
  return problems;
}

/** The body of POST/PUT /api/sla/calendars: days off left out, each day's intervals in order, holidays sorted. */
export function calendarRequest(form: CalendarForm): CalendarRequest {
  const week: Partial<Record<Weekday, WorkingInterval[]>> = {};
  for (const day of Weekdays) {
    const intervals = form.week[day].map((i) => ({ start: i.start.trim(), end: i.end.trim() }));
    if (intervals.length) week[day] = intervals.sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  }
  return { name: form.name.trim(), timeZone: form.timeZone, week, holidays: [...new Set(form.holidays)].sort() };
}

/** Where an API issue about a calendar shows in the form: an interval's field, a day, the week, a holiday, or a field. */
export function calendarFieldOf(path: string): string {
  const parts = path.split(".");
  if (parts[0] === "week" && parts.length >= 4) return parts.slice(0, 4).join(".");
  if (parts[0] === "week" && parts.length >= 2) return parts.slice(0, 2).join(".");
  if (parts[0] === "holidays" && parts.length >= 2) return parts.slice(0, 2).join(".");
  return parts[0] ?? "";
}

/**
 * The week in a line, days with the same hours grouped: "Mon–Fri 09:00–18:00 · Sat 10:00–14:00". `names` gives the
 * short weekday names in the reader's language.
 */
export function weekSummary(week: Partial<Record<Weekday, WorkingInterval[]>>, names: Record<Weekday, string>): string {
  const hours = (day: Weekday) =>
    [...(week[day] ?? [])]
      .sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
      .map((i) => `${i.start}–${i.end}`)
      .join(", ");
  const groups: { from: Weekday; to: Weekday; hours: string }[] = [];
  for (const day of Weekdays) {
    const text = hours(day);
    const last = groups.at(-1);
    if (last && last.hours === text && Weekdays.indexOf(last.to) === Weekdays.indexOf(day) - 1) last.to = day;
    else groups.push({ from: day, to: day, hours: text });
  }
  return groups
    .filter((g) => g.hours)
    .map((g) => `${g.from === g.to ? names[g.from] : `${names[g.from]}–${names[g.to]}`} ${g.hours}`)
    .join(" · ");
}
