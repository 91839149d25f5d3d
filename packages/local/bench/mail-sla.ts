import { Signup } from "@frontline/core/signup";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import nodemailer from "nodemailer";
import { withActor, type Actor } from "@frontline/core/actor";
import { CapacityMeter, PLATFORM_TENANT_ID, useDb } from "@frontline/core/db";
import { inboundAddress } from "@frontline/core/email";
import { configurePorts } from "@frontline/core/port";
import { Sla } from "@frontline/core/sla";
import { Tenant } from "@frontline/core/tenant";
import { Ticket } from "@frontline/core/ticket";
import { startRuntime } from "../src/runtime";
import { rawTransaction, sortKey, watchTransactions } from "./ceiling";
import { measure, percentile, type Row } from "./harness";

/**
 * The two paths that do not start at an HTTP request: mail received over SMTP, and SLA timers firing on the local
 * scheduler. Both against DynamoDB Local in memory, in a Pro workspace (no daily ticket limit).
 */

async function benchWorkspace(slug: string): Promise<{ tenantId: string; owner: Actor; address: string }> {
  const signup = await Signup.signup({ workspaceName: `Bench ${slug}`, slug, ownerName: "Olga Owner", email: `owner@${slug}.example`, password: "benchmark passphrase" });
  const tenantId = signup.tenant.tenantId;
  await useDb().entities.tenant.patch({ tenantId }).set({ planId: "pro" }).go();
  const s = signup.staff;
  const owner: Actor = { type: "staff", tenantId, staffId: s.staffId, role: s.role, name: s.name, departmentIds: s.departmentIds, sessionId: "bench" };
  return { tenantId, owner, address: inboundAddress(tenantId) };
}

/**
 * Inbound mail over a real SMTP socket, one connection per message as MTAs deliver: the time from connecting to the
 * server's 250, which it gives only once the raw message is stored and processed (the ticket is readable then).
 * First new requests, then customers' answers that thread into them by In-Reply-To.
 */
export async function mailRows(total: number): Promise<Row[]> {
  const runtime = await startRuntime({ port: 0, smtpPort: 0 });
  const rows: Row[] = [];
  try {
    const ws = await benchWorkspace(`bench-mail-${Date.now().toString(36)}`);
    const send = async (raw: Buffer, from: string, expected: string) => {
      const transport = nodemailer.createTransport({ host: "127.0.0.1", port: runtime.smtpPort!, secure: false, ignoreTLS: true });
      try {
        const info = await transport.sendMail({ envelope: { from, to: [ws.address] }, raw });
        if (!info.response.includes(expected)) throw new Error(`answered "${info.response}", not ${expected}`);
        return true;
      } finally {
        transport.close();
      }
    };
    const ids: string[] = [];
    const message = (i: number, reply?: string) => {
      const id = `<${randomBytes(8).toString("hex")}@customer.example>`;
      if (!reply) ids[i] = id;
      const subject = reply ? "Re: The export is empty" : `The export is empty (${i})`;
      const threading = reply ? `In-Reply-To: ${reply}\r\nReferences: ${reply}\r\n` : "";
      return Buffer.from(
        `From: Carla Customer <carla${i}@customer.example>\r\nTo: ${ws.address}\r\nSubject: ${subject}\r\nMessage-ID: ${id}\r\n${threading}` +
          `Date: ${new Date().toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n` +
          `${reply ? "Thank you, it works again." : "Hello,\r\nthe CSV export has been empty since this morning.\r\nCarla"}\r\n`,
      );
    };
    // Warm-up (not measured).
    await measure("warm-up", 10, 2, (i) => send(message(10_000 + i), `carla${i}@customer.example`, "ticket_created"));
    rows.push(await measure("SMTP: new request -> ticket (connect to 250)", total, 4, (i) => send(message(i), `carla${i}@customer.example`, "ticket_created")));
    rows.push(await measure("SMTP: answer threaded by In-Reply-To (connect to 250)", total, 4, (i) => send(message(i, ids[i]), `carla${i}@customer.example`, "reply_added")));
  } finally {
    await runtime.stop();
  }
  return rows;
}

/**
 * SLA timers: `total` tickets opened under a two-minute first-response target with their opening instants chosen so
 * that their breach timers fall due at one instant (the worst burst) or spread evenly across one minute. Measured:
 * what arming and cancelling cost, what opening a ticket costs with and without a policy, and how late each breach
 * was recorded after its due instant (the ticket's breachedAt minus its dueAt), with what the escalations consumed.
 */
