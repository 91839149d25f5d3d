import { useDb } from "../db/service";
import { PLATFORM_TENANT_ID } from "../db/keys";
import { isConditionFailure } from "../db/condition";

/**
 * Fixed-window counters of failed sign-ins. An account is locked after 5 failures in 15 minutes, a source address
 * after 30 (across all workspaces); both unlock when their window ends. Unknown accounts are counted the same way,
 * so the lock reveals nothing about which accounts exist.
 */
export const Limits = {
  windowSeconds: 15 * 60,
  perAccount: 5,
  perSource: 30,
};

export interface Subject {
  tenantId: string;
  key: string;
  limit: number;
}

export function subjects(slug: string, email: string, source: string | undefined): Subject[] {
  const list: Subject[] = [{ tenantId: slug, key: `account:${email.toLowerCase()}`, limit: Limits.perAccount }];
  if (source) list.push({ tenantId: PLATFORM_TENANT_ID, key: `source:${source}`, limit: Limits.perSource });
  return list;
}

/** Seconds until the most restrictive lock among `subjects` ends, or 0 when none is locked. */
export async function lockedFor(list: Subject[], now = Date.now()): Promise<number> {
  const nowSeconds = Math.floor(now / 1000);
  const results = await Promise.all(
    list.map((s) => useDb().entities.loginThrottle.get({ tenantId: s.tenantId, key: s.key }).go()),
  );
  let wait = 0;
  results.forEach((result, i) => {
    const item = result.data;
    const subject = list[i]!;
    if (!item) return;
    const endsAt = item.windowStartedAt + Limits.windowSeconds;
    if (endsAt > nowSeconds && item.failures >= subject.limit) wait = Math.max(wait, endsAt - nowSeconds);
  });
  return wait;
}

/**
 * Counts one failure, atomically: concurrent failures (a parallel guessing attack) must each count. Inside the
 * current window the counter is incremented under a condition that the window is still open; otherwise a new window
 * is started under the condition that none is open, and a racer that loses either condition tries again.
 */
export async function recordFailure(list: Subject[], now = Date.now()): Promise<void> {
  const nowSeconds = Math.floor(now / 1000);
  const cutoff = nowSeconds - Limits.windowSeconds;
  const throttle = useDb().entities.loginThrottle;
  await Promise.all(
    list.map(async ({ tenantId, key }) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          await throttle
            .patch({ tenantId, key })
            .add({ failures: 1 })
            .where(({ windowStartedAt }, { gt }) => gt(windowStartedAt, cutoff))
            .go();
          return;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
        try {
          await throttle
            .put({ tenantId, key, failures: 1, windowStartedAt: nowSeconds, expiresAt: nowSeconds + Limits.windowSeconds })
            .where(({ windowStartedAt }, { notExists, lte }) => `${notExists(windowStartedAt)} OR ${lte(windowStartedAt, cutoff)}`)
            .go();
          return;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      throw new Error(`Could not record a failed sign-in for ${key} after 5 attempts`);
    }),
  );
}

export async function clear(subject: Subject): Promise<void> {
  await useDb().entities.loginThrottle.delete({ tenantId: subject.tenantId, key: subject.key }).go();
}
