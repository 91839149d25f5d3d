import { DateTime } from "luxon";
import * as z from "zod";
import { isTimeZone } from "../locale";

/**
 * Business-hours arithmetic: how far a clock that counts only working time gets from an instant, and how much working
 * time lies between two instants, in a calendar's time zone with its weekly hours and holidays. Time-zone rules
 * (daylight saving included) come from Luxon over the platform's IANA database; nothing here hand-rolls offsets.
 *
 * Instants are epoch milliseconds. Working intervals are local wall-clock times; on a day whose clocks change, an
 * interval is as long as it really is (09:00-18:00 on the spring-forward day is still 9 hours unless the change falls
 * inside it, then 8).
 */

export const Weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof Weekdays)[number];

export interface Interval {
  /** "HH:mm", 24-hour local time. */
  start: string;
  /** "HH:mm"; "24:00" is the end of the day. */
  end: string;
}

export interface CalendarSpec {
  timeZone: string;
  week: Partial<Record<Weekday, Interval[]>>;
  /** Local dates (yyyy-mm-dd) without working hours. */
  holidays: string[];
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const IntervalSchema = z
  .object({
    start: z.string().regex(TIME, "Use HH:mm, e.g. 09:00"),
    end: z.string().regex(TIME, "Use HH:mm, e.g. 18:00 (24:00 for midnight)"),
  })
  .refine((i) => minutesOf(i.end) > minutesOf(i.start), { path: ["end"], message: "The end must be after the start" });

export { isTimeZone };

export const CalendarSpecSchema = z
  .object({
    timeZone: z.string().trim().refine(isTimeZone, "Use an IANA time zone such as Europe/Kyiv"),
    week: z
      .object(Object.fromEntries(Weekdays.map((d) => [d, z.array(IntervalSchema).max(6, "At most 6 intervals a day").optional()])) as Record<Weekday, z.ZodOptional<z.ZodArray<typeof IntervalSchema>>>)
      .strict(),
    holidays: z.array(z.iso.date({ error: "Use yyyy-mm-dd" })).max(400, "At most 400 holidays").default([]),
  })
  .superRefine((spec, ctx) => {
    let any = false;
    for (const day of Weekdays) {
      const intervals = [...(spec.week[day] ?? [])].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
      any ||= intervals.length > 0;
      for (let i = 1; i < intervals.length; i++) {
        if (minutesOf(intervals[i]!.start) < minutesOf(intervals[i - 1]!.end)) {
          ctx.addIssue({ code: "custom", path: ["week", day], message: "Intervals of a day must not overlap" });
        }
      }
    }
    if (!any) ctx.addIssue({ code: "custom", path: ["week"], message: "Give at least one working interval" });
  });

/** How a policy's clock counts: every minute, or only the calendar's working minutes. */
export interface Counter {
  /** The instant at which `durationMs` of counted time has passed since `startMs`. */
  add(startMs: number, durationMs: number): number;
  /** Counted time between two instants (0 if `b` is not after `a`). */
  between(aMs: number, bMs: number): number;
  /** Is counted time passing at this instant? */
  counting(atMs: number): boolean;
}

export const CALENDAR_TIME: Counter = {
  add: (start, duration) => start + Math.max(0, duration),
  between: (a, b) => Math.max(0, b - a),
  counting: () => true,
};

/** The search for working time gives up after this many days (a calendar is validated to have some). */
const MAX_DAYS = 3 * 366;

export function businessTime(spec: CalendarSpec): Counter {
  const holidays = new Set(spec.holidays);
  const week = Object.fromEntries(
    Weekdays.map((day) => [day, [...(spec.week[day] ?? [])].sort((a, b) => minutesOf(a.start) - minutesOf(b.start))]),
  ) as Record<Weekday, Interval[]>;

  const at = (date: DateTime, hhmm: string): number => {
    const minutes = minutesOf(hhmm);
    if (minutes === 24 * 60) return date.plus({ days: 1 }).startOf("day").toMillis();
    return date.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toMillis();
  };

  /** The working intervals of the local day `date`, as instants. */
  const intervalsOf = (date: DateTime): [number, number][] => {
    if (holidays.has(date.toISODate()!)) return [];
    const day = Weekdays[date.weekday - 1]!;
    return week[day]
      .map((i) => [at(date, i.start), at(date, i.end)] as [number, number])
      .filter(([s, e]) => e > s);
  };

  /** Working intervals from the local day containing `fromMs` on, in order. */
  function* intervalsFrom(fromMs: number): Generator<[number, number]> {
    let date = DateTime.fromMillis(fromMs, { zone: spec.timeZone }).startOf("day");
    for (let i = 0; i < MAX_DAYS; i++) {
      yield* intervalsOf(date);
      date = date.plus({ days: 1 });
    }
    throw new Error(`No working time within ${MAX_DAYS} days in this calendar`);
  }

  return {
    add(startMs, durationMs) {
      let remaining = Math.max(0, durationMs);
      for (const [s, e] of intervalsFrom(startMs)) {
        if (e <= startMs) continue;
        const from = Math.max(s, startMs);
        if (remaining === 0) return from;
        if (from + remaining <= e) return from + remaining;
        remaining -= e - from;
      }
      throw new Error("unreachable");
    },
    between(aMs, bMs) {
      if (bMs <= aMs) return 0;
      let total = 0;
      for (const [s, e] of intervalsFrom(aMs)) {
        if (s >= bMs) break;
        total += Math.max(0, Math.min(e, bMs) - Math.max(s, aMs));
      }
      return total;
    },
    counting(atMs) {
      const date = DateTime.fromMillis(atMs, { zone: spec.timeZone }).startOf("day");
      return intervalsOf(date).some(([s, e]) => atMs >= s && atMs < e);
    },
  };
}
