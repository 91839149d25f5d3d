import { Conflict, type AppError } from "../error";
import { useDb } from "./service";

type Db = ReturnType<typeof useDb>;
type WriteBuilder = Parameters<Db["transaction"]["write"]>[0];
/** The entities as a transaction builder receives them (their operations end in `.commit()`). */
export type TxEntities = Parameters<WriteBuilder>[0];
/** One write of a transaction. */
export type TxItem = ReturnType<WriteBuilder>[number];

export interface Rejection {
  /** Position of the rejected write in the list the builder returned. */
  index: number;
  code: string;
}

/** A write of a transaction was refused by its condition, and the caller named no better error for it. */
export class Rejected extends Conflict {
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {
    super(`The change could not be saved (${reason})`);
  }
}

/** How often a transaction that lost a race with another one (TransactionConflict) is tried again. */
const CONFLICT_ATTEMPTS = 8;

/**
 * Writes all-or-nothing. When DynamoDB cancels the transaction because of a condition, `onRejected` names the error
 * for the first rejected write (a taken slug, a stale version...); without it the result is a generic Conflict.
 *
 * A cancellation because another transaction was writing one of the same items at that moment (a hot counter, say)
 * is not the caller's problem: the same writes are tried again after a short, random pause.
 */
export async function transact(build: WriteBuilder, onRejected?: (rejection: Rejection) => AppError | undefined): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const result = await useDb().transaction.write(build).go();
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
    throw onRejected?.({ index, code }) ?? new Rejected(index, code);
  }
}
