import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/api/app";
import { useTestTable } from "../../test/support/db";
import { caller, signupVia, type Fetch, type Workspace } from "../../test/support/api";

/**
 * The cross-tenant harness. Every route of the API has a probe here that acts as workspace B against workspace A's
 * ids and data, and asserts that B gets 404 (or its own data) and never anything of A. A route without a probe fails
 * the first test, so every new route must join.
 */
const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);

interface Pair {
  a: Workspace;
  b: Workspace;
}
type Probe = (pair: Pair) => Promise<void>;

/** Asserts that a response body mentions nothing that identifies workspace A. */
async function expectNothingOf(a: Workspace, response: Response) {
  const text = await response.text();
  for (const secret of [a.slug, a.email, a.staffId, a.token]) expect(text).not.toContain(secret);
}

const probes: Record<string, Probe> = {
  "GET /api/health": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/health"));
  },
  "POST /api/signup": async ({ a }) => {
    // Taking A's slug fails and leaves A untouched.
    const taken = await caller(fetcher).post("/api/signup", {
      workspaceName: "Hijack", slug: a.slug, ownerName: "Mallory", email: "mallory@example.com", password: "a long enough passphrase",
    });
    expect(taken.status).toBe(409);
    const me = await a.as.get("/api/me");
    expect((await me.json()).tenant.name).not.toBe("Hijack");
  },
  "POST /api/auth/login": async ({ a, b }) => {
    // B's owner credentials do not open A's workspace.
    const response = await caller(fetcher).post("/api/auth/login", { slug: a.slug, email: b.email, password: b.password });
    expect(response.status).toBe(401);
    await expectNothingOf(a, response);
  },
  "POST /api/auth/logout": async ({ a, b }) => {
    // A's token presented under B's tenant is no session, and B signing out leaves A's session alive.
    const secret = a.token.split(".")[2];
    const forged = await caller(fetcher).post("/api/auth/logout", undefined, { authorization: `Bearer fls.${b.slug}.${secret}` });
    expect(forged.status).toBe(401);
    const session = await caller(fetcher).post("/api/auth/login", { slug: b.slug, email: b.email, password: b.password });
    const token = (await session.json()).token;
    expect((await caller(fetcher).post("/api/auth/logout", undefined, { authorization: `Bearer ${token}` })).status).toBe(204);
    expect((await a.as.get("/api/me")).status).toBe(200);
  },
  "GET /api/me": async ({ a, b }) => {
    const response = await b.as.get("/api/me");
    expect(response.status).toBe(200);
    const clone = response.clone();
    expect((await response.json()).tenant.slug).toBe(b.slug);
    await expectNothingOf(a, clone);
    const secret = a.token.split(".")[2];
    expect((await caller(fetcher).get("/api/me", { authorization: `Bearer fls.${b.slug}.${secret}` })).status).toBe(401);
  },
  "GET /api/departments": async ({ a, b }) => {
    const mine = await (await a.as.get("/api/departments")).json();
    const theirs = await b.as.get("/api/departments");
    const text = await theirs.text();
    for (const department of mine.departments) expect(text).not.toContain(department.departmentId);
  },
  "GET /api/billing/ledger": async ({ a, b }) => {
    const mine = await (await a.as.get("/api/billing/ledger")).json();
    const text = await (await b.as.get("/api/billing/ledger")).text();
    for (const entry of mine.entries) expect(text).not.toContain(entry.entryId);
  },
  "ALL /api/tickets": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/tickets"));
  },
  "ALL /api/tickets/*": async ({ a, b }) => {
    const response = await b.as.get(`/api/tickets/${a.staffId}`);
    expect(response.status).not.toBe(200);
    await expectNothingOf(a, response);
  },
};

/** The app's routes, without middleware (handlers that take `next`). */
function routesOf(): string[] {
  return [
    ...new Set(app.routes.filter((r) => r.handler.length < 2).map((r) => `${r.method} ${r.path}`)),
  ].sort();
}

let pair: Pair;
beforeAll(async () => {
  await useTestTable();
  pair = { a: await signupVia(fetcher), b: await signupVia(fetcher) };
});

describe("cross-tenant isolation", () => {
  it("has a probe for every route of the API", () => {
    const routes = routesOf();
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.filter((route) => !(route in probes))).toEqual([]);
  });

  for (const [route, probe] of Object.entries(probes)) {
    it(`${route}: workspace B cannot reach workspace A`, async () => {
      await probe(pair);
    });
  }
});
