import { useDb } from "@frontline/core/db";
import { PLATFORM_TENANT_ID } from "@frontline/core/db";
import type { Scheduler, TimerPayload } from "@frontline/core/port";
import { settleEach } from "@frontline/core/settle-each";

/**
 * The durable local scheduler: timers are items in the table (so they survive a restart), and a loop fires those
 * due every POLL_MS, so a timer fires within a second of its time, and one that fell due while the process was down
 * fires as soon as it starts. Due timers are taken a hundred at a time: deleted together (BatchWriteItem), then fired
 * together (the core's Timers.fireMany reads an SLA burst's tickets together), a pool at a time. Every handler
 * re-reads what it acts on, so a timer fired twice or early (re-armed meanwhile) does nothing wrong; a handler that
 * fails is tried again later, up to MAX_ATTEMPTS, then kept (never due again) with its error.
 */
const POLL_MS = 200;
const BATCH = 100;
const CONCURRENCY = 16;
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

  type Item = { name: string; dueAt: string; payload: TimerPayload; attempts: number };
  let backlog = 0;

  /** A handler failed: the timer comes back later, or is kept dead with its error after MAX_ATTEMPTS. */
  async function failed(item: Item, error: unknown) {
    const attempts = item.attempts + 1;
    const message = String((error as Error)?.message ?? error).slice(0, 500);
    const retryAt = attempts >= MAX_ATTEMPTS ? `${DEAD_PREFIX}${now().toISOString()}` : new Date(now().getTime() + 1000 * 2 ** attempts).toISOString();
    console.error(JSON.stringify({ level: "error", msg: "timer failed", name: item.name, attempts, error: message }));
    await useDb().entities.timer.create({ tenantId, name: item.name, dueAt: retryAt, payload: item.payload, attempts, lastError: message }).go().catch(() => undefined);
  }

  async function tick(): Promise<number> {
    const due = await useDb()
      .entities.timer.query.byDue({ tenantId })
      .lte({ dueAt: now().toISOString() })
      .go({ limit: BATCH });
    const items = due.data.filter((t) => !t.dueAt.startsWith(DEAD_PREFIX)) as Item[];
    backlog = due.data.length >= BATCH ? BATCH : items.length;
    if (!items.length) return 0;
    // Taken together: a timer re-armed between the query and this delete fires early, finds it is not yet time,
    // and arms itself again.
    await useDb()
      .entities.timer.delete(items.map((t) => ({ tenantId, name: t.name })))
      .go({ concurrent: 4 });
    const fireMany = options.fireMany ?? ((payloads: readonly TimerPayload[], concurrency: number) => settleEach(payloads, concurrency, handler));
    const results = await fireMany(
      items.map((t) => t.payload),
      CONCURRENCY,
    );
    await Promise.all(results.map((r, i) => (r.status === "rejected" ? failed(items[i]!, r.reason) : undefined)));
    backlog = due.data.length >= BATCH ? BATCH : 0;
    return items.length;
  }

  function loop() {
    if (stopped) return;
    running = tick()
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
    },
    tick,
    backlog: () => backlog,
  };
}
