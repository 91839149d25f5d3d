import { monotonicFactory } from "ulid";

const next = monotonicFactory();

/** Time-sortable unique id (ULID), so that items keyed by it list in creation order. */
export function createId(): string {
  return next();
}
