import { Conflict, type AppError } from "../error";
import { useDb } from "./service";

type Db = ReturnType<typeof useDb>;
type WriteBuilder = Parameters<Db["transaction"]["write"]>[0];
/** The entities as a transaction builder receives them (their operations end in `.commit()`). */
export type TxEntities = Parameters<WriteBuilder>[0];
/** One write of a transaction. */
export type TxItem = ReturnType<WriteBuilder>[number];

const GUARDED = Symbol("guarded");

/** A write whose condition, if it fails, means something: the error the transaction then throws. */
export interface Guarded {
  [GUARDED]: true;
  item: TxItem;
  error: () => AppError;
}

/** Names what a refused condition of this write means (a taken address, a stale version, a limit reached). */
export function guarded(item: TxItem, error: () => AppError): Guarded {
  return { [GUARDED]: true, item, error };
}

export type TxWrite = TxItem | Guarded;

const isGuarded = (write: TxWrite): write is Guarded => typeof write === "object" && write !== null && GUARDED in write;

/** A write's condition was refused, and the write named no error for it (a bug, or a race the caller did not foresee). */
export class Rejected extends Conflict {
  constructor(readonly reason: string) {
    super(`The change could not be saved (${reason})`);
  }
}

/** How often a transaction that lost a race with another one (TransactionConflict) is tried again. */
const CONFLICT_ATTEMPTS = 8;

/** At most this many writes in one transaction (DynamoDB's limit). */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * Writes all-or-nothing. A write refused by its condition throws the error it was `guarded` with (the first such write,
 * in the order given); an unguarded refused write throws Rejected.
 *
 * A cancellation because another transaction was writing one of the same items at that moment is not the caller's
 * problem: the same writes are tried again after a short, random pause.
 */
export async function transact(build: (entities: TxEntities) => TxWrite[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    let writes: TxWrite[] = [];
    const result = await useDb()
      .transaction.write((entities) => {
        writes = build(entities);
        return writes.map((w) => (isGuarded(w) ? w.item : w));
      })
      .go();
    if (!result.canceled) return;
    const entries = result.data as Array<{ rejected: boolean; code: string }>;
    const index = entries.findIndex((entry) => entry.rejected && entry.code !== "None");
    const code = entries[index]?.code ?? "Unknown";
    if (code === "TransactionConflict") {
      if (attempt < CONFLICT_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
        continue;
      }
      throw new Conflict("Another change was being saved at the same time; try again");
    }
    if (code === "ConditionalCheckFailed") {
      const refused = entries.map((e, i) => (e.rejected && e.code === "ConditionalCheckFailed" ? writes[i] : undefined));
      const named = refused.find((w): w is Guarded => Boolean(w && isGuarded(w)));
      if (named) throw named.error();
    }
    throw new Rejected(code);
  }
}

/** One change for `transactEach`: its writes, and how many there are (known before they are built). */
export interface TxChange {
  size: number;
  build: (entities: TxEntities) => TxWrite[];
}

/**
 * Writes several independent changes, each all-or-nothing on its own conditions, packed into shared requests of up
 * to MAX_TRANSACTION_ITEMS writes (`groupConcurrency` requests at a time). For a burst of changes where the engine
 * charges per request rather than per item (DynamoDB Local spends about as long on a 4-write transaction as on a
 * 25-write one); the changes must not share an item.
 *
 * A request cancelled by some changes' conditions settles those changes with their errors (as `transact` would
 * throw them) and sends the others again; one lost to another transaction is sent again after a pause; one the
 * engine refuses outright (a malformed write) is retried one change at a time, so the fault stays with its change.
 */
export async function transactEach(changes: readonly TxChange[], groupConcurrency = 4): Promise<PromiseSettledResult<void>[]> {
  const results: PromiseSettledResult<void>[] = new Array(changes.length);
  const settle = (i: number, error?: unknown) => {
    results[i] = error === undefined ? { status: "fulfilled", value: undefined } : { status: "rejected", reason: error };
  };
  const alone = async (i: number) => settle(i, await transact(changes[i]!.build).then(() => undefined, (error: unknown) => error ?? new Rejected("Unknown")));

  /** Conflict rounds so far: requests lost to other transactions. */
  let conflicts = 0;
  let conflicted = false;
  /** Sends one group; returns the changes to send again. */
  const send = async (group: number[]): Promise<number[]> => {
    if (group.length === 1) {
      await alone(group[0]!);
      return [];
    }
    let owners: number[] = [];
    let writes: TxWrite[] = [];
    let result: { canceled: boolean; data: unknown };
    try {
      result = await useDb()
        .transaction.write((entities) => {
          owners = [];
          writes = [];
          for (const i of group) {
            const built = changes[i]!.build(entities);
            writes.push(...built);
            owners.push(...built.map(() => i));
          }
          return writes.map((w) => (isGuarded(w) ? w.item : w));
        })
        .go();
    } catch {
      await Promise.all(group.map(alone));
      return [];
    }
    if (!result.canceled) {
      for (const i of group) settle(i);
      return [];
    }
    const entries = result.data as Array<{ rejected: boolean; code: string }>;
    const faults = new Map<number, unknown>();
    let conflict = false;
    entries.forEach((entry, k) => {
      if (!entry.rejected || entry.code === "None") return;
      if (entry.code === "TransactionConflict") conflict = true;
      else if (!faults.has(owners[k]!)) {
        const write = writes[k]!;
        faults.set(owners[k]!, entry.code === "ConditionalCheckFailed" && isGuarded(write) ? write.error() : new Rejected(entry.code));
      }
    });
    for (const [i, error] of faults) settle(i, error);
    const again = group.filter((i) => !faults.has(i));
    if (conflict) {
      conflicted = true;
      if (conflicts + 1 >= CONFLICT_ATTEMPTS) {
        for (const i of again) settle(i, new Conflict("Another change was being saved at the same time; try again"));
        return [];
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** (conflicts + 1)));
    } else if (!faults.size) {
      // Cancelled with no reason given for any write: each is tried alone, so that the fault finds its change.
      await Promise.all(again.map(alone));
      return [];
    }
    return again;
  };

  const pack = (indices: number[]): number[][] => {
    const groups: number[][] = [];
    let current: number[] = [];
    let size = 0;
    for (const i of indices) {
      const n = changes[i]!.size;
      if (current.length && size + n > MAX_TRANSACTION_ITEMS) {
        groups.push(current);
        current = [];
        size = 0;
      }
      current.push(i);
      size += n;
    }
    if (current.length) groups.push(current);
    return groups;
  };

  let pending = changes.map((_, i) => i);
  while (pending.length) {
    const groups = pack(pending);
    conflicted = false;
    const again: number[][] = new Array(groups.length);
    let next = 0;
    const worker = async () => {
      for (let g = next++; g < groups.length; g = next++) again[g] = await send(groups[g]!);
    };
    await Promise.all(Array.from({ length: Math.min(groupConcurrency, groups.length) }, worker));
    pending = again.flat();
    if (conflicted) conflicts++;
  }
  return results;
}
