import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { businessTime, CalendarSpecSchema, type CalendarSpec, type Interval, Weekdays } from "./calendar";

const H = 3_600_000;
const M = 60_000;
const officeHours = (timeZone: string, holidays: string[] = []): CalendarSpec => ({
  timeZone,
  week: { mon: [{ start: "09:00", end: "18:00" }], tue: [{ start: "09:00", end: "18:00" }], wed: [{ start: "09:00", end: "18:00" }], thu: [{ start: "09:00", end: "18:00" }], fri: [{ start: "09:00", end: "18:00" }] },
  holidays,
});
const allDay = (timeZone: string): CalendarSpec => ({
  timeZone,
  week: Object.fromEntries(Weekdays.map((d) => [d, [{ start: "00:00", end: "24:00" }]])),
  holidays: [],
});
const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const show = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

describe("business time", () => {
  it("carries a deadline over the weekend (Kyiv office hours)", () => {
    const kyiv = businessTime(officeHours("Europe/Kyiv"));
    // Friday 2026-11-20 17:00 + 2 working hours = Monday 10:00.
    expect(show(kyiv.add(local("2026-11-20T17:00", "Europe/Kyiv"), 2 * H), "Europe/Kyiv")).toBe("2026-11-23T10:00");
    // Saturday: nothing counts until Monday 09:00.
    expect(show(kyiv.add(local("2026-11-21T12:00", "Europe/Kyiv"), 30 * M), "Europe/Kyiv")).toBe("2026-11-23T09:30");
  });

  it("skips holidays (Budapest, 23 October)", () => {
    const budapest = businessTime(officeHours("Europe/Budapest", ["2026-10-23"]));
    // Thursday 22 October 17:00 + 2 h: one hour on Thursday, Friday is a holiday, one hour on Monday.
    expect(show(budapest.add(local("2026-10-22T17:00", "Europe/Budapest"), 2 * H), "Europe/Budapest")).toBe("2026-10-26T10:00");
    expect(budapest.between(local("2026-10-22T17:00", "Europe/Budapest"), local("2026-10-26T10:00", "Europe/Budapest"))).toBe(2 * H);
  });

  it("crosses midnight in a night shift", () => {
    const nights = businessTime({
      timeZone: "Asia/Almaty",
      week: Object.fromEntries(Weekdays.map((d) => [d, [{ start: "00:00", end: "06:00" }, { start: "22:00", end: "24:00" }]])),
      holidays: [],
    });
    expect(show(nights.add(local("2026-11-22T23:30", "Asia/Almaty"), H), "Asia/Almaty")).toBe("2026-11-23T00:30");
    expect(show(nights.add(local("2026-11-23T05:30", "Asia/Almaty"), H), "Asia/Almaty")).toBe("2026-11-23T22:30");
  });

  it("counts the real length of the days the clocks change", () => {
    // Spring forward: 2026-03-29 in Budapest (02:00 -> 03:00) and in Kyiv (03:00 -> 04:00); 2026-03-08 in New York.
    for (const [zone, day] of [["Europe/Budapest", "2026-03-29"], ["Europe/Kyiv", "2026-03-29"], ["America/New_York", "2026-03-08"]] as const) {
      const clock = businessTime(allDay(zone));
      const start = local(`${day}T00:00`, zone);
      const end = local(`${day}T00:00`, zone) + 0;
      expect(clock.between(start, DateTime.fromMillis(end, { zone }).plus({ days: 1 }).toMillis()), zone).toBe(23 * H);
      expect(show(clock.add(start, 5 * H), zone), zone).toBe(`${day}T06:00`);
    }
    // Fall back: 2026-10-25 in Kyiv (04:00 -> 03:00) has 25 hours.
    const kyiv = businessTime(allDay("Europe/Kyiv"));
    expect(kyiv.between(local("2026-10-25T00:00", "Europe/Kyiv"), local("2026-10-26T00:00", "Europe/Kyiv"))).toBe(25 * H);
  });

  it("keeps office hours in local time across a clock change (New York, 9:00-18:00)", () => {
    const ny = businessTime(officeHours("America/New_York"));
    // Friday 2026-03-06 17:00 EST + 2 h -> Monday 2026-03-09 10:00 EDT.
    const due = ny.add(local("2026-03-06T17:00", "America/New_York"), 2 * H);
    expect(show(due, "America/New_York")).toBe("2026-03-09T10:00");
    expect(DateTime.fromMillis(due, { zone: "America/New_York" }).offset).toBe(-4 * 60);
  });

  it("says whether time is counting at an instant", () => {
    const kyiv = businessTime(officeHours("Europe/Kyiv"));
    expect(kyiv.counting(local("2026-11-23T09:00", "Europe/Kyiv"))).toBe(true);
    expect(kyiv.counting(local("2026-11-23T18:00", "Europe/Kyiv"))).toBe(false);
    expect(kyiv.counting(local("2026-11-22T12:00", "Europe/Kyiv"))).toBe(false);
  });

  it("refuses calendars without working time, with overlapping intervals or an unknown zone", () => {
    const issues = (spec: unknown) => {
      const result = CalendarSpecSchema.safeParse(spec);
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(issues({ timeZone: "Europe/Kyiv", week: {} })).toEqual(["week: Give at least one working interval"]);
    expect(issues({ timeZone: "Mars/Olympus", week: { mon: [{ start: "09:00", end: "10:00" }] } })[0]).toMatch(/^timeZone/);
    expect(issues({ timeZone: "Europe/Kyiv", week: { mon: [{ start: "09:00", end: "12:00" }, { start: "11:00", end: "13:00" }] } })).toEqual(["week.mon: Intervals of a day must not overlap"]);
    expect(issues({ timeZone: "Europe/Kyiv", week: { mon: [{ start: "12:00", end: "09:00" }] } })).toEqual(["week.mon.0.end: The end must be after the start"]);
  });
});

describe("business time, as properties", () => {
  const zones = fc.constantFrom("Europe/Kyiv", "Europe/Budapest", "Asia/Almaty", "America/New_York");
  const interval = fc
    .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 16 }))
    .map(([a, len]) => [a * 30, Math.min(24 * 60, a * 30 + len * 30)] as const)
    .filter(([s, e]) => e > s);
  const hhmm = (m: number) => (m === 24 * 60 ? "24:00" : `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
  const day = fc.array(interval, { maxLength: 2 }).map((list) => {
    const sorted = [...list].sort((a, b) => a[0] - b[0]);
    const out: Interval[] = [];
    let last = -1;
    for (const [s, e] of sorted) {
      if (s < last) continue;
      out.push({ start: hhmm(s), end: hhmm(e) });
      last = e;
    }
    return out;
  });
  const calendar = fc
    .record({ timeZone: zones, week: fc.record(Object.fromEntries(Weekdays.map((d) => [d, day])) as Record<(typeof Weekdays)[number], typeof day>) })
    .filter((c) => Object.values(c.week).some((d) => d.length > 0))
    .map((c): CalendarSpec => ({ ...c, holidays: [] }));
  // Around the 2026 clock changes and ordinary weeks.
  const instant = fc.integer({ min: Date.UTC(2026, 2, 1), max: Date.UTC(2026, 11, 1) });
  const duration = fc.integer({ min: 0, max: 40 * H });

  it("ends a deadline inside working hours (or at the end of an interval)", () => {
    fc.assert(
      fc.property(calendar, instant, duration.filter((d) => d > 0), (spec, start, d) => {
        const clock = businessTime(spec);
        const due = clock.add(start, d);
        expect(clock.counting(due) || clock.counting(due - 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("counts back exactly what it added", () => {
    fc.assert(
      fc.property(calendar, instant, duration, (spec, start, d) => {
        const clock = businessTime(spec);
        expect(clock.between(start, clock.add(start, d))).toBe(d);
      }),
      { numRuns: 300 },
    );
  });

  it("never moves a deadline earlier when the clock is paused for a while and resumed", () => {
    fc.assert(
      fc.property(calendar, instant, duration, fc.integer({ min: 0, max: 40 * H }), fc.integer({ min: 0, max: 72 * H }), (spec, start, d, runFor, pauseFor) => {
        const clock = businessTime(spec);
        const due = clock.add(start, d);
        // Run for a while, pause, resume with what is left.
        const pausedAt = start + runFor;
        const used = Math.min(d, clock.between(start, pausedAt));
        const resumedDue = clock.add(pausedAt + pauseFor, d - used);
        expect(resumedDue).toBeGreaterThanOrEqual(due);
      }),
      { numRuns: 300 },
    );
  });
});
