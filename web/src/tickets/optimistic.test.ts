import { describe, expect, it } from "vitest";
import type { TicketInfo } from "../api/types";
import { applyChange } from "./optimistic";

const ticket = {
  ticketId: "t1",
  number: 1042,
  subject: "Card declined",
  status: "open",
  priority: "normal",
  impact: "medium",
  urgency: "medium",
  type: "incident",
  departmentId: "d1",
  assigneeId: "s1",
  tags: ["billing"],
  version: 3,
} as TicketInfo;

describe("an optimistic change", () => {
  it("recomputes the priority from impact and urgency, unless it names one", () => {
    expect(applyChange(ticket, { urgency: "high" })).toMatchObject({ urgency: "high", impact: "medium", priority: "high" });
    expect(applyChange(ticket, { impact: "high", urgency: "high", priority: "low" }).priority).toBe("low");
  });

  it("unassigns with null, and leaves the version for the server to move", () => {
    const next = applyChange(ticket, { assigneeId: null, status: "pending", tags: ["vip"] });
    expect(next).toMatchObject({ status: "pending", tags: ["vip"], version: 3 });
    expect(next.assigneeId).toBeUndefined();
    expect(ticket.assigneeId).toBe("s1");
  });
});