export async function slaRows(total: number): Promise<Row[]> {
  const runtime = await startRuntime({ port: 0 });
  const rows: Row[] = [];
  // Each ticket is opened "at" its chosen instant: the core reads the time through the clock port.
  const openingAt = new AsyncLocalStorage<Date>();
  configurePorts({ clock: { now: () => openingAt.getStore() ?? new Date() } });
  try {
    const ws = await benchWorkspace(`bench-sla-${Date.now().toString(36)}`);
    const open = (i: number) =>
      withActor(ws.owner, () => Ticket.create({ subject: `Bench SLA ${i}`, body: "The export is empty.", requester: { email: `c${i % 50}@customer.example` } }));
    await measure("warm-up", 20, 4, async (i) => Boolean(await open(i)));
    // The port itself: a timer is one item in the table locally (one CreateSchedule / DeleteSchedule call on AWS).
    const far = new Date(Date.now() + 86_400_000);
    rows.push(
      await measure("Scheduler.arm (local: one item)", 500, 8, async (i) => {
        await runtime.scheduler.arm(`bench-${i}`, far, { kind: "bench", tenantId: ws.tenantId });
        return true;
      }),
    );
    rows.push(
      await measure("Scheduler.cancel (local: one item)", 500, 8, async (i) => {
        await runtime.scheduler.cancel(`bench-${i}`);
        return true;
      }),
    );
    rows.push(await measure("Ticket.create, no SLA policy (in process)", 200, 8, async (i) => Boolean(await open(i))));
    await withActor(ws.owner, () =>
      Sla.createPolicy({ name: "Bench", targets: { first_response: 2 }, hours: "calendar", escalations: [{ on: "breach", target: "any", actions: [{ type: "raise_priority" }] }] }),
    );

    const burst = async (label: string, spreadMs: number) => {
      const firstDue = Date.now() + 2 * 60_000 + 1_000;
      const dueOf = (i: number) => firstDue + Math.floor((i * spreadMs) / total);
      const tickets: { ticketId: string; dueAt: number }[] = [];
      rows.push(
        await measure("Ticket.create under an SLA policy (its timer armed by reaction)", total, 8, async (i) => {
          const t = await openingAt.run(new Date(dueOf(i) - 2 * 60_000), () => open(i));
          const due = t.sla?.targets.first_response?.dueAt;
          if (!due || Date.parse(due) !== dueOf(i)) throw new Error(`a first-response deadline of ${due}`);
          tickets.push({ ticketId: t.ticketId, dueAt: dueOf(i) });
          return true;
        }),
      );
      if (Date.now() > firstDue - 5_000) throw new Error("opening the tickets took longer than the target; lower BENCH_SLA_TIMERS");
      const lastDue = dueOf(total - 1);
      // Wait for the first timer, then until none is due after the last: the meter sees the escalations and the
      // scheduler's own polling (every 200 ms), plus this loop's query every 500 ms (0.5 RCU each).
      await new Promise((resolve) => setTimeout(resolve, firstDue - Date.now() - 1_000));
      CapacityMeter.reset();
      const timers = () => useDb().entities.timer.query.byDue({ tenantId: PLATFORM_TENANT_ID }).lte({ dueAt: new Date().toISOString() }).go({ limit: 1 });
      const drained = async () => {
        do await new Promise((resolve) => setTimeout(resolve, 500));
        while (Date.now() < lastDue || (((await timers()).data.length > 0 || runtime.scheduler.backlog() > 0) && Date.now() < lastDue + 300_000));
      };
      const watch = watchTransactions(
        (items) => items.some((w) => w.Update && sortKey(w.Update.Key) === "ticket"),
        (items) => items.length,
      );
      await drained();
      // Timers are armed by reaction: any still behind are armed now, fire, and count as late as they were.
      await runtime.stream.settle(300_000);
      await drained();
      await new Promise((resolve) => setTimeout(resolve, 2_000)); // the last claimed timers' handlers finish
      const { readUnits, writeUnits } = CapacityMeter.read();
      escalationItems.push(...watch.stop());
      const lateness: number[] = [];
      for (let i = 0; i < tickets.length; i += 25) {
        const batch = tickets.slice(i, i + 25);
        const details = await Promise.all(batch.map((t) => withActor(ws.owner, () => Ticket.get(t.ticketId))));
        details.forEach((d, j) => {
          const at = d.ticket.sla?.targets.first_response?.breachedAt;
          if (at) lateness.push(Date.parse(at) - batch[j]!.dueAt);
        });
      }
      lateness.sort((a, b) => a - b);
      const missing = tickets.length - lateness.length;
      rows.push({
        operation: `SLA breach: ${total} timers due ${label} (lateness; max ${lateness.at(-1)?.toFixed(0)} ms)`,
        ops: total,
        concurrency: 16,
        opsPerSecond: lateness.length / Math.max(1, (lastDue - firstDue + (lateness.at(-1) ?? 0)) / 1000),
        p50: percentile(lateness, 50),
        p99: percentile(lateness, 99),
        readUnitsPerOp: readUnits / total,
        writeUnitsPerOp: writeUnits / total,
        errors: missing,
        ...(missing ? { firstError: `${missing} never breached` } : {}),
      });
    };
    const escalationItems: number[] = [];
    await burst("across one minute", 60_000);
    await burst("at one instant", 0);
    // What the engine allows, in the same run: transactions of as many items as an escalation's, sent straight to the
    // table as many at a time as the scheduler fires.
    if (escalationItems.length) {
      const items = Math.round(escalationItems.reduce((a, b) => a + b, 0) / escalationItems.length);
      const ceiling = await measure(`DynamoDB Local alone: TransactWriteItems of ${items} small puts (an escalation's size)`, total, 16, (i) => rawTransaction(i, items));
      const instant = rows.at(-1)!;
      rows.push({ ...ceiling, operation: `${ceiling.operation}: the burst ran at ${((100 * instant.opsPerSecond) / ceiling.opsPerSecond).toFixed(0)}% of it` });
    }
  } finally {
    configurePorts({ clock: { now: () => new Date() } });
    await runtime.stop();
  }
  return rows;
}
