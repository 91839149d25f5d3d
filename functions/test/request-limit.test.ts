import { beforeAll, describe, expect, it } from "vitest";
import { configure, type RequestLimits } from "@frontline/core/config";
import { createApp } from "../src/api/app";
import { useTestTable } from "../../test/support/db";
import { caller, signupVia, type Caller, type Fetch } from "../../test/support/api";

beforeAll(useTestTable);

/**
 * Limits that refill so slowly (one request per 100 s) that no refill can happen during a test: what is allowed is
 * exactly the burst, whatever the machine's speed.
 */
function withLimits(session: number, workspace: number): RequestLimits {
  const limits = { session: { perSecond: 0.01, burst: session }, workspace: { perSecond: 0.01, burst: workspace } };
  configure({ requestLimits: limits });
  return limits;
}

/** A fresh app (fresh buckets and queue), as a new process would have. */
function freshApp(): Fetch {
  const app = createApp();
  return async (path, init) => app.request(path, init);
}

async function login(fetcher: Fetch, who: { slug: string; email: string; password: string }): Promise<Caller> {
  const response = await caller(fetcher).post("/api/auth/login", { slug: who.slug, email: who.email, password: who.password });
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  return caller(fetcher, { authorization: `Bearer ${token}` });
}

/** Statuses of `count` sequential GET /api/me calls. */
async function statuses(as: Caller, count: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await as.get("/api/me")).status);
  return seen;
}

describe("request limits", () => {
  it("answers a session over its limit 429 with Retry-After and the error body; other sessions and workspaces go on", async () => {
    withLimits(3, 100);
    const fetcher = freshApp();
    const busy = await signupVia(fetcher);
    const quiet = await signupVia(fetcher);
    // The first request verifies the session (and counts against nothing); then the burst of 3.
    expect(await statuses(busy.as, 4)).toEqual([200, 200, 200, 200]);
    const refused = await busy.as.get("/api/me");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(100);
    const body = await refused.json();
    expect(body.error).toEqual({
      code: "too_many_requests",
      message: expect.stringMatching(/try again in \d+ s/),
      requestId: refused.headers.get("x-request-id"),
      retryAfterSeconds: retryAfter,
    });

    expect(await statuses(quiet.as, 4)).toEqual([200, 200, 200, 200]);
    // Another session of the busy workspace has a bucket of its own.
    expect(await statuses(await login(fetcher, busy), 4)).toEqual([200, 200, 200, 200]);
  });

  it("limits a workspace across its sessions, and a forged token naming it spends none of its limit", async () => {
    withLimits(100, 4);
    const fetcher = freshApp();
    const busy = await signupVia(fetcher);
    const quiet = await signupVia(fetcher);
    // The tenant id in a token is the workspace's public slug: anyone can name it.
    const forged = caller(fetcher, { authorization: `Bearer fls.${busy.slug}.${"A".repeat(43)}` });
    expect(await statuses(forged, 6)).toEqual([401, 401, 401, 401, 401, 401]);

    const second = await login(fetcher, busy);
    expect(await statuses(busy.as, 3)).toEqual([200, 200, 200]);
    expect(await statuses(second, 4)).toEqual([200, 200, 200, 429]);
    expect((await busy.as.get("/api/me")).status).toBe(429);
    expect(await statuses(quiet.as, 6)).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("stops counting a session against its workspace once it is signed out", async () => {
    withLimits(100, 4);
    const fetcher = freshApp();
    const workspace = await signupVia(fetcher);
    expect(await statuses(workspace.as, 2)).toEqual([200, 200]);
    // Signed out through another process: here its token is known, counted once more, then refused and forgotten.
    const elsewhere = createApp();
    const logout = await elsewhere.request("/api/auth/logout", { method: "POST", headers: { authorization: `Bearer ${workspace.token}` } });
    expect(logout.status).toBe(204);
    expect(await statuses(workspace.as, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await statuses(await login(fetcher, workspace), 4)).toEqual([200, 200, 200, 429]);
  });
});
