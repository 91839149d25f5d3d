import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import { jsonResponse, stubApi } from "../../test/console-harness";
import { OperatorApi } from "./client";

const clearCookies = () => {
  for (const name of ["fl_csrf", "fl_operator_csrf"]) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
};

describe("the operator client", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    clearCookies();
  });

  it("echoes the operator's CSRF cookie on unsafe requests, never the workspace's", async () => {
    document.cookie = "fl_csrf=workspace-token; path=/";
    document.cookie = "fl_operator_csrf=operator-token; path=/";
    const api = stubApi({
      "POST /api/operator/workspaces/acme/payments": () => jsonResponse(201, { workspace: { tenantId: "acme" } }),
      "GET /api/operator/me": () => ({ operator: { operatorId: "o1", email: "op@example.com", name: "Olena" } }),
    });
    await OperatorApi.recordPayment("acme", { amountMinor: 500, reference: "transfer 1" });
    await OperatorApi.me();
    const [post, get] = api.fetchMock.mock.calls.map(([, init]) => (init as RequestInit).headers as Record<string, string>);
    expect(post!["X-CSRF-Token"]).toBe("operator-token");
    expect(get!["X-CSRF-Token"]).toBeUndefined();
    expect(api.calls[0]).toMatchObject({ method: "POST", body: { amountMinor: 500, reference: "transfer 1" } });
  });

  it("throws the API's error with its code, message and field issues", async () => {
    stubApi({
      "POST /api/operator/login": () =>
        jsonResponse(400, { error: { code: "invalid", message: "Check the fields", requestId: "r1", issues: [{ path: "email", code: "invalid_format", message: "Enter a valid email address" }] } }),
      "GET /api/operator/plans": () => new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway", headers: { "x-request-id": "r2" } }),
    });
    const invalid = await OperatorApi.login({ email: "nope", password: "x" }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ApiError);
    expect(invalid).toMatchObject({ status: 400, code: "invalid", message: "Check the fields", requestId: "r1", issues: [{ path: "email" }] });
    const gateway = await OperatorApi.plans().catch((e: unknown) => e);
    expect(gateway).toMatchObject({ status: 502, code: "internal", message: "Bad Gateway", requestId: "r2" });
  });

  it("says a network failure is one", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(OperatorApi.workspaces()).rejects.toMatchObject({ status: 0, code: "network" });
  });
});
