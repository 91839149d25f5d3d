import { useDb } from "../db/service";
import { PLATFORM_TENANT_ID } from "../db/keys";

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

export async function recordFailure(list: Subject[], now = Date.now()): Promise<void> {
  const nowSeconds = Math.floor(now / 1000);
  const throttle = useDb().entities.loginThrottle;
  await Promise.all(
    list.map(async ({ tenantId, key }) => {
      const current = await throttle.get({ tenantId, key }).go();
      const item = current.data;
      if (item && item.windowStartedAt + Limits.windowSeconds > nowSeconds) {
        await throttle.update({ tenantId, key }).add({ failures: 1 }).go();
      } else {
        await throttle
          .put({ tenantId, key, failures: 1, windowStartedAt: nowSeconds, expiresAt: nowSeconds + Limits.windowSeconds })
          .go();
      }
    }),
  );
}

export async function clear(subject: Subject): Promise<void> {
  await useDb().entities.loginThrottle.delete({ tenantId: subject.tenantId, key: subject.key }).go();
}
