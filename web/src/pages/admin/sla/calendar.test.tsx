import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CalendarInfo } from "../../../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../../../test/console-harness";
import { router } from "../../../../test/router-stub";
import { CalendarPage } from "./calendar";

vi.mock("@solidjs/router", async () => (await import("../../../../test/router-stub")).routerModule);

const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner" });
const artem = staff({ staffId: "s-artem", name: "Artem Agent", role: "agent" });
const directory = {
  "GET /api/staff": () => ({ staff: [olga, artem] }),
  "GET /api/departments": () => ({ departments: [] }),
  "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
};
const kyiv: CalendarInfo = {
  calendarId: "cal-1",
  name: "Kyiv office",
  timeZone: "Europe/Kyiv",
  week: { mon: [{ start: "09:00", end: "18:00" }], tue: [{ start: "09:00", end: "18:00" }] },
  holidays: ["2026-12-25"],
};

const day = (name: string) => screen.getByTestId(`day-${name}`);
const intervals = (name: string) =>
  within(day(name))
    .queryAllByTestId("interval")
    .map((i) => [(i.querySelector('[data-testid="interval-start"]') as HTMLInputElement).value, (i.querySelector('[data-testid="interval-end"]') as HTMLInputElement).value]);

describe("the business calendar form", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("edits a week of several intervals a day, holidays, and sends them in order", async () => {
    router.params = { id: "new" };
    const api = stubApi({ ...directory, "POST /api/sla/calendars": ({ body }) => jsonResponse(201, { calendar: { calendarId: "cal-9", ...(body as object) } }) });
    renderConsole(() => <CalendarPage />, olga);
    await screen.findByTestId("calendar-form");

    // A new calendar starts as a working week, nine to six, in Kyiv.
    expect(intervals("mon")).toEqual([["09:00", "18:00"]]);
    expect(intervals("sat")).toEqual([]);
    expect(day("sat").textContent).toContain("Day off");
    expect((screen.getByLabelText("Time zone") as HTMLSelectElement).value).toBe("Europe/Kyiv");

    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "Kyiv office" } });
    fireEvent.change(screen.getByLabelText("Time zone"), { target: { value: "Europe/Budapest" } });
    // Monday gets a lunch break: end the morning at one, add the afternoon.
    fireEvent.input(screen.getByLabelText("Monday, interval 1: To"), { target: { value: "13:00" } });
    fireEvent.click(within(day("mon")).getByTestId("interval-add"));
    expect(intervals("mon")).toEqual([
      ["09:00", "13:00"],
      ["14:00", "18:00"],
    ]);
    fireEvent.click(screen.getByTestId("copy-monday"));
    expect(intervals("fri")).toEqual(intervals("mon"));
    // Friday ends early; Saturday mornings are worked; Sunday stays off.
    fireEvent.click(screen.getByLabelText("Remove Friday 14:00–18:00"));
    fireEvent.click(screen.getByLabelText("Add hours on Saturday"));
    fireEvent.input(screen.getByLabelText("Saturday, interval 1: To"), { target: { value: "13" } });
    fireEvent.input(screen.getByLabelText("Saturday, interval 1: To"), { target: { value: "1300" } });
    fireEvent.blur(screen.getByLabelText("Saturday, interval 1: To"));
    expect(intervals("sat")).toEqual([["09:00", "13:00"]]);

    fireEvent.input(screen.getByLabelText("Date"), { target: { value: "2027-01-01" } });
    fireEvent.click(screen.getByTestId("add-holiday"));
    fireEvent.input(screen.getByLabelText("Date"), { target: { value: "2026-12-25" } });
    fireEvent.click(screen.getByTestId("add-holiday"));
    expect(screen.getByTestId("holidays").querySelectorAll("time")).toHaveLength(2);

    fireEvent.click(screen.getByTestId("save-calendar"));
    await waitFor(() => expect(router.navigate).toHaveBeenCalledWith("/admin/sla/calendars"));
    const lunch = [
      { start: "09:00", end: "13:00" },
      { start: "14:00", end: "18:00" },
    ];
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({
      name: "Kyiv office",
      timeZone: "Europe/Budapest",
      week: { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: [{ start: "09:00", end: "13:00" }], sat: [{ start: "09:00", end: "13:00" }] },
      holidays: ["2026-12-25", "2027-01-01"],
    });
  });

  it("shows what is wrong under the interval or the day before sending anything", async () => {
    router.params = { id: "new" };
    const api = stubApi({ ...directory });
    renderConsole(() => <CalendarPage />, olga);
    await screen.findByTestId("calendar-form");
    fireEvent.input(screen.getByLabelText("Monday, interval 1: To"), { target: { value: "08:00" } });
    fireEvent.click(within(day("tue")).getByTestId("interval-add"));
    fireEvent.input(screen.getByLabelText("Tuesday, interval 2: From"), { target: { value: "17:00" } });
    fireEvent.click(screen.getByTestId("save-calendar"));

    expect(await screen.findByText("Enter a name")).toBeTruthy();
    expect(day("mon").textContent).toContain("The end must be after the start");
    expect(day("tue").textContent).toContain("Intervals of a day must not overlap");
    expect(screen.getByLabelText("Monday, interval 1: To").getAttribute("aria-invalid")).toBe("true");
    expect(api.calls.some((c) => c.method !== "GET")).toBe(false);

    for (const name of ["mon", "tue", "wed", "thu", "fri"]) {
      let remove: HTMLElement | undefined;
      while ((remove = within(day(name)).queryAllByTestId("interval-remove")[0])) fireEvent.click(remove);
    }
    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "Nobody works" } });
    fireEvent.click(screen.getByTestId("save-calendar"));
    expect((await screen.findByTestId("week-error")).textContent).toBe("Give at least one working interval");
  });

  it("puts the API's issues under their fields when saving an existing calendar", async () => {
    router.params = { id: "cal-1" };
    const api = stubApi({
      ...directory,
      "GET /api/sla/calendars": () => ({ calendars: [kyiv] }),
      "PUT /api/sla/calendars/cal-1": () =>
        jsonResponse(400, {
          error: { code: "invalid", message: "timeZone: Use an IANA time zone", requestId: "r1", issues: [{ path: "timeZone", code: "custom", message: "Use an IANA time zone such as Europe/Kyiv" }] },
        }),
    });
    renderConsole(() => <CalendarPage />, olga);
    await screen.findByTestId("calendar-form");
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("Kyiv office");
    expect(intervals("tue")).toEqual([["09:00", "18:00"]]);
    fireEvent.click(screen.getByTestId("save-calendar"));
    expect(await screen.findByText("Use an IANA time zone such as Europe/Kyiv")).toBeTruthy();
    expect(api.calls.find((c) => c.method === "PUT")?.body).toMatchObject({ name: "Kyiv office", holidays: ["2026-12-25"] });
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it("lets others read a calendar but not change it", async () => {
    router.params = { id: "cal-1" };
    stubApi({ ...directory, "GET /api/sla/calendars": () => ({ calendars: [kyiv] }) });
    renderConsole(() => <CalendarPage />, artem);
    expect((await screen.findByTestId("sla-admins-only")).textContent).toContain("Only the workspace's owners and admins");
    await screen.findByTestId("calendar-form");
    expect(screen.queryByTestId("save-calendar")).toBeNull();
    expect(screen.queryByTestId("interval-add")).toBeNull();
    expect((screen.getByLabelText("Monday, interval 1: From") as HTMLInputElement).disabled).toBe(true);
  });
});
