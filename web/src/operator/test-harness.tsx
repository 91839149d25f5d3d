import { render } from "@solidjs/testing-library";
import type { JSX } from "solid-js";
import { vi } from "vitest";
import { routerModule } from "../../test/router-stub";
import { I18nProvider } from "../i18n";
import type { LedgerEntry, PlanInfo, TopUpRequest, WorkspaceRow } from "./client";

/** Where a page sent the reader with <Navigate> (the shared stub's Navigate renders nothing and says nothing). */
export const redirected = vi.fn();

/**
 * The shared router stub with a Navigate that reports to `redirected`. Use with:
 * vi.mock("@solidjs/router", async () => (await import("../test-harness")).operatorRouterModule)
 */
export const operatorRouterModule = {
  ...routerModule,
  Navigate: (props: { href: string }) => {
    redirected(props.href);
    return null;
  },
};

/** Renders an operator page as the console does: translated (operators are nobody's staff: no workspace context). */
export function renderOperator(ui: () => JSX.Element, locale: "en" | "ru" = "en") {
  return render(() => <I18nProvider locale={locale}>{ui()}</I18nProvider>);
}

export const workspaceRow = (tenantId: string, overrides: Partial<WorkspaceRow> = {}): WorkspaceRow => ({
  tenantId,
  name: `${tenantId[0]!.toUpperCase()}${tenantId.slice(1)} Support`,
  createdAt: "2026-11-01T09:00:00.000Z",
  planId: "standard",
  planName: "Standard",
  status: "active",
  balanceMinor: 2_500,
  currency: "USD",
  dailyPriceMinor: 100,
  daysLeft: 25,
  seatsUsed: 1,
  openTopUpRequests: 0,
  ...overrides,
});

export const ledgerEntry = (entryId: string, overrides: Partial<LedgerEntry> = {}): LedgerEntry => ({
  entryId,
  kind: "trial_credit",
  amountMinor: 3_000,
  balanceAfterMinor: 3_000,
  currency: "USD",
  description: "Trial credit",
  createdAt: "2026-11-01T09:00:00.000Z",
  by: "Sign-up",
  ...overrides,
});

export const topUpRequest = (requestId: string, overrides: Partial<TopUpRequest> = {}): TopUpRequest => ({
  requestId,
  amountMinor: 5_000,
  note: "Paying by bank transfer",
  requestedBy: "Olga Owner",
  createdAt: "2026-11-20T10:00:00.000Z",
  status: "open",
  ...overrides,
});

export const standardPlan = (overrides: Partial<PlanInfo> = {}): PlanInfo => ({
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
  ...overrides,
});
