import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DepartmentInfo } from "../api/types";
import { renderConsole, staff, stubApi } from "../../test/console-harness";
import { AdminPage } from "./admin";

vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule);

const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner" });
const artem = staff({ staffId: "s-artem", name: "Artem Agent", role: "agent", departmentIds: ["d-pay"] });
const bella = staff({ staffId: "s-bella", name: "Bella Agent", role: "agent", departmentIds: ["d-sup"] });
let departments: DepartmentInfo[] = [];

function routes() {
  departments = [
    { departmentId: "d-pay", name: "Payments", isDefault: false, createdAt: "2026-01-01T00:00:00.000Z" },
    { departmentId: "d-sup", name: "Support", isDefault: true, createdAt: "2026-01-01T00:00:00.000Z" },
  ] as DepartmentInfo[];
  return {
    "GET /api/staff": () => ({ staff: [artem, bella, olga] }),
    "GET /api/departments": () => ({ departments }),
    "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
    "GET /api/billing/ledger": () => ({ entries: [] }),
  };
}

describe("the admin page", () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("tells non-admins politely that only admins manage departments", async () => {
    stubApi(routes());
    renderConsole(() => <AdminPage />, artem);
    expect((await screen.findByTestId("departments-admins-only")).textContent).toContain("Only the workspace's owners and admins manage departments");
    await screen.findByTestId("departments-table");
    expect(screen.queryByRole("button", { name: "Archive" })).toBeNull();
    expect(screen.queryByTestId("new-department")).toBeNull();
  });

  it("lets an owner add, rename, archive a department and choose who works it", async () => {
    const api = stubApi({
      ...routes(),
      "POST /api/departments": ({ body }) => {
        departments.push({ departmentId: "d-new", name: (body as { name: string }).name, isDefault: false, createdAt: "2026-03-01T00:00:00.000Z" } as DepartmentInfo);
        return { department: departments.at(-1) };
      },
      "PATCH /api/departments/d-pay": ({ body }) => {
        Object.assign(departments[0]!, body, (body as { archived?: boolean }).archived ? { archivedAt: "2026-03-02T00:00:00.000Z" } : {});
        return { department: departments[0] };
      },
      "PUT /api/departments/d-pay/staff": ({ body }) => body,
    });
    renderConsole(() => <AdminPage />, olga);
    const row = async (name: string) => (await screen.findAllByTestId("department-row")).find((r) => r.dataset.department === name)!;
    await waitFor(async () => expect((await row("Payments")).textContent).toContain("Artem Agent"));

    fireEvent.input(screen.getByLabelText("New department"), { target: { value: "Complaints" } });
    fireEvent.click(screen.getByRole("button", { name: "Add" }));
    await waitFor(async () => expect(await row("Complaints")).toBeTruthy());
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({ name: "Complaints" });

    fireEvent.click(within(await row("Payments")).getByRole("button", { name: "Rename" }));
    fireEvent.input(screen.getByLabelText("New name for Payments"), { target: { value: "Billing" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(async () => expect(await row("Billing")).toBeTruthy());

    fireEvent.click(within(await row("Billing")).getByRole("button", { name: "Archive" }));
    await waitFor(async () => expect((await row("Billing")).textContent).toContain("Archived"));
    expect(within(await row("Support")).queryByRole("button", { name: "Archive" })).toBeNull();

    fireEvent.click(within(await row("Billing")).getByTestId("department-staff"));
    const dialog = await screen.findByTestId("staff-dialog");
    const box = (name: string) => within(dialog).getByText(name).closest("label")!.querySelector("input")!;
    expect(box("Artem Agent").checked).toBe(true);
    expect(box("Olga Owner")).toMatchObject({ checked: true, disabled: true });
    fireEvent.click(box("Bella Agent"));
    fireEvent.click(box("Artem Agent"));
    fireEvent.click(within(dialog).getByTestId("save-staff"));
    await waitFor(() => expect(screen.queryByTestId("staff-dialog")).toBeNull());
    expect(api.calls.find((c) => c.method === "PUT")?.body).toEqual({ staffIds: ["s-bella"] });
  });
});
