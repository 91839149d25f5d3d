import { beforeAll, describe, expect, it } from "vitest";
import { useDb, PLATFORM_TENANT_ID } from "@frontline/core/db";
import { Outbox } from "@frontline/core/email";
import { configurePorts, TransientMailError, type TimerPayload } from "@frontline/core/port";
import { recordingMailer } from "@frontline/core/port/memory";
import { Timers } from "@frontline/core/timer";
import { Ticket } from "@frontline/core/ticket";
import { settle, useTestTable } from "../../../test/support/db";
import { makeWorkspace } from "../../../test/support/workspace";
import { localScheduler, MAX_ATTEMPTS } from "./scheduler";

beforeAll(useTestTable);

const payload = (n: number): TimerPayload => ({ kind: "test", tenantId: "acme", n });

describe("the local scheduler", () => {
  it("fires a timer within a second of its time, once", async () => {
    const fired: { n: number; at: number }[] = [];
    const scheduler = localScheduler(async (p) => void fired.push({ n: Number(p.n), at: Date.now() }));
    scheduler.start();
    try {
      const due = Date.now() + 600;
      await scheduler.arm("soon-1", new Date(due), payload(1));
      await scheduler.arm("later-1", new Date(Date.now() + 60_000), payload(2));
      while (!fired.length) await new Promise((r) => setTimeout(r, 20));
      expect(fired.map((f) => f.n)).toEqual([1]);
      expect(fired[0]!.at - due).toBeGreaterThanOrEqual(0);
      expect(fired[0]!.at - due).toBeLessThan(1000);
      await new Promise((r) => setTimeout(r, 400));
      expect(fired).toHaveLength(1);
      await scheduler.cancel("later-1");
      await scheduler.cancel("never-armed");
    } finally {
      await scheduler.stop();
    }
  });

  it("replaces a timer armed again under its name, and fires after a restart what fell due while it was down", async () => {
    const fired: number[] = [];
    const first = localScheduler(async (p) => void fired.push(Number(p.n)));
    await first.arm("rearmed", new Date(Date.now() + 60_000), payload(10));
    await first.arm("rearmed", new Date(Date.now() - 5_000), payload(11));
    await first.arm("while-down", new Date(Date.now() - 1_000), payload(12));
    // Not started: the process is "down". A new process starts and catches up at once.
    const second = localScheduler(async (p) => void fired.push(Number(p.n)));
    expect(await second.tick()).toBe(2);
    expect(fired.sort()).toEqual([11, 12]);
    expect(await second.tick()).toBe(0);
  });

  it("deletes a timer only once its handler has run: one whose process died mid-batch fires when the next starts", async () => {
    const stored = async (name: string) => (await useDb().entities.timer.get({ tenantId: PLATFORM_TENANT_ID, name }).go()).data;
    // The first process takes the timer, and dies while its handler runs (the handler never finishes).
    let called!: () => void;
    const taken = new Promise<void>((resolve) => (called = resolve));
    const first = localScheduler(() => (called(), new Promise<void>(() => undefined)));
    await first.arm("dies-mid-batch", new Date(Date.now() - 1), payload(30));
    void first.tick();
    await taken;
    expect(await stored("dies-mid-batch")).toMatchObject({ payload: payload(30) });
    // The next process fires it at once, and deletes it once it has run.
    const fired: number[] = [];
    const second = localScheduler(async (p) => void fired.push(Number(p.n)));
    expect(await second.tick()).toBe(1);
    expect(fired).toEqual([30]);
    expect(await stored("dies-mid-batch")).toBeNull();
    expect(await second.tick()).toBe(0);
  });

  it("keeps a timer armed again by its own handler while it fires", async () => {
    const now = Date.now();
    const scheduler = localScheduler(async (p) => scheduler.arm("rearms-itself", new Date(now + 30_000), p), () => new Date(now));
    await scheduler.arm("rearms-itself", new Date(now - 1), payload(31));
    expect(await scheduler.tick()).toBe(1);
    const kept = await useDb().entities.timer.get({ tenantId: PLATFORM_TENANT_ID, name: "rearms-itself" }).go();
    expect(kept.data?.dueAt).toBe(new Date(now + 30_000).toISOString());
    await scheduler.cancel("rearms-itself");
  });

  it("tries a failing timer again later, then keeps it as a dead letter with its error", async () => {
    let now = Date.now();
    let calls = 0;
    const scheduler = localScheduler(
      async () => {
        calls++;
        throw new Error("boom");
      },
      () => new Date(now),
    );
    await scheduler.arm("failing", new Date(now - 1), payload(20));
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await scheduler.tick();
      now += 60_000;
    }
    expect(calls).toBe(MAX_ATTEMPTS);
    const stored = await useDb().entities.timer.get({ tenantId: PLATFORM_TENANT_ID, name: "failing" }).go();
    expect(stored.data).toMatchObject({ attempts: MAX_ATTEMPTS, lastError: "boom" });
    expect(stored.data!.dueAt).toMatch(/^dead-letter:/);
  });
});

describe("letters retried on the scheduler", () => {
  it("sends a letter whose first attempt failed for a while, when its timer fires", async () => {
    const mailer = recordingMailer();
    const scheduler = localScheduler(Timers.fire);
    configurePorts({ mailer, scheduler });
    const ws = await makeWorkspace();
    mailer.failNext(new TransientMailError("relay busy"));
    const ticket = await ws.as(ws.owner, () =>
      Ticket.create({ subject: "Hello", body: "Hi", requester: { email: "retry@customer.example" } }),
    );
    await settle(); // the acknowledgement is queued and sent by reaction
    const entries = await ws.as(ws.owner, () => Outbox.list({}));
    const entry = entries.entries.find((e) => e.ticketId === ticket.ticketId)!;
    expect(entry).toMatchObject({ status: "retrying", attempts: 1, lastError: "relay busy" });
    expect(mailer.sent).toHaveLength(0);
    // The retry timer is armed for later; bring it forward and let the scheduler fire it.
    const timers = await useDb().entities.timer.query.byName({ tenantId: PLATFORM_TENANT_ID }).go();
    const retry = timers.data.find((t) => (t.payload as TimerPayload).outboxId === entry.outboxId)!;
    expect(new Date(retry.dueAt).getTime()).toBeGreaterThan(Date.now() + 20_000);
    await scheduler.arm(retry.name, new Date(Date.now() - 1), retry.payload as TimerPayload);
    await scheduler.tick();
    expect(mailer.sent.map((m) => m.recipients)).toEqual([["retry@customer.example"]]);
    const after = await ws.as(ws.owner, () => Outbox.list({ status: "sent" }));
    expect(after.entries.map((e) => e.outboxId)).toContain(entry.outboxId);
  });
});
