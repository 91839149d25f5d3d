import { withActor } from "../actor";
import { PLATFORM_TENANT_ID } from "../db/keys";
import type { Change } from "./change";
import { healed, recordFailure, runRequested } from "./failure";
import type { Reaction } from "./reaction";

/**
 * The one consumer of the table's stream, for both runtimes: Lambda's event source mapping (functions/src/stream)
 * and the local poller (packages/local/src/stream.ts) hand it a batch of one shard's changes in order, and act on
 * what it returns as Lambda does on a partial batch response: the batch is done up to the first failed change, which
 * is delivered again with everything after it.
 *
 * Within a batch, the changes of one item are handled in order, and different items at the same time. A reaction is tried a few times at once; if it still fails, the failure is counted
 * and the change reported failed; once a change has failed MAX_DELIVERIES times, its reaction is parked for the
 * operator and the stream goes on.
 */

export interface BatchResult {
  /** Changes to deliver again (with everything after the first of them). Empty when the batch is done. */
  failed: Change[];
  /** Reactions run, and reactions parked during this batch. */
  ran: number;
  parked: number;
}

export interface HandlerOptions {
  /** Partitions handled at once. */
  concurrency?: number;
  /** Quick tries of a failing reaction before its failure is recorded. */
  tries?: number;
  /** Pause before each quick retry, in ms, by try (1-based). */
  pause?: (attempt: number) => number;
}

