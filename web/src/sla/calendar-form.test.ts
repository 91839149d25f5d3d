import { describe, expect, it } from "vitest";
import {
  calendarFieldOf,
  calendarForm,
  calendarRequest,
  checkCalendar,
  emptyWeek,
  newCalendarForm,
  nextInterval,
  normaliseTime,
  timeZoneOptions,
  weekSummary,
  type CalendarForm,
} from "./calendar-form";

const names = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" };

describe("the time zones offered", () => {
  it("puts Kyiv, Budapest and Almaty first, then every zone once, without Kyiv's old name", () => {
    const zones = timeZoneOptions(undefined, ["Europe/Kiev", "Asia/Almaty", "America/New_York", "Europe/Budapest", "Africa/Abidjan"]);
    expect(zones).toEqual(["Europe/Kyiv", "Europe/Budapest", "Asia/Almaty", "Africa/Abidjan", "America/New_York", "UTC"]);
  });

  it("offers each zone by its current IANA name, not the old one the browser lists", () => {
    // What Chromium and Node list today: CLDR's identifiers, which keep the old names.
    const listed = ["Asia/Calcutta", "Europe/Kiev", "Asia/Saigon", "Asia/Rangoon", "America/Buenos_Aires", "America/Godthab", "Europe/Stockholm", "UTC"];
    const zones = timeZoneOptions(undefined, listed);
    expect(zones).toEqual([
      "Europe/Kyiv",
      "Europe/Budapest",
      "Asia/Almaty",
      "America/Argentina/Buenos_Aires",
      "America/Nuuk",
      "Asia/Ho_Chi_Minh",
      "Asia/Kolkata",
      "Asia/Yangon",
      // Merged into Berlin by IANA across a border, but a zone of its own to the people who live in it (and to CLDR).
      "Europe/Stockholm",
      "UTC",
    ]);
    for (const old of ["Asia/Calcutta", "Europe/Kiev", "Asia/Saigon", "America/Godthab"]) expect(timeZoneOptions().includes(old), old).toBe(false);
    expect(timeZoneOptions()).toEqual(expect.arrayContaining(["Asia/Kolkata", "Europe/Kyiv", "Asia/Ho_Chi_Minh", "Pacific/Kanton"]));
  });

  it("shows a zone stored under its old name by its current one", () => {
    expect(timeZoneOptions("Asia/Calcutta", ["Asia/Calcutta", "UTC"])).toEqual(["Europe/Kyiv", "Europe/Budapest", "Asia/Almaty", "Asia/Kolkata", "UTC"]);
    expect(timeZoneOptions("Europe/Kiev", ["UTC"])).toEqual(["Europe/Kyiv", "Europe/Budapest", "Asia/Almaty", "UTC"]);
    expect(timeZoneOptions("Europe/Zaporozhye", ["UTC"])[0]).toBe("Europe/Kyiv");
    const calendar = { calendarId: "c1", name: "Kyiv", timeZone: "Europe/Kiev", week: { mon: [{ start: "09:00", end: "18:00" }] }, holidays: [] };
    expect(calendarForm(calendar).timeZone).toBe("Europe/Kyiv");
  });

  it("keeps a calendar's own zone even when the browser does not list it", () => {
    expect(timeZoneOptions("Etc/GMT-3", ["UTC"])[0]).toBe("Etc/GMT-3");
    expect(timeZoneOptions("UTC", ["UTC"])).toEqual(["Europe/Kyiv", "Europe/Budapest", "Asia/Almaty", "UTC"]);
  });

  it("reads the zones this browser knows", () => {
    const zones = timeZoneOptions();
    expect(zones.slice(0, 3)).toEqual(["Europe/Kyiv", "Europe/Budapest", "Asia/Almaty"]);
    expect(zones).toContain("America/New_York");
    expect(new Set(zones).size).toBe(zones.length);
  });
});

describe("the intervals of a day", () => {
  it("start as nine to six on a day off, then follow the last interval, up to six and never past midnight", () => {
    expect(nextInterval([])).toEqual({ start: "09:00", end: "18:00" });
    expect(nextInterval([{ start: "09:00", end: "13:00" }])).toEqual({ start: "14:00", end: "18:00" });
    expect(nextInterval([{ start: "18:00", end: "22:00" }])).toEqual({ start: "23:00", end: "24:00" });
    expect(nextInterval([{ start: "00:00", end: "24:00" }])).toBeUndefined();
    expect(nextInterval(Array.from({ length: 6 }, () => ({ start: "01:00", end: "02:00" })))).toBeUndefined();
  });

  it("accept times typed loosely", () => {
    expect(normaliseTime("9:00")).toBe("09:00");
    expect(normaliseTime(" 0930 ")).toBe("09:30");
    expect(normaliseTime("18.15")).toBe("18:15");
    expect(normaliseTime("noon")).toBe("noon");
  });
});

