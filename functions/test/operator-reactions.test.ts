import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDb } from "@frontline/core/db";
import { Operator } from "@frontline/core/operator";
import { Failures, padSequence, type Change } from "@frontline/core/stream";
import { createApp } from "../src/api/app";
import { startStream, useTestTable } from "../../test/support/db";
import { caller, signupVia, type Caller, type Fetch, type Workspace } from "../../test/support/api";

/**
 * The operator console's failed reactions: the reactions the change stream parked (or is still retrying), listed by
 * status, and run again by an operator, which resolves them or answers 409 with the new error.
 */
const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);
const operator = { email: "rhea@frontline.localhost", name: "Rhea Operator", password: "operator passphrase" };
let ws: Workspace;
let as: Caller;

/** A customer's change in the workspace, as the stream gives it (`after` left out: a change the reaction cannot read). */
function customerChange(tenantId: string, options: { readable?: boolean } = {}): Change {
  const customerId = `c${randomBytes(6).toString("hex")}`;
  const sequenceNumber = String(Date.now()) + String(Math.floor(Math.random() * 1e6));
  return {
    id: randomBytes(16).toString("hex"),
    seq: padSequence(sequenceNumber),
    sequenceNumber,
    kind: "insert",
    entity: "customer",
    tenantId,
    keys: { pk: `t#${tenantId}#cust#${customerId}`, sk: "cust" },
    ...(options.readable === false ? {} : { after: { __edb_e__: "customer", tenantId, customerId, name: "Parked Person", email: "parked@example.com" } }),
  };
}

/** Fails `reaction` on `change` as often as the stream does before it parks it. */
async function park(reaction: string, change: Change, error = new Error("DynamoDB was throttling")) {
  let status = "";
  const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined); // each failure is logged
  try {
    for (let i = 0; i < Failures.MAX_DELIVERIES; i++) status = await Failures.recordFailure(reaction, change, error);
  } finally {
    quiet.mockRestore();
  }
  expect(status).toBe("parked");
  return `${reaction}#${change.id}`;
}

const reprocessPath = (failureId: string) => `/api/operator/reactions/failures/${encodeURIComponent(failureId)}/reprocess`;

let stream: ReturnType<typeof startStream>;

beforeAll(async () => {
  await useTestTable();
  // The operator's request is taken by the API and run by the stream's handler, as on AWS and in the runtime.
  stream = startStream();
  ws = await signupVia(fetcher);
  await Operator.ensure(operator);
  const { token } = await (await caller(fetcher).post("/api/operator/login", { email: operator.email, password: operator.password })).json();
  as = caller(fetcher, { authorization: `Bearer ${token}` });
});

afterAll(async () => {
  await stream?.stop();
});

