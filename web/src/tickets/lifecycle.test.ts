import { describe, expect, it } from "vitest";
// The core's pure vocabulary, read here only to check the console's copy of it (the bundle never imports the core).
import * as Core from "../../../packages/core/src/ticket/lifecycle";
import { Views as CoreViews, Sorts as CoreSorts } from "../../../packages/core/src/ticket/queue";
import { canTransition, Levels, Origins, priorityOf, Priorities, Sorts, Statuses, statusChoices, Types, Views, worksIn } from "./lifecycle";

describe("the console's ticket vocabulary", () => {
  it("lists what the core lists", () => {
    expect(Statuses).toEqual(Core.Statuses);
    expect(Priorities).toEqual(Core.Priorities);
    expect(Levels).toEqual(Core.Levels);
    expect(Types).toEqual(Core.Types);
    expect(Origins).toEqual(Core.Origins);
    expect([...Views].sort()).toEqual([...CoreViews].sort());
    expect(Sorts).toEqual(CoreSorts);
  });

  it("computes priority and status changes as the core does", () => {
    for (const impact of Levels) for (const urgency of Levels) expect(priorityOf(impact, urgency)).toBe(Core.priorityOf(impact, urgency));
    for (const from of Statuses) for (const to of Statuses) expect(canTransition(from, to), `${from} -> ${to}`).toBe(Core.canTransition(from, to));
  });

  it("offers a closed ticket nothing but its status, and a solved one closing", () => {
    expect(statusChoices("closed")).toEqual(["closed"]);
    expect(statusChoices("solved")).toEqual(["open", "pending", "on_hold", "solved", "closed"]);
    expect(statusChoices("new")).toEqual(["new", "open", "pending", "on_hold", "solved"]);
  });

  it("lets owners, admins and dispatchers work every department, others the ones granted", () => {
    for (const role of ["owner", "admin", "dispatcher"]) expect(worksIn({ role, departmentIds: [] }, "d1")).toBe(true);
    for (const role of ["supervisor", "agent"]) {
      expect(worksIn({ role, departmentIds: [] }, "d1")).toBe(false);
      expect(worksIn({ role, departmentIds: ["d1"] }, "d1")).toBe(true);
    }
  });
});
