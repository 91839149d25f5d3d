import { describe, expect, it } from "vitest";
import { changeLine, checkFilters, emptyFilters, eventChanges, eventQuery, ticketNumber } from "./filters";

describe("the event log's filters", () => {
  it("make the API's query: a ticket by its id, whole days from the start of the first to the start of the day after the last", () => {
    const query = eventQuery({ ...emptyFilters(), actorId: "s-1", action: " ticket.reply ", from: "2026-03-01", to: "2026-03-31" }, "t-9");
    expect(query).toEqual({
      actorId: "s-1",
      action: "ticket.reply",
      targetType: "ticket",
      targetId: "t-9",
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
    });
    expect(eventQuery(emptyFilters())).toEqual({});
  });

  it("read a ticket number with or without #, and refuse anything else or a range that ends before it starts", () => {
    expect(ticketNumber({ ...emptyFilters(), ticket: " #1042 " })).toBe(1042);
    expect(ticketNumber(emptyFilters())).toBeUndefined();
    expect(checkFilters({ ...emptyFilters(), ticket: "10a" })).toEqual({ ticket: "ticketNumber" });
    expect(checkFilters({ ...emptyFilters(), from: "2026-03-02", to: "2026-03-01" })).toEqual({ to: "range" });
    expect(checkFilters({ ...emptyFilters(), ticket: "#7", from: "2026-03-01", to: "2026-03-01" })).toEqual({});
  });
});

describe("an event's changes", () => {
  const format = { change: (f: string, a: string, b: string) => `${f}: ${a} → ${b}`, value: (f: string, v: string) => `${f}: ${v}` };

  it("list each changed field once, with what it was and what it became", () => {
    const changes = eventChanges({ role: "agent", name: "Artem" }, { role: "supervisor", name: "Artem", departmentIds: ["d-1"] });
    expect(changes.map((c) => changeLine(c, format))).toEqual(["role: agent → supervisor", 'departmentIds: — → ["d-1"]']);
  });

  it("show what was made, or what was removed, as values", () => {
    expect(eventChanges(undefined, { email: "nina@example.com", expiresAt: null }).map((c) => changeLine(c, format))).toEqual(["email: nina@example.com", "expiresAt: —"]);
    expect(eventChanges({ name: "Old" }, undefined).map((c) => changeLine(c, format))).toEqual(["name: Old"]);
    expect(eventChanges(undefined, undefined)).toEqual([]);
    expect(eventChanges("open", "solved").map((c) => changeLine(c, format))).toEqual(["open → solved"]);
  });
});
