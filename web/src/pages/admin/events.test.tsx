import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EventInfo } from "../../api/types";
import { renderConsole, staff, stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import { EventsPage } from "./events";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner" });
const artem = staff({ staffId: "s-artem", name: "Artem Agent", role: "agent" });

const event = (eventId: string, overrides: Partial<EventInfo> = {}): EventInfo => ({
  eventId,
  at: "2026-03-10T09:30:00.000Z",
  actor: { type: "staff", id: "s-olga", name: "Olga Owner" },
  action: "ticket.update",
  target: { type: "ticket", id: "t-42", label: "#42" },
  before: { priority: "normal" },
  after: { priority: "high" },
  ...overrides,
});

const routes = (events: (url: URL) => { events: EventInfo[]; cursor: string | null }) => ({
  "GET /api/staff": () => ({ staff: [artem, olga] }),
  "GET /api/departments": () => ({ departments: [] }),
  "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
  "GET /api/events": ({ url }: { url: URL }) => events(url),
  "GET /api/tickets": ({ url }: { url: URL }) => ({ tickets: url.searchParams.get("number") === "42" ? [{ ticketId: "t-42", number: 42 }] : [], cursor: null }),
});

describe("the event log page", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("lists events newest first with who, what, on what and the change, and pages on", async () => {
    const api = stubApi(
      routes((url) =>
        url.searchParams.get("cursor")
          ? { events: [event("e1", { action: "staff.invite", target: { type: "invitation", id: "i-1", label: "nina@example.com" }, before: undefined, after: { role: "agent" } })], cursor: null }
          : { events: [event("e2", { actor: { type: "system", id: "billing", name: "Daily billing" }, action: "billing.daily_charge", target: { type: "billing", id: "b1", label: "Standard, 2026-03-10" }, before: { balanceMinor: 3000 }, after: { balanceMinor: 2900 } }), event("e3")], cursor: "c2" },
      ),
    );
    renderConsole(() => <EventsPage />, olga);
    const rows = await screen.findAllByTestId("event-row");
    expect(rows.map((r) => r.dataset.action)).toEqual(["billing.daily_charge", "ticket.update"]);
    // Named, not coded: the action and the part of the system that acted, in the reader's words.
    expect(within(rows[0]!).getByTestId("event-actor").textContent).toBe("Billing");
    expect(rows[0]!.textContent).toContain("System");
    expect(within(rows[0]!).getByTestId("event-action").textContent).toBe("Daily charge");
    expect(within(rows[1]!).getByTestId("event-action").textContent).toBe("Ticket changed");
    // Fields and values by name: the balance as an amount, not its field's code and minor units.
    expect(within(rows[0]!).getByTestId("event-change").textContent).toBe("Balance: 30.00 → 29.00");
    expect(within(rows[1]!).getByRole("link", { name: "#42" }).getAttribute("href")).toBe("/tickets/t-42");
    // A ticket's event is a sentence, as in its history.
    expect(within(rows[1]!).getByTestId("event-sentence").textContent).toBe("Olga Owner raised the priority from Normal to High");
    fireEvent.click(screen.getByTestId("load-more"));
    await waitFor(() => expect(screen.getAllByTestId("event-row")).toHaveLength(3));
    expect(within(screen.getAllByTestId("event-row")[2]!).getByTestId("event-change").textContent).toBe("Role: Agent");
    expect(api.calls.filter((c) => c.path.startsWith("/api/events")).map((c) => c.path)).toEqual(["/api/events?limit=50", "/api/events?cursor=c2&limit=50"]);
    expect(screen.getByTestId("events-csv").getAttribute("href")).toBe("/api/events/export.csv");
  });

  it("filters by actor, action, ticket number and dates, and downloads the same selection as CSV", async () => {
    const api = stubApi(routes(() => ({ events: [event("e3")], cursor: null })));
    renderConsole(() => <EventsPage />, olga);
    await screen.findAllByTestId("event-row");
    await waitFor(() => expect(screen.getByLabelText("Who").querySelectorAll("option")).toHaveLength(3));
    fireEvent.change(screen.getByLabelText("Who"), { target: { value: "s-olga" } });
    fireEvent.change(screen.getByLabelText("Action"), { target: { value: "ticket.update" } });
    fireEvent.input(screen.getByLabelText("Ticket number"), { target: { value: "#42" } });
    fireEvent.input(screen.getByLabelText("From"), { target: { value: "2026-03-01" } });
    fireEvent.input(screen.getByLabelText("To"), { target: { value: "2026-03-31" } });
    fireEvent.click(screen.getByTestId("events-apply"));

    const from = new Date(2026, 2, 1).toISOString();
    const to = new Date(2026, 3, 1).toISOString();
    const expected = new URLSearchParams({ actorId: "s-olga", action: "ticket.update", targetType: "ticket", targetId: "t-42", from, to });
    await waitFor(() => expect(api.calls.at(-1)?.path).toBe(`/api/events?${expected}&limit=50`));
    expect(api.calls.some((c) => c.path === "/api/tickets?number=42")).toBe(true);
    expect(screen.getByTestId("events-csv").getAttribute("href")).toBe(`/api/events/export.csv?${expected}`);

    fireEvent.click(screen.getByTestId("events-clear"));
    await waitFor(() => expect(api.calls.at(-1)?.path).toBe("/api/events?limit=50"));
    expect((screen.getByLabelText("Ticket number") as HTMLInputElement).value).toBe("");
  });

  it("says so under the field when the ticket number is wrong or unknown, or the range is backwards", async () => {
    const api = stubApi(routes(() => ({ events: [], cursor: null })));
    renderConsole(() => <EventsPage />, olga);
    expect((await screen.findByTestId("events-empty")).textContent).toBe("Nothing recorded yet.");
    fireEvent.input(screen.getByLabelText("Ticket number"), { target: { value: "forty" } });
    fireEvent.click(screen.getByTestId("events-apply"));
    expect(await screen.findByText("A ticket number is a whole number")).toBeTruthy();
    fireEvent.input(screen.getByLabelText("Ticket number"), { target: { value: "7" } });
    fireEvent.click(screen.getByTestId("events-apply"));
    expect(await screen.findByText("There is no ticket #7")).toBeTruthy();
    fireEvent.input(screen.getByLabelText("Ticket number"), { target: { value: "" } });
    fireEvent.input(screen.getByLabelText("From"), { target: { value: "2026-03-02" } });
    fireEvent.input(screen.getByLabelText("To"), { target: { value: "2026-03-01" } });
    fireEvent.click(screen.getByTestId("events-apply"));
    expect(await screen.findByText("The end must be on or after the start")).toBeTruthy();
    expect(api.calls.filter((c) => c.path.startsWith("/api/events"))).toHaveLength(1);
  });

  it("is for admins: an agent gets the admins-only page", async () => {
    const api = stubApi(routes(() => ({ events: [], cursor: null })));
    renderConsole(() => <EventsPage />, artem);
    await screen.findByTestId("admins-only");
    expect(api.calls.some((c) => c.path.startsWith("/api/events"))).toBe(false);
  });

  it("says actions and the system's parts in the reader's language, and filters by an action chosen by name", async () => {
    const api = stubApi(routes(() => ({ events: [event("e4", { actor: { type: "system", id: "system", name: "inbound mail" }, action: "ticket.customer_reply" })], cursor: null })));
    renderConsole(() => <EventsPage />, olga, "uk");
    const [row] = await screen.findAllByTestId("event-row");
    expect(within(row!).getByTestId("event-actor").textContent).toBe("Вхідна пошта");
    expect(within(row!).getByTestId("event-action").textContent).not.toMatch(/ticket|customer_reply/);
    const action = screen.getByLabelText("Дія") as HTMLSelectElement;
    const option = [...action.options].find((o) => o.value === "staff.invite")!;
    expect(option.textContent).not.toContain("staff.invite");
    fireEvent.change(action, { target: { value: "staff.invite" } });
    fireEvent.click(screen.getByTestId("events-apply"));
    await waitFor(() => expect(api.calls.at(-1)?.path).toBe("/api/events?action=staff.invite&limit=50"));
  });
});
