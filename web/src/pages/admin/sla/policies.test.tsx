import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DepartmentInfo, PolicyInfo } from "../../../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../../../test/console-harness";
import { router } from "../../../../test/router-stub";
import { moved, PoliciesPage } from "./policies";

vi.mock("@solidjs/router", async () => (await import("../../../../test/router-stub")).routerModule);

const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner" });
const artem = staff({ staffId: "s-artem", name: "Artem Agent", role: "agent" });
const departments = [{ departmentId: "d-pay", name: "Payments", isDefault: false, createdAt: "2026-01-01T00:00:00.000Z" }] as DepartmentInfo[];
const policy = (policyId: string, name: string, overrides: Partial<PolicyInfo> = {}): PolicyInfo => ({
  policyId,
  name,
  position: 0,
  active: true,
  match: { priorities: [], types: [], departmentIds: [] },
  targets: { first_response: 60 },
  hours: "calendar",
  pauseOn: ["pending", "on_hold"],
  escalations: [],
  ...overrides,
});
let policies: PolicyInfo[] = [];

function routes() {
  policies = [
    policy("p-urgent", "Urgent incidents", { match: { priorities: ["urgent", "high"], types: ["incident"], departmentIds: [] }, targets: { first_response: 15, resolution: 240 }, warnPercent: 50 }),
    policy("p-pay", "Payments", { match: { priorities: [], types: [], departmentIds: ["d-pay"] }, hours: "business", calendarId: "cal-1" }),
    policy("p-std", "Standard", { active: false, targets: { resolution: 2880 } }),
  ];
  return {
    "GET /api/staff": () => ({ staff: [olga, artem] }),
    "GET /api/departments": () => ({ departments }),
    "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
    "GET /api/sla/calendars": () => ({ calendars: [{ calendarId: "cal-1", name: "Kyiv office", timeZone: "Europe/Kyiv", week: {}, holidays: [] }] }),
    "GET /api/sla/policies": () => ({ policies }),
  };
}

const names = () => screen.getAllByTestId("policy-row").map((row) => row.dataset.policy);
const row = (name: string) => screen.getAllByTestId("policy-row").find((r) => r.dataset.policy === name)!;

describe("the SLA policies", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("moves an item up or down, and nowhere past the ends", () => {
    expect(moved(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
  });

  it("lists them in order with what each applies to, its targets and its hours", async () => {
    stubApi(routes());
    renderConsole(() => <PoliciesPage />, olga);
    await waitFor(() => expect(names()).toEqual(["Urgent incidents", "Payments", "Standard"]));
    expect(row("Urgent incidents").textContent).toContain("High, Urgent · Incident");
    expect(row("Urgent incidents").textContent).toContain("First response 15 min");
    expect(row("Urgent incidents").textContent).toContain("Resolution 4 h");
    expect(row("Urgent incidents").textContent).toContain("warns at 50%");
    await waitFor(() => expect(row("Payments").textContent).toContain("Business hours: Kyiv office"));
    expect(row("Payments").textContent).toContain("Payments");
    expect(row("Standard").textContent).toContain("Every ticket");
    expect(row("Standard").textContent).toContain("Inactive");
    expect((within(row("Urgent incidents")).getByTestId("policy-up") as HTMLButtonElement).disabled).toBe(true);
    expect((within(row("Standard")).getByTestId("policy-down") as HTMLButtonElement).disabled).toBe(true);
  });

  it("sends the new order when one moves, and puts it back if the API refuses", async () => {
    let refuse = false;
    const api = stubApi({
      ...routes(),
      "PUT /api/sla/policies/order": ({ body }) => {
        if (refuse) return jsonResponse(400, { error: { code: "invalid", message: "Give every policy once, in the new order", requestId: "r1" } });
        const ids = (body as { policyIds: string[] }).policyIds;
        policies = ids.map((id) => policies.find((p) => p.policyId === id)!);
        return { policies };
      },
    });
    renderConsole(() => <PoliciesPage />, olga);
    await waitFor(() => expect(names()).toHaveLength(3));

    fireEvent.click(within(row("Standard")).getByTestId("policy-up"));
    await waitFor(() => expect(names()).toEqual(["Urgent incidents", "Standard", "Payments"]));
    expect(api.calls.find((c) => c.method === "PUT")?.body).toEqual({ policyIds: ["p-urgent", "p-std", "p-pay"] });

    refuse = true;
    await waitFor(() => expect((within(row("Urgent incidents")).getByTestId("policy-down") as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(within(row("Urgent incidents")).getByTestId("policy-down"));
    expect((await screen.findByTestId("policies-error")).textContent).toContain("Give every policy once");
    expect(names()).toEqual(["Urgent incidents", "Standard", "Payments"]);
  });

  it("deletes one after asking", async () => {
    const api = stubApi({ ...routes(), "DELETE /api/sla/policies/p-pay": () => new Response(null, { status: 204 }) });
    renderConsole(() => <PoliciesPage />, olga);
    await waitFor(() => expect(names()).toHaveLength(3));
    fireEvent.click(within(row("Payments")).getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("Delete the policy “Payments”?");
    fireEvent.click(within(dialog).getByTestId("confirm"));
    await waitFor(() => expect(names()).toEqual(["Urgent incidents", "Standard"]));
    expect(api.calls.some((c) => c.method === "DELETE" && c.path === "/api/sla/policies/p-pay")).toBe(true);
  });

  it("shows them to others without the controls, with a polite word why", async () => {
    stubApi(routes());
    renderConsole(() => <PoliciesPage />, artem);
    expect((await screen.findByTestId("sla-admins-only")).textContent).toContain("Only the workspace's owners and admins change SLA policies");
    await waitFor(() => expect(names()).toHaveLength(3));
    expect(screen.queryByTestId("policy-up")).toBeNull();
    expect(screen.queryByTestId("new-policy")).toBeNull();
  });
});
