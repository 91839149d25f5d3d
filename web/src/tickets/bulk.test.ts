import { describe, expect, it } from "vitest";
import type { TicketInfo } from "../api/types";
import { actionOf, emptyForm, selectionRequest, summarise, UNASSIGN } from "./bulk";

describe("the queue's bulk actions", () => {
  it("makes the API's action from the bar's fields, and none while a value is missing", () => {
    const form = emptyForm();
    expect(actionOf(form)).toBeUndefined();
    expect(actionOf({ ...form, kind: "assign" })).toBeUndefined();
    expect(actionOf({ ...form, kind: "assign", assigneeId: UNASSIGN })).toEqual({ type: "assign", assigneeId: null });
    expect(actionOf({ ...form, kind: "assign", assigneeId: "s1" })).toEqual({ type: "assign", assigneeId: "s1" });
    expect(actionOf({ ...form, kind: "department", departmentId: "d1" })).toBeUndefined();
    expect(actionOf({ ...form, kind: "department", departmentId: "d1", reason: " Cards " })).toEqual({ type: "department", departmentId: "d1", reason: "Cards" });
    expect(actionOf({ ...form, kind: "addTags", tags: " refund, ,vip " })).toEqual({ type: "tags", add: ["refund", "vip"] });
    expect(actionOf({ ...form, kind: "removeTags", tags: " , " })).toBeUndefined();
    expect(actionOf({ ...form, kind: "trash" })).toEqual({ type: "trash" });
  });

  it("sends the checked tickets in the queue's order with the versions they were selected at", () => {
    const tickets = [
      { ticketId: "a", version: 3 },
      { ticketId: "b", version: 1 },
      { ticketId: "c", version: 7 },
    ] as TicketInfo[];
    expect(selectionRequest(tickets, new Set(["c", "a"]), { type: "trash" })).toEqual({
      ticketIds: ["a", "c"],
      versions: { a: 3, c: 7 },
      action: { type: "trash" },
    });
  });

  it("sums an answer up, numbering a ticket the answer does not by the number the queue showed", () => {
    const summary = summarise(
      {
        changed: 1,
        failed: 2,
        results: [
          { ticketId: "a", number: 40, outcome: "changed" },
          { ticketId: "b", number: 41, outcome: "failed", reason: "changed" },
          { ticketId: "c", outcome: "failed", reason: "not_found" },
          { ticketId: "d", number: 43, outcome: "unchanged" },
        ],
      },
      new Map([["c", 57]]),
    );
    expect(summary).toEqual({ changed: 1, unchanged: 1, failures: [{ number: 41, reason: "changed" }, { number: 57, reason: "not_found" }] });
  });
});
