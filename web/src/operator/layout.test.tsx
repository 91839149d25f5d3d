import { cleanup, fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, stubApi } from "../../test/console-harness";
import { router } from "../../test/router-stub";
import { OperatorLayout } from "./layout";
import { operatorLoginHref } from "./loaded";
import { redirected, renderOperator } from "./test-harness";

vi.mock("@solidjs/router", async () => (await import("./test-harness")).operatorRouterModule);

const olena = { operatorId: "o1", email: "olena@frontline.example", name: "Olena Operator" };

describe("the operator console's frame", () => {
  beforeEach(() => {
    router.reset();
    redirected.mockReset();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("says whose console it is and links its sections", async () => {
    stubApi({ "GET /api/operator/me": () => ({ operator: olena }) });
    renderOperator(() => (
      <OperatorLayout>
        <p>page</p>
      </OperatorLayout>
    ));
    expect((await screen.findByTestId("operator-name")).textContent).toBe("Olena Operator");
    // The mark is named by its words, as they show: no label that says something else (WCAG 2.5.3).
    const home = screen.getByRole("link", { name: "Frontline Operator" });
    expect(home.getAttribute("href")).toBe("/operator");
    expect(home.hasAttribute("aria-label")).toBe(false);
    const nav = screen.getByRole("navigation", { name: "Operator console" });
    expect([...nav.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Workspaces", "/operator"],
      ["Top-up requests", "/operator/top-up-requests"],
      ["Plans", "/operator/plans"],
      ["Event log", "/operator/events"],
      ["Failed reactions", "/operator/reactions"],
    ]);
    expect(screen.getByText("page")).toBeTruthy();
  });

  it("signs out and goes to the operator's sign-in", async () => {
    const api = stubApi({ "GET /api/operator/me": () => ({ operator: olena }), "POST /api/operator/logout": () => jsonResponse(204, undefined) });
    renderOperator(() => <OperatorLayout />);
    fireEvent.click(await screen.findByRole("button", { name: "Sign out" }));
    await waitFor(() => expect(router.navigate).toHaveBeenCalledWith("/operator/login", { replace: true }));
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual(["GET /api/operator/me", "POST /api/operator/logout"]);
  });

  it("sends a visitor without an operator session to the operator's sign-in, showing nothing of the console", async () => {
    stubApi({ "GET /api/operator/me": () => jsonResponse(401, { error: { code: "unauthenticated", message: "Sign in to the operator console", requestId: "r1" } }) });
    renderOperator(() => (
      <OperatorLayout>
        <p>page</p>
      </OperatorLayout>
    ));
    await waitFor(() => expect(redirected).toHaveBeenCalledWith("/operator/login"));
    expect(screen.queryByTestId("operator-topbar")).toBeNull();
    expect(screen.queryByText("page")).toBeNull();
    expect(operatorLoginHref("/operator/workspaces/acme")).toBe("/operator/login?next=%2Foperator%2Fworkspaces%2Facme");
    expect(operatorLoginHref("/operator/login")).toBe("/operator/login");
  });
});
