import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useDb } from "@frontline/core/db";
import { Event } from "@frontline/core/event";
import { configurePorts, type TimerPayload } from "@frontline/core/port";
import { Sla } from "@frontline/core/sla";
import { Staff } from "@frontline/core/staff";
import { alertTitle } from "../src/email/notify";
import { sayTime } from "@frontline/core/locale";
import { simpleParser } from "mailparser";
import { Timers } from "@frontline/core/timer";
import { Ticket } from "@frontline/core/ticket";
import { settle, testPorts, useTestTable } from "../../../test/support/db";
import { makeWorkspace, type StaffActor, type TestWorkspace } from "../../../test/support/workspace";

beforeAll(useTestTable);

/** A clock the test moves: the SLA planner and the timer handler read it through the Clock port. */
let offsetMs = 0;
configurePorts({ clock: { now: () => new Date(Date.now() + offsetMs) } });
beforeEach(async () => {
  await settle();
  offsetMs = 0;
  testPorts.scheduler.timers.clear();
  testPorts.mailer.sent.length = 0;
});

const request = (overrides: Partial<Ticket.CreateInput> = {}): Ticket.CreateInput => ({
  subject: "Our site is down",
  body: "Nothing loads.",
  requester: { email: "cto@customer.example", name: "Customer CTO" },
  ...overrides,
});

/** The SLA timers armed for a ticket, by kind. */
function timersOf(ticketId: string): { name: string; at: Date; payload: TimerPayload }[] {
  return [...testPorts.scheduler.timers.entries()]
    .filter(([, t]) => t.payload.ticketId === ticketId)
    .map(([name, t]) => ({ name, ...t }));
}

async function policyFor(ws: TestWorkspace, overrides: Partial<Sla.PolicyInput> = {}) {
  return ws.as(ws.owner, () =>
    Sla.createPolicy({ name: "Fast", targets: { first_response: 1, resolution: 10 }, hours: "calendar", warnPercent: 50, ...overrides }),
  );
}

