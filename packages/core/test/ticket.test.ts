import { beforeAll, describe, expect, it } from "vitest";
import { Customer } from "@frontline/core/customer";
import { Conflict, Forbidden, Invalid, NotFound } from "@frontline/core/error";
import { CallMeter, useDb } from "@frontline/core/db";
import { Event } from "@frontline/core/event";
import { Ticket } from "@frontline/core/ticket";
import { settle, useTestTable } from "../../../test/support/db";
import { makeWorkspace, type StaffActor, type TestWorkspace } from "../../../test/support/workspace";

beforeAll(useTestTable);

const request = (overrides: Partial<Ticket.CreateInput> = {}): Ticket.CreateInput => ({
  subject: "The printer is on fire",
  body: "It started this morning.\nPlease help.",
  requester: { email: "ann@customer.example", name: "Ann Customer" },
  ...overrides,
});

describe("registering a request", () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await makeWorkspace();
  });

  it("numbers tickets per workspace, creates the customer on first contact and reuses them after", async () => {
    const first = await ws.as(ws.owner, () => Ticket.create(request(), { channel: "agent" }));
    const second = await ws.as(ws.owner, () => Ticket.create(request({ subject: "Again" })));
    expect(first.number).toBe(1);
    expect(second.number).toBe(2);
    expect(first.requester.customerId).toBe(second.requester.customerId);
    expect(first).toMatchObject({ status: "new", priority: "normal", impact: "medium", urgency: "medium", type: "incident", channel: "agent" });
    expect(first.departmentId).toBe(ws.supportId);

    // Another workspace starts its own numbering and its own customers.
    const other = await makeWorkspace();
    const theirs = await other.as(other.owner, () => Ticket.create(request()));
    expect(theirs.number).toBe(1);
    expect(theirs.requester.customerId).not.toBe(first.requester.customerId);
  });

  it("makes one customer of concurrent first contacts from one address", async () => {
    const email = `burst-${Date.now()}@customer.example`;
    const tickets = await Promise.all(
      Array.from({ length: 8 }, (_, i) => ws.as(ws.owner, () => Ticket.create(request({ subject: `Burst ${i}`, requester: { email } })))),
    );
    expect(new Set(tickets.map((t) => t.requester.customerId)).size).toBe(1);
    expect(new Set(tickets.map((t) => t.number)).size).toBe(8);
  });

  it("takes the priority from impact and urgency, unless it is given", async () => {
    const urgent = await ws.as(ws.owner, () => Ticket.create(request({ impact: "high", urgency: "high" })));
    const low = await ws.as(ws.owner, () => Ticket.create(request({ impact: "low", urgency: "medium" })));
    const given = await ws.as(ws.owner, () => Ticket.create(request({ impact: "low", urgency: "low", priority: "high" })));
    expect([urgent.priority, low.priority, given.priority]).toEqual(["urgent", "low", "high"]);
  });

  it("registers a phone request for a customer without email, and files them under their organization by domain", async () => {
    const phone = await ws.as(ws.owner, () =>
      Ticket.create(request({ requester: { name: "Petro Caller", phone: "+380 44 123 45 67" }, origin: "phone" })),
    );
    expect(phone.requester).toMatchObject({ name: "Petro Caller" });
    expect(phone.origin).toBe("phone");
    const org = await ws.as(ws.owner, () => Customer.Organization.create({ name: "Acme", domains: ["acme.example"] }));
    const fromAcme = await ws.as(ws.owner, () => Ticket.create(request({ requester: { email: "bob@acme.example" } })));
    expect(fromAcme.organizationId).toBe(org.organizationId);
    await settle(); // the customer search index follows by reaction
    const found = await ws.as(ws.owner, () => Customer.search({ q: "044 123" }));
    expect(found.map((c) => c.name)).toContain("Petro Caller");
    const byName = await ws.as(ws.owner, () => Customer.search({ q: "calle" }));
    expect(byName.map((c) => c.name)).toContain("Petro Caller");
  });

  it("gives field errors for bad input", async () => {
    const error = await ws.as(ws.owner, () => Ticket.create({ subject: "", body: "x", requester: { email: "not an email" } })).catch((e) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues.map((i) => i.path)).toEqual(expect.arrayContaining(["subject"]));
  });

  it("loads a ticket with its thread in one query", async () => {
    const created = await ws.as(ws.owner, () => Ticket.create(request()));
    await ws.as(ws.owner, () => Ticket.get(created.ticketId)); // the process has the workspace's configuration
    const { result: detail, count } = await CallMeter.measure(() => ws.as(ws.owner, () => Ticket.get(created.ticketId)));
    expect(count.byCommand, "DynamoDB calls").toEqual({ Query: 1 });
    expect(detail.ticket.ticketId).toBe(created.ticketId);
    expect(detail.messages).toEqual([
      expect.objectContaining({ kind: "customer", body: "It started this morning.\nPlease help.", enteredBy: ws.owner.staffId }),
    ]);
    expect(await ws.as(ws.owner, () => Ticket.findByNumber(created.number))).toMatchObject({ ticketId: created.ticketId });
  });
});

