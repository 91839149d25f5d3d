import { Conflict, msg, type AppError } from "../error";
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
    super(msg("The change could not be saved ({reason})", { reason }));
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