describe("SLA timers and escalation", () => {
  let ws: TestWorkspace;
  let agent: StaffActor;
  let supervisor: StaffActor;
  beforeAll(async () => {
    ws = await makeWorkspace();
    agent = await ws.staff("agent", [ws.supportId], "Anna Agent");
    supervisor = await ws.staff("supervisor", [ws.supportId], "Saule Supervisor");
    await policyFor(ws, {
      escalations: [
        { on: "warning", target: "first_response", actions: [{ type: "notify_assignee" }] },
        { on: "breach", target: "any", actions: [{ type: "notify_supervisors" }, { type: "raise_priority" }] },
      ],
    });
  });

  it("arms one exact timer per running target when a ticket opens: the warning first", async () => {
    const t = await ws.as(ws.owner, () => Ticket.create(request({ assigneeId: agent.staffId })));
    expect(t.sla?.policyName).toBe("Fast");
    await settle(); // timers are armed by reaction to the new ticket
    const created = Date.parse(t.createdAt);
    const timers = timersOf(t.ticketId).sort((a, b) => a.at.getTime() - b.at.getTime());
    expect(timers.map((x) => [x.payload.target, x.payload.timer, x.at.getTime() - created])).toEqual([
      ["first_response", "warn", 30_000],
      ["resolution", "warn", 300_000],
    ]);
    for (const timer of timers) expect(timer.name).toMatch(/^[0-9a-zA-Z_.-]{1,64}$/);
  });

  it("warns, then breaches, each exactly once however often the timer comes, and escalates as the policy says", async () => {
    const t = await ws.as(ws.owner, () => Ticket.create(request({ assigneeId: agent.staffId })));
    await settle();
    const warn = timersOf(t.ticketId).find((x) => x.payload.target === "first_response")!;
    // Early: nothing happens yet (the timer is re-armed for its time).
    expect(await ws.as(ws.system, () => Ticket.fireSla(warn.payload as never))).toBe("early");
    offsetMs = 40_000;
    const outcomes = await Promise.all([1, 2, 3].map(() => Timers.fire(warn.payload).then(() => "ok")));
    expect(outcomes).toEqual(["ok", "ok", "ok"]);
    await settle(); // the history, the bell and the letters follow by reaction
    const afterWarn = await ws.as(ws.owner, () => Ticket.get(t.ticketId));
    expect(afterWarn.slaEvents.map((e) => [e.target, e.kind])).toEqual([["first_response", "warning"]]);
    expect(afterWarn.ticket.sla?.targets.first_response?.warnedAt).toBeTruthy();
    const notes = await useDb().entities.notification.query.byStaff({ tenantId: ws.tenantId, staffId: agent.staffId }).go();
    expect(notes.data.filter((n) => n.ticketId === t.ticketId).map((n) => n.kind)).toEqual(["sla_warning"]);
    const agentEmail = (await useDb().entities.staff.get({ tenantId: ws.tenantId, staffId: agent.staffId }).go()).data!.email;
    const warned = testPorts.mailer.sent.filter((m) => m.recipients[0] === agentEmail);
    expect(warned).toHaveLength(1);
    expect(warned[0]!.raw.toString()).toContain("SLA warning: first response is due soon");

    // The warning armed the breach.
    const breach = timersOf(t.ticketId).find((x) => x.payload.target === "first_response" && x.payload.timer === "breach")!;
    expect(breach.at.getTime() - Date.parse(t.createdAt)).toBe(60_000);
    offsetMs = 70_000;
    await Promise.all([Timers.fire(breach.payload), Timers.fire(breach.payload)]);
    await Timers.fire(breach.payload);
    await settle();
    const after = await ws.as(ws.owner, () => Ticket.get(t.ticketId));
    expect(after.slaEvents.map((e) => [e.target, e.kind])).toEqual([
      ["first_response", "warning"],
      ["first_response", "breach"],
    ]);
    expect(after.ticket.priority).toBe("high");
    expect(after.messages.filter((m) => m.kind === "system").map((m) => m.system?.action)).toEqual(["sla_warning", "sla_breach", "priority"]);
    const supervised = await useDb().entities.notification.query.byStaff({ tenantId: ws.tenantId, staffId: supervisor.staffId }).go();
    expect(supervised.data.filter((n) => n.ticketId === t.ticketId).map((n) => n.kind)).toEqual(["sla_breach"]);
    const overdue = await ws.as(ws.owner, () => Ticket.overdue());
    expect(overdue.map((x) => x.ticketId)).toContain(t.ticketId);
    const log = await ws.as(ws.owner, () => Event.list({ targetType: "ticket", targetId: t.ticketId }));
    expect(log.events.filter((e) => e.action.startsWith("sla.")).map((e) => e.action)).toEqual(["sla.breach", "sla.warning"]);
    // The supervisor also got a letter, not answerable by mail.
    const letters = testPorts.mailer.sent.filter((m) => m.raw.toString().includes("SLA breach"));
    expect(letters).toHaveLength(1);
    expect(letters[0]!.raw.toString()).not.toMatch(/^Reply-To:/m);

    // Answering meets the target and takes the ticket out of the overdue view.
    await ws.as(agent, () => Ticket.reply(t.ticketId, { body: "On it" }));
    await settle();
    expect((await ws.as(ws.owner, () => Ticket.overdue())).map((x) => x.ticketId)).not.toContain(t.ticketId);
  });

  it("tells a staff member the due time in their own language and time zone, which they set themselves", async () => {
    const kairat = await ws.staff("agent", [ws.supportId], "Қайрат Агент");
    await expect(ws.as(kairat, () => Staff.update(kairat.staffId, { timeZone: "Mars/Olympus" }))).rejects.toMatchObject({ issues: [expect.objectContaining({ path: "timeZone" })] });
    await expect(ws.as(agent, () => Staff.update(kairat.staffId, { timeZone: "Asia/Almaty" }))).rejects.toMatchObject({ status: 403 });
    expect(await ws.as(kairat, () => Staff.update(kairat.staffId, { locale: "kk", timeZone: "Asia/Almaty" }))).toMatchObject({ locale: "kk", timeZone: "Asia/Almaty" });
    await settle();

    const t = await ws.as(ws.owner, () => Ticket.create(request({ assigneeId: kairat.staffId })));
    await settle();
    const warn = timersOf(t.ticketId).find((x) => x.payload.target === "first_response")!;
    offsetMs = 40_000;
    await Timers.fire(warn.payload);
    await settle();
    const email = (await useDb().entities.staff.get({ tenantId: ws.tenantId, staffId: kairat.staffId }).go()).data!.email;
    const [sent] = testPorts.mailer.sent.filter((m) => m.recipients[0] === email);
    const letter = await simpleParser(sent!.raw);
    expect(letter.subject).toContain(alertTitle("warning", "first_response", "kk"));
    // The warning tells the deadline itself, not the moment it warns (half the time before it, by this policy).
    const dueAt = t.sla!.targets.first_response!.dueAt!;
    const history = await ws.as(ws.owner, () => Ticket.get(t.ticketId));
    expect(history.slaEvents).toEqual([expect.objectContaining({ kind: "warning", dueAt })]);
    expect(letter.text).toContain(sayTime("kk", dueAt, "Asia/Almaty"));
    expect(sayTime("kk", dueAt, "Asia/Almaty")).not.toBe(sayTime("kk", dueAt, "UTC"));
  });

  it("does nothing when a timer comes after the ticket moved on (answered, or paused)", async () => {
    const answered = await ws.as(ws.owner, () => Ticket.create(request()));
    await settle();
    const stale = timersOf(answered.ticketId).find((x) => x.payload.target === "first_response")!;
    await ws.as(agent, () => Ticket.reply(answered.ticketId, { body: "Hello" }));
    offsetMs = 120_000;
    expect(await ws.as(ws.system, () => Ticket.fireSla(stale.payload as never))).toBe("stale");

    offsetMs = 0;
    const paused = await ws.as(ws.owner, () => Ticket.create(request()));
    await settle();
    const resolution = timersOf(paused.ticketId).find((x) => x.payload.target === "resolution")!;
    const pending = await ws.as(agent, () => Ticket.reply(paused.ticketId, { body: "Waiting for your logs", status: "pending" }));
    expect(pending.ticket.sla?.targets.resolution).toMatchObject({ remainingMs: expect.any(Number) });
    expect(pending.ticket.sla?.targets.resolution?.dueAt).toBeUndefined();
    await settle();
    expect(testPorts.scheduler.timers.has(resolution.name)).toBe(false);
    offsetMs = 20 * 60_000;
    expect(await ws.as(ws.system, () => Ticket.fireSla(resolution.payload as never))).toBe("stale");
    expect((await ws.as(ws.owner, () => Ticket.get(paused.ticketId))).slaEvents).toEqual([]);
  });

  it("refuses a policy for a department that does not exist, naming the field", async () => {
    const attempt = ws.as(ws.owner, () => Sla.createPolicy({ name: "Ghost", targets: { resolution: 5 }, hours: "calendar", match: { departmentIds: [ws.supportId, "01NOSUCHDEPARTMENT000000000"] } }));
    await expect(attempt).rejects.toMatchObject({ status: 400, issues: [{ path: "match.departmentIds.1", code: "not_found" }] });
    const kept = await ws.as(ws.owner, () => Sla.createPolicy({ name: "Support only", targets: { resolution: 5 }, hours: "calendar", match: { departmentIds: [ws.supportId] } }));
    await expect(ws.as(ws.owner, () => Sla.updatePolicy(kept.policyId, { name: "Support only", targets: { resolution: 5 }, hours: "calendar", match: { departmentIds: ["gone"] } }))).rejects.toMatchObject({
      issues: [{ path: "match.departmentIds.0" }],
    });
    expect((await ws.as(ws.owner, () => Sla.listPolicies())).map((p) => p.name)).not.toContain("Ghost");
    await ws.as(ws.owner, () => Sla.removePolicy(kept.policyId));
  });

  it("re-selects the policy when the priority changes, keeping the time used", async () => {
    await ws.as(ws.owner, () => Sla.createPolicy({ name: "Urgent only", targets: { first_response: 5 }, hours: "calendar", match: { priorities: ["urgent"] } }));
    const order = (await ws.as(ws.owner, () => Sla.listPolicies())).map((p) => p.policyId).reverse();
    await ws.as(ws.owner, () => Sla.reorderPolicies({ policyIds: order }));
    const t = await ws.as(ws.owner, () => Ticket.create(request({ priority: "normal" })));
    expect(t.sla?.policyName).toBe("Fast");
    const urgent = await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: 1, priority: "urgent" }));
    expect(urgent.sla?.policyName).toBe("Urgent only");
    expect(Date.parse(urgent.sla!.targets.first_response!.dueAt!) - Date.parse(t.createdAt)).toBeGreaterThanOrEqual(5 * 60_000 - 1000);
    expect(urgent.sla?.targets.resolution).toBeUndefined();
  });
});

