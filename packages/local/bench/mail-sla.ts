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
import { measure, percentile, type Row } from "./harness";

/**
 * The two paths that do not start at an HTTP request: mail received over SMTP, and SLA timers firing on the local
 * scheduler. Both against DynamoDB Local in memory, in a Pro workspace (no daily ticket limit).
 */

async function benchWorkspace(slug: string): Promise<{ tenantId: string; owner: Actor; address: string }> {
  const signup = await Tenant.signup({ workspaceName: `Bench ${slug}`, slug, ownerName: "Olga Owner", email: `owner@${slug}.example`, password: "benchmark passphrase" });
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
 * SLA timers: `total` tickets opened at one instant under a two-minute first-response target, so `total` breach
 * timers fall due at the same millisecond on the local scheduler (the worst case of a burst). Measured: what arming
 * costs (creating the tickets with and without a policy), and how late each breach was recorded after its due
 * instant (the ticket's breachedAt minus dueAt), with the capacity the escalations consumed.
 */
export async function slaRows(total: number): Promise<Row[]> {
  const runtime = await startRuntime({ port: 0 });
  const rows: Row[] = [];
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
    // Every ticket is opened at the same instant, so every breach timer is due at the same instant.
    const openedAt = new Date(Date.now() + 1000);
    const dueAt = openedAt.getTime() + 2 * 60_000;
    configurePorts({ clock: { now: () => new Date(openedAt) } });
    const ticketIds: string[] = [];
    try {
      rows.push(
        await measure("Ticket.create under an SLA policy (arms its timer)", total, 8, async (i) => {
          const t = await open(i);
          if (!t.sla?.targets.first_response?.dueAt) throw new Error("no first-response deadline");
          ticketIds.push(t.ticketId);
          return true;
        }),
      );
    } finally {
      configurePorts({ clock: { now: () => new Date() } });
    }
    if (Date.now() > dueAt - 5_000) throw new Error("opening the tickets took longer than the target; lower --sla-timers");

    // Wait for the burst, then until no timer is due: the meter sees the escalations and the scheduler's own polling
    // (every 200 ms), plus this loop's query every 500 ms (0.5 RCU each).
    await new Promise((resolve) => setTimeout(resolve, dueAt - Date.now() - 1_000));
    CapacityMeter.reset();
    const started = performance.now();
    const timers = () => useDb().entities.timer.query.byDue({ tenantId: PLATFORM_TENANT_ID }).lte({ dueAt: new Date().toISOString() }).go({ limit: 1 });
    do await new Promise((resolve) => setTimeout(resolve, 500));
    while (Date.now() < dueAt || ((await timers()).data.length > 0 && Date.now() < dueAt + 300_000));
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // the last claimed timers' handlers finish
    const { readUnits, writeUnits } = CapacityMeter.read();
    const breached = new Map<string, number>();
    for (let i = 0; i < ticketIds.length; i += 25) {
      const batch = await Promise.all(ticketIds.slice(i, i + 25).map((id) => withActor(ws.owner, () => Ticket.get(id))));
      for (const t of batch) {
        const at = t.ticket.sla?.targets.first_response?.breachedAt;
        if (at) breached.set(t.ticket.ticketId, Date.parse(at));
      }
    }
    const elapsed = (performance.now() - started) / 1000;
    const lateness = [...breached.values()].map((at) => at - dueAt).sort((a, b) => a - b);
    rows.push({
      operation: `SLA breach: ${total} timers due at one instant (lateness: breachedAt - dueAt; max ${lateness.at(-1)?.toFixed(0)} ms)`,
      ops: total,
      concurrency: 8,
      opsPerSecond: breached.size / Math.max(0.001, (Math.max(...breached.values()) - dueAt) / 1000),
      p50: percentile(lateness, 50),
      p99: percentile(lateness, 99),
      readUnitsPerOp: readUnits / total,
      writeUnitsPerOp: writeUnits / total,
      errors: ticketIds.length - breached.size,
      ...(breached.size < ticketIds.length ? { firstError: `${ticketIds.length - breached.size} never breached in ${elapsed.toFixed(0)} s` } : {}),
    });
  } finally {
    await runtime.stop();
  }
  return rows;
}
