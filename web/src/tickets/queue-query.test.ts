import { afterEach, describe, expect, it } from "vitest";
import { hasFilters, lastQueueHref, parseQueue, queueHref, rememberQueue, withoutFilters } from "./queue-query";

describe("the queue in the address", () => {
  afterEach(() => sessionStorage.clear());

  it("reads the view, the filters and the sort, and writes them back the same way", () => {
    const href = "/tickets?view=pending&departmentId=d1&status=pending&priority=urgent&type=incident&tag=vip&assigneeId=s1&sort=updated";
    const state = parseQueue(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(state).toEqual({
      view: "pending",
      departmentId: "d1",
      status: "pending",
      priority: "urgent",
      type: "incident",
      tag: "vip",
      assigneeId: "s1",
      sort: "updated",
    });
    expect(queueHref(state)).toBe(href);
  });

  it("leaves the defaults out of the address and drops what the API would refuse", () => {
    const state = parseQueue({ view: "everything", status: "lost", priority: ["high", "low"], sort: "random", tag: "  VIP " });
    expect(state).toEqual({ view: "mine", sort: "priority", priority: "high", tag: "vip" });
    expect(queueHref({ view: "mine", sort: "priority" })).toBe("/tickets");
    expect(parseQueue({ view: "department" }).view).toBe("mine");
    expect(parseQueue({ tag: "x".repeat(41) }).tag).toBeUndefined();
  });

  it("knows the console's own overdue view, which the API's queue views do not include", () => {
    expect(parseQueue({ view: "overdue" }).view).toBe("overdue");
    expect(queueHref({ view: "overdue", sort: "priority" })).toBe("/tickets?view=overdue");
  });

  it("counts the department of the department view as the view, not as a filter", () => {
    expect(hasFilters({ view: "department", departmentId: "d1", sort: "priority" })).toBe(false);
    expect(hasFilters({ view: "all", departmentId: "d1", sort: "priority" })).toBe(true);
    expect(withoutFilters({ view: "all", departmentId: "d1", status: "open", sort: "updated" })).toEqual({ view: "all", sort: "updated" });
  });

  it("remembers the last queue for the way back, and only a queue", () => {
    expect(lastQueueHref()).toBe("/tickets");
    rememberQueue("/tickets?view=solved");
    expect(lastQueueHref()).toBe("/tickets?view=solved");
    sessionStorage.setItem("frontline.queue", "https://evil.example/");
    expect(lastQueueHref()).toBe("/tickets");
  });
});
