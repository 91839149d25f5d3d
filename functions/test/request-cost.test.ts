import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { CallMeter, type CallCount } from "@frontline/core/db";
import { Department } from "@frontline/core/department";
import { Staff } from "@frontline/core/staff";
import { createApp } from "../src/api/app";
import { settle, useTestTable } from "../../test/support/db";
import { caller, signupVia, type Fetch, type Workspace } from "../../test/support/api";

/**
 * What each request path asks of DynamoDB, counted at the client: the budgets of the request paths (a signed-in
 * request is one read of the session and the workspace's configuration stamp; the configuration itself comes from the
 * process's cache), and what a ticket change's transaction touches (its own aggregate; never an item another
 * ticket's change writes too).
 */
const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);

async function cost(call: () => Promise<Response>, status = 200): Promise<CallCount> {
  const { result, count } = await CallMeter.measure(call);
  expect(result.status, await result.clone().text()).toBe(status);
  return count;
}

let ws: Workspace;
let agent: ReturnType<typeof caller>;
let ticketId: string;
let version: number;

beforeAll(async () => {
  await useTestTable();
  ws = await signupVia(fetcher);
  // An agent of two departments, for a queue that merges two partitions.
  const owner = { type: "system", tenantId: ws.slug, reason: "test" } as const;
  const second = await withActor(owner, () => Department.create({ name: "Billing" }));
  const first = (await withActor(owner, () => Department.list())).find((d) => d.isDefault)!;
  await withActor(owner, () => Staff.create({ name: "Ann Agent", email: "ann@staff.example", role: "agent", departmentIds: [first.departmentId, second.departmentId], password: "a long enough passphrase" }));
  const login = await caller(fetcher).post("/api/auth/login", { slug: ws.slug, email: "ann@staff.example", password: "a long enough passphrase" });
  agent = caller(fetcher, { authorization: `Bearer ${(await login.json()).token}` });
  // Warm: the process has the workspace's configuration and its next ticket number.
  const created = await ws.as.post("/api/tickets", { subject: "Warm", body: "up", requester: { email: "known@customer.example", name: "Known Customer" } });
  const ticket = (await created.json()).ticket;
  ticketId = ticket.ticketId;
  version = ticket.version;
  await settle();
  await ws.as.get("/api/me");
  await agent.get("/api/me");
});

describe("the request paths' budgets", () => {
  it("GET /api/me: one call (the session and the configuration stamp, together)", async () => {
    const count = await cost(() => ws.as.get("/api/me"));
    expect(count.calls).toBe(1);
    expect(count.byCommand).toEqual({ BatchGetItem: 1 });
  });

  it("registering a request for a known customer: at most 3 calls, one transaction of the ticket's own items", async () => {
    const count = await cost(() => ws.as.post("/api/tickets", { subject: "Printer", body: "Jammed", requester: { email: "known@customer.example" } }), 201);
    expect(count.calls).toBeLessThanOrEqual(3);
    expect(count.byCommand.TransactWriteItems).toBe(1);
    expect(count.transactionItems).toEqual([4]); // ticket, its number's claim, its first message, its event
  });

  it("registering a request for a new customer: one more call, the customer's own transaction", async () => {
    const count = await cost(() => ws.as.post("/api/tickets", { subject: "Hello", body: "First time", requester: { email: `new-${Date.now()}@customer.example` } }), 201);
    expect(count.calls).toBeLessThanOrEqual(4);
    expect(count.transactionItems).toEqual([2, 4]); // the customer and its address's claim; then the ticket's
  });

  it("opening a ticket: at most 2 calls", async () => {
    const count = await cost(() => ws.as.get(`/api/tickets/${ticketId}`));
    expect(count.calls).toBeLessThanOrEqual(2);
  });

  it("a reply: at most 3 calls", async () => {
    const count = await cost(() => ws.as.post(`/api/tickets/${ticketId}/replies`, { body: "On it" }), 201);
    expect(count.calls).toBeLessThanOrEqual(3);
    version = (await (await ws.as.get(`/api/tickets/${ticketId}`)).json()).ticket.version;
  });

  it("a change of status and priority: at most 3 calls", async () => {
    const count = await cost(() => ws.as.send("PATCH", `/api/tickets/${ticketId}`, { version, status: "pending", priority: "high" }));
    expect(count.calls).toBeLessThanOrEqual(3);
  });

  it("a queue page: at most 2 calls, and one more per partition merged (a department, or the solved tickets in 'all')", async () => {
    for (const view of ["mine", "unassigned", "pending", "solved"]) {
      const page = await cost(() => ws.as.get(`/api/tickets?view=${view}&sort=priority`));
      expect(page.calls, view).toBeLessThanOrEqual(2);
    }
    const twoDepartments = await cost(() => agent.get("/api/tickets?view=unassigned&sort=priority"));
    expect(twoDepartments.calls).toBeLessThanOrEqual(3);
    const unsolvedAndSolved = await cost(() => ws.as.get("/api/tickets?view=all&sort=priority"));
    expect(unsolvedAndSolved.calls).toBeLessThanOrEqual(3);
    const counts = await cost(() => ws.as.get("/api/tickets/counts"));
    expect(counts.calls).toBeLessThanOrEqual(2);
  });
});

describe("a ticket change's transaction", () => {
  it("touches only the ticket's own partition, and creates new items elsewhere: no item another change writes too", async () => {
    const created = await ws.as.post("/api/tickets", { subject: "Aggregate", body: "check", requester: { email: "known@customer.example" } });
    const ticket = (await created.json()).ticket;
    const own = `t#${ws.slug}#tk#${ticket.ticketId}`;
    const changes = [
      () => ws.as.post(`/api/tickets/${ticket.ticketId}/replies`, { body: "A reply" }),
      () => ws.as.post(`/api/tickets/${ticket.ticketId}/notes`, { body: "A note" }),
      async () => {
        const current = (await (await ws.as.get(`/api/tickets/${ticket.ticketId}`)).json()).ticket;
        return ws.as.send("PATCH", `/api/tickets/${ticket.ticketId}`, { version: current.version, status: "solved", tags: ["vip"] });
      },
      () => ws.as.send("DELETE", `/api/tickets/${ticket.ticketId}`),
      () => ws.as.post(`/api/tickets/${ticket.ticketId}/restore`),
    ];
    for (const change of changes) {
      const { result, count } = await CallMeter.measure(change);
      expect(result.status).toBeLessThan(300);
      const items = count.transactions.flat();
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const inOwnPartition = item.key.pk === own;
        const aNewItem = item.kind === "Put" && item.conditional; // created under attribute_not_exists: unique to this change
        expect(inOwnPartition || aNewItem, JSON.stringify(item)).toBe(true);
      }
    }
  });
});
