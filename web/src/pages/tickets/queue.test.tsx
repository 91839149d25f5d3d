import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DepartmentInfo, SlaState, TicketInfo } from "../../api/types";
import { renderConsole, staff, stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import { QueuePage } from "./index";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

const artem = staff({ staffId: "s-artem", name: "Artem Agent", role: "agent", departmentIds: ["d-pay"] });
const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner" });
const departments = [
  { departmentId: "d-pay", name: "Payments", isDefault: false, createdAt: "2026-01-01T00:00:00.000Z" },
  { departmentId: "d-sup", name: "Support", isDefault: true, createdAt: "2026-01-01T00:00:00.000Z" },
] as DepartmentInfo[];

const ticket = (n: number, overrides: Partial<TicketInfo> = {}): TicketInfo =>
  ({
    ticketId: `t${n}`,
    number: 1000 + n,
    subject: `Subject ${n}`,
    status: "open",
    priority: "normal",
    departmentId: "d-pay",
    requester: { customerId: "c1", name: "Kim Customer" },
    updatedAt: new Date().toISOString(),
    tags: [],
    ...overrides,
  }) as TicketInfo;

function routes(pages: Record<string, { tickets: TicketInfo[]; cursor: string | null }>, overdue: TicketInfo[] = []) {
  return {
    "GET /api/tickets/overdue": () => ({ tickets: overdue }),
    "GET /api/staff": () => ({ staff: [artem, olga] }),
    "GET /api/departments": () => ({ departments }),
    "GET /api/tickets/counts": () => ({ views: { mine: 2, unassigned: 5, all: 9, pending: 1, on_hold: 0, solved: 3 }, departments: { "d-pay": 7 } }),
    "GET /api/tickets": ({ url }: { url: URL }) => pages[url.searchParams.get("cursor") ?? "first"] ?? { tickets: [], cursor: null },
    "GET /api/views": () => ({
      views: [{ viewId: "v1", name: "Urgent refunds", shared: true, mine: false, editable: false, query: { view: "all", sort: "priority", priority: "urgent", tag: "refund" }, createdAt: "2026-12-01T00:00:00Z" }],
    }),
    "GET /api/views/counts": () => ({ counts: [{ viewId: "v1", count: 99, more: true }] }),
  };
}

/** A first response that started a minute ago and is due `dueIn` seconds from now. */
const sla = (dueIn: number): SlaState => ({
  policyId: "p1",
  policyName: "Fast",
  targets: {
    first_response: {
      minutes: 60,
      elapsedMs: 0,
      since: new Date(Date.now() - 60_000).toISOString(),
      dueAt: new Date(Date.now() + dueIn * 1000).toISOString(),
      generation: 1,
      ...(dueIn < 0 ? { breachedAt: new Date(Date.now() + dueIn * 1000).toISOString() } : {}),
    },
  },
});

const rowSubjects = () => screen.queryAllByTestId("queue-row").map((row) => row.querySelector(".queue-row__link")?.textContent);

describe("the queue", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("asks the API for the view, filters and sort of the address, and pages on with the cursor", async () => {
    router.search = { view: "all", priority: "high", sort: "updated" };
    const api = stubApi(
      routes({
        first: { tickets: [ticket(1, { priority: "high", assigneeId: "s-artem" }), ticket(2, { priority: "high" })], cursor: "c2" },
        c2: { tickets: [ticket(3, { priority: "high" })], cursor: null },
      }),
    );
    renderConsole(() => <QueuePage />, artem);

    await waitFor(() => expect(rowSubjects()).toEqual(["Subject 1", "Subject 2"]));
    expect(api.calls.find((c) => c.path.startsWith("/api/tickets?"))?.path).toBe("/api/tickets?view=all&priority=high&sort=updated&limit=25");
    const first = screen.getAllByTestId("queue-row")[0]!;
    expect(first.textContent).toContain("#1001");
    await waitFor(() => expect(first.textContent).toContain("Artem Agent"));
    expect(first.textContent).toContain("Payments");

    fireEvent.click(screen.getByTestId("load-more"));
    await waitFor(() => expect(rowSubjects()).toEqual(["Subject 1", "Subject 2", "Subject 3"]));
    expect(screen.queryByTestId("load-more")).toBeNull();

    // A filter is a new address: the router shows it (and Back returns).
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "pending" } });
    expect(router.navigate).toHaveBeenLastCalledWith("/tickets?view=all&status=pending&priority=high&sort=updated");
    fireEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(router.navigate).toHaveBeenLastCalledWith("/tickets?view=all&sort=updated");
  });

  it("lists the views with their counts and only the departments the agent works; the trash is for admins", async () => {
    stubApi(routes({ first: { tickets: [], cursor: null } }));
    renderConsole(() => <QueuePage />, artem);
    await waitFor(() => expect(screen.getByTestId("view-unassigned").textContent).toBe("Unassigned5"));
    await waitFor(() => expect(screen.getByTestId("view-overdue").textContent).toBe("Overdue0"));
    expect(screen.getAllByTestId("view-department").map((a) => a.textContent)).toEqual(["Payments7"]);
    expect(screen.queryByTestId("view-trash")).toBeNull();
    expect((await screen.findByTestId("queue-empty")).textContent).toContain("No tickets in this view.");
    cleanup();

    renderConsole(() => <QueuePage />, olga);
    await waitFor(() => expect(screen.getAllByTestId("view-department").map((a) => a.textContent)).toEqual(["Payments7", "Support0"]));
    expect(screen.getByTestId("view-trash")).toBeTruthy();
  });

  it("moves with j and k and opens with Enter, but not while typing in a filter", async () => {
    stubApi(routes({ first: { tickets: [ticket(1), ticket(2), ticket(3)], cursor: null } }));
    renderConsole(() => <QueuePage />, artem);
    await waitFor(() => expect(rowSubjects()).toHaveLength(3));
    const selected = () => document.querySelector('[data-testid="queue-row"][aria-current="true"] .queue-row__link')?.textContent;
    expect(selected()).toBe("Subject 1");

    fireEvent.keyDown(document.body, { key: "j" });
    fireEvent.keyDown(document.body, { key: "j" });
    fireEvent.keyDown(document.body, { key: "k" });
    expect(selected()).toBe("Subject 2");
    fireEvent.keyDown(screen.getByLabelText("Tag"), { key: "j" });
    expect(selected()).toBe("Subject 2");
    fireEvent.keyDown(document.body, { key: "Enter" });
    expect(router.navigate).toHaveBeenCalledWith("/tickets/t2");
  });

  it("lists saved views with their counts, and x checks the focused row for a bulk action", async () => {
    stubApi(routes({ first: { tickets: [ticket(1), ticket(2)], cursor: null } }));
    renderConsole(() => <QueuePage />, artem);
    await waitFor(() => expect(rowSubjects()).toHaveLength(2));
    const saved = await screen.findByTestId("saved-view");
    expect(saved.querySelector("a")!.getAttribute("href")).toBe("/tickets?view=all&priority=urgent&tag=refund");
    await waitFor(() => expect(saved.textContent).toContain("99+"));
    // Someone else's shared view: nothing to rename or delete here.
    expect(saved.querySelector('[data-testid="rename-view"]')).toBeNull();

    const checks = () => screen.getAllByTestId("row-check").map((box) => (box as HTMLInputElement).checked);
    fireEvent.keyDown(document.body, { key: "j" });
    fireEvent.keyDown(document.body, { key: "x" });
    expect(checks()).toEqual([false, true]);
    expect(screen.getByTestId("selected-count").textContent).toBe("1 ticket selected");
    fireEvent.click(screen.getByTestId("select-all"));
    expect(checks()).toEqual([true, true]);
    fireEvent.keyDown(document.body, { key: "x" });
    expect(checks()).toEqual([true, false]);
  });

  it("lists the overdue tickets, most overdue first, with their count in the sidebar and no filters", async () => {
    router.search = { view: "overdue" };
    const late = ticket(7, { subject: "Late one", sla: sla(-5 * 60) });
    const later = ticket(8, { subject: "Later one", sla: sla(-60) });
    const api = stubApi(routes({ first: { tickets: [], cursor: null } }, [late, later]));
    renderConsole(() => <QueuePage />, artem);
    await waitFor(() => expect(rowSubjects()).toEqual(["Late one", "Later one"]));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Overdue");
    expect(screen.getByTestId("overdue-hint").textContent).toContain("most overdue first");
    expect(screen.queryByLabelText("Status")).toBeNull();
    expect(screen.getByTestId("overdue-count").textContent).toBe("2");
    expect(screen.getByTestId("overdue-count").className).toContain("queue-nav__count--alert");
    expect(screen.getAllByTestId("sla-countdown").map((c) => c.textContent)).toEqual(["overdue 5 min", "overdue 1 min"]);
    expect(api.calls.some((c) => c.path.startsWith("/api/tickets?"))).toBe(false);
  });

  it("shows each ticket's nearest SLA target counting down", async () => {
    router.search = { view: "all" };
    stubApi(routes({ first: { tickets: [ticket(1, { sla: sla(42 * 60) }), ticket(2)], cursor: null } }));
    renderConsole(() => <QueuePage />, artem);
    await waitFor(() => expect(rowSubjects()).toHaveLength(2));
    const [first, second] = screen.getAllByTestId("queue-row");
    expect(within(first!).getByTestId("sla-countdown").textContent).toMatch(/^in 4[12] min$/);
    expect(within(first!).getByTestId("sla-countdown").dataset.target).toBe("first_response");
    expect(within(second!).queryByTestId("sla-countdown")).toBeNull();
  });
});