describe("changing a ticket", () => {
  let ws: TestWorkspace;
  let agent: StaffActor;
  beforeAll(async () => {
    ws = await makeWorkspace();
    agent = await ws.staff("agent", [ws.supportId], "Andriy Agent");
  });

  it("refuses a change based on an old version with the current ticket and who changed it", async () => {
    const t = await ws.as(ws.owner, () => Ticket.create(request()));
    await ws.as(agent, () => Ticket.update(t.ticketId, { version: 1, status: "pending" }));
    const error = await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: 1, priority: "urgent" })).catch((e) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toBe("Changed by Andriy Agent while you were working");
    expect((error as Conflict).current).toMatchObject({ version: 2, status: "pending", priority: "normal" });
  });

  it("lets exactly one of 50 concurrent updates at the same version through", async () => {
    const t = await ws.as(ws.owner, () => Ticket.create(request()));
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: 1, tags: [`try-${i}`] }))),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const conflicts = results.filter((r) => r.status === "rejected" && r.reason instanceof Conflict);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const after = await ws.as(ws.owner, () => Ticket.get(t.ticketId));
    expect(after.ticket.version).toBe(2);
    expect(after.ticket.tags).toEqual((ok[0] as PromiseFulfilledResult<Ticket.Info>).value.tags);
    const history = await ws.as(ws.owner, () => Event.list({ targetType: "ticket", targetId: t.ticketId }));
    expect(history.events.map((e) => e.action).sort()).toEqual(["ticket.create", "ticket.update"]);
  });

  it("follows the lifecycle: solved before closed, closed is final, solving stamps the time", async () => {
    const t = await ws.as(ws.owner, () => Ticket.create(request()));
    const bad = await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: 1, status: "closed" })).catch((e) => e);
    expect(bad).toBeInstanceOf(Invalid);
    expect((bad as Invalid).issues[0]).toMatchObject({ path: "status", message: "Solve the ticket before closing it" });
    const solved = await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: 1, status: "solved" }));
    expect(solved.solvedAt).toBeTruthy();
    const closed = await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: 2, status: "closed" }));
    expect(closed.closedAt).toBeTruthy();
    await expect(ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: 3, status: "open" }))).rejects.toBeInstanceOf(Conflict);
    await expect(ws.as(ws.owner, () => Ticket.reply(t.ticketId, { body: "hello?" }))).rejects.toBeInstanceOf(Conflict);
  });

  it("records a reply as the first response, opens a new ticket, takes it for its author and can solve it at once", async () => {
    const t = await ws.as(ws.owner, () => Ticket.create(request()));
    const replied = await ws.as(agent, () => Ticket.reply(t.ticketId, { body: "We are on it.", version: 1 }));
    expect(replied.ticket).toMatchObject({ status: "open", assigneeId: agent.staffId, version: 2, messageCount: 4 });
    expect(replied.ticket.firstResponseAt).toBeTruthy();
    expect(replied.messages.map((m) => m.kind)).toEqual(["customer", "reply", "system", "system"]);
    const noted = await ws.as(agent, () => Ticket.note(t.ticketId, { body: "Customer sounds upset" }));
    expect(noted.ticket.status).toBe("open");
    expect(noted.messages.at(-1)).toMatchObject({ kind: "note", body: "Customer sounds upset" });
    const solved = await ws.as(agent, () => Ticket.reply(t.ticketId, { body: "Fixed.", status: "solved" }));
    expect(solved.ticket.status).toBe("solved");
    expect(solved.ticket.firstResponseAt).toBe(replied.ticket.firstResponseAt);
  });

  it("adds a reply without a version to whatever the ticket is now, but refuses one with a stale version", async () => {
    const t = await ws.as(ws.owner, () => Ticket.create(request()));
    await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: 1, priority: "high" }));
    await expect(ws.as(agent, () => Ticket.reply(t.ticketId, { body: "stale", version: 1 }))).rejects.toBeInstanceOf(Conflict);
    const ok = await ws.as(agent, () => Ticket.reply(t.ticketId, { body: "fresh" }));
    expect(ok.ticket.priority).toBe("high");
  });

  it("adds every one of 20 concurrent notes without a version, each once", async () => {
    const t = await ws.as(ws.owner, () => Ticket.create(request()));
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => ws.as(i % 2 ? agent : ws.owner, () => Ticket.note(t.ticketId, { body: `Note ${i}` }))));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const after = await ws.as(ws.owner, () => Ticket.get(t.ticketId));
    const notes = after.messages.filter((m) => m.kind === "note").map((m) => m.body);
    expect(notes.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Note ${i}`).sort());
    expect(after.ticket.version).toBe(21);
  });

  it("redirects with a reason, leaves a system entry, and drops an assignee who does not work the new department", async () => {
    const payments = await ws.department(`Payments ${Date.now()}`);
    const t = await ws.as(ws.owner, () => Ticket.create(request({ assigneeId: agent.staffId })));
    const noReason = await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: 1, departmentId: payments })).catch((e) => e);
    expect((noReason as Invalid).issues[0]?.path).toBe("reason");
    const moved = await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: 1, departmentId: payments, reason: "A refund" }));
    expect(moved).toMatchObject({ departmentId: payments, assigneeId: undefined });
    const detail = await ws.as(ws.owner, () => Ticket.get(t.ticketId));
    expect(detail.messages.filter((m) => m.kind === "system").map((m) => m.system?.action)).toEqual(["redirect", "assign"]);
    expect(detail.messages.find((m) => m.system?.action === "redirect")?.system?.reason).toBe("A refund");
    // The agent does not work Payments: the ticket is now invisible to them.
    await expect(ws.as(agent, () => Ticket.get(t.ticketId))).rejects.toBeInstanceOf(NotFound);
  });

  it("lets an agent take an unassigned ticket but not assign it to others or move it", async () => {
    const colleague = await ws.staff("agent", [ws.supportId]);
    const t = await ws.as(ws.owner, () => Ticket.create(request()));
    await expect(ws.as(agent, () => Ticket.update(t.ticketId, { version: 1, assigneeId: colleague.staffId }))).rejects.toBeInstanceOf(Forbidden);
    const taken = await ws.as(agent, () => Ticket.update(t.ticketId, { version: 1, assigneeId: agent.staffId }));
    expect(taken).toMatchObject({ assigneeId: agent.staffId, status: "open" });
    await expect(ws.as(colleague, () => Ticket.update(t.ticketId, { version: 2, assigneeId: colleague.staffId }))).rejects.toBeInstanceOf(Forbidden);
    const other = await ws.department(`Other ${Date.now()}`);
    await expect(ws.as(agent, () => Ticket.update(t.ticketId, { version: 2, departmentId: other, reason: "x" }))).rejects.toBeInstanceOf(Forbidden);
    await expect(ws.as(agent, () => Ticket.remove(t.ticketId))).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("queues", () => {
  let ws: TestWorkspace;
  let billing: string;
  let agent: StaffActor;
  let dispatcher: StaffActor;
  const created: Ticket.Info[] = [];

  beforeAll(async () => {
    ws = await makeWorkspace();
    billing = await ws.department("Billing");
    agent = await ws.staff("agent", [billing]);
    dispatcher = await ws.staff("dispatcher");
    const priorities = ["low", "normal", "high", "urgent"] as const;
    for (let i = 0; i < 36; i++) {
      const t = await ws.as(ws.owner, () =>
        Ticket.create(
          request({
            subject: `Queue ${i}`,
            departmentId: i % 3 === 0 ? billing : ws.supportId,
            priority: priorities[(i * 7) % 4],
            ...(i % 4 === 0 ? { assigneeId: ws.owner.staffId } : {}),
            ...(i % 5 === 0 ? { status: "pending" as const } : {}),
          }),
        ),
      );
      created.push(t);
    }
  });

  async function everyPage(actor: StaffActor, query: Parameters<typeof Ticket.list>[0]) {
    const seen: Ticket.Info[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 50; i++) {
      const page = await ws.as(actor, () => Ticket.list({ ...query, cursor, limit: 7 }));
      expect(page.tickets.length).toBeLessThanOrEqual(7);
      seen.push(...page.tickets);
      if (!page.cursor) return seen;
      cursor = page.cursor;
    }
    throw new Error("too many pages");
  }

  const rank = { urgent: 0, high: 1, normal: 2, low: 3 };
  const byPriority = (a: Ticket.Info, b: Ticket.Info) =>
    rank[a.priority] - rank[b.priority] || a.updatedAt.localeCompare(b.updatedAt) || a.ticketId.localeCompare(b.ticketId);
  const byUpdate = (a: Ticket.Info, b: Ticket.Info) => b.updatedAt.localeCompare(a.updatedAt) || b.ticketId.localeCompare(a.ticketId);
  const ids = (list: Ticket.Info[]) => list.map((t) => t.number);

  it("pages through every view in both orders, exactly as the tickets sort, with nothing skipped or repeated", async () => {
    const unsolved = created.filter((t) => ["new", "open", "pending", "on_hold"].includes(t.status));
    const expectations: [Parameters<typeof Ticket.list>[0], Ticket.Info[]][] = [
      [{ view: "all" }, created],
      [{ view: "mine" }, unsolved.filter((t) => t.assigneeId === ws.owner.staffId)],
      [{ view: "unassigned" }, unsolved.filter((t) => !t.assigneeId)],
      [{ view: "department", departmentId: billing }, unsolved.filter((t) => t.departmentId === billing)],
      [{ view: "pending" }, created.filter((t) => t.status === "pending")],
      [{ view: "all", priority: "urgent" }, created.filter((t) => t.priority === "urgent")],
      [{ view: "all", status: "new" }, created.filter((t) => t.status === "new")],
    ];
    for (const [query, expected] of expectations) {
      expect(ids(await everyPage(ws.owner, { ...query, sort: "priority" })), JSON.stringify(query)).toEqual(ids([...expected].sort(byPriority)));
      expect(ids(await everyPage(ws.owner, { ...query, sort: "updated" })), JSON.stringify(query)).toEqual(ids([...expected].sort(byUpdate)));
    }
  });

  it("shows an agent only the departments granted to them, and counts each view", async () => {
    const mine = await everyPage(agent, { view: "all", sort: "updated" });
    expect(ids(mine)).toEqual(ids(created.filter((t) => t.departmentId === billing).sort(byUpdate)));
    const unassigned = await everyPage(agent, { view: "unassigned", sort: "priority" });
    expect(ids(unassigned)).toEqual(ids(created.filter((t) => t.departmentId === billing && !t.assigneeId).sort(byPriority)));
    await expect(ws.as(agent, () => Ticket.list({ view: "department", departmentId: ws.supportId }))).rejects.toBeInstanceOf(Forbidden);
    await expect(ws.as(agent, () => Ticket.list({ view: "trash" }))).rejects.toBeInstanceOf(Forbidden);
    const hidden = created.find((t) => t.departmentId === ws.supportId)!;
    await expect(ws.as(agent, () => Ticket.get(hidden.ticketId))).rejects.toBeInstanceOf(NotFound);

    await settle(); // counts follow by reaction
    const counts = await ws.as(agent, () => Ticket.counts());
    expect(counts.views.all).toBe(created.filter((t) => t.departmentId === billing).length);
    expect(counts.views.unassigned).toBe(unassigned.length);
    expect(counts.views.trash).toBeUndefined();
    expect(Object.keys(counts.departments)).toEqual([billing]);

    const all = await ws.as(dispatcher, () => Ticket.counts());
    expect(all.views.all).toBe(created.length);
    expect(all.views.pending).toBe(created.filter((t) => t.status === "pending").length);
    expect(all.departments[ws.supportId]).toBe(created.filter((t) => t.departmentId === ws.supportId).length);
  });

  it("moves a ticket between queues and counts as it changes", async () => {
    const t = created.find((x) => x.departmentId === billing && !x.assigneeId && x.status === "new")!;
    await settle();
    const before = await ws.as(agent, () => Ticket.counts());
    await ws.as(agent, () => Ticket.update(t.ticketId, { version: t.version, assigneeId: agent.staffId, status: "solved" }));
    await settle();
    const after = await ws.as(agent, () => Ticket.counts());
    expect(after.views.mine).toBe(before.views.mine! + 0); // solved: no longer in "mine" (unsolved)
    expect(after.views.unassigned).toBe(before.views.unassigned! - 1);
    expect(after.views.solved).toBe(before.views.solved! + 1);
    const solved = await everyPage(agent, { view: "solved", sort: "updated" });
    expect(solved[0]?.ticketId).toBe(t.ticketId);
  });
});

describe("the trash", () => {
  it("hides a deleted ticket from every queue but the admins' trash, restores it, and purges it for good", async () => {
    const ws = await makeWorkspace();
    const dispatcher = await ws.staff("dispatcher");
    const t = await ws.as(ws.owner, () => Ticket.create(request()));
    await ws.as(dispatcher, () => Ticket.remove(t.ticketId));
    expect((await ws.as(dispatcher, () => Ticket.list({ view: "all" }))).tickets).toEqual([]);
    await expect(ws.as(dispatcher, () => Ticket.get(t.ticketId))).rejects.toBeInstanceOf(NotFound);
    expect((await ws.as(ws.owner, () => Ticket.list({ view: "trash" }))).tickets.map((x) => x.ticketId)).toEqual([t.ticketId]);
    await settle();
    expect((await ws.as(ws.owner, () => Ticket.counts())).views).toMatchObject({ all: 0, trash: 1 });

    const restored = await ws.as(ws.owner, () => Ticket.restore(t.ticketId));
    expect(restored.deletedAt).toBeUndefined();
    expect((await ws.as(dispatcher, () => Ticket.list({ view: "all" }))).tickets).toHaveLength(1);

    await expect(ws.as(ws.owner, () => Ticket.purge(t.ticketId))).rejects.toBeInstanceOf(Forbidden);
    await ws.as(ws.owner, () => Ticket.remove(t.ticketId));
    await ws.as(ws.owner, () => Ticket.purge(t.ticketId));
    await expect(ws.as(ws.owner, () => Ticket.get(t.ticketId))).rejects.toBeInstanceOf(NotFound);
    expect(await ws.as(ws.owner, () => Ticket.findByNumber(t.number))).toBeUndefined();
    await settle();
    expect((await ws.as(ws.owner, () => Ticket.counts())).views).toMatchObject({ all: 0, trash: 0 });
    const history = await ws.as(ws.owner, () => Event.list({ targetType: "ticket", targetId: t.ticketId }));
    expect(history.events.map((e) => e.action)).toEqual(["ticket.purge", "ticket.delete", "ticket.restore", "ticket.delete", "ticket.create"]);
    expect(history.events[0]).toMatchObject({ actor: { id: ws.owner.staffId }, before: { number: t.number } });
  });
});

describe("the event log", () => {
  it("answers by actor and by time range, newest first, a page at a time", async () => {
    const ws = await makeWorkspace();
    const agent = await ws.staff("agent", [ws.supportId]);
    const start = new Date().toISOString();
    const t = await ws.as(ws.owner, () => Ticket.create(request()));
    for (let i = 0; i < 5; i++) await ws.as(agent, () => Ticket.note(t.ticketId, { body: `note ${i}` }));
    const byAgent = await ws.as(ws.owner, () => Event.list({ actorId: agent.staffId, limit: 3 }));
    expect(byAgent.events).toHaveLength(3);
    expect(byAgent.events[0]!.after).toMatchObject({ preview: "note 4" });
    const rest = await ws.as(ws.owner, () => Event.list({ actorId: agent.staffId, limit: 3, cursor: byAgent.cursor! }));
    expect(rest.events.map((e) => (e.after as { preview: string }).preview)).toEqual(["note 1", "note 0"]);
    const inRange = await ws.as(ws.owner, () => Event.list({ from: start, action: "ticket.note", limit: 10 }));
    expect(inRange.events).toHaveLength(5);
    const none = await ws.as(ws.owner, () => Event.list({ to: start, action: "ticket.note" }));
    expect(none.events).toHaveLength(0);
  });
});

describe("data kept by an earlier version", () => {
  it("refiles unsolved tickets from the old open, pending and on-hold partitions into the active one, once", async () => {
    const ws = await makeWorkspace();
    const t = await ws.as(ws.owner, () => Ticket.create(request({ subject: "Filed the old way" })));
    const record = (await useDb().entities.ticket.get({ tenantId: ws.tenantId, ticketId: t.ticketId }).go()).data!;
    // As an earlier version wrote it: the index keys of the "open" partition.
    await useDb()
      .entities.ticket.patch({ tenantId: ws.tenantId, ticketId: t.ticketId })
      .set({ queueGroup: "open", prioRank: record.prioRank, assigneeKey: record.assigneeKey, departmentId: record.departmentId, updatedAt: record.updatedAt })
      .go();
    expect((await ws.as(ws.owner, () => Ticket.list({ view: "unassigned" }))).tickets.map((x) => x.ticketId)).not.toContain(t.ticketId);
    expect(await Ticket.regroupQueues()).toBeGreaterThanOrEqual(1);
    const after = (await useDb().entities.ticket.get({ tenantId: ws.tenantId, ticketId: t.ticketId }).go()).data!;
    expect(after).toMatchObject({ queueGroup: "active", version: record.version, updatedAt: record.updatedAt });
    expect((await ws.as(ws.owner, () => Ticket.list({ view: "unassigned" }))).tickets.map((x) => x.ticketId)).toContain(t.ticketId);
    expect(await Ticket.regroupQueues()).toBe(0);
  });
});
