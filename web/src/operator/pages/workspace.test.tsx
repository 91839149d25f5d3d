import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import type { WorkspaceDetail } from "../client";
import { ledgerEntry, redirected, renderOperator, topUpRequest, workspaceRow } from "../test-harness";
import { OperatorWorkspacePage } from "./workspace";

vi.mock("@solidjs/router", async () => (await import("../test-harness")).operatorRouterModule);

const suspended: WorkspaceDetail = {
  workspace: workspaceRow("initech", { name: "Initech", status: "suspended", balanceMinor: -450, daysLeft: 0, openTopUpRequests: 1 }),
  ledger: [
    ledgerEntry("e2", { kind: "daily_charge", amountMinor: -100, balanceAfterMinor: -450, description: "Standard, 2026-11-21", by: "Daily billing" }),
    ledgerEntry("e1"),
  ],
  topUpRequests: [topUpRequest("r1")],
};

const fill = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const form = (name: string) => screen.getByRole("form", { name });

describe("a workspace, for the operator", () => {
  beforeEach(() => {
    router.reset();
    redirected.mockReset();
    router.params = { id: "initech" };
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("records a payment: the workspace is active again and the ledger has the top-up", async () => {
    let detail = suspended;
    const api = stubApi({
      "GET /api/operator/workspaces/initech": () => detail,
      "POST /api/operator/workspaces/initech/payments": ({ body }) => {
        const workspace = { ...suspended.workspace, status: "active" as const, balanceMinor: 4_550, daysLeft: 45 };
        detail = {
          ...suspended,
          workspace,
          ledger: [ledgerEntry("e3", { kind: "top_up", amountMinor: 5_000, balanceAfterMinor: 4_550, description: "Top-up", reference: (body as { reference: string }).reference, by: "Olena" }), ...suspended.ledger],
        };
        return jsonResponse(201, { workspace });
      },
    });
    renderOperator(() => <OperatorWorkspacePage />);
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("Initech");
    expect(screen.getByTestId("workspace-status").textContent).toBe("Suspended");
    expect(screen.getByTestId("workspace-balance").textContent).toBe("-$4.50");

    const payment = form("Record a payment");
    fireEvent.input(within(payment).getByLabelText("Amount (USD)"), { target: { value: "50" } });
    fireEvent.input(within(payment).getByLabelText("Reference"), { target: { value: "bank transfer 42" } });
    fireEvent.click(within(payment).getByRole("button", { name: "Record payment" }));

    await waitFor(() => expect(screen.getByTestId("workspace-status").textContent).toBe("Active"));
    expect(screen.getByTestId("workspace-balance").textContent).toBe("$45.50");
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({ amountMinor: 5_000, reference: "bank transfer 42" });
    await waitFor(() => expect(screen.getAllByTestId("ledger-row")).toHaveLength(3));
    const top = screen.getAllByTestId("ledger-row")[0]!;
    expect(within(top).getByTestId("ledger-amount").textContent).toBe("+$50.00");
    expect(within(top).getByTestId("ledger-reference").textContent).toBe("Reference: bank transfer 42");
    expect(screen.getByTestId("workspace-announcement").textContent).toBe("Payment of +$50.00 recorded");
    expect((within(payment).getByLabelText("Amount (USD)") as HTMLInputElement).value).toBe("");
  });

  it("checks the amount and the reference before sending anything", async () => {
    const api = stubApi({ "GET /api/operator/workspaces/initech": () => suspended });
    renderOperator(() => <OperatorWorkspacePage />);
    const payment = await screen.findByRole("form", { name: "Record a payment" });
    fireEvent.click(within(payment).getByRole("button", { name: "Record payment" }));
    expect(await within(payment).findByText("Enter an amount such as 50 or 49.90")).toBeTruthy();
    expect(within(payment).getByText("Give the payment's reference")).toBeTruthy();
    fireEvent.input(within(payment).getByLabelText("Amount (USD)"), { target: { value: "-5" } });
    fireEvent.click(within(payment).getByRole("button", { name: "Record payment" }));
    expect(await within(payment).findByText("Enter an amount above zero")).toBeTruthy();
    expect(api.calls.filter((c) => c.method === "POST")).toEqual([]);
  });

  it("answers a top-up request with its amount, and dismisses another", async () => {
    let detail: WorkspaceDetail = { ...suspended, topUpRequests: [topUpRequest("r2", { amountMinor: 2_000, note: undefined }), topUpRequest("r1")] };
    const api = stubApi({
      "GET /api/operator/workspaces/initech": () => detail,
      "POST /api/operator/workspaces/initech/payments": () => jsonResponse(201, { workspace: { ...suspended.workspace, status: "active", balanceMinor: 4_550 } }),
      "POST /api/operator/workspaces/initech/top-up-requests/r2/dismiss": () => {
        detail = { ...detail, topUpRequests: detail.topUpRequests.map((r) => (r.requestId === "r2" ? { ...r, status: "dismissed" as const } : r)) };
        return jsonResponse(204, undefined);
      },
    });
    renderOperator(() => <OperatorWorkspacePage />);
    fireEvent.click(await screen.findByRole("button", { name: "Record the payment of $50.00" }));
    const payment = form("Record a payment");
    expect((within(payment).getByLabelText("Amount (USD)") as HTMLInputElement).value).toBe("50.00");
    expect(within(payment).getByTestId("payment-answers").textContent).toContain("Answers the top-up request of $50.00");
    fireEvent.input(within(payment).getByLabelText("Reference"), { target: { value: "invoice 17" } });
    fireEvent.click(within(payment).getByRole("button", { name: "Record payment" }));
    await waitFor(() => expect(api.calls.some((c) => c.path.endsWith("/payments"))).toBe(true));
    expect(api.calls.find((c) => c.path.endsWith("/payments"))?.body).toEqual({ amountMinor: 5_000, reference: "invoice 17", requestId: "r1" });

    fireEvent.click(screen.getByRole("button", { name: "Dismiss the request for $20.00" }));
    await waitFor(() => expect(screen.getAllByTestId("request-status").map((s) => s.textContent)).toEqual(["Dismissed", "Open"]));
    expect(screen.getAllByTestId("request-row")[0]!.querySelector("button")).toBeNull();
  });

  it("records an adjustment down, with its reason, and shows the server's objection under its field", async () => {
    let refuse = true;
    const api = stubApi({
      "GET /api/operator/workspaces/initech": () => suspended,
      "POST /api/operator/workspaces/initech/adjustments": () =>
        refuse
          ? jsonResponse(400, { error: { code: "invalid", message: "Check the fields", requestId: "r1", issues: [{ path: "reason", code: "too_big", message: "At most 200 characters" }] } })
          : jsonResponse(201, { workspace: { ...suspended.workspace, balanceMinor: -950 } }),
    });
    renderOperator(() => <OperatorWorkspacePage />);
    const adjustment = await screen.findByRole("form", { name: "Record an adjustment" });
    fireEvent.input(within(adjustment).getByLabelText("Amount (USD)"), { target: { value: "-5" } });
    fireEvent.input(within(adjustment).getByLabelText("Reason"), { target: { value: "Duplicate top-up" } });
    fireEvent.click(within(adjustment).getByRole("button", { name: "Record adjustment" }));
    expect(await within(adjustment).findByText("At most 200 characters")).toBeTruthy();
    refuse = false;
    fireEvent.click(within(adjustment).getByRole("button", { name: "Record adjustment" }));
    await waitFor(() => expect(screen.getByTestId("workspace-balance").textContent).toBe("-$9.50"));
    expect(api.calls.filter((c) => c.method === "POST").map((c) => c.body)).toEqual([
      { amountMinor: -500, reason: "Duplicate top-up" },
      { amountMinor: -500, reason: "Duplicate top-up" },
    ]);
    expect(screen.getByTestId("workspace-announcement").textContent).toBe("Adjustment of -$5.00 recorded");
  });

  it("comes with the request named by the link from the list of requests", async () => {
    router.search = { request: "r1" };
    stubApi({ "GET /api/operator/workspaces/initech": () => suspended });
    renderOperator(() => <OperatorWorkspacePage />);
    const payment = await screen.findByRole("form", { name: "Record a payment" });
    await waitFor(() => expect((within(payment).getByLabelText("Amount (USD)") as HTMLInputElement).value).toBe("50.00"));
  });

  it("sends an operator whose session has ended to the operator's sign-in, not the workspace sign-in", async () => {
    stubApi({ "GET /api/operator/workspaces/initech": () => jsonResponse(401, { error: { code: "unauthenticated", message: "Sign in to the operator console", requestId: "r1" } }) });
    renderOperator(() => <OperatorWorkspacePage />);
    await waitFor(() => expect(redirected).toHaveBeenCalledWith("/operator/login"));
    expect(redirected).not.toHaveBeenCalledWith(expect.stringMatching(/^\/login/));
  });

  it("shows any other failure with a retry", async () => {
    let fail = true;
    stubApi({
      "GET /api/operator/workspaces/initech": () =>
        fail ? jsonResponse(404, { error: { code: "not_found", message: "Workspace not found", requestId: "r1" } }) : suspended,
    });
    renderOperator(() => <OperatorWorkspacePage />);
    expect((await screen.findByRole("alert")).textContent).toContain("Workspace not found");
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe("Initech");
    expect(redirected).not.toHaveBeenCalled();
  });
});
