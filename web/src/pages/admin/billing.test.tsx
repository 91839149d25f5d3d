import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { BillingSummary, LedgerEntry, PlanInfo, TopUpRequestInfo } from "../../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import { BillingPage, dailyPrice } from "./billing";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner" });
const dora = staff({ staffId: "s-dora", name: "Dora Dispatcher", role: "dispatcher" });

const standard: PlanInfo = {
  planId: "standard",
  name: "Standard",
  pricePerDayMinor: 100,
  currency: "USD",
  staffLimit: 2,
  dailyTicketLimit: 10,
  features: [],
  addOns: [
    { addOnId: "mailbox", name: "Mailbox integration", pricePerDayMinor: 30 },
    { addOnId: "statistics", name: "Statistics", pricePerDayMinor: 20 },
  ],
};
const pro: PlanInfo = { planId: "pro", name: "Pro", pricePerDayMinor: 400, currency: "USD", staffLimit: 25, features: ["mailbox", "statistics", "internal_mail"], addOns: [] };

let summary: BillingSummary;
let requests: TopUpRequestInfo[];
const entry = (entryId: string, overrides: Partial<LedgerEntry> = {}): LedgerEntry =>
  ({ entryId, kind: "daily_charge", amountMinor: -100, balanceAfterMinor: 2900, currency: "USD", description: "Standard, 2026-03-10", createdAt: "2026-03-10T00:05:00.000Z", ...overrides }) as LedgerEntry;

function routes() {
  summary = {
    plan: standard,
    addOns: ["statistics"],
    features: ["statistics"],
    dailyPriceMinor: 120,
    status: "trial",
    balanceMinor: 2880,
    currency: "USD",
    trialCreditMinor: 3000,
    daysLeft: 24,
    seatsUsed: 2,
    ticketsToday: 3,
  } as BillingSummary;
  requests = [];
  return {
    "GET /api/staff": () => ({ staff: [olga] }),
    "GET /api/departments": () => ({ departments: [] }),
    "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
    "GET /api/billing": () => ({ billing: summary }),
    "GET /api/plans": () => ({ plans: [standard, pro] }),
    "GET /api/billing/top-up-requests": () => ({ requests }),
    "GET /api/billing/ledger": ({ url }: { url: URL }) =>
      url.searchParams.get("cursor")
        ? { entries: [entry("e0", { kind: "trial_credit", amountMinor: 3000, balanceAfterMinor: 3000, description: "Trial credit" })], cursor: null }
        : { entries: [entry("e2", { balanceAfterMinor: 2880, amountMinor: -120 }), entry("e1")], cursor: "c2" },
  };
}