/** Items the consumer itself writes, which no reaction reads. */
const OWN_ENTITIES = new Set(["reactionFailure", "streamPosition", "tallyMark"]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function streamHandler(reactions: readonly Reaction[], options: HandlerOptions = {}) {
  const concurrency = options.concurrency ?? 16;
  const tries = options.tries ?? 3;
  const pause = options.pause ?? ((attempt: number) => 25 * 4 ** attempt);
  const names = new Set<string>();
  for (const r of reactions) {
    if (names.has(r.name)) throw new Error(`Two reactions are named ${r.name}`);
    names.add(r.name);
  }
  /** Failures recorded by this process, so that a success on redelivery clears its record without a read. */
  const failing = new Set<string>();
  /** Time spent in each reaction (the bench reads it). */
  const timing = new Map<string, { runs: number; ms: number }>();
  /**
   * How long after a change was written each reaction finished with it: from the time the change carries (its
   * `updatedAt`, `createdAt` or `at`, written by the process that made it) to the reaction's end, in ms. Kept for the
   * last 10,000 changes of each reaction (the bench reads it).
   */
  const lags = new Map<string, number[]>();
  const writtenAt = (change: Change): number | undefined => {
    const image = change.after ?? change.before;
    const at = image?.updatedAt ?? image?.createdAt ?? image?.at;
    const time = typeof at === "string" ? Date.parse(at) : NaN;
    return Number.isNaN(time) ? undefined : time;
  };
  const noteLag = (reaction: Reaction, changes: readonly Change[]) => {
    const now = Date.now();
    const list = lags.get(reaction.name) ?? [];
    for (const change of changes) {
      const at = writtenAt(change);
      if (at !== undefined) list.push(now - at);
    }
    if (list.length > 10_000) list.splice(0, list.length - 10_000);
    lags.set(reaction.name, list);
  };
  const timed = async (reaction: Reaction, fn: () => Promise<void>) => {
    const started = performance.now();
    try {
      await fn();
    } finally {
      const t = timing.get(reaction.name) ?? { runs: 0, ms: 0 };
      t.runs++;
      t.ms += performance.now() - started;
      timing.set(reaction.name, t);
    }
  };

  const interested = (reaction: Reaction, change: Change) =>
    Boolean(change.entity && reaction.on.includes(change.entity) && (!reaction.when || reaction.when(change)));

  const as = (change: Change, reaction: Reaction, fn: () => Promise<void>) =>
    timed(reaction, () => withActor({ type: "system", tenantId: change.tenantId ?? PLATFORM_TENANT_ID, reason: `reaction ${reaction.name}` }, fn));

  /** Runs `fn` up to `tries` times; on the last failure, records it. Resolves true when done (or parked). */
  async function attempt(reaction: Reaction, change: Change, fn: () => Promise<void>, counter: { ran: number; parked: number }): Promise<boolean> {
    let last: unknown;
    for (let i = 1; i <= tries; i++) {
      try {
        await fn();
        counter.ran++;
        const key = `${reaction.name}#${change.id}`;
        if (failing.delete(key)) await healed(reaction.name, change).catch(() => undefined);
        return true;
      } catch (error) {
        last = error;
        if (i < tries) await sleep(pause(i));
      }
    }
    const status = await recordFailure(reaction.name, change, last);
    if (status === "parked") {
      failing.delete(`${reaction.name}#${change.id}`);
      counter.parked++;
      return true;
    }
    failing.add(`${reaction.name}#${change.id}`);
    return false;
  }

  async function handle(changes: readonly Change[]): Promise<BatchResult> {
    const counter = { ran: 0, parked: 0 };
    const failed: Change[] = [];
    const relevant = changes.filter((c) => c.entity && !OWN_ENTITIES.has(c.entity));
    // The operator asked for a parked reaction to run again: this handler has every reaction, so it runs it.
    const requests = changes.filter((c) => c.entity === "reactionFailure" && c.after?.reprocessRequestedAt);

    // The changes of one item in order; items in parallel. (Not one partition at a time: a workspace's outbox,
    // customers and counters share its partition, and would queue behind one another.)
    const groups = new Map<string, Change[]>();
    for (const change of relevant) {
      const key = `${change.keys.pk}\n${change.keys.sk}`;
      const group = groups.get(key);
      if (group) group.push(change);
      else groups.set(key, [change]);
    }
    const queue = [...groups.values()];
    const each = reactions.filter((r) => r.each);
    const worker = async () => {
      for (let group = queue.shift(); group; group = queue.shift()) {
        for (const change of group) {
          const results = await Promise.all(
            each
              .filter((r) => interested(r, change))
              .map(async (r) => {
                const ok = await attempt(r, change, () => as(change, r, () => r.each!(change)), counter);
                if (ok) noteLag(r, [change]);
                return ok;
              }),
          );
          // The rest of this partition waits for the failed change's redelivery, to keep its order.
          if (results.includes(false)) {
            failed.push(change);
            break;
          }
        }
      }
    };

    // Aggregations take the batch whole; a batch they cannot take is taken one change at a time, so that only the
    // change that fails is held back.
    const aggregate = async (reaction: Reaction) => {
      const mine = relevant.filter((c) => interested(reaction, c));
      if (!mine.length) return;
      try {
        await as(mine[0]!, reaction, () => reaction.batch!(mine));
        counter.ran++;
        noteLag(reaction, mine);
        return;
      } catch {
        // one at a time below
      }
      for (const change of mine) {
        if (!(await attempt(reaction, change, () => as(change, reaction, () => reaction.batch!([change])), counter))) {
          failed.push(change);
          return;
        }
      }
    };

    await Promise.all([
      ...Array.from({ length: Math.min(concurrency, queue.length) }, worker),
      ...reactions.filter((r) => r.batch).map(aggregate),
      ...requests.map((change) =>
        runRequested(change, reactions).catch((error: unknown) => {
          console.error(JSON.stringify({ level: "error", msg: "running a parked reaction again failed", change: change.id, error: String(error) }));
        }),
      ),
    ]);
    failed.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
    return { failed, ran: counter.ran, parked: counter.parked };
  }
  return Object.assign(handle, {
    /** Runs and time of each reaction so far, slowest first. */
    timing: () => [...timing].map(([name, t]) => ({ name, ...t })).sort((a, b) => b.ms - a.ms),
    /** Each reaction's lags (ms from a change's write to the reaction's end), oldest first; `clear` starts over. */
    lags: (options: { clear?: boolean } = {}) => {
      const copy = new Map([...lags].map(([name, list]) => [name, [...list]]));
      if (options.clear) lags.clear();
      return copy;
    },
  });
}

export type StreamHandler = ReturnType<typeof streamHandler>;