describe("checking a calendar before it is sent", () => {
  const form = (patch: Partial<CalendarForm> = {}): CalendarForm => ({ ...newCalendarForm(), name: "Kyiv office", ...patch });

  it("passes a plain working week", () => {
    expect(checkCalendar(form())).toEqual({});
  });

  it("reports each problem under the field the API would name", () => {
    const week = emptyWeek();
    week.mon = [
      { start: "9", end: "18:00" },
      { start: "10:00", end: "09:00" },
    ];
    week.tue = [
      { start: "09:00", end: "13:00" },
      { start: "12:00", end: "18:00" },
    ];
    expect(checkCalendar(form({ name: " ", week, holidays: ["2026-12-25", "2026-12-25", "soon"] }))).toEqual({
      name: "name",
      "week.mon.0.start": "time",
      "week.mon.1.end": "endAfterStart",
      "week.tue": "overlap",
      "holidays.1": "holidayTwice",
      "holidays.2": "holiday",
    });
    expect(checkCalendar(form({ week: emptyWeek() }))).toEqual({ week: "noHours" });
    // Midnight closes a day; touching intervals do not overlap.
    const late = emptyWeek();
    late.fri = [
      { start: "09:00", end: "13:00" },
      { start: "13:00", end: "24:00" },
    ];
    expect(checkCalendar(form({ week: late }))).toEqual({});
  });

  it("maps the API's issue paths to those fields", () => {
    expect(calendarFieldOf("week.mon.0.end")).toBe("week.mon.0.end");
    expect(calendarFieldOf("week.mon")).toBe("week.mon");
    expect(calendarFieldOf("holidays.3")).toBe("holidays.3");
    expect(calendarFieldOf("timeZone")).toBe("timeZone");
  });
});

describe("the request a calendar sends", () => {
  it("leaves days off out, orders each day's intervals, and sorts the holidays once each", () => {
    const week = emptyWeek();
    week.mon = [
      { start: "14:00", end: "18:00" },
      { start: " 09:00", end: "13:00 " },
    ];
    week.sat = [{ start: "10:00", end: "14:00" }];
    expect(calendarRequest({ name: " Kyiv office ", timeZone: "Europe/Kyiv", week, holidays: ["2027-01-01", "2026-12-25", "2027-01-01"] })).toEqual({
      name: "Kyiv office",
      timeZone: "Europe/Kyiv",
      week: {
        mon: [
          { start: "09:00", end: "13:00" },
          { start: "14:00", end: "18:00" },
        ],
        sat: [{ start: "10:00", end: "14:00" }],
      },
      holidays: ["2026-12-25", "2027-01-01"],
    });
  });

  it("round-trips a calendar from the API", () => {
    const calendar = { calendarId: "c1", name: "Almaty", timeZone: "Asia/Almaty", week: { mon: [{ start: "00:00", end: "24:00" }] }, holidays: ["2026-03-08"] };
    expect(calendarRequest(calendarForm(calendar))).toEqual({ name: "Almaty", timeZone: "Asia/Almaty", week: calendar.week, holidays: ["2026-03-08"] });
  });
});

describe("the week in a line", () => {
  it("groups consecutive days with the same hours", () => {
    const week = {
      mon: [{ start: "09:00", end: "18:00" }],
      tue: [{ start: "09:00", end: "18:00" }],
      wed: [{ start: "09:00", end: "18:00" }],
      thu: [{ start: "09:00", end: "18:00" }],
      fri: [
        { start: "14:00", end: "17:00" },
        { start: "09:00", end: "13:00" },
      ],
      sun: [{ start: "10:00", end: "14:00" }],
    };
    expect(weekSummary(week, names)).toBe("Mon–Thu 09:00–18:00 · Fri 09:00–13:00, 14:00–17:00 · Sun 10:00–14:00");
    expect(weekSummary({}, names)).toBe("");
  });
});
