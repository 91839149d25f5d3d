import { useDb } from "@frontline/core/db";
import { PLATFORM_TENANT_ID } from "@frontline/core/db";
import type { Scheduler, TimerPayload } from "@frontline/core/port";
import { settleEach } from "@frontline/core/settle-each";

/**
 * The durable local scheduler: timers are items in the table (so they survive a restart), and a loop fires those
 * due every POLL_MS, so a timer fires within a second of its time, and one that fell due while the process was down
 * fires as soon as it starts. Due timers are taken a hundred at a time and fired together (the core's Timers.fireMany
 * reads an SLA burst's tickets together), a pool at a time, while the next hundred are taken; each is deleted only once
 * its handler has run (BatchWriteItem), so a process that dies mid-batch fires them again when it starts. Every
 * handler re-reads what it acts on, so a timer fired twice or early (re-armed meanwhile) does nothing wrong; a handler
 * that fails is tried again later, up to MAX_ATTEMPTS, then kept (never due again) with its error.
 */
const POLL_MS = 200;
const BATCH = 100;
const CONCURRENCY = 16;
/** Batches firing at once: the next is taken while one fires, so a burst never waits on a batch's slowest timer. */
const IN_FLIGHT = 2;
export const MAX_ATTEMPTS = 5;
const DEAD_PREFIX = "dead-letter:";

const NAME = /^[0-9a-zA-Z_.-]{1,64}$/;

export interface LocalScheduler extends Scheduler {
  start(): void;
  stop(): Promise<void>;
  /** Fires every due timer now (tests, and the loop itself). Resolves when they have run. */
  tick(): Promise<number>;
  /** Timers due and not yet fired, as the last pass saw them (a burst in progress). */
  backlog(): number;
}

export interface LocalSchedulerOptions {
  /** Fires a burst of due timers together, settling each (Timers.fireMany); without it, `handler` one by one. */
  fireMany?: (payloads: readonly TimerPayload[], concurrency: number) => Promise<PromiseSettledResult<void>[]>;
}

export function localScheduler(
  handler: (payload: TimerPayload) => Promise<void>,
  now: () => Date = () => new Date(),
  options: LocalSchedulerOptions = {},
): LocalScheduler {
  const tenantId = PLATFORM_TENANT_ID;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  type Item = { name: string; dueAt: string; payload: TimerPayload; attempts: number; lastError?: string };
  /** More were due than the last pass took. */
  let moreDue = false;
  /** Batches taken and still firing: the next batch is taken while these run, up to IN_FLIGHT of them. */
  const firing = new Set<{ size: number; done: Promise<void> }>();
  /** Names of the timers firing now, and those of them armed again while they fire (kept, not deleted after). */
  const taken = new Set<string>();
  const rearmed = new Set<string>();

  /** A handler failed: the timer comes back later, or is kept dead with its error after MAX_ATTEMPTS. */
  async function failed(item: Item, error: unknown) {
    const attempts = item.attempts + 1;
    const message = String((error as Error)?.message ?? error).slice(0, 500);
    const retryAt = attempts >= MAX_ATTEMPTS ? `${DEAD_PREFIX}${now().toISOString()}` : new Date(now().getTime() + 1000 * 2 ** attempts).toISOString();
    console.error(JSON.stringify({ level: "error", msg: "timer failed", name: item.name, attempts, error: message }));
    // The taken timer is still in the table (it is deleted once it has run): this replaces it.
    await useDb().entities.timer.put({ tenantId, name: item.name, dueAt: retryAt, payload: item.payload, attempts, lastError: message }).go().catch(() => undefined);
  }

  /**
   * Takes up to BATCH due timers, leaving them in the table until their handlers have run: if this process dies
   * first, they are still due when it starts again, and fire then (handlers are idempotent). Those already firing
   * are skipped, so the next pass may run while they fire.
   */
  async function take(): Promise<Item[]> {
    const due = await useDb()
      .entities.timer.query.byDue({ tenantId })
      .lte({ dueAt: now().toISOString() })
      .go({ limit: BATCH + taken.size });
    const items = (due.data as Item[]).filter((t) => !t.dueAt.startsWith(DEAD_PREFIX) && !taken.has(t.name)).slice(0, BATCH);
    moreDue = due.data.length >= BATCH + taken.size;
    return items;
  }

  /** Fires taken timers; deletes those that ran (unless armed again meanwhile), puts a failed one back for later. */
  function fire(items: Item[]): Promise<void> {
    const fireMany = options.fireMany ?? ((payloads: readonly TimerPayload[], concurrency: number) => settleEach(payloads, concurrency, handler));
    for (const t of items) taken.add(t.name);
    const run = async () => {
      const results = await fireMany(
        items.map((t) => t.payload),
        CONCURRENCY,
      );
      await Promise.all(results.map((r, i) => (r.status === "rejected" ? failed(items[i]!, r.reason) : undefined)));
      const ran = items.filter((t, i) => results[i]!.status === "fulfilled" && !rearmed.has(t.name));
      if (ran.length) {
        await useDb()
          .entities.timer.delete(ran.map((t) => ({ tenantId, name: t.name })))
          .go({ concurrent: 4 });
      }
    };
    const batch = {
      size: items.length,
      done: run().finally(() => {
        firing.delete(batch);
        for (const t of items) (taken.delete(t.name), rearmed.delete(t.name));
      }),
    };
    firing.add(batch);
    return batch.done;
  }

  async function tick(): Promise<number> {
    const items = await take();
    if (items.length) await fire(items);
    return items.length;
  }

  /** One pass of the loop: takes a batch and fires it, going on to the next once fewer than IN_FLIGHT are firing. */
  async function pass(): Promise<number> {
    const items = await take();
    if (!items.length) return 0;
    void fire(items).catch(() => undefined);
    while (firing.size >= IN_FLIGHT) await Promise.race([...firing].map((b) => b.done.catch(() => undefined)));
    return items.length;
  }

  function loop() {
    if (stopped) return;
    running = pass()
      .catch((error) => {
        console.error(JSON.stringify({ level: "error", msg: "scheduler poll failed", error: String(error) }));
        return 0;
      })
      .then((fired) => {
        // A full batch means more are due: go on at once rather than after a poll interval.
        if (!stopped) timer = setTimeout(loop, fired >= BATCH ? 0 : POLL_MS);
      });
  }

  return {
    async arm(name: string, at: Date, payload: TimerPayload) {
      if (!NAME.test(name)) throw new Error(`Timer names are 1-64 of [0-9a-zA-Z-_.]: ${name}`);
      if (taken.has(name)) rearmed.add(name);
      await useDb().entities.timer.put({ tenantId, name, dueAt: at.toISOString(), payload, attempts: 0 }).go();
    },
    async cancel(name: string) {
      await useDb().entities.timer.delete({ tenantId, name }).go();
    },
    start() {
      if (!stopped) return;
      stopped = false;
      loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await Promise.all([...firing].map((b) => b.done.catch(() => undefined)));
    },
    tick,
    backlog: () => (moreDue ? BATCH : 0) + [...firing].reduce((n, b) => n + b.size, 0),
  };
}
