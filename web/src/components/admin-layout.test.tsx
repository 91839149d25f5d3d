import { cleanup, render, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Me, Role } from "../api/types";
import { me, staff } from "../../test/console-harness";
import { I18nProvider } from "../i18n";
import { MeContext } from "../session/me";
import { AdminLayout } from "./admin-layout";
import { configures } from "../tickets/lifecycle";
import { WorkspaceStanding } from "./workspace-standing";

vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule);

function renderAs(role: Role, ui: () => ReturnType<typeof AdminLayout>) {
  const self = staff({ staffId: `s-${role}`, name: `${role} person`, role });
  return render(() => (
    <I18nProvider locale="en">
      <MeContext.Provider value={{ me: () => me(self), refetch: () => undefined }}>{ui()}</MeContext.Provider>
    </I18nProvider>
  ));
}

const links = () => within(screen.getByTestId("admin-nav")).getAllByRole("link").map((a) => a.textContent);

describe("the admin navigation", () => {
  afterEach(cleanup);

  it("shows owners and admins every section", () => {
    renderAs("admin", () => <AdminLayout />);
    expect(links()).toEqual([
      "Departments",
      "Settings",
      "Staff",
      "Plan and billing",
      "Event log",
      "Reply templates",
      "Received mail",
      "Outbox",
      "Stop list",
      "Letters",
      "Policies",
      "Business calendars",
    ]);
  });

  it("shows others only what they may read", () => {
    for (const role of ["supervisor", "dispatcher", "agent"] as const) {
      renderAs(role, () => <AdminLayout />);
      expect(links(), role).toEqual(["Departments", "Stop list", "Letters", "Policies", "Business calendars"]);
      cleanup();
    }
  });
});

describe("where the workspace stands", () => {
  afterEach(cleanup);

  /** /api/me as the API answers `role`: the balance to owners and admins only, the grace period's end to everyone. */
  const standing = (role: Role, tenant: Partial<Me["tenant"]>, billing: Partial<NonNullable<Me["billing"]>>) => {
    const self = staff({ staffId: "s-1", name: "Someone", role });
    const figures = { balanceMinor: 3000, currency: "USD", daysLeft: 30, ...billing } as NonNullable<Me["billing"]>;
    const current = {
      ...me(self),
      tenant: { ...me(self).tenant, planStatus: "active", ...tenant },
      standing: { graceEndsOn: billing.graceEndsOn },
      ...(configures(role) ? { billing: figures } : {}),
    } as Me;
    return render(() => (
      <I18nProvider locale="en">
        <WorkspaceStanding me={current} />
      </I18nProvider>
    ));
  };

  it("says nothing while the balance lasts", () => {
    standing("owner", {}, {});
    expect(document.body.textContent).toBe("");
  });

  it("tells everyone a suspended workspace is read-only; admins get the way to top up, others whom to ask", () => {
    standing("owner", { planStatus: "suspended" }, { balanceMinor: -200, negativeSince: "2026-03-01", graceEndsOn: "2026-03-04", daysLeft: 0 });
    const banner = screen.getByTestId("workspace-suspended");
    expect(banner.textContent).toContain("This workspace is suspended");
    expect(banner.textContent).toContain("everyone can still read, but nothing can be changed");
    expect(within(banner).getByTestId("standing-top-up").getAttribute("href")).toBe("/admin/billing");
    cleanup();
    standing("agent", { planStatus: "suspended" }, { balanceMinor: -200 });
    expect(screen.getByTestId("workspace-suspended").textContent).toContain("Ask an admin to top up the balance.");
    expect(screen.queryByTestId("standing-top-up")).toBeNull();
  });

  it("gives the day the grace period ends, and warns when a few days are left", () => {
    standing("admin", {}, { balanceMinor: -50, negativeSince: "2026-03-01", graceEndsOn: "2026-03-04", daysLeft: 0 });
    expect(screen.getByTestId("workspace-grace").textContent).toContain("will be suspended on March 4, 2026 unless the balance is topped up");
    cleanup();
    standing("admin", {}, { balanceMinor: 250, daysLeft: 2 });
    expect(screen.getByTestId("workspace-low-balance").textContent).toContain("Covers about 2 days at the current price");
  });

  it("tells others when the workspace will be suspended, but gives them no figure of the balance", () => {
    for (const role of ["supervisor", "dispatcher", "agent"] as const) {
      standing(role, {}, { balanceMinor: -50, negativeSince: "2026-03-01", graceEndsOn: "2026-03-04", daysLeft: 0 });
      expect(screen.getByTestId("workspace-grace").textContent, role).toContain("March 4, 2026");
      expect(screen.getByTestId("workspace-grace").textContent, role).toContain("Ask an admin to top up the balance.");
      cleanup();
      standing(role, {}, { balanceMinor: 250, daysLeft: 2 });
      expect(document.body.textContent, role).toBe("");
      cleanup();
    }
  });
});