describe("the plan and billing page", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("says the system's own ledger entries in the reader's language, whatever words they were stored with", async () => {
    stubApi({ ...routes(), "GET /api/billing/ledger": () => ({ entries: [entry("e0", { kind: "trial_credit", amountMinor: 3000, balanceAfterMinor: 3000, description: "Trial credit" })], cursor: null }) });
    renderConsole(() => <BillingPage />, olga, "hu");
    const [row] = await screen.findAllByTestId("ledger-row");
    expect(row!.textContent).not.toContain("Trial credit");
  });

  it("shows the plan, add-ons, daily price, balance, days left, seats, and the ledger a page at a time", async () => {
    const api = stubApi(routes());
    renderConsole(() => <BillingPage />, olga);
    expect((await screen.findByTestId("billing-plan")).textContent).toBe("Standard");
    expect(screen.getByTestId("billing-balance").textContent).toBe("$28.80");
    expect(screen.getByTestId("billing-daily-price").textContent).toBe("$1.20 / day");
    expect(screen.getByTestId("billing-days-left").textContent).toBe("24 days");
    expect(screen.getByTestId("billing-add-ons").textContent).toBe("Statistics");
    expect(screen.getByTestId("billing-seats").textContent).toBe("2 of 2, yours included");
    expect(screen.getByTestId("billing-tickets-today").textContent).toBe("3 of 10");

    await waitFor(() => expect(screen.getAllByTestId("ledger-row")).toHaveLength(2));
    expect(screen.getAllByTestId("ledger-row")[0]!.textContent).toMatch(/[−-]\$1\.20/);
    fireEvent.click(screen.getByTestId("load-more"));
    await waitFor(() => expect(screen.getAllByTestId("ledger-row")).toHaveLength(3));
    expect(screen.getAllByTestId("ledger-row")[2]!.textContent).toContain("Trial credit");
    expect(screen.queryByTestId("load-more")).toBeNull();
    expect(api.calls.filter((c) => c.path.startsWith("/api/billing/ledger")).map((c) => c.path)).toEqual([
      "/api/billing/ledger?limit=25",
      "/api/billing/ledger?cursor=c2&limit=25",
    ]);
  });

  it("says a count the plan does not limit as such, not \"0 of Unlimited\", in every language", async () => {
    const said: Record<string, [string, string]> = {
      en: ["2 used, yours included; no limit", "0 used, no limit"],
      ru: ["2, включая ваше, без ограничений", "0, без ограничений"],
      uk: ["2, разом із вашим, без обмежень", "0, без обмежень"],
      kk: ["2, өзіңізді қоса алғанда, шектеусіз", "0, шектеусіз"],
      hu: ["2, az Önét is beleértve, korlát nélkül", "0, korlát nélkül"],
    };
    for (const [locale, [seats, tickets]] of Object.entries(said)) {
      stubApi({ ...routes(), "GET /api/billing": () => ({ billing: { ...summary, plan: { ...pro, staffLimit: null }, ticketsToday: 0 } }) });
      renderConsole(() => <BillingPage />, olga, locale as "en");
      expect((await screen.findByTestId("billing-seats")).textContent, locale).toBe(seats);
      expect(screen.getByTestId("billing-tickets-today").textContent, locale).toBe(tickets);
      cleanup();
    }
  });

  it("says that the reader takes one of the plan's seats, in the summary and on each plan, in every language", async () => {
    const said: Record<string, [string, string, string]> = {
      en: ["1 of 2 (you)", "2 staff seats, yours included", "25 staff seats, yours included"],
      ru: ["1 из 2 (ваше)", "Мест для сотрудников: 2, включая ваше", "Мест для сотрудников: 25, включая ваше"],
      uk: ["1 з 2 (ваше)", "Місць для працівників: 2, разом із вашим", "Місць для працівників: 25, разом із вашим"],
      kk: ["1 / 2 (сіздің орныңыз)", "Қызметкер орындары: 2, өзіңізді қоса алғанда", "Қызметкер орындары: 25, өзіңізді қоса алғанда"],
      hu: ["1 / 2 (az Öné)", "2 munkatársi hely, az Önét is beleértve", "25 munkatársi hely, az Önét is beleértve"],
    };
    for (const [locale, [seats, standardSeats, proSeats]] of Object.entries(said)) {
      stubApi({ ...routes(), "GET /api/billing": () => ({ billing: { ...summary, seatsUsed: 1 } }) });
      renderConsole(() => <BillingPage />, olga, locale as "en");
      expect((await screen.findByTestId("billing-seats")).textContent, locale).toBe(seats);
      const options = await screen.findAllByTestId("plan-option");
      expect(options[0]!.textContent, locale).toContain(standardSeats);
      expect(options[1]!.textContent, locale).toContain(proSeats);
      cleanup();
    }
  });

  it("changes the plan after a confirmation that shows the new daily price", async () => {
    const api = stubApi({
      ...routes(),
      "PUT /api/billing/plan": ({ body }) => {
        const input = body as { planId: string; addOns: string[] };
        const plan = input.planId === "pro" ? pro : standard;
        summary = { ...summary, plan, addOns: input.addOns, dailyPriceMinor: dailyPrice(plan, input.addOns) };
        return { subscription: { plan, addOns: input.addOns, features: [], dailyPriceMinor: summary.dailyPriceMinor, status: "trial" } };
      },
    });
    renderConsole(() => <BillingPage />, olga);
    const review = (await screen.findByTestId("review-plan")) as HTMLButtonElement;
    await screen.findAllByTestId("plan-option");
    expect(review.disabled).toBe(true);

    // An add-on first: the price follows the choice.
    fireEvent.click(within(screen.getByTestId("plan-add-ons")).getByLabelText(/Mailbox integration/));
    expect(screen.getByTestId("plan-status").textContent).toBe("New daily price: $1.50");
    // Then Pro, which has everything and no add-ons.
    fireEvent.click(within(screen.getAllByTestId("plan-option").find((o) => o.dataset.plan === "pro")!).getByRole("radio"));
    expect(screen.queryByTestId("plan-add-ons")).toBeNull();
    expect(screen.getByTestId("plan-status").textContent).toBe("New daily price: $4.00");
    // Back to Standard: the add-ons bought are chosen again, and there is nothing to change.
    fireEvent.click(within(screen.getAllByTestId("plan-option").find((o) => o.dataset.plan === "standard")!).getByRole("radio"));
    expect((within(screen.getByTestId("plan-add-ons")).getByLabelText(/Statistics/) as HTMLInputElement).checked).toBe(true);
    expect(review.disabled).toBe(true);
    fireEvent.click(within(screen.getAllByTestId("plan-option").find((o) => o.dataset.plan === "pro")!).getByRole("radio"));
    fireEvent.click(review);
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("Move to Pro?");
    expect(within(dialog).getByTestId("confirm-price").textContent).toBe("From the next daily charge you pay $4.00 a day instead of $1.20.");
    fireEvent.click(within(dialog).getByTestId("confirm"));
    await waitFor(() => expect(screen.getByTestId("billing-plan").textContent).toBe("Pro"));
    expect(api.calls.find((c) => c.method === "PUT")?.body).toEqual({ planId: "pro", addOns: [] });
    expect(screen.getByTestId("billing-daily-price").textContent).toBe("$4.00 / day");
  });

  it("says why a plan change is refused", async () => {
    stubApi({
      ...routes(),
      "PUT /api/billing/plan": () =>
        jsonResponse(402, {
          error: { code: "limit_reached", limit: "staff_seats", requestId: "r1", message: "The Standard plan includes 2 staff seats and 3 are in use: deactivate staff or revoke invitations first" },
        }),
    });
    renderConsole(() => <BillingPage />, olga);
    await screen.findAllByTestId("plan-option");
    fireEvent.click(within(screen.getByTestId("plan-add-ons")).getByLabelText(/Statistics/));
    fireEvent.click(screen.getByTestId("review-plan"));
    fireEvent.click(within(await screen.findByTestId("confirm-dialog")).getByTestId("confirm"));
    expect((await screen.findByTestId("plan-error")).textContent).toContain("3 are in use");
  });

  it("files a top-up request in minor units and lists it", async () => {
    const api = stubApi({
      ...routes(),
      "POST /api/billing/top-up-requests": ({ body }) => {
        const created = { requestId: "r1", requestedBy: "Olga Owner", createdAt: "2026-03-10T12:00:00.000Z", status: "open", ...(body as object) } as TopUpRequestInfo;
        requests = [created];
        return jsonResponse(201, { request: created });
      },
    });
    renderConsole(() => <BillingPage />, olga);
    expect((await screen.findByTestId("top-up-requests-empty")).textContent).toBe("No top-up requests yet.");
    fireEvent.input(screen.getByLabelText("Amount (USD)"), { target: { value: "fifty" } });
    fireEvent.click(screen.getByTestId("request-top-up"));
    expect(await screen.findByText("Enter an amount above zero, e.g. 50 or 49.90")).toBeTruthy();
    expect(api.calls.some((c) => c.method === "POST")).toBe(false);

    fireEvent.input(screen.getByLabelText("Amount (USD)"), { target: { value: "49,90" } });
    fireEvent.input(screen.getByLabelText("Note (optional)"), { target: { value: "Bank transfer" } });
    fireEvent.click(screen.getByTestId("request-top-up"));
    await waitFor(() => expect(screen.getByTestId("top-up-status").textContent).toBe("Your request for $49.90 is sent."));
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({ amountMinor: 4990, note: "Bank transfer" });
    const listed = screen.getByTestId("top-up-request");
    expect(listed.textContent).toContain("$49.90");
    expect(listed.textContent).toContain("Bank transfer");
    expect(listed.textContent).toContain("Open");
  });

  it("is for admins: a dispatcher gets the admins-only page", async () => {
    const api = stubApi(routes());
    renderConsole(() => <BillingPage />, dora);
    await screen.findByTestId("admins-only");
    expect(api.calls.some((c) => c.path.startsWith("/api/billing") || c.path.startsWith("/api/plans"))).toBe(false);
  });
});
