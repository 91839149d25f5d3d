import { cleanup, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Me, Role } from "../api/types";
import { me, staff } from "../../test/console-harness";
import { I18nProvider } from "../i18n";
import { MeContext } from "../session/me";
import { WorkspacePage } from "./workspace";

vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule);

const terms = { planId: "standard", name: "Standard", staffLimit: 2, dailyTicketLimit: 10, features: [] };

/** /api/me as the API answers each role (core/billing overview): prices and the balance to owners and admins only. */
function meAs(role: Role): Me {
  const base = me(staff({ staffId: `s-${role}`, name: `${role} person`, role }));
  const everyone = { ...base, tenant: { ...base.tenant, planStatus: "active" }, standing: {}, subscription: { addOns: [], features: [] } };
  if (role !== "owner" && role !== "admin") return { ...everyone, plan: terms } as unknown as Me;
  return {
    ...everyone,
    plan: { ...terms, pricePerDayMinor: 100, currency: "USD", addOns: [{ addOnId: "statistics", name: "Statistics", pricePerDayMinor: 20 }] },
    subscription: { addOns: [], features: [], dailyPriceMinor: 100 },
    billing: { balanceMinor: 2500, currency: "USD", trialCreditMinor: 3000, daysLeft: 25, dailyPriceMinor: 100 },
  } as unknown as Me;
}

function renderAs(role: Role, locale: "en" | "ru" = "en") {
  const current = meAs(role);
  return render(() => (
    <I18nProvider locale={locale}>
      <MeContext.Provider value={{ me: () => current, refetch: () => undefined }}>
        <WorkspacePage />
      </MeContext.Provider>
    </I18nProvider>
  ));
}

describe("the workspace page, per role", () => {
  afterEach(cleanup);

  it("shows owners and admins the plan's prices, the balance, the trial credit and the days it covers", () => {
    for (const role of ["owner", "admin"] as const) {
      renderAs(role);
      expect(screen.getByTestId("balance").textContent, role).toBe("$25.00");
      expect(screen.getByTestId("trial-credit").textContent, role).toBe("$30.00");
      expect(screen.getByTestId("covers-days").textContent, role).toBe("Covers about 25 days at the current price");
      expect(screen.getByTestId("price-per-day").textContent, role).toBe("$1.00 / day");
      expect(screen.getByText("Statistics")).toBeTruthy();
      expect(screen.queryByTestId("billing-for-admins")).toBeNull();
      cleanup();
    }
  });

  it("shows the others the plan's name and limits, no empty balance or price, and who sees them", () => {
    for (const role of ["supervisor", "dispatcher", "agent"] as const) {
      renderAs(role);
      expect(screen.getByTestId("plan-name").textContent, role).toBe("Standard");
      expect(screen.getByTestId("inbound-address").textContent, role).toBe("acme@frontline.localhost");
      for (const id of ["balance", "trial-credit", "covers-days", "price-per-day"]) expect(screen.queryByTestId(id), `${role} ${id}`).toBeNull();
      expect(screen.queryByText("Balance")).toBeNull();
      expect(document.body.textContent, role).not.toMatch(/\$|NaN|undefined/);
      expect(screen.getByTestId("billing-for-admins").textContent, role).toBe("Prices and the balance are shown to the workspace's owners and admins.");
      expect(document.body.textContent, role).not.toContain("balance and the address");
      cleanup();
    }
    renderAs("agent", "ru");
    expect(screen.getByTestId("billing-for-admins").textContent).toBe("Цены и баланс видят владельцы и администраторы рабочего пространства.");
  });

  it("says that the reader's own seat is one of the plan's, in every language", () => {
    const said = { en: "2, yours included", ru: "2, включая ваше", uk: "2, разом із вашим", kk: "2, өзіңізді қоса алғанда", hu: "2, az Önét is beleértve" };
    for (const [locale, text] of Object.entries(said)) {
      renderAs("owner", locale as "en");
      expect(screen.getByTestId("plan-staff-seats").textContent, locale).toBe(text);
      cleanup();
    }
  });
});
