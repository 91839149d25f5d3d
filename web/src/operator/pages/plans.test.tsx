import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import type { PlanInfo } from "../client";
import { renderOperator, standardPlan } from "../test-harness";
import { OperatorPlansPage, parseLimit } from "./plans";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

const pro: PlanInfo = { planId: "pro", name: "Pro", pricePerDayMinor: 400, currency: "USD", staffLimit: 25, dailyTicketLimit: undefined, features: ["mailbox", "statistics", "internal_mail"], addOns: [] };

describe("the plans", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("shows each plan's price, limits, add-on prices and features in a form of its own", async () => {
    stubApi({ "GET /api/operator/plans": () => ({ plans: [standardPlan(), pro] }) });
    renderOperator(() => <OperatorPlansPage />);
    const standard = await screen.findByRole("form", { name: "The Standard plan" });
    const value = (scope: HTMLElement, label: string) => (within(scope).getByLabelText(label) as HTMLInputElement).value;
    expect(value(standard, "Price per day (USD)")).toBe("1.00");
    expect(value(standard, "Staff seats")).toBe("2");
    expect(value(standard, "New tickets per day")).toBe("10");
    expect(value(standard, "Statistics: price per day (USD)")).toBe("0.20");
    const proForm = screen.getByRole("form", { name: "The Pro plan" });
    expect(value(proForm, "New tickets per day")).toBe("");
    expect(within(proForm).getByText("This plan offers no add-ons.")).toBeTruthy();
    expect(screen.getAllByTestId("plan-features").map((p) => p.textContent)).toEqual([
      "Included features: No features beyond the basics",
      "Included features: Mailbox integration, Statistics, Internal mail",
    ]);
  });

  it("saves a new daily price, an add-on's price and an unlimited limit, and shows the plan as saved", async () => {
    const api = stubApi({
      "GET /api/operator/plans": () => ({ plans: [standardPlan(), pro] }),
      "PUT /api/operator/plans/standard": ({ body }) => {
        const update = body as Partial<PlanInfo>;
        return { plan: standardPlan({ ...update, dailyTicketLimit: update.dailyTicketLimit ?? undefined }) };
      },
    });
    renderOperator(() => <OperatorPlansPage />);
    const standard = await screen.findByRole("form", { name: "The Standard plan" });
    fireEvent.input(within(standard).getByLabelText("Price per day (USD)"), { target: { value: "1,20" } });
    fireEvent.input(within(standard).getByLabelText("New tickets per day"), { target: { value: "" } });
    fireEvent.input(within(standard).getByLabelText("Statistics: price per day (USD)"), { target: { value: "0.25" } });
    fireEvent.click(within(standard).getByRole("button", { name: "Save plan" }));
    await waitFor(() => expect(screen.getByTestId("plans-announcement").textContent).toBe("Standard saved"));
    expect(api.calls.find((c) => c.method === "PUT")?.body).toEqual({
      name: "Standard",
      pricePerDayMinor: 120,
      staffLimit: 2,
      dailyTicketLimit: null,
      addOns: [
        { addOnId: "mailbox", name: "Mailbox integration", pricePerDayMinor: 30 },
        { addOnId: "statistics", name: "Statistics", pricePerDayMinor: 25 },
      ],
    });
    const card = screen.getAllByTestId("plan-card")[0]!;
    expect(within(card).getByTestId("plan-price").textContent).toBe("$1.20 / day");
    expect((within(standard).getByLabelText("Price per day (USD)") as HTMLInputElement).value).toBe("1.20");
  });

  it("refuses a limit or a price that is not one, before sending, and shows the server's refusal", async () => {
    const api = stubApi({
      "GET /api/operator/plans": () => ({ plans: [standardPlan()] }),
      "PUT /api/operator/plans/standard": () => jsonResponse(404, { error: { code: "not_found", message: "Plan not found", requestId: "r1" } }),
    });
    renderOperator(() => <OperatorPlansPage />);
    const standard = await screen.findByRole("form", { name: "The Standard plan" });
    fireEvent.input(within(standard).getByLabelText("Staff seats"), { target: { value: "0" } });
    fireEvent.input(within(standard).getByLabelText("Price per day (USD)"), { target: { value: "a lot" } });
    fireEvent.click(within(standard).getByRole("button", { name: "Save plan" }));
    expect(await within(standard).findByText("Enter a whole number from 1, or leave empty")).toBeTruthy();
    expect(within(standard).getByText("Enter a price such as 1 or 1.20")).toBeTruthy();
    expect(api.calls.some((c) => c.method === "PUT")).toBe(false);

    fireEvent.input(within(standard).getByLabelText("Staff seats"), { target: { value: "3" } });
    fireEvent.input(within(standard).getByLabelText("Price per day (USD)"), { target: { value: "1" } });
    fireEvent.click(within(standard).getByRole("button", { name: "Save plan" }));
    expect((await within(standard).findByTestId("plan-error")).textContent).toBe("Plan not found");
  });

  it("reads limits: empty is unlimited, else a whole number from 1", () => {
    expect(parseLimit("")).toBeNull();
    expect(parseLimit(" 25 ")).toBe(25);
    for (const text of ["0", "-1", "2.5", "many", "100001"]) expect(parseLimit(text), text).toBeUndefined();
  });
});