describe("a thousand tickets", () => {
  it("escalates each breach exactly once when timers come 1 to 3 times, some deliveries failing", async () => {
    const ws = await makeWorkspace();
    await policyFor(ws, { targets: { first_response: 1 }, warnPercent: undefined, escalations: [{ on: "breach", target: "any", actions: [{ type: "raise_priority" }] }] });
    const ids: string[] = [];
    const queue = Array.from({ length: 1000 }, (_, i) => i);
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          const t = await ws.as(ws.owner, () => Ticket.create(request({ subject: `Ticket ${i}`, requester: { email: `c${i % 50}@customer.example` } })));
          ids.push(t.ticketId);
        }
      }),
    );
    await settle();
    const mine = new Set(ids);
    const timers = [...testPorts.scheduler.timers.values()].filter((t) => mine.has(String(t.payload.ticketId)));
    expect(timers).toHaveLength(1000);
    offsetMs = 90_000;
    // Each timer is delivered 1 to 3 times, some at once; one delivery in ten fails before reaching the handler (a
    // lost invocation), and the scheduler delivers it again.
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const deliveries = timers.flatMap((t) => Array.from({ length: 1 + Math.floor(random() * 3) }, () => t.payload));
    const work = [...deliveries].sort(() => random() - 0.5);
    let failed = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let payload = work.shift(); payload; payload = work.shift()) {
          if (random() < 0.1) {
            failed++;
            work.push(payload); // the lost delivery comes again
            continue;
          }
          await Timers.fire(payload);
        }
      }),
    );
    expect(failed).toBeGreaterThan(0);
    await settle();
    const breaches = await ws.as(ws.owner, () => Event.list({ action: "sla.breach", limit: 200 }));
    let count = breaches.events.length;
    for (let cursor = breaches.cursor; cursor; ) {
      const page = await ws.as(ws.owner, () => Event.list({ action: "sla.breach", limit: 200, cursor: cursor! }));
      count += page.events.length;
      cursor = page.cursor;
    }
    expect(count).toBe(1000);
    const sample = await ws.as(ws.owner, () => Ticket.get(ids[0]!));
    expect(sample.slaEvents).toHaveLength(1);
    expect(sample.ticket.priority).toBe("high");
  }, 300_000);
});
