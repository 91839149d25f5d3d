import { beforeAll, describe, expect, it } from "vitest";
import { Customer } from "@frontline/core/customer";
import { useDb } from "@frontline/core/db";
import { Ticket } from "@frontline/core/ticket";
import { settle, skipReactions, useTestTable } from "../../../test/support/db";
import { makeWorkspace, type StaffActor, type TestWorkspace } from "../../../test/support/workspace";
import { NoScan } from "./no-scan";
import { seedTickets, ticketSizes, type SeedResult } from "./seed-tickets";

/**
 * The seeded data is what the normal code paths read: counts, queue pages (every ticket once, in order), threads,
 * numbers, customers, and the writes that follow. Expectations are computed from the seeded tickets themselves, not
 * with the core's queue functions.
 */

type Rec = Ticket.Record;
const UNSOLVED = new Set(["new", "open", "pending", "on_hold"]);
const RANK: { [priority: string]: number } = { urgent: 0, high: 1, normal: 2, low: 3 };
const byPriority = (a: Rec, b: Rec) =>
  RANK[a.priority]! - RANK[b.priority]! || a.updatedAt.localeCompare(b.updatedAt) || a.ticketId.localeCompare(b.ticketId);
const byUpdate = (a: Rec, b: Rec) => b.updatedAt.localeCompare(a.updatedAt) || b.ticketId.localeCompare(a.ticketId);

let ws: TestWorkspace;
let agent: StaffActor;
let supervisor: StaffActor;
let dispatcher: StaffActor;
let departments: string[];
let seeded: SeedResult;
let records: Rec[];

beforeAll(async () => {
  await useTestTable();
  NoScan.install();
  ws = await makeWorkspace();
  const billing = await ws.department("Billing");
  const technical = await ws.department("Technical");
  departments = [ws.supportId, billing, technical];
  agent = await ws.staff("agent", [ws.supportId, billing]);
  supervisor = await ws.staff("supervisor", [technical]);
  dispatcher = await ws.staff("dispatcher");
  await settle(); // the workspace's own set-up, before the bulk load
  const staff = [ws.owner, agent, supervisor, dispatcher].map((s) => ({ staffId: s.staffId, name: s.name, role: s.role, departmentIds: s.departmentIds }));
  seeded = await seedTickets({
    tenantId: ws.tenantId,
    tickets: 300,
    departments: departments.map((departmentId, i) => ({ departmentId, weight: 3 - i })),
    staff,
    customers: 120,
    threads: 3,
    concurrency: 4,
    keepRecords: true,
  });
  records = seeded.records!;
  // The seed wrote what the reactions to its items would have (counts, search terms): mark them handled.
  await skipReactions();
}, 120_000);

/** Every page of a queue, as `actor`. */
async function allPages(actor: StaffActor, query: Parameters<typeof Ticket.list>[0]): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await ws.as(actor, () => Ticket.list({ ...query, ...(cursor ? { cursor } : {}) }));
    ids.push(...result.tickets.map((t) => t.ticketId));
    if (!result.cursor) return ids;
    cursor = result.cursor;
  }
  throw new Error("more than 100 pages");
}

