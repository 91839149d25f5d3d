import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import type { EventInfo } from "../client";
import { renderOperator, standardPlan } from "../test-harness";
import { OperatorEventsPage } from "./events";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

const olena = { type: "operator" as const, id: "o1", name: "Olena Operator" };
const event = (eventId: string, action: string, overrides: Partial<EventInfo> = {}): EventInfo => ({
  eventId,
  at: "2026-11-22T10:00:00.000Z",
  actor: olena,
  action,
  target: { type: "tenant", id: "initech", label: "initech" },
  ...overrides,
});

const log = [
  event("e4", "operator.plan_update", {
    target: { type: "plan", id: "standard", label: "Standard" },
    before: standardPlan(),
    after: { name: "Standard", pricePerDayMinor: 120, staffLimit: 2, dailyTicketLimit: null, addOns: standardPlan().addOns },
  }),
  event("e3", "operator.adjustment", { after: { amountMinor: -500, reason: "Duplicate top-up" } }),
  event("e2", "operator.payment", { after: { amountMinor: 5_000, reference: "bank transfer 42" } }),
  event("e1", "operator.login", { target: { type: "operator", id: "o1", label: "olena@frontline.example" } }),
];

describe("the operators' event log", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("says who did what to which workspace or plan, with the amounts and what changed", async () => {
    stubApi({ "GET /api/operator/events": () => ({ events: log, cursor: null }), "GET /api/operator/plans": () => ({ plans: [standardPlan()] }) });
    renderOperator(() => <OperatorEventsPage />);
    await waitFor(() => expect(screen.getAllByTestId("event-row")).toHaveLength(4));
    const rows = screen.getAllByTestId("event-row");
    const text = (row: HTMLElement, id: string) => within(row).getByTestId(id).textContent;
    expect(rows.map((r) => text(r, "event-action"))).toEqual(["Plan changed", "Adjustment recorded", "Payment recorded", "Signed in"]);
    expect(rows.map((r) => text(r, "event-operator"))).toEqual(Array(4).fill("Olena Operator"));
    expect(rows.map((r) => text(r, "event-target"))).toEqual(["Standard", "initech", "initech", "olena@frontline.example"]);
    expect(within(rows[2]!).getByRole("link").getAttribute("href")).toBe("/operator/workspaces/initech");
    await waitFor(() => expect(text(rows[0]!, "event-details")).toBe("Price per day: $1.00 → $1.20New tickets per day: 10 → unlimited"));
    expect(text(rows[1]!, "event-details")).toBe("Amount: -$5.00Reason: Duplicate top-up");
    expect(text(rows[2]!, "event-details")).toBe("Amount: +$50.00Reference: bank transfer 42");
    expect(text(rows[3]!, "event-details")).toBe("");
  });

  it("shows one action at a time", async () => {
    const api = stubApi({
      "GET /api/operator/events": ({ url }) => ({ events: log.filter((e) => !url.searchParams.get("action") || e.action === url.searchParams.get("action")), cursor: null }),
      "GET /api/operator/plans": () => ({ plans: [standardPlan()] }),
    });
    renderOperator(() => <OperatorEventsPage />);
    await waitFor(() => expect(screen.getAllByTestId("event-row")).toHaveLength(4));
    fireEvent.change(screen.getByLabelText("Action"), { target: { value: "payment" } });
    await waitFor(() => expect(screen.getAllByTestId("event-row")).toHaveLength(1));
    expect(api.calls.filter((c) => c.path.startsWith("/api/operator/events")).map((c) => c.path)).toEqual([
      "/api/operator/events?limit=50",
      "/api/operator/events?action=operator.payment&limit=50",
    ]);
    // The platform's currency is read once, not with every page.
    expect(api.calls.filter((c) => c.path === "/api/operator/plans")).toHaveLength(1);
  });
});
