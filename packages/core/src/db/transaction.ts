import { Conflict, type AppError } from "../error";
import { useDb } from "./service";

type Db = ReturnType<typeof useDb>;
type WriteBuilder = Parameters<Db["transaction"]["write"]>[0];

export interface Rejection {
  /** Position of the rejected write in the list the builder returned. */
  index: number;
  code: string;
}

/**
 * Writes all-or-nothing. When DynamoDB cancels the transaction, `onRejected` names the error for the first rejected
 * write (a taken slug, a stale version...); without it the result is a generic Conflict.
 */
export async function transact(build: WriteBuilder, onRejected?: (rejection: Rejection) => AppError | undefined): Promise<void> {
  const result = await useDb().transaction.write(build).go();
  if (!result.canceled) return;
  const entries = result.data as Array<{ rejected: boolean; code: string }>;
  const index = entries.findIndex((entry) => entry.rejected);
  const code = entries[index]?.code ?? "Unknown";
  if (code === "TransactionConflict") throw new Conflict("Another change was being saved at the same time; try again");
  throw onRejected?.({ index, code }) ?? new Conflict(`The change could not be saved (${code})`);
}
