import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DepartmentInfo } from "../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../test/console-harness";
import { AdminPage } from "./admin";

vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule);

const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner" });
const artem = staff({ staffId: "s-artem", name: "Artem Agent", role: "agent", departmentIds: ["d-pay"] });
const bella = staff({ staffId: "s-bella", name: "Bella Agent", role: "agent", departmentIds: ["d-sup"] });
let departments: DepartmentInfo[] = [];

function routes() {
  departments = [
    { departmentId: "d-pay", name: "Payments", isDefault: false, createdAt: "2026-01-01T00:00:00.000Z", address: "payments", inboundAddress: "acme+payments@frontline.localhost" },
    { departmentId: "d-sup", name: "Support", isDefault: true, createdAt: "2026-01-01T00:00:00.000Z", address: "support", inboundAddress: "acme+support@frontline.localhost" },
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

  it("shows each department's address with a copy button, and lets an owner choose it, in Latin letters from the name until typed over", async () => {
    const api = stubApi({
      ...routes(),
      "POST /api/departments": ({ body }) => {
        const { name, address } = body as { name: string; address: string };
        if (address === "payments") {
          const message = "Payments already receives mail at this address; choose another";
          return jsonResponse(409, { error: { code: "conflict", message, requestId: "r1", issues: [{ path: "address", code: "taken", message }] } });
        }
        departments.push({ departmentId: "d-new", name, address, inboundAddress: `acme+${address}@frontline.localhost`, isDefault: false, createdAt: "2026-03-01T00:00:00.000Z" } as DepartmentInfo);
        return { department: departments.at(-1) };
      },
      "PATCH /api/departments/d-pay": ({ body }) => {
        const address = (body as { address: string }).address;
        if (address === "оплата") {
          const message = "Use only Latin letters (a–z), digits and hyphens, with no hyphen at the start or end or two in a row";
          return jsonResponse(400, { error: { code: "invalid", message: `address: ${message}`, requestId: "r2", issues: [{ path: "address", code: "invalid_format", message }] } });
        }
        Object.assign(departments[0]!, { address, inboundAddress: `acme+${address}@frontline.localhost` });
        return { department: departments[0] };
      },
    });
    renderConsole(() => <AdminPage />, olga);
    const row = async (name: string) => (await screen.findAllByTestId("department-row")).find((r) => r.dataset.department === name)!;
    expect(within(await row("Payments")).getByTestId("department-address").textContent).toBe("acme+payments@frontline.localhost");
    expect(within(await row("Payments")).getByTestId("copy-department-address").textContent).toBe("Copy");

    // The address follows the name in Latin letters...
    fireEvent.input(screen.getByLabelText("New department"), { target: { value: "Оплата і повернення" } });
    expect((screen.getByLabelText("Address after +") as HTMLInputElement).placeholder).toBe("oplata-i-povernennia");
    fireEvent.click(screen.getByRole("button", { name: "Add" }));
    await waitFor(async () => expect(within(await row("Оплата і повернення")).getByTestId("department-address").textContent).toBe("acme+oplata-i-povernennia@frontline.localhost"));
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({ name: "Оплата і повернення", address: "oplata-i-povernennia" });

    // ...or is the admin's own, and one that another department has is refused under its field.
    fireEvent.input(screen.getByLabelText("New department"), { target: { value: "Billing" } });
    fireEvent.input(screen.getByLabelText("Address after +"), { target: { value: "payments" } });
    fireEvent.click(screen.getByRole("button", { name: "Add" }));
    const field = screen.getByLabelText("Address after +");
    await waitFor(() => expect(field.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(field.getAttribute("aria-describedby")!)!.textContent).toBe("Payments already receives mail at this address; choose another");

    // An existing department's address is changed with its name; a wrong one is said under the field.
    fireEvent.click(within(await row("Payments")).getByRole("button", { name: "Rename" }));
    const address = screen.getByLabelText("Address of Payments after +") as HTMLInputElement;
    expect(address.value).toBe("payments");
    fireEvent.input(address, { target: { value: "оплата" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(address.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(address.getAttribute("aria-describedby")!)!.textContent).toBe("Use only Latin letters (a–z), digits and hyphens, with no hyphen at the start or end or two in a row");
    fireEvent.input(address, { target: { value: "billing" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(async () => expect(within(await row("Payments")).getByTestId("department-address").textContent).toBe("acme+billing@frontline.localhost"));
    expect(api.calls.filter((c) => c.method === "PATCH").at(-1)?.body).toEqual({ address: "billing" });
  });

  it("lets an owner add, rename, archive a department and choose who works it", async () => {
    const api = stubApi({
      ...routes(),
      "POST /api/departments": ({ body }) => {
        const { name, address } = body as { name: string; address: string };
        departments.push({ departmentId: "d-new", name, address, inboundAddress: `acme+${address}@frontline.localhost`, isDefault: false, createdAt: "2026-03-01T00:00:00.000Z" } as DepartmentInfo);
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
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({ name: "Complaints", address: "complaints" });

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
