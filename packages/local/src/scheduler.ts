import { useDb } from "@frontline/core/db";
import { PLATFORM_TENANT_ID } from "@frontline/core/db";
import { isConditionFailure } from "@frontline/core/db";
import type { Scheduler, TimerPayload } from "@frontline/core/port";

/**
 * The durable local scheduler: timers are items in the table (so they survive a restart), and a loop fires those
 * due every POLL_MS, so a timer fires within a second of its time, and one that fell due while the process was down
 * fires as soon as it starts. A timer is claimed by a conditional delete before it fires, so one process fires it;
 * a handler that fails is tried again later, up to MAX_ATTEMPTS, then kept (never due again) with its error.
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
}

export function localScheduler(handler: (payload: TimerPayload) => Promise<void>, now: () => Date = () => new Date()): LocalScheduler {
  const tenantId = PLATFORM_TENANT_ID;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  async function fireOne(item: { name: string; dueAt: string; payload: TimerPayload; attempts: number }) {
    const db = useDb().entities.timer;
    try {
      await db.delete({ tenantId, name: item.name }).where((a, op) => op.eq(a.dueAt, item.dueAt)).go();
    } catch (error) {
      if (isConditionFailure(error)) return; // re-armed or fired by another process meanwhile
      throw error;
    }
    try {
      await handler(item.payload);
    } catch (error) {
      const attempts = item.attempts + 1;
      const message = String((error as Error)?.message ?? error).slice(0, 500);
      const retryAt = attempts >= MAX_ATTEMPTS ? `${DEAD_PREFIX}${now().toISOString()}` : new Date(now().getTime() + 1000 * 2 ** attempts).toISOString();
      console.error(JSON.stringify({ level: "error", msg: "timer failed", name: item.name, attempts, error: message }));
      await db.create({ tenantId, name: item.name, dueAt: retryAt, payload: item.payload, attempts, lastError: message }).go().catch(() => undefined);
    }
  }

  async function tick(): Promise<number> {
    const due = await useDb()
      .entities.timer.query.byDue({ tenantId })
      .lte({ dueAt: now().toISOString() })
      .go({ limit: BATCH });
    const items = due.data.filter((t) => !t.dueAt.startsWith(DEAD_PREFIX));
    // A pool, not groups: a slow handler holds up one worker, not the seven timers that happened to share its group.
    let next = 0;
    const worker = async () => {
      while (next < items.length) await fireOne(items[next++] as never);
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
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
  };
}
