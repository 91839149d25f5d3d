import { guarded, MAX_TRANSACTION_ITEMS, transact, type Guarded, type TxEntities, type TxItem } from "../db/transaction";
import { useDb } from "../db/service";
import { Conflict, type AppError } from "../error";
import { useClock } from "../port";

/**
 * Named numbers of a tenant, in three uses:
 *   - sequences (ticket numbers): `next`, one atomic increment outside any transaction;
 *   - guards, where a limit must hold exactly (seats, a plan's daily tickets): `take` and `give back`, written in the
 *     transaction of what they count, under the condition that the limit is not reached;
 *   - tallies kept by reactions to the change stream (queue counts): `applyOnce`, one write per counter per batch of
 *     changes, each change's contribution added once however often it is delivered.
 * Counter items are written only here.
 */

/** Takes the next value of a sequence (1, 2, 3...) with one atomic increment. */
export async function next(tenantId: string, name: string): Promise<number> {
  const result = await useDb().entities.counter.update({ tenantId, name }).add({ value: 1 }).go({ response: "updated_new" });
  return result.data.value ?? 1;
}

/** Raises a sequence to at least `value` (never lowers it). */
export async function raise(tenantId: string, name: string, value: number): Promise<void> {
  await useDb()
    .entities.counter.update({ tenantId, name })
    .set({ value })
    .where((a, op) => `${op.notExists(a.value)} OR ${op.lt(a.value, value)}`)
    .go()
    .catch((error: unknown) => {
      if ((error as { cause?: { name?: string } })?.cause?.name !== "ConditionalCheckFailedException") throw error;
    });
}

/** Sets a counter that does not exist yet (a count started from what it counts); one that exists is left alone. */
export async function start(tenantId: string, name: string, value: number): Promise<void> {
  await useDb()
    .entities.counter.create({ tenantId, name, value })
    .go()
    .catch((error: unknown) => {
      if ((error as { cause?: { name?: string } })?.cause?.name !== "ConditionalCheckFailedException") throw error;
    });
}

export async function get(tenantId: string, name: string, options: { consistent?: boolean } = {}): Promise<number | undefined> {
  const result = await useDb().entities.counter.get({ tenantId, name }).go({ consistent: options.consistent ?? false });
  return result.data?.value;
}

/** Current values of the counters whose names start with `prefix`, by name (missing counters are 0). */
export async function read(tenantId: string, prefix: string): Promise<Map<string, number>> {
  const result = await useDb()
    .entities.counter.query.byName({ tenantId })
    .between({ name: prefix }, { name: `${prefix}\uffff` }) // not begins_with: DynamoDB Local scans the partition for it
    .go({ pages: "all" });
  return new Map(result.data.map((c) => [c.name, c.value]));
}

/**
 * For a transaction: adds one to a counter under a limit (undefined: no limit). Refused at the limit, with `error`.
 * `expiresAt` (epoch seconds) lets DynamoDB delete a counter of a time window.
 */
export function take(entities: TxEntities, tenantId: string, name: string, limit: number | undefined | null, error: () => AppError, expiresAt?: number): Guarded {
  const update = entities.counter.update({ tenantId, name }).add({ value: 1 });
  const timed = expiresAt ? update.set({ expiresAt }) : update;
  const item = limit === undefined || limit === null ? timed.commit() : timed.where((a, op) => `${op.notExists(a.value)} OR ${op.lt(a.value, limit)}`).commit();
  return guarded(item, error);
}

/** For a transaction: gives one back (a seat freed). */
export function giveBack(entities: TxEntities, tenantId: string, name: string): TxItem {
  return entities.counter.update({ tenantId, name }).add({ value: -1 }).commit();
}

/** For a transaction: sets a counter that must not exist yet (a once-only marker, such as a day's charge). */
export function once(entities: TxEntities, tenantId: string, name: string, value: number, error: () => AppError): Guarded {
  return guarded(entities.counter.create({ tenantId, name, value }).commit(), error);
}

/** An atomic increment outside any transaction, for a counter of a time window (per-sender mail rates). */
export async function bump(tenantId: string, name: string, expiresAt: number): Promise<number> {
  const result = await useDb()
    .entities.counter.update({ tenantId, name })
    .add({ value: 1 })
    .set({ expiresAt })
    .go({ response: "updated_new" });
  return result.data.value ?? 1;
}

/** The change of each counter between two sets of counted keys (+1 for keys entered, -1 for keys left). */
export function delta(before: readonly string[], after: readonly string[]): Map<string, number> {
  const changes = new Map<string, number>();
  for (const key of before) changes.set(key, (changes.get(key) ?? 0) - 1);
  for (const key of after) changes.set(key, (changes.get(key) ?? 0) + 1);
  for (const [key, value] of changes) if (value === 0) changes.delete(key);
  return changes;
}

/** One change's contribution to a tenant's counters. */
export interface Contribution {
  /** Unique per change and tally (e.g. `queues#<stream record id>`): the change's mark. */
  key: string;
  tenantId: string;
  deltas: Map<string, number>;
}

const MARK_TTL_S = 3 * 86_400;

/**
 * Adds each change's contribution to its counters exactly once: the contributions of a batch are summed, so each
 * counter is written once per batch, in transactions that also write a mark per change. A change delivered again
 * finds its mark and is left out. Returns the number of counter writes.
 */
export async function applyOnce(contributions: readonly Contribution[]): Promise<number> {
  let pending = contributions.filter((c) => c.deltas.size > 0);
  let writes = 0;
  while (pending.length) {
    // As many changes as fit in one transaction with the counters they touch.
    const chunk: Contribution[] = [];
    const counters = new Map<string, { tenantId: string; name: string; value: number }>();
    for (const c of pending) {
      const added = [...c.deltas.keys()].filter((name) => !counters.has(`${c.tenantId}\n${name}`)).length;
      if (chunk.length && chunk.length + 1 + counters.size + added > MAX_TRANSACTION_ITEMS) break;
      chunk.push(c);
      for (const [name, value] of c.deltas) {
        const key = `${c.tenantId}\n${name}`;
        const sum = counters.get(key);
        if (sum) sum.value += value;
        else counters.set(key, { tenantId: c.tenantId, name, value });
      }
    }
    const expiresAt = Math.floor(useClock().now().getTime() / 1000) + MARK_TTL_S;
    const nonZero = [...counters.values()].filter((c) => c.value !== 0);
    try {
      await transact((entities) => [
        ...chunk.map((c, i) =>
          guarded(entities.tallyMark.create({ tenantId: c.tenantId, markId: c.key, expiresAt }).commit(), () => new AlreadyAppliedAt(i)),
        ),
        ...nonZero.map((c) => entities.counter.update({ tenantId: c.tenantId, name: c.name }).add({ value: c.value }).commit()),
      ]);
      writes += nonZero.length;
      pending = pending.slice(chunk.length);
    } catch (error) {
      if (!(error instanceof AlreadyAppliedAt)) throw error;
      // A change of this chunk was applied before (a redelivery): leave it out and try the rest again.
      const applied = chunk[error.index]!;
      pending = pending.filter((c) => c !== applied);
    }
  }
  return writes;
}

/** Inside applyOnce: the change at `index` of the chunk has its mark already. */
class AlreadyAppliedAt extends Conflict {
  constructor(readonly index: number) {
    super("already applied");
  }
}

export * as Counter from "./index";
