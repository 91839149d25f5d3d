import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, Frontline, queryString, staleTicket } from "./client";

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

describe("api client", () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal("fetch", fetchMock);
    document.cookie = "fl_csrf=csrf-token-123; path=/";
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.cookie = "fl_csrf=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT";
  });

  const sentHeaders = (call = 0) => new Headers(fetchMock.mock.calls[call]?.[1]?.headers);

  it("sends the CSRF cookie's value in X-CSRF-Token on unsafe methods, with the cookie and JSON", async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(Frontline.logout()).resolves.toBeUndefined();

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/api/auth/logout");
    expect(init?.method).toBe("POST");
    expect(init?.credentials).toBe("same-origin");
    expect(sentHeaders().get("x-csrf-token")).toBe("csrf-token-123");
  });

  it("sends the body as JSON", async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { ok: true }));
    await api.patch("/api/things/1", { name: "x" });
    expect(sentHeaders().get("content-type")).toBe("application/json");
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBe('{"name":"x"}');
    expect(sentHeaders().get("x-csrf-token")).toBe("csrf-token-123");
  });

  it("asks for errors in the language the page is read in", async () => {
    document.documentElement.lang = "kk";
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { departments: [] }));
    await Frontline.departments();
    expect(sentHeaders().get("accept-language")).toBe("kk");
    document.documentElement.lang = "";
  });

  it("does not send the CSRF header on safe methods", async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { departments: [] }));
    await expect(Frontline.departments()).resolves.toEqual({ departments: [] });
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe("GET");
    expect(sentHeaders().has("x-csrf-token")).toBe(false);
  });

  it("throws ApiError with the status, code, message and field issues of an error body", async () => {
    const issues = [{ path: "slug", code: "taken", message: "This workspace address is taken; choose another" }];
    fetchMock.mockResolvedValueOnce(
      jsonResponse(409, { error: { code: "conflict", message: "This workspace address is taken", requestId: "r-1", issues } }),
    );
    const error = await Frontline.signup({
      workspaceName: "Acme",
      slug: "acme",
      ownerName: "Ann",
      email: "ann@example.com",
      password: "long enough password",
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: "conflict",
      message: "This workspace address is taken",
      requestId: "r-1",
      issues,
    });
  });

  it("carries retryAfterSeconds of a 429", async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(429, { error: { code: "too_many_requests", message: "Too many", requestId: "r", retryAfterSeconds: 600 } }),
    );
    await expect(Frontline.login({ slug: "a", email: "a@b.c", password: "x" })).rejects.toMatchObject({
      status: 429,
      code: "too_many_requests",
      retryAfterSeconds: 600,
      issues: [],
    });
  });

  it("turns a non-JSON failure and a network failure into ApiError too", async () => {
    fetchMock.mockResolvedValueOnce(new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    await expect(Frontline.me()).rejects.toMatchObject({ status: 502, code: "internal", message: "Bad Gateway" });

    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    await expect(Frontline.me()).rejects.toMatchObject({ status: 0, code: "network" });
  });

  it("carries the current ticket of a 409, and tells a stale version from another conflict", async () => {
    const current = { ticketId: "t1", version: 5, updatedBy: { id: "s1", name: "Dana" } };
    fetchMock.mockResolvedValueOnce(
      jsonResponse(409, { error: { code: "conflict", message: "Changed by Dana while you were working", requestId: "r", current } }),
    );
    const error = await Frontline.updateTicket("t1", { version: 4, status: "pending" }).catch((e: unknown) => e);
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/tickets/t1");
    expect(staleTicket(error)).toEqual(current);

    fetchMock.mockResolvedValueOnce(jsonResponse(409, { error: { code: "conflict", message: "taken", requestId: "r" } }));
    expect(staleTicket(await Frontline.createDepartment({ name: "Support" }).catch((e: unknown) => e))).toBeUndefined();
  });

  it("builds query strings from the defined values only, and escapes ids in paths", async () => {
    expect(queryString({ view: "all", status: undefined, tag: "", limit: 25 })).toBe("?view=all&limit=25");
    expect(queryString({})).toBe("");
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { events: [], cursor: null }));
    await Frontline.ticketEvents("a/b");
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/tickets/a%2Fb/events?limit=50");
  });
});
