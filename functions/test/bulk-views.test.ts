import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Staff } from "@frontline/core/staff";
import { createApp } from "../src/api/app";
import { settle, useTestTable } from "../../test/support/db";
import { caller, signupVia, type Caller, type Fetch, type Workspace } from "../../test/support/api";

/**
 * Bulk actions on a queue's selection (POST /api/tickets/bulk: each ticket its own change, with an outcome each) and
 * saved views (/api/views: a person's own, an admin's shared ones, their counts), over HTTP on DynamoDB Local.
 */
const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);
const PASSWORD = "a long enough passphrase";

let ws: Workspace;
let supportId: string;
let paymentsId: string;

async function staffCaller(role: "admin" | "dispatcher" | "agent", departmentIds?: string[]): Promise<{ as: Caller; staffId: string }> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await withActor({ type: "system", tenantId: ws.slug, reason: "test" }, () =>
    Staff.create({ name: `${role} person`, email, role, password: PASSWORD, ...(departmentIds ? { departmentIds } : {}) }),
  );
  const { token, staff } = await (await caller(fetcher).post("/api/auth/login", { slug: ws.slug, email, password: PASSWORD })).json();
  return { as: caller(fetcher, { authorization: `Bearer ${token}` }), staffId: staff.staffId };
}

async function ticketIn(departmentId: string, subject: string, extra: Record<string, unknown> = {}) {
  const response = await ws.as.post("/api/tickets", { subject, body: "Help.", requester: { email: "kim@customer.example", name: "Kim" }, departmentId, ...extra });
  expect(response.status).toBe(201);
  return (await response.json()).ticket as { ticketId: string; number: number; version: number; status: string };
}

async function current(ticketId: string) {
  return (await (await ws.as.get(`/api/tickets/${ticketId}`)).json()).ticket;
}

beforeAll(async () => {
  await useTestTable();
  ws = await signupVia(fetcher);
  supportId = (await (await ws.as.get("/api/me")).json()).staff.departmentIds[0];
  paymentsId = (await (await ws.as.post("/api/departments", { name: "Payments" })).json()).department.departmentId;
});

