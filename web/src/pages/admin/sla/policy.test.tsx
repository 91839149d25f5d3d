import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CalendarInfo, DepartmentInfo, PolicyInfo } from "../../../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../../../test/console-harness";
import { router } from "../../../../test/router-stub";
import { PolicyPage } from "./policy";

vi.mock("@solidjs/router", async () => (await import("../../../../test/router-stub")).routerModule);

const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner" });
const saule = staff({ staffId: "s-saule", name: "Saule Supervisor", role: "supervisor", departmentIds: ["d-pay"] });
const departments = [
  { departmentId: "d-pay", name: "Payments", isDefault: false, createdAt: "2026-01-01T00:00:00.000Z" },
  { departmentId: "d-sup", name: "Support", isDefault: true, createdAt: "2026-01-01T00:00:00.000Z" },
] as DepartmentInfo[];
const calendars: CalendarInfo[] = [{ calendarId: "cal-1", name: "Kyiv office", timeZone: "Europe/Kyiv", week: { mon: [{ start: "09:00", end: "18:00" }] }, holidays: [] }];
const routes = {
  "GET /api/staff": () => ({ staff: [olga, saule] }),
  "GET /api/departments": () => ({ departments }),
  "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
  "GET /api/sla/calendars": () => ({ calendars }),
};

const rules = () => screen.getAllByTestId("rule");
const select = (root: HTMLElement, testId: string, index = 0) => within(root).getAllByTestId(testId)[index] as HTMLSelectElement;

describe("the SLA policy form", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("builds a policy from its parts and sends it as the API takes it", async () => {
    router.params = { id: "new" };
    const api = stubApi({ ...routes, "POST /api/sla/policies": ({ body }) => jsonResponse(201, { policy: { policyId: "p9", position: 1, ...(body as object) } }) });
    renderConsole(() => <PolicyPage />, olga);
    await screen.findByTestId("policy-form");

    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "Urgent payments" } });
    fireEvent.click(within(screen.getByTestId("match-priorities")).getByLabelText("Urgent"));
    fireEvent.click(within(screen.getByTestId("match-priorities")).getByLabelText("High"));
    fireEvent.click(within(screen.getByTestId("match-departments")).getByLabelText("Payments"));
    fireEvent.input(screen.getByLabelText("First response"), { target: { value: "90" } });
    expect(screen.getByTestId("target-first_response-hours").textContent).toBe("= 1 h 30 min");
    fireEvent.input(screen.getByLabelText("Resolution"), { target: { value: "2880" } });
    expect(screen.getByTestId("target-resolution-hours").textContent).toBe("= 2 d");
    // A calendar exists, so business hours in it are the default.
    expect((screen.getByLabelText("Calendar") as HTMLSelectElement).value).toBe("cal-1");
    fireEvent.click(screen.getByLabelText("On hold"));
    fireEvent.input(screen.getByLabelText("Warn at (% of a target)"), { target: { value: "50" } });

    fireEvent.click(screen.getByTestId("add-rule"));
    fireEvent.change(select(rules()[0]!, "rule-on"), { target: { value: "warning" } });
    fireEvent.change(select(rules()[0]!, "rule-target"), { target: { value: "first_response" } });
    fireEvent.click(screen.getByTestId("add-rule"));
    const breach = rules()[1]!;
    fireEvent.change(select(breach, "action-type"), { target: { value: "notify_staff" } });
    fireEvent.click(within(breach).getByLabelText("Saule Supervisor"));
    fireEvent.click(within(breach).getByTestId("add-action"));
    fireEvent.change(select(breach, "action-type", 1), { target: { value: "raise_priority" } });
    fireEvent.click(within(breach).getByTestId("add-action"));
    fireEvent.change(select(breach, "action-type", 2), { target: { value: "reassign" } });
    fireEvent.change(within(breach).getByLabelText("To department"), { target: { value: "d-sup" } });

    fireEvent.click(screen.getByTestId("save-policy"));
    await waitFor(() => expect(router.navigate).toHaveBeenCalledWith("/admin/sla/policies"));
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({
      name: "Urgent payments",
      active: true,
      match: { priorities: ["high", "urgent"], types: [], departmentIds: ["d-pay"] },
      targets: { first_response: 90, resolution: 2880 },
      hours: "business",
      calendarId: "cal-1",
      pauseOn: ["pending"],
      warnPercent: 50,
      escalations: [
        { on: "warning", target: "first_response", actions: [{ type: "notify_assignee" }] },
        { on: "breach", target: "any", actions: [{ type: "notify_staff", staffIds: ["s-saule"] }, { type: "raise_priority" }, { type: "reassign", departmentId: "d-sup" }] },
      ],
    });
  });

  it("says what is missing before sending, under each field", async () => {
    router.params = { id: "new" };
    const api = stubApi({ ...routes });
    renderConsole(() => <PolicyPage />, olga);
    await screen.findByTestId("policy-form");
    fireEvent.input(screen.getByLabelText("Warn at (% of a target)"), { target: { value: "120" } });
    fireEvent.click(screen.getByTestId("add-rule"));
    fireEvent.change(select(rules()[0]!, "action-type"), { target: { value: "notify_staff" } });
    fireEvent.click(screen.getByTestId("save-policy"));

    expect(await screen.findByText("Enter a name")).toBeTruthy();
    expect(screen.getByTestId("targets-error").textContent).toBe("Give at least one target");
    expect(screen.getByText("A whole percentage from 1 to 99")).toBeTruthy();
    expect(within(rules()[0]!).getByText("Choose at least one person")).toBeTruthy();
    expect(api.calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("shows the API's issue under the action it concerns, and keeps the form", async () => {
    const policy: PolicyInfo = {
      policyId: "p1",
      name: "Payments",
      position: 1,
      active: true,
      match: { priorities: [], types: [], departmentIds: ["d-pay"] },
      targets: { first_response: 2 },
      hours: "calendar",
      pauseOn: ["pending", "on_hold"],
      warnPercent: 40,
      escalations: [{ on: "breach", target: "any", actions: [{ type: "reassign", assigneeId: "s-saule" }] }],
    };
    router.params = { id: "p1" };
    const api = stubApi({
      ...routes,
      "GET /api/sla/policies": () => ({ policies: [policy] }),
      "PUT /api/sla/policies/p1": () =>
        jsonResponse(400, {
          error: {
            code: "invalid",
            message: "escalations.0.actions.0: There is no such staff member",
            requestId: "r1",
            issues: [{ path: "escalations.0.actions.0", code: "not_found", message: "There is no such staff member" }],
          },
        }),
    });
    renderConsole(() => <PolicyPage />, olga);
    await screen.findByTestId("policy-form");
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("Payments");
    expect((within(rules()[0]!).getByLabelText("To person") as HTMLSelectElement).value).toBe("s-saule");
    fireEvent.input(screen.getByLabelText("Next response"), { target: { value: "120" } });
    fireEvent.click(screen.getByTestId("save-policy"));

    expect(await within(rules()[0]!).findByText("There is no such staff member")).toBeTruthy();
    expect(api.calls.find((c) => c.method === "PUT")?.body).toMatchObject({ targets: { first_response: 2, next_response: 120 }, hours: "calendar" });
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it("says so when the policy does not exist", async () => {
    router.params = { id: "gone" };
    stubApi({ ...routes, "GET /api/sla/policies": () => ({ policies: [] }) });
    renderConsole(() => <PolicyPage />, olga);
    expect((await screen.findByTestId("policy-not-found")).textContent).toContain("There is no such policy");
  });
});