describe("seeding tickets", () => {
  it("writes the tickets, numbered from 1, with a spread of statuses, priorities, departments and assignees", () => {
    expect(seeded).toMatchObject({ tickets: 300, customers: 120, firstNumber: 1, lastNumber: 300 });
    expect(records).toHaveLength(300);
    expect(new Set(records.map((t) => t.number)).size).toBe(300);
    for (const values of [
      records.map((t) => t.status),
      records.map((t) => t.priority),
      records.map((t) => t.departmentId),
      records.map((t) => t.assigneeId ?? "none"),
    ]) {
      expect(new Set(values).size).toBeGreaterThanOrEqual(3);
    }
    expect(records.some((t) => t.deletedAt)).toBe(true);
    expect(seeded.threads).toHaveLength(3);
    expect(seeded.replyTargets.length).toBeGreaterThan(10);
    // Nobody is assigned a ticket of a department they do not work.
    const staff = new Map([ws.owner, agent, supervisor, dispatcher].map((s) => [s.staffId, s]));
    for (const t of records.filter((r) => r.assigneeId)) {
      const who = staff.get(t.assigneeId!)!;
      expect(["owner", "dispatcher"].includes(who.role) || who.departmentIds.includes(t.departmentId)).toBe(true);
    }
  });

  it("gives the counts the seeded tickets add up to, for an owner and for an agent of two departments", async () => {
    const live = records.filter((t) => !t.deletedAt);
    const unsolved = live.filter((t) => UNSOLVED.has(t.status));
    const owner = await ws.as(ws.owner, () => Ticket.counts());
    expect(owner.views).toMatchObject({
      all: live.length,
      unassigned: unsolved.filter((t) => !t.assigneeId).length,
      mine: unsolved.filter((t) => t.assigneeId === ws.owner.staffId).length,
      pending: live.filter((t) => t.status === "pending").length,
      on_hold: live.filter((t) => t.status === "on_hold").length,
      solved: live.filter((t) => t.status === "solved" || t.status === "closed").length,
      trash: records.length - live.length,
    });
    for (const d of departments) expect(owner.departments[d]).toBe(unsolved.filter((t) => t.departmentId === d).length);

    const mineToo = (t: Rec) => agent.departmentIds.includes(t.departmentId);
    const theirs = await ws.as(agent, () => Ticket.counts());
    expect(theirs.views).toMatchObject({
      all: live.filter(mineToo).length,
      unassigned: unsolved.filter((t) => mineToo(t) && !t.assigneeId).length,
      mine: unsolved.filter((t) => t.assigneeId === agent.staffId).length,
    });
    expect(theirs.views.trash).toBeUndefined();
  });

  it("pages through the queues: every ticket once, in the queue's order", async () => {
    const live = records.filter((t) => !t.deletedAt);
    const ids = (list: Rec[]) => list.map((t) => t.ticketId);
    expect(await allPages(ws.owner, { view: "all", sort: "priority" })).toEqual(ids([...live].sort(byPriority)));
    expect(await allPages(ws.owner, { view: "all", sort: "updated", limit: 40 })).toEqual(ids([...live].sort(byUpdate)));
    expect(await allPages(ws.owner, { view: "trash", sort: "updated" })).toEqual(ids(records.filter((t) => t.deletedAt).sort(byUpdate)));
    const unassigned = live.filter((t) => UNSOLVED.has(t.status) && !t.assigneeId && agent.departmentIds.includes(t.departmentId));
    expect(await allPages(agent, { view: "unassigned", sort: "updated" })).toEqual(ids(unassigned.sort(byUpdate)));
    const mine = live.filter((t) => UNSOLVED.has(t.status) && t.assigneeId === agent.staffId);
    expect(await allPages(agent, { view: "mine", sort: "priority" })).toEqual(ids(mine.sort(byPriority)));
    const solved = live.filter((t) => (t.status === "solved" || t.status === "closed") && t.departmentId === departments[2]);
    expect(await allPages(supervisor, { view: "solved", sort: "updated" })).toEqual(ids(solved.sort(byUpdate)));
  });

  it("opens a thread of 20 messages in order, and finds tickets by number and by requester", async () => {
    const detail = await ws.as(ws.owner, () => Ticket.get(seeded.threads[0]!));
    expect(detail.messages).toHaveLength(20);
    expect(detail.ticket.messageCount).toBe(20);
    expect(detail.messages[0]!.kind).toBe("customer");
    const times = detail.messages.map((m) => m.createdAt);
    expect(times).toEqual([...times].sort());
    expect(new Set(detail.messages.map((m) => m.kind))).toEqual(new Set(["customer", "reply", "note"]));

    const one = records[123]!;
    const found = await ws.as(ws.owner, () => Ticket.findByNumber(one.number));
    expect(found?.ticketId).toBe(one.ticketId);
    const single = await ws.as(ws.owner, () => Ticket.get(one.ticketId));
    expect(single.messages).toHaveLength(1);
    expect(single.ticket.preview).toBe(single.messages[0]!.body.replace(/\s+/g, " ").slice(0, 160));

    const requested = records.filter((t) => t.requesterId === one.requesterId && !t.deletedAt);
    const theirs = await ws.as(ws.owner, () => Ticket.forRequester(one.requesterId, { limit: 100 }));
    expect(theirs.tickets.map((t) => t.ticketId).sort()).toEqual(requested.map((t) => t.ticketId).sort());
  });

  it("finds the seeded customers by email and by name", async () => {
    const email = seeded.customerEmails[7]!;
    const customer = await ws.as(ws.owner, () => Customer.findByEmail(email));
    expect(customer?.email).toBe(email);
    const byName = await ws.as(ws.owner, () => Customer.search({ q: customer!.name.split(" ")[1]!.slice(0, 4), limit: 50 }));
    expect(byName.map((c) => c.customerId)).toContain(customer!.customerId);
  });

  it("goes on from the seeded state: the next number, the counters, a reply to a seeded ticket", async () => {
    const before = await ws.as(ws.owner, () => Ticket.counts());
    const created = await ws.as(ws.owner, () =>
      Ticket.create({ subject: "After the seed", body: "Hello", requester: { email: seeded.customerEmails[3]! }, departmentId: departments[1] }),
    );
    expect(created.number).toBe(seeded.lastNumber + 1);
    const target = records.find((t) => t.ticketId === seeded.replyTargets[0])!;
    const replied = await ws.as(ws.owner, () => Ticket.reply(target.ticketId, { body: "On it", status: "solved" }));
    expect(replied.ticket.version).toBe(target.version + 1);
    await settle();
    const after = await ws.as(ws.owner, () => Ticket.counts());
    const wasUnassigned = !target.assigneeId ? 1 : 0;
    expect(after.views.all).toBe(before.views.all! + 1);
    expect(after.views.solved).toBe(before.views.solved! + 1);
    expect(after.views.unassigned).toBe(before.views.unassigned! + 1 - wasUnassigned);
  });

  it("sent no Scan, and a Scan is refused", async () => {
    NoScan.assertNone();
    await expect(useDb().entities.ticket.scan.go()).rejects.toThrow(/ScanCommand/);
    expect(NoScan.attempts()).toHaveLength(1);
    NoScan.reset();
  });
});

describe("choosing the bench sizes", () => {
  it("reads --tickets or BENCH_TICKETS, both sizes by default", () => {
    expect(ticketSizes([], undefined)).toEqual([1000, 100000]);
    expect(ticketSizes(["--tickets", "1000"], "5")).toEqual([1000]);
    expect(ticketSizes(["--tickets=2k,100_000"], undefined)).toEqual([2000, 100000]);
    expect(ticketSizes([], "1000")).toEqual([1000]);
    expect(() => ticketSizes(["--tickets", "lots"], undefined)).toThrow(/--tickets/);
  });
});
