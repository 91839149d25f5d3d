import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import type { ReactionFailure } from "../client";
import { renderOperator } from "../test-harness";
import { OperatorReactionsPage } from "./reactions";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

const failure = (failureId: string, overrides: Partial<ReactionFailure> = {}): ReactionFailure => ({
  failureId,
  reaction: "customer.terms",
  changeId: failureId.split("#")[1] ?? failureId,
  workspaceId: "initech",
  entity: "customer",
  kind: "insert",
  keys: { pk: "t#initech#cust", sk: "c1" },
  attempts: 3,
  status: "parked",
  error: "Error: Throughput exceeds the current capacity\n    at send (client.js:10:5)\n    at react (reactions.js:3:1)",
  firstFailedAt: "2026-11-22T10:00:00.000Z",
  lastFailedAt: "2026-11-22T10:05:00.000Z",
  ...overrides,
});

const parked = [
  failure("customer.terms#c2", { lastFailedAt: "2026-11-22T11:00:00.000Z" }),
  failure("email.deliver#c1", { reaction: "email.deliver", entity: "outbox", kind: "modify", workspaceId: "_platform", error: "Error: SES refused" }),
];
const conflict = (message: string) => jsonResponse(409, { error: { code: "conflict", message, requestId: "r1" } });

describe("the failed reactions", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("lists the parked ones, newest first: reaction, workspace, change, attempts, times and the error's first line", async () => {
    const api = stubApi({ "GET /api/operator/reactions/failures": () => ({ failures: parked, cursor: null }) });
    renderOperator(() => <OperatorReactionsPage />);
    await waitFor(() => expect(screen.getAllByTestId("reaction-row")).toHaveLength(2));
    expect(api.calls.map((c) => c.path)).toEqual(["/api/operator/reactions/failures?status=parked&limit=50"]);
    const [first, second] = screen.getAllByTestId("reaction-row");
    const text = (row: HTMLElement, id: string) => within(row).getByTestId(id).textContent;
    expect(text(first!, "reaction-name")).toBe("customer.terms");
    expect(within(first!).getByRole("link", { name: "initech" }).getAttribute("href")).toBe("/operator/workspaces/initech");
    expect(text(first!, "reaction-change")).toBe("customerCreated");
    expect(text(first!, "reaction-attempts")).toBe("3");
    expect(text(first!, "reaction-status")).toBe("Parked");
    const error = within(first!).getByTestId("reaction-error");
    expect(error.querySelector(".cell-line")!.textContent).toBe("Error: Throughput exceeds the current capacity");
    expect(within(error).getByText("Full error").tagName).toBe("SUMMARY");
    expect(within(first!).getByTestId("reaction-error-full").textContent).toContain("at react (reactions.js:3:1)");
    // The platform's own data is no workspace to open.
    expect(text(second!, "reaction-workspace")).toBe("Platform");
    expect(within(second!).queryByRole("link")).toBeNull();
    expect(text(second!, "reaction-change")).toBe("outboxChanged");
    // Each button says what it runs again.
    expect(within(first!).getByRole("button", { name: "Run again: customer.terms on the customer change in initech" })).toBeTruthy();
    expect(within(second!).getByRole("button", { name: "Run again: email.deliver on the outbox change in Platform" })).toBeTruthy();
  });

  it("filters by status, and says when there is nothing of one", async () => {
    const resolved = failure("customer.terms#c9", { status: "resolved", resolvedBy: "Olena Operator", resolvedAt: "2026-11-22T12:00:00.000Z" });
    const api = stubApi({
      "GET /api/operator/reactions/failures": ({ url }) => {
        const status = url.searchParams.get("status");
        return { failures: status === "parked" ? parked : status === "resolved" ? [resolved] : [], cursor: null };
      },
    });
    renderOperator(() => <OperatorReactionsPage />);
    await waitFor(() => expect(screen.getAllByTestId("reaction-row")).toHaveLength(2));
    const select = screen.getByLabelText("Status") as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ["parked", "Parked"],
      ["retrying", "Retrying"],
      ["resolved", "Resolved"],
    ]);

    fireEvent.change(select, { target: { value: "resolved" } });
    await waitFor(() => expect(screen.getAllByTestId("reaction-row")).toHaveLength(1));
    const row = screen.getByTestId("reaction-row");
    expect(within(row).getByTestId("reaction-status").textContent).toBe("Resolved");
    expect(within(row).getByTestId("reaction-resolved-by").textContent).toMatch(/^by Olena Operator, /);
    expect(within(row).queryByRole("button")).toBeNull();

    fireEvent.change(select, { target: { value: "retrying" } });
    expect((await screen.findByTestId("reactions-empty")).textContent).toBe("No reaction is being retried.");
    expect(api.calls.map((c) => c.path)).toEqual([
      "/api/operator/reactions/failures?status=parked&limit=50",
      "/api/operator/reactions/failures?status=resolved&limit=50",
      "/api/operator/reactions/failures?status=retrying&limit=50",
    ]);
  });

  it("runs a parked reaction again: the row is resolved and the outcome is announced", async () => {
    const api = stubApi({
      "GET /api/operator/reactions/failures": () => ({ failures: parked, cursor: null }),
      "POST /api/operator/reactions/failures/customer.terms%23c2/reprocess": () => ({
        failure: { ...parked[0]!, status: "resolved", resolvedBy: "Olena Operator", resolvedAt: "2026-11-22T12:00:00.000Z" },
      }),
    });
    renderOperator(() => <OperatorReactionsPage />);
    const [first] = await screen.findAllByTestId("reaction-row");
    fireEvent.click(within(first!).getByRole("button", { name: /^Run again: customer\.terms/ }));
    const outcome = screen.getByTestId("reactions-outcome");
    expect(outcome.getAttribute("role")).toBe("status");
    await waitFor(() => expect(outcome.textContent).toBe("customer.terms ran successfully: the failure is resolved."));
    const row = screen.getAllByTestId("reaction-row")[0]!;
    expect(row.dataset.status).toBe("resolved");
    expect(within(row).getByTestId("reaction-status").textContent).toBe("Resolved");
    expect(within(row).queryByRole("button")).toBeNull();
    // The keyboard stays on the row it acted on.
    expect(document.activeElement).toBe(within(row).getByTestId("reaction-status"));
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      "GET /api/operator/reactions/failures?status=parked&limit=50",
      "POST /api/operator/reactions/failures/customer.terms%23c2/reprocess",
    ]);
  });

  it("says why when the reaction fails again, and shows the row with its new attempt and error", async () => {
    let failedAgain = false;
    stubApi({
      "GET /api/operator/reactions/failures": () => ({
        failures: failedAgain ? [failure("email.deliver#c1", { ...parked[1], attempts: 4, error: "Error: SES still refuses" }), parked[0]] : parked,
        cursor: null,
      }),
      "POST /api/operator/reactions/failures/email.deliver%23c1/reprocess": () => {
        failedAgain = true;
        return conflict("The reaction failed again: SES still refuses");
      },
    });
    renderOperator(() => <OperatorReactionsPage />, "en");
    const rows = await screen.findAllByTestId("reaction-row");
    const button = within(rows[1]!).getByRole("button", { name: /^Run again: email\.deliver/ });
    fireEvent.click(button);
    const outcome = screen.getByTestId("reactions-outcome");
    await waitFor(() => expect(outcome.textContent).toBe("Running email.deliver again did not work: The reaction failed again: SES still refuses"));
    await waitFor(() => expect(within(screen.getAllByTestId("reaction-row")[1]!).getByTestId("reaction-attempts").textContent).toBe("4"));
    const row = screen.getAllByTestId("reaction-row")[1]!;
    expect(row.dataset.status).toBe("parked");
    expect(within(row).getByTestId("reaction-error").querySelector(".cell-line")!.textContent).toBe("Error: SES still refuses");
    expect(document.activeElement).toBe(within(row).getByRole("button", { name: /^Run again: email\.deliver/ }));
  });

  it("speaks Russian", async () => {
    stubApi({
      "GET /api/operator/reactions/failures": () => ({ failures: [parked[0]], cursor: null }),
      "POST /api/operator/reactions/failures/customer.terms%23c2/reprocess": () => conflict("No reaction is named customer.terms any more"),
    });
    renderOperator(() => <OperatorReactionsPage />, "ru");
    const row = await screen.findByTestId("reaction-row");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Сбои реакций");
    expect(within(row).getByTestId("reaction-status").textContent).toBe("Отложен");
    expect(within(row).getByTestId("reaction-change").textContent).toBe("customerСоздание");
    fireEvent.click(within(row).getByRole("button", { name: "Запустить снова: customer.terms для изменения customer в initech" }));
    await waitFor(() =>
      expect(screen.getByTestId("reactions-outcome").textContent).toBe("Повторный запуск customer.terms не удался: No reaction is named customer.terms any more"),
    );
  });
});
