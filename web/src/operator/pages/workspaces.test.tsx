import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import { renderOperator, workspaceRow } from "../test-harness";
import { OperatorWorkspacesPage } from "./workspaces";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

const rows = [
  workspaceRow("acme", { name: "Acme Support", balanceMinor: 2_500, daysLeft: 25 }),
  workspaceRow("globex", { name: "Globex", status: "active", balanceMinor: -150, daysLeft: 0, openTopUpRequests: 2 }),
  workspaceRow("initech", { name: "Initech", status: "suspended", balanceMinor: -450, daysLeft: 0, planName: "Pro", dailyPriceMinor: 400 }),
  workspaceRow("umbrella", { name: "Umbrella Corp", status: "trial", balanceMinor: 3_000, daysLeft: 30 }),
];

const cells = (row: HTMLElement) =>
  ["workspace-slug", "workspace-plan", "workspace-balance", "workspace-days-left", "workspace-status"].map((id) => within(row).getByTestId(id).textContent);

describe("the workspaces list", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("shows each workspace's plan, balance, days left and standing, a grace period told from a suspension", async () => {
    stubApi({ "GET /api/operator/workspaces": () => ({ workspaces: rows, cursor: null }) });
    renderOperator(() => <OperatorWorkspacesPage />);
    const shown = await screen.findAllByTestId("workspace-row");
    expect(shown.map(cells)).toEqual([
      ["acme", "Standard", "$25.00", "25 days", "Active"],
      ["globex", "Standard", "-$1.50", "0 days", "Grace period"],
      ["initech", "Pro", "-$4.50", "0 days", "Suspended"],
      ["umbrella", "Standard", "$30.00", "30 days", "Trial"],
    ]);
    expect(within(shown[0]!).getByTestId("workspace-link").getAttribute("href")).toBe("/operator/workspaces/acme");
    expect(within(shown[1]!).getByText("2 open")).toBeTruthy();
  });

  it("filters by name or address and by standing", async () => {
    stubApi({ "GET /api/operator/workspaces": () => ({ workspaces: rows, cursor: null }) });
    renderOperator(() => <OperatorWorkspacesPage />);
    await screen.findAllByTestId("workspace-row");
    const slugs = () => screen.queryAllByTestId("workspace-row").map((r) => r.dataset.workspace);

    fireEvent.input(screen.getByLabelText("Search"), { target: { value: "CORP" } });
    expect(slugs()).toEqual(["umbrella"]);
    fireEvent.input(screen.getByLabelText("Search"), { target: { value: "init" } });
    expect(slugs()).toEqual(["initech"]);
    expect(screen.getByTestId("workspaces-shown").textContent).toBe("1 of 4 loaded workspaces");

    fireEvent.input(screen.getByLabelText("Search"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "grace" } });
    expect(slugs()).toEqual(["globex"]);
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "suspended" } });
    expect(slugs()).toEqual(["initech"]);
    fireEvent.input(screen.getByLabelText("Search"), { target: { value: "acme" } });
    expect(slugs()).toEqual([]);
    expect(screen.getByTestId("workspaces-empty").textContent).toBe("No loaded workspace matches the search.");
  });

  it("reads the list a page at a time", async () => {
    const api = stubApi({
      "GET /api/operator/workspaces": ({ url }) =>
        url.searchParams.get("cursor") ? { workspaces: rows.slice(2), cursor: null } : { workspaces: rows.slice(0, 2), cursor: "page-2" },
    });
    renderOperator(() => <OperatorWorkspacesPage />);
    expect(await screen.findAllByTestId("workspace-row")).toHaveLength(2);
    fireEvent.click(screen.getByTestId("load-more"));
    await waitFor(() => expect(screen.getAllByTestId("workspace-row")).toHaveLength(4));
    expect(api.calls.map((c) => c.path)).toEqual(["/api/operator/workspaces?limit=50", "/api/operator/workspaces?cursor=page-2&limit=50"]);
    expect(screen.queryByTestId("load-more")).toBeNull();
  });
});