describe("the operator's failed reactions", () => {
  it("lists parked failures, newest first, with the reaction, the workspace, the change and the error", async () => {
    const older = await park("customer.terms", customerChange(ws.slug));
    const newer = await park("customer.terms", customerChange(ws.slug), new Error("Item size has exceeded the maximum\n    at somewhere"));
    const response = await as.get("/api/operator/reactions/failures?status=parked&limit=100");
    expect(response.status).toBe(200);
    const { failures, cursor } = await response.json();
    expect(cursor).toBeNull();
    const ids = failures.map((f: { failureId: string }) => f.failureId);
    expect(ids).toEqual(expect.arrayContaining([older, newer]));
    expect(ids.indexOf(newer)).toBeLessThan(ids.indexOf(older));
    expect(failures.find((f: { failureId: string }) => f.failureId === newer)).toMatchObject({
      reaction: "customer.terms",
      workspaceId: ws.slug,
      entity: "customer",
      kind: "insert",
      attempts: Failures.MAX_DELIVERIES,
      status: "parked",
      error: expect.stringMatching(/^Error: Item size has exceeded the maximum\n/),
    });
    // Parked is what the console asks for unless it says otherwise; nothing parked is "retrying".
    const byDefault = await (await as.get("/api/operator/reactions/failures?limit=100")).json();
    expect(byDefault.failures.map((f: { failureId: string }) => f.failureId)).toEqual(ids);
    const retrying = await (await as.get("/api/operator/reactions/failures?status=retrying")).json();
    expect(retrying.failures.map((f: { failureId: string }) => f.failureId)).not.toContain(newer);
  });

  it("pages with the cursor it answers", async () => {
    for (let i = 0; i < 3; i++) await park("customer.terms", customerChange(ws.slug));
    const first = await (await as.get("/api/operator/reactions/failures?status=parked&limit=2")).json();
    expect(first.failures).toHaveLength(2);
    expect(first.cursor).toEqual(expect.any(String));
    const second = await (await as.get(`/api/operator/reactions/failures?status=parked&limit=2&cursor=${encodeURIComponent(first.cursor)}`)).json();
    expect(second.failures).toHaveLength(2);
    const ids = [...first.failures, ...second.failures].map((f: { failureId: string }) => f.failureId);
    expect(new Set(ids).size).toBe(4);
  });

  it("refuses a status it does not know, and a limit out of range, naming the field", async () => {
    const bad = await as.get("/api/operator/reactions/failures?status=broken");
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.issues).toEqual([expect.objectContaining({ path: "status", message: "Use parked, retrying or resolved" })]);
    const limit = await (await as.get("/api/operator/reactions/failures?limit=1000")).json();
    expect(limit.error.issues.map((i: { path: string }) => i.path)).toEqual(["limit"]);
  });

  it("runs a parked reaction again: it is resolved by the operator, does its work, and is in the operators' log", async () => {
    const change = customerChange(ws.slug);
    const failureId = await park("customer.terms", change);
    const response = await as.post(reprocessPath(failureId));
    expect(response.status).toBe(200);
    const { failure } = await response.json();
    expect(failure).toMatchObject({ failureId, status: "resolved", resolvedBy: operator.name, resolvedAt: expect.any(String), workspaceId: ws.slug });
    // The reaction did what it failed to do: the customer's search terms are there.
    const customerId = (change.after as { customerId: string }).customerId;
    const terms = await useDb().entities.customerTerm.query.byTerm({ tenantId: ws.slug, term: "parked person" }).go();
    expect(terms.data.map((t) => t.customerId)).toContain(customerId);

    const parked = await (await as.get("/api/operator/reactions/failures?status=parked&limit=100")).json();
    expect(parked.failures.map((f: { failureId: string }) => f.failureId)).not.toContain(failureId);
    const resolved = await (await as.get("/api/operator/reactions/failures?status=resolved&limit=100")).json();
    expect(resolved.failures.map((f: { failureId: string }) => f.failureId)).toContain(failureId);

    const log = await (await as.get("/api/operator/events?limit=20")).json();
    expect(log.events[0]).toMatchObject({
      action: "operator.reaction_reprocess",
      actor: { type: "operator", name: operator.name },
      target: { type: "reaction_failure", id: failureId, label: "customer.terms" },
      after: { workspaceId: ws.slug, entity: "customer", kind: "insert", changeId: change.id },
    });

    // Run once: a resolved failure is not run again.
    const again = await as.post(reprocessPath(failureId));
    expect(again.status).toBe(409);
  });

  it("answers 409 with the error when the reaction fails again, and keeps it parked with one more attempt", async () => {
    const failureId = await park("customer.terms", customerChange(ws.slug, { readable: false }));
    const response = await as.post(reprocessPath(failureId));
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.error.message).toMatch(/^The reaction failed again: /);
    const parked = (await (await as.get("/api/operator/reactions/failures?status=parked&limit=100")).json()).failures.find(
      (f: { failureId: string }) => f.failureId === failureId,
    );
    expect(parked).toMatchObject({ status: "parked", attempts: Failures.MAX_DELIVERIES + 1, error: expect.stringContaining("TypeError") });
    const log = await (await as.get("/api/operator/events?limit=5")).json();
    expect(log.events.map((e: { target: { id: string } }) => e.target.id)).not.toContain(failureId);
  });

  it("answers 409 for a reaction that no longer exists, and 404 for a failure it does not know", async () => {
    const failureId = await park("retired.reaction", customerChange(ws.slug));
    const retired = await as.post(reprocessPath(failureId));
    expect(retired.status).toBe(409);
    expect((await retired.json()).error.message).toBe("The reaction failed again: No reaction is named retired.reaction any more");

    const unknown = await as.post(reprocessPath("customer.terms#no-such-change"));
    expect(unknown.status).toBe(404);
    expect((await as.post(reprocessPath("x".repeat(2000)))).status).toBe(404);
  });

  it("is no workspace's business: a staff session gets 401 and the failure stays parked", async () => {
    const failureId = await park("customer.terms", customerChange(ws.slug));
    const list = await ws.as.get("/api/operator/reactions/failures");
    expect(list.status).toBe(401);
    expect(await list.text()).not.toContain(failureId);
    const csrf = { "x-csrf-token": ws.csrfToken };
    expect((await ws.as.post(reprocessPath(failureId), undefined, csrf)).status).toBe(401);
    const parked = await (await as.get("/api/operator/reactions/failures?status=parked&limit=100")).json();
    expect(parked.failures.map((f: { failureId: string }) => f.failureId)).toContain(failureId);
  });

  it("needs the operator's CSRF token to run a reaction again with the session cookie", async () => {
    const failureId = await park("customer.terms", customerChange(ws.slug));
    const login = await caller(fetcher).post("/api/operator/login", { email: operator.email, password: operator.password });
    const { csrfToken } = await login.json();
    const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect((await fetcher(reprocessPath(failureId), { method: "POST", headers: { cookie } })).status).toBe(403);
    const done = await fetcher(reprocessPath(failureId), { method: "POST", headers: { cookie, "x-csrf-token": csrfToken } });
    expect(done.status).toBe(200);
    expect((await done.json()).failure.status).toBe("resolved");
  });
});
