import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useDb } from "@frontline/core/db";
import { Event } from "@frontline/core/event";
import { configurePorts, type TimerPayload } from "@frontline/core/port";
import { Sla } from "@frontline/core/sla";
import { Notification } from "@frontline/core/notification";
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
    // (The ticket's assignment rang her bell too: staff notifications of other kinds.)
    expect(notes.data.filter((n) => n.ticketId === t.ticketId && n.kind.startsWith("sla_")).map((n) => n.kind)).toEqual(["sla_warning"]);
    const agentEmail = (await useDb().entities.staff.get({ tenantId: ws.tenantId, staffId: agent.staffId }).go()).data!.email;
    const warned = testPorts.mailer.sent.filter((m) => m.recipients[0] === agentEmail && m.raw.toString().includes("SLA"));
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
    const letters = await Promise.all(testPorts.mailer.sent.filter((m) => m.recipients[0] === email).map((m) => simpleParser(m.raw)));
    const letter = letters.find((l) => l.subject?.includes(alertTitle("warning", "first_response", "kk")));
    if (!letter) throw new Error(`No SLA warning among ${letters.map((l) => l.subject).join("; ")}`);
    // The warning tells the deadline itself, not the moment it warns (half the time before it, by this policy).
    const dueAt = t.sla!.targets.first_response!.dueAt!;
    const history = await ws.as(ws.owner, () => Ticket.get(t.ticketId));
    expect(history.slaEvents).toEqual([expect.objectContaining({ kind: "warning", dueAt })]);
    expect(letter.text).toContain(sayTime("kk", dueAt, "Asia/Almaty"));
    expect(sayTime("kk", dueAt, "Asia/Almaty")).not.toBe(sayTime("kk", dueAt, "UTC"));
  });

  it("keeps SLA alerts out of the bell or the mail of a staff member who switched them off", async () => {
    const quiet = await ws.staff("agent", [ws.supportId], "Quiet Agent");
    await ws.as(quiet, () => Notification.Preferences.save({ preferences: { sla: { bell: false, mail: false } } }));
    const loud = await ws.staff("agent", [ws.supportId], "Loud Agent");
    const alertsOf = async (who: StaffActor, ticketId: string) => {
      const email = (await useDb().entities.staff.get({ tenantId: ws.tenantId, staffId: who.staffId }).go()).data!.email;
      const bell = await useDb().entities.notification.query.byStaff({ tenantId: ws.tenantId, staffId: who.staffId }).go();
      return {
        bell: bell.data.filter((n) => n.ticketId === ticketId && n.kind.startsWith("sla_")).length,
        mail: testPorts.mailer.sent.filter((m) => m.recipients[0] === email && m.raw.toString().includes("SLA warning")).length,
      };
    };
    for (const [who, expected] of [[quiet, { bell: 0, mail: 0 }], [loud, { bell: 1, mail: 1 }]] as const) {
      const t = await ws.as(ws.owner, () => Ticket.create(request({ assigneeId: who.staffId })));
      await settle();
      const warn = timersOf(t.ticketId).find((x) => x.payload.target === "first_response")!;
      offsetMs = 40_000;
      await Timers.fire(warn.payload);
      await settle();
      offsetMs = 0;
      expect(await alertsOf(who, t.ticketId)).toEqual(expected);
    }
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

describe("trash, restore and moves keep the SLA record (#14)", () => {
  let ws: TestWorkspace;
  let agent: StaffActor;
  let supervisor: StaffActor;
  beforeAll(async () => {
    ws = await makeWorkspace();
    agent = await ws.staff("agent", [ws.supportId], "Anna Agent");
    supervisor = await ws.staff("supervisor", [ws.supportId], "Saule Supervisor");
    await ws.as(ws.owner, () =>
      Sla.createPolicy({
        name: "Trash-safe",
        match: { departmentIds: [ws.supportId] },
        targets: { first_response: 1, resolution: 10 },
        hours: "calendar",
        warnPercent: 50,
        escalations: [
          { on: "warning", target: "any", actions: [{ type: "notify_assignee" }] },
          { on: "breach", target: "any", actions: [{ type: "notify_supervisors" }] },
        ],
      }),
    );
  });

  /** Every timer ever armed for a ticket, kept after it is cancelled or fired: the scheduler may deliver any again. */
  const seen = new Map<string, TimerPayload>();
  const remember = (ticketId: string) => {
    for (const t of timersOf(ticketId)) seen.set(t.name, t.payload);
  };
  const fire = async (ticketId: string, target: string, timer: "warn" | "breach") => {
    remember(ticketId);
    const armed = timersOf(ticketId).find((x) => x.payload.target === target && x.payload.timer === timer);
    expect(armed, `${target} ${timer} armed`).toBeTruthy();
    await Timers.fire(armed!.payload);
    await settle();
    remember(ticketId);
  };
  /** Delivers every timer this ticket ever had, twice: only those still real may do anything. */
  const fireEverything = async (ticketId: string) => {
    remember(ticketId);
    for (const payload of [...seen.values()].filter((p) => p.ticketId === ticketId)) {
      await Timers.fire(payload);
      await Timers.fire(payload);
    }
    await settle();
    remember(ticketId);
  };
  const alertSubjects = async (ticketId: string) => {
    const number = (await ws.as(ws.owner, () => Ticket.get(ticketId))).ticket.number;
    const subjects = await Promise.all(testPorts.mailer.sent.map(async (m) => (await simpleParser(m.raw)).subject ?? ""));
    return subjects.filter((s) => s.includes(`#${number}`) && s.includes("SLA")).sort();
  };
  const breachTitle = (target: "first_response" | "resolution") => alertTitle("breach", target, "en");
  const warningTitle = (target: "first_response" | "resolution") => alertTitle("warning", target, "en");
  const slaLog = async (ticketId: string) =>
    (await ws.as(ws.owner, () => Event.list({ targetType: "ticket", targetId: ticketId }))).events
      .filter((e) => e.action.startsWith("sla."))
      .map((e) => `${e.action} ${(e.after as { target: string }).target}`)
      .sort();

  it("trashing stops the clocks but keeps the record; restoring resumes what ran, with nothing sent twice", async () => {
    const t = await ws.as(ws.owner, () => Ticket.create(request({ assigneeId: agent.staffId })));
    const created = Date.parse(t.createdAt);
    await settle();
    // First response warns at 30 s and breaches at 1 min; resolution warns at 5 min.
    offsetMs = 40_000;
    await fire(t.ticketId, "first_response", "warn");
    offsetMs = 70_000;
    await fire(t.ticketId, "first_response", "breach");
    offsetMs = 6 * 60_000;
    await fire(t.ticketId, "resolution", "warn");
    const breached = (await ws.as(ws.owner, () => Ticket.get(t.ticketId))).ticket.sla!;
    const firstResponse = breached.targets.first_response!;
    expect(firstResponse).toMatchObject({ dueAt: new Date(created + 60_000).toISOString(), breachedAt: expect.any(String), warnedAt: expect.any(String) });
    expect(breached.targets.resolution).toMatchObject({ warnedAt: expect.any(String), dueAt: new Date(created + 10 * 60_000).toISOString() });
    expect((await ws.as(ws.owner, () => Ticket.overdue())).map((x) => x.ticketId)).toContain(t.ticketId);

    // Trashed at 7 min: every clock stops (the resolution breach timer is cancelled), every record stays.
    offsetMs = 7 * 60_000;
    const trashed = await ws.as(ws.owner, () => Ticket.remove(t.ticketId));
    await settle();
    remember(t.ticketId);
    expect(timersOf(t.ticketId).filter((x) => Date.parse(x.at.toISOString()) > created + offsetMs)).toEqual([]);
    expect(trashed.sla?.targets.first_response).toMatchObject({ breachedAt: firstResponse.breachedAt, warnedAt: firstResponse.warnedAt, dueAt: firstResponse.dueAt });
    // Resolution had used what ran until the trash (about 7 of its 10 minutes): the rest waits.
    // (The clock is read again for the SLA a few milliseconds after the change's own instant: within a second.)
    const within = (ms: number, expected: number) => Math.abs(ms - expected) < 1000;
    const left = trashed.sla!.targets.resolution!.remainingMs!;
    expect(within(left, 10 * 60_000 - (Date.parse(trashed.updatedAt) - created)), `${left} left`).toBe(true);
    expect(trashed.sla?.targets.resolution).toMatchObject({ warnedAt: breached.targets.resolution!.warnedAt });
    expect(trashed.sla?.targets.resolution?.since).toBeUndefined();
    expect((await ws.as(ws.owner, () => Ticket.overdue())).map((x) => x.ticketId)).not.toContain(t.ticketId);
    // A timer delivered while it is in the trash does nothing.
    await fireEverything(t.ticketId);

    // Restored half an hour later: the breach keeps its instant and its due time; resolution gets its 3 minutes left
    // (time in the trash counts like time on hold) and is not warned again.
    offsetMs = 37 * 60_000;
    const restored = await ws.as(ws.owner, () => Ticket.restore(t.ticketId));
    await settle();
    remember(t.ticketId);
    const restoredAt = Date.parse(restored.updatedAt);
    expect(restored.sla?.targets.first_response).toMatchObject({ breachedAt: firstResponse.breachedAt, warnedAt: firstResponse.warnedAt, dueAt: firstResponse.dueAt });
    expect(restored.sla?.targets.resolution).toMatchObject({ warnedAt: breached.targets.resolution!.warnedAt });
    const resumedDue = Date.parse(restored.sla!.targets.resolution!.dueAt!);
    expect(within(resumedDue, restoredAt + left), "the rest of resolution from the restore").toBe(true);
    expect(restored.sla?.targets.resolution?.warnAt).toBeUndefined();
    expect(timersOf(t.ticketId).filter((x) => x.at.getTime() > restoredAt).map((x) => [x.payload.target, x.payload.timer, x.at.getTime()])).toEqual([
      ["resolution", "breach", resumedDue],
    ]);
    expect((await ws.as(ws.owner, () => Ticket.overdue())).map((x) => x.ticketId)).toContain(t.ticketId);

    // Every timer the ticket ever had comes again, after the resumed deadline: one breach of resolution, nothing else.
    offsetMs = 41 * 60_000;
    await fireEverything(t.ticketId);
    const after = await ws.as(ws.owner, () => Ticket.get(t.ticketId));
    expect(after.slaEvents.map((e) => `${e.target} ${e.kind}`).sort()).toEqual(["first_response breach", "first_response warning", "resolution breach", "resolution warning"]);
    expect(after.slaEvents.find((e) => e.target === "first_response" && e.kind === "breach")?.dueAt).toBe(firstResponse.dueAt);
    expect(after.ticket.sla?.targets.first_response?.breachedAt).toBe(firstResponse.breachedAt);
    expect(await slaLog(t.ticketId)).toEqual(["sla.breach first_response", "sla.breach resolution", "sla.warning first_response", "sla.warning resolution"]);
    expect(await alertSubjects(t.ticketId)).toEqual(
      [breachTitle("first_response"), breachTitle("resolution"), warningTitle("first_response"), warningTitle("resolution")].map((title) => expect.stringContaining(title)),
    );
    const bell = await useDb().entities.notification.query.byStaff({ tenantId: ws.tenantId, staffId: supervisor.staffId }).go();
    expect(bell.data.filter((n) => n.ticketId === t.ticketId).map((n) => n.kind)).toEqual(["sla_breach", "sla_breach"]);
  });

  it("a breached ticket moved to a department under another policy, or under none, and back, keeps its breach and is not breached again", async () => {
    const billing = await ws.department("Billing");
    const archive = await ws.department("No SLA");
    await ws.staff("agent", [billing, archive], "Bob Billing");
    await ws.as(ws.owner, () =>
      Sla.createPolicy({
        name: "Billing",
        targets: { first_response: 30 },
        hours: "calendar",
        match: { departmentIds: [billing] },
        escalations: [{ on: "breach", target: "any", actions: [{ type: "notify_supervisors" }] }],
      }),
    );
    const t = await ws.as(ws.owner, () => Ticket.create(request({ subject: "Moved around" })));
    expect(t.sla?.policyName).toBe("Trash-safe");
    await settle();
    offsetMs = 40_000;
    await fire(t.ticketId, "first_response", "warn");
    offsetMs = 70_000;
    await fire(t.ticketId, "first_response", "breach");
    const breached = (await ws.as(ws.owner, () => Ticket.get(t.ticketId))).ticket.sla!.targets.first_response!;
    expect(breached.breachedAt).toBeTruthy();

    // Under another policy the breach stays with its due time, and no new breach timer is armed for it.
    offsetMs = 2 * 60_000;
    let version = (await ws.as(ws.owner, () => Ticket.get(t.ticketId))).ticket.version;
    const moved = await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version, departmentId: billing, reason: "Billing question" }));
    expect(moved.sla?.policyName).toBe("Billing");
    expect(moved.sla?.targets.first_response).toMatchObject({ breachedAt: breached.breachedAt, dueAt: breached.dueAt });
    await settle();
    remember(t.ticketId);
    expect(timersOf(t.ticketId).filter((x) => x.payload.target === "first_response" && x.at.getTime() > Date.now() + offsetMs)).toEqual([]);

    // Under no policy the record stays (the clocks stopped), and it comes back with the ticket.
    offsetMs = 3 * 60_000;
    version = moved.version;
    const unmanaged = await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version, departmentId: archive, reason: "Parked" }));
    expect(unmanaged.sla?.targets.first_response).toMatchObject({ breachedAt: breached.breachedAt, dueAt: breached.dueAt });
    expect(unmanaged.sla?.targets.first_response?.since).toBeUndefined();
    await settle();
    offsetMs = 4 * 60_000;
    const back = await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: unmanaged.version, departmentId: ws.supportId, reason: "Back to support" }));
    expect(back.sla?.policyName).toBe("Trash-safe");
    expect(back.sla?.targets.first_response).toMatchObject({ breachedAt: breached.breachedAt, dueAt: breached.dueAt });
    await settle();

    offsetMs = 60 * 60_000;
    await fireEverything(t.ticketId);
    const after = await ws.as(ws.owner, () => Ticket.get(t.ticketId));
    expect(after.slaEvents.filter((e) => e.kind === "breach").map((e) => e.target)).toEqual(["first_response"]);
    expect((await slaLog(t.ticketId)).filter((a) => a.includes("first_response"))).toEqual(["sla.breach first_response", "sla.warning first_response"]);
    expect((await alertSubjects(t.ticketId)).filter((s) => s.includes(breachTitle("first_response")))).toHaveLength(1);
    // Answered: met, and off the overdue list, wherever it is.
    await ws.as(ws.owner, () => Ticket.reply(t.ticketId, { body: "Sorted" }));
    await settle();
    expect((await ws.as(ws.owner, () => Ticket.overdue())).map((x) => x.ticketId)).not.toContain(t.ticketId);
  });
});
