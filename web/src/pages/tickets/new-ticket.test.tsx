import { cleanup, fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DepartmentInfo } from "../../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import { NewTicketPage } from "./new";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

const dora = staff({ staffId: "s-dora", name: "Dora Dispatcher", role: "dispatcher" });
const artem = staff({ staffId: "s-artem", name: "Artem Agent", role: "agent", departmentIds: ["d-pay"] });
const bella = staff({ staffId: "s-bella", name: "Bella Agent", role: "agent", departmentIds: ["d-sup"] });
const departments = [
  { departmentId: "d-pay", name: "Payments", isDefault: false, createdAt: "2026-01-01T00:00:00.000Z" },
  { departmentId: "d-sup", name: "Support", isDefault: true, createdAt: "2026-01-01T00:00:00.000Z" },
  { departmentId: "d-old", name: "Old", isDefault: false, archivedAt: "2026-02-01T00:00:00.000Z", createdAt: "2026-01-01T00:00:00.000Z" },
] as DepartmentInfo[];

const routes = {
  "GET /api/staff": () => ({ staff: [artem, bella, dora] }),
  "GET /api/departments": () => ({ departments }),
  "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
};

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement & HTMLSelectElement;
const optionLabels = (select: HTMLSelectElement) => [...select.options].map((o) => o.textContent);

describe("registering a request", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("sends a phone request of a new customer with its classification and assignee, then opens the ticket", async () => {
    const api = stubApi({ ...routes, "POST /api/tickets": () => jsonResponse(201, { ticket: { ticketId: "t9", number: 9 } }) });
    renderConsole(() => <NewTicketPage />, dora);
    // Archived departments take no tickets; the default one is chosen first.
    await waitFor(() => expect(optionLabels(field("Department"))).toEqual(["Payments", "Support"]));
    expect(field("Department").value).toBe("d-sup");

    fireEvent.click(screen.getByTestId("requester-mode-phone"));
    fireEvent.input(field("Name"), { target: { value: "Petro Caller" } });
    fireEvent.input(field("Phone"), { target: { value: "+380 44 123 45 67" } });
    fireEvent.change(field("Received by"), { target: { value: "in_person" } });
    fireEvent.input(field("Subject"), { target: { value: "Card declined" } });
    fireEvent.input(field("Description"), { target: { value: "Declined at the last step." } });
    fireEvent.change(field("Department"), { target: { value: "d-pay" } });
    // Who works Payments: its agent, and the dispatcher (who works every department).
    await waitFor(() => expect(optionLabels(field("Assignee"))).toEqual(["Unassigned", "Artem Agent", "Dora Dispatcher (me)"]));
    fireEvent.change(field("Assignee"), { target: { value: "s-artem" } });
    fireEvent.change(field("Impact"), { target: { value: "high" } });
    expect(screen.getByTestId("matrix-priority").textContent).toBe("High");
    fireEvent.input(field("Tags"), { target: { value: "vip, Card Payments" } });
    fireEvent.keyDown(field("Tags"), { key: "Enter" });
    fireEvent.click(screen.getByTestId("create-ticket"));

    await waitFor(() => expect(router.navigate).toHaveBeenCalledWith("/tickets/t9"));
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({
      requester: { name: "Petro Caller", phone: "+380 44 123 45 67" },
      subject: "Card declined",
      body: "Declined at the last step.",
      departmentId: "d-pay",
      type: "incident",
      impact: "high",
      urgency: "medium",
      assigneeId: "s-artem",
      tags: ["vip", "card-payments"],
      origin: "in_person",
    });
  });

  it("shows the API's field errors beside their fields, in the reader's language", async () => {
    stubApi({
      ...routes,
      "POST /api/tickets": () =>
        jsonResponse(400, {
          error: {
            code: "invalid",
            message: "requester.phone: Enter a phone number",
            requestId: "r",
            issues: [
              { path: "requester.phone", code: "invalid_format", message: "Enter a phone number" },
              { path: "subject", code: "too_small", message: "Enter a subject" },
            ],
          },
        }),
    });
    renderConsole(() => <NewTicketPage />, dora, "ru");
    await waitFor(() => expect(field("Отдел").value).toBe("d-sup"));
    fireEvent.click(screen.getByTestId("requester-mode-phone"));
    fireEvent.input(field("Имя"), { target: { value: "Петро" } });
    fireEvent.input(field("Телефон"), { target: { value: "12" } });
    fireEvent.click(screen.getByTestId("create-ticket"));

    await waitFor(() => expect(field("Телефон").getAttribute("aria-invalid")).toBe("true"));
    const describedBy = (input: HTMLElement) => document.getElementById(input.getAttribute("aria-describedby")!.split(" ")[0]!)?.textContent;
    expect(describedBy(field("Телефон"))).toBe("Укажите телефон: цифры, пробелы, скобки, дефисы и, возможно, + в начале");
    expect(describedBy(field("Тема"))).toBe("Укажите тему");
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it("finds an existing customer as you type and sends them by id; an agent may assign only themselves", async () => {
    const api = stubApi({
      ...routes,
      "GET /api/customers": ({ url }) => ({
        customers: url.searchParams.get("q") === "kim" ? [{ customerId: "c7", name: "Kim Customer", email: "kim@example.com", createdAt: "" }] : [],
      }),
      "POST /api/tickets": () => jsonResponse(201, { ticket: { ticketId: "t10", number: 10 } }),
    });
    renderConsole(() => <NewTicketPage />, artem);
    await waitFor(() => expect(optionLabels(field("Department"))).toEqual(["Payments"]));
    await waitFor(() => expect(optionLabels(field("Assignee"))).toEqual(["Unassigned", "Artem Agent (me)"]));

    // Without a customer the form says what is missing and sends nothing.
    fireEvent.click(screen.getByTestId("create-ticket"));
    expect(await screen.findByText("Choose a customer from the list, or add a new one")).toBeTruthy();

    const search = screen.getByRole("combobox", { name: "Find a customer" });
    fireEvent.focus(search);
    fireEvent.input(search, { target: { value: "kim" } });
    const option = await screen.findByRole("option", { name: /Kim Customer/ });
    fireEvent.keyDown(search, { key: "Enter" });
    expect(option.isConnected).toBe(false);
    expect(screen.getByTestId("picked-customer").textContent).toContain("kim@example.com");

    fireEvent.input(field("Subject"), { target: { value: "Invoice" } });
    fireEvent.input(field("Description"), { target: { value: "Needs the invoice again." } });
    fireEvent.click(screen.getByTestId("create-ticket"));
    await waitFor(() => expect(router.navigate).toHaveBeenCalledWith("/tickets/t10"));
    expect(api.calls.find((c) => c.method === "POST")?.body).toMatchObject({ requester: { customerId: "c7" }, departmentId: "d-pay" });
  });
});