describe("POST /api/tickets/bulk", () => {
  it("changes each ticket on its own version and says why the others did not change", async () => {
    const agent = await staffCaller("dispatcher");
    const supervisorless = await staffCaller("agent", [supportId]);
    const plain = await ticketIn(supportId, "Bulk plain");
    const stale = await ticketIn(supportId, "Bulk stale");
    const closed = await ticketIn(supportId, "Bulk closed");
    const hidden = await ticketIn(paymentsId, "Bulk hidden");
    // Someone else changes `stale` after the selection was made; `closed` is closed for good.
    expect((await ws.as.send("PATCH", `/api/tickets/${stale.ticketId}`, { version: stale.version, priority: "high" })).status).toBe(200);
    expect((await ws.as.send("PATCH", `/api/tickets/${closed.ticketId}`, { version: closed.version, status: "solved" })).status).toBe(200);
    expect((await ws.as.send("PATCH", `/api/tickets/${closed.ticketId}`, { version: closed.version + 1, status: "closed" })).status).toBe(200);
    const closedNow = await current(closed.ticketId);

    const ids = [plain.ticketId, stale.ticketId, closed.ticketId, hidden.ticketId, "01NOSUCHTICKET0000000000000"];
    const versions = { [plain.ticketId]: plain.version, [stale.ticketId]: stale.version, [closed.ticketId]: closedNow.version, [hidden.ticketId]: hidden.version };
    // An agent of Support only: the Payments ticket is not there for them, exactly as when they open it.
    const response = await supervisorless.as.post("/api/tickets/bulk", { ticketIds: ids, versions, action: { type: "status", status: "pending" } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.changed).toBe(1);
    expect(body.failed).toBe(4);
    const byId = Object.fromEntries(body.results.map((r: { ticketId: string }) => [r.ticketId, r]));
    expect(byId[plain.ticketId]).toMatchObject({ outcome: "changed", number: plain.number });
    expect(byId[stale.ticketId]).toMatchObject({ outcome: "failed", reason: "changed", number: stale.number, message: "Changed by Olga Owner while you were working" });
    expect(byId[closed.ticketId]).toMatchObject({ outcome: "failed", reason: "not_allowed", number: closed.number });
    expect(byId[hidden.ticketId]).toEqual({ ticketId: hidden.ticketId, outcome: "failed", reason: "not_found", message: "Ticket not found" });
    expect(byId["01NOSUCHTICKET0000000000000"]).toMatchObject({ outcome: "failed", reason: "not_found" });
    expect(body.results.map((r: { ticketId: string }) => r.ticketId)).toEqual(ids);

    // Each change is the ticket's own: the plain one moved, the others are as they were.
    expect((await current(plain.ticketId)).status).toBe("pending");
    expect(await current(stale.ticketId)).toMatchObject({ status: "new", priority: "high" });
    expect((await current(hidden.ticketId)).status).toBe("new");

    // The same through a dispatcher who sees Payments: a second run is harmless (no change, no new version).
    const again = await (await agent.as.post("/api/tickets/bulk", { ticketIds: [plain.ticketId], action: { type: "status", status: "pending" } })).json();
    expect(again.results[0]).toMatchObject({ outcome: "unchanged" });
    expect((await current(plain.ticketId)).version).toBe(plain.version + 1);
  });

  it("assigns, unassigns, sets the priority, moves with a reason, adds and removes tags, and moves to the trash", async () => {
    const { staffId: agentId } = await staffCaller("agent", [supportId, paymentsId]);
    const a = await ticketIn(supportId, "Bulk a", { tags: ["vip"] });
    const b = await ticketIn(supportId, "Bulk b");
    const ticketIds = [a.ticketId, b.ticketId];
    const run = async (action: unknown) => {
      const response = await ws.as.post("/api/tickets/bulk", { ticketIds, action });
      expect(response.status).toBe(200);
      return response.json();
    };
    expect((await run({ type: "assign", assigneeId: agentId })).changed).toBe(2);
    expect((await current(a.ticketId)).assigneeId).toBe(agentId);
    expect((await run({ type: "assign", assigneeId: null })).changed).toBe(2);
    expect((await current(b.ticketId)).assigneeId).toBeUndefined();
    expect((await run({ type: "priority", priority: "urgent" })).changed).toBe(2);
    expect((await current(b.ticketId)).priority).toBe("urgent");
    expect((await run({ type: "tags", add: ["Refund"], remove: ["vip"] })).changed).toBe(2);
    expect((await current(a.ticketId)).tags).toEqual(["refund"]);
    expect((await run({ type: "tags", add: ["refund"] })).results.map((r: { outcome: string }) => r.outcome)).toEqual(["unchanged", "unchanged"]);
    expect((await run({ type: "department", departmentId: paymentsId, reason: "Card payments" })).changed).toBe(2);
    expect((await current(a.ticketId)).departmentId).toBe(paymentsId);
    const assignBad = await run({ type: "assign", assigneeId: "01NOSUCHSTAFF00000000000000" });
    expect(assignBad.results[0]).toMatchObject({ outcome: "failed", reason: "invalid" });
    expect((await run({ type: "trash" })).changed).toBe(2);
    expect((await current(a.ticketId)).deletedAt).toBeDefined();
  });

  it("refuses what an agent may not do as 'no access', and bad input with a message per field", async () => {
    const agent = await staffCaller("agent", [supportId]);
    const t = await ticketIn(supportId, "Bulk refused");
    const refused = await (await agent.as.post("/api/tickets/bulk", { ticketIds: [t.ticketId], action: { type: "trash" } })).json();
    expect(refused.results[0]).toMatchObject({ outcome: "failed", reason: "no_access", number: t.number });

    const cases: [unknown, string][] = [
      [{ ticketIds: [], action: { type: "trash" } }, "ticketIds"],
      [{ ticketIds: Array.from({ length: 101 }, (_, i) => `id${i}`), action: { type: "trash" } }, "ticketIds"],
      [{ ticketIds: [t.ticketId], action: { type: "explode" } }, "action.type"],
      [{ ticketIds: [t.ticketId], action: { type: "department", departmentId: paymentsId } }, "action.reason"],
      [{ ticketIds: [t.ticketId], action: { type: "tags" } }, "action.add"],
      [{ ticketIds: [t.ticketId], action: { type: "status", status: "done" } }, "action.status"],
      [{ ticketIds: [t.ticketId], versions: { [t.ticketId]: "one" }, action: { type: "trash" } }, `versions.${t.ticketId}`],
    ];
    for (const [body, path] of cases) {
      const response = await ws.as.post("/api/tickets/bulk", body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await response.json()).error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
  });
});

describe("/api/views", () => {
  it("keeps a person's own views, an admin's shared ones, and counts each view's tickets", async () => {
    const agent = await staffCaller("agent", [supportId]);
    const other = await staffCaller("agent", [supportId]);
    const admin = await staffCaller("admin");
    for (let i = 0; i < 3; i++) await ticketIn(supportId, `View count ${i}`, { tags: ["counted"], priority: "high" });
    await ticketIn(paymentsId, "View count hidden", { tags: ["counted"], priority: "high" });

    const created = await agent.as.post("/api/views", { name: " Counted ", query: { view: "all", tag: "counted", priority: "high" } });
    expect(created.status).toBe(201);
    const { view } = await created.json();
    expect(view).toMatchObject({ name: "Counted", shared: false, editable: true, query: { view: "all", sort: "priority", tag: "counted", priority: "high" } });

    // The agent sees only Support's three; the admin's shared view counts for each reader what they see.
    expect((await agent.as.post("/api/views", { name: "Shared", shared: true, query: { view: "all" } })).status).toBe(403);
    const shared = (await (await admin.as.post("/api/views", { name: "Counted everywhere", shared: true, query: { view: "all", tag: "counted" } })).json()).view;
    const agentViews = (await (await agent.as.get("/api/views")).json()).views;
    expect(agentViews.map((v: { name: string; editable: boolean }) => [v.name, v.editable])).toEqual([["Counted everywhere", false], ["Counted", true]]);
    const counts = (await (await agent.as.get("/api/views/counts")).json()).counts;
    expect(counts).toEqual(expect.arrayContaining([{ viewId: view.viewId, count: 3, more: false }, { viewId: shared.viewId, count: 3, more: false }]));
    const adminCounts = (await (await admin.as.get("/api/views/counts")).json()).counts;
    expect(adminCounts).toEqual([{ viewId: shared.viewId, count: 4, more: false }]);

    // Another person neither sees nor touches the agent's view; the agent cannot rename or delete the shared one.
    expect((await (await other.as.get("/api/views")).json()).views.map((v: { viewId: string }) => v.viewId)).toEqual([shared.viewId]);
    expect((await other.as.send("PATCH", `/api/views/${view.viewId}`, { name: "Mine now" })).status).toBe(404);
    expect((await other.as.send("DELETE", `/api/views/${view.viewId}`)).status).toBe(404);
    expect((await agent.as.send("PATCH", `/api/views/${shared.viewId}`, { name: "Renamed" })).status).toBe(403);
    expect((await agent.as.send("DELETE", `/api/views/${shared.viewId}`)).status).toBe(403);

    const renamed = await agent.as.send("PATCH", `/api/views/${view.viewId}`, { name: "Counted high" });
    expect((await renamed.json()).view.name).toBe("Counted high");
    expect((await agent.as.send("PATCH", `/api/views/${view.viewId}`, { shared: true })).status).toBe(403);
    expect((await agent.as.send("DELETE", `/api/views/${view.viewId}`)).status).toBe(204);
    expect((await (await agent.as.get("/api/views")).json()).views).toHaveLength(1);

    // An admin takes a shared view back to their own, and deletes it.
    const unshared = (await (await admin.as.send("PATCH", `/api/views/${shared.viewId}`, { shared: false })).json()).view;
    expect(unshared).toMatchObject({ viewId: shared.viewId, shared: false, editable: true, name: "Counted everywhere" });
    expect((await (await agent.as.get("/api/views")).json()).views).toEqual([]);
    expect((await admin.as.send("DELETE", `/api/views/${shared.viewId}`)).status).toBe(204);
  });

  it("counts a plain queue's view by the queue counters, past the bounded count's cap", async () => {
    const agent = await staffCaller("agent", [supportId]);
    // More tickets than the bounded count reads: registered ten at a time.
    const many: unknown[] = [];
    for (let batch = 0; batch < 11; batch++) {
      many.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => ticketIn(supportId, `Plain ${batch}.${i}`, { priority: "low" })))));
    }
    await ticketIn(paymentsId, "Plain hidden", { priority: "low" });
    await settle(); // the counters follow the stream
    const plain = (await (await agent.as.post("/api/views", { name: "Everything", query: { view: "all" } })).json()).view;
    const department = (await (await agent.as.post("/api/views", { name: "Support", query: { view: "department", departmentId: supportId } })).json()).view;
    const low = (await (await agent.as.post("/api/views", { name: "Low", query: { view: "all", priority: "low" } })).json()).view;
    const queues = await (await agent.as.get("/api/tickets/counts")).json();
    expect(queues.views.all).toBeGreaterThan(many.length);
    const counts = (await (await agent.as.get("/api/views/counts")).json()).counts;
    expect(counts).toEqual(
      expect.arrayContaining([
        { viewId: plain.viewId, count: queues.views.all, more: false },
        { viewId: department.viewId, count: queues.departments[supportId], more: false },
        // With a filter the counters do not know: counted up to the cap.
        { viewId: low.viewId, count: 99, more: true },
      ]),
    );
  }, 180_000);

  it("validates every field and keeps at most 50 views a person", async () => {
    const agent = await staffCaller("agent", [supportId]);
    const cases: [unknown, string][] = [
      [{ name: "", query: { view: "all" } }, "name"],
      [{ name: "x".repeat(81), query: { view: "all" } }, "name"],
      [{ name: "x", query: { view: "everything" } }, "query.view"],
      [{ name: "x", query: { view: "department" } }, "query.departmentId"],
      [{ name: "x", query: { view: "all", priority: "extreme" } }, "query.priority"],
      [{ name: "x", query: { view: "all", cursor: "abc" } }, "query"],
    ];
    for (const [body, path] of cases) {
      const response = await agent.as.post("/api/views", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    await Promise.all(Array.from({ length: 50 }, (_, i) => agent.as.post("/api/views", { name: `View ${i}`, query: { view: "mine" } })));
    const over = await agent.as.post("/api/views", { name: "One too many", query: { view: "mine" } });
    expect(over.status).toBe(409);
    expect((await over.json()).error.message).toBe("You keep 50 views, the most one person may: delete one to save another");
  });
});
