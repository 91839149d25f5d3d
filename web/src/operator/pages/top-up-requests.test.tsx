import { cleanup, screen, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import { renderOperator, standardPlan, topUpRequest } from "../test-harness";
import { OperatorTopUpRequestsPage } from "./top-up-requests";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

describe("the open top-up requests", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("lists every workspace's open requests, oldest first, each with a link to answer it", async () => {
    stubApi({
      "GET /api/operator/top-up-requests": () => ({
        requests: [
          { ...topUpRequest("r2", { amountMinor: 2_000, createdAt: "2026-11-21T08:00:00.000Z", note: undefined }), tenantId: "globex" },
          { ...topUpRequest("r1"), createdAt: "2026-11-20T10:00:00.000Z", tenantId: "initech" },
        ],
      }),
      "GET /api/operator/plans": () => ({ plans: [standardPlan()] }),
    });
    renderOperator(() => <OperatorTopUpRequestsPage />);
    const rows = await screen.findAllByTestId("top-up-request-row");
    expect(rows.map((r) => [r.dataset.workspace, within(r).getByTestId("top-up-request-amount").textContent])).toEqual([
      ["initech", "$50.00"],
      ["globex", "$20.00"],
    ]);
    expect(within(rows[0]!).getByText("Paying by bank transfer")).toBeTruthy();
    expect(within(rows[0]!).getByText("Open workspace").getAttribute("href")).toBe("/operator/workspaces/initech?request=r1");
  });

  it("says when there is nothing to answer", async () => {
    stubApi({ "GET /api/operator/top-up-requests": () => ({ requests: [] }), "GET /api/operator/plans": () => ({ plans: [standardPlan()] }) });
    renderOperator(() => <OperatorTopUpRequestsPage />);
    expect((await screen.findByTestId("top-up-requests-empty")).textContent).toBe("No open top-up requests.");
  });
});
