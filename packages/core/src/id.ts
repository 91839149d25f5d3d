import { createHash } from "node:crypto";
import { encodeTime, monotonicFactory } from "ulid";

const next = monotonicFactory();

/** Time-sortable unique id (ULID), so that items keyed by it list in creation order. */
export function createId(): string {
  return next();
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A ULID fixed by what it names: the time part from `at`, the rest from a hash of `seed`. A reaction that creates an
 * item for a change (a notification, a letter) derives its id this way, so a change delivered twice makes one item,
 * and items still list in time order.
 */
export function idFrom(seed: string, at: string | number | Date): string {
  const time = encodeTime(new Date(at).getTime(), 10);
  const hash = createHash("sha256").update(seed).digest();
  let random = "";
  for (let i = 0; i < 16; i++) random += CROCKFORD[hash[i]! % 32];
  return time + random;
}
