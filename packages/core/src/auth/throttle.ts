import ipaddr from "ipaddr.js";
import { useDb } from "../db/service";
import { PLATFORM_TENANT_ID } from "../db/keys";
import { isConditionFailure } from "../db/condition";
import { useConfig } from "../config";
import { msg, TooManyRequests, type Message } from "../error";
import { useClock } from "../port";

/**
 * Fixed-window counters of attempts, each taken atomically BEFORE the work it guards (a password check, a new
 * workspace): a conditional increment that is refused once the window's count is at its limit, so that N concurrent
 * tries get at most `limit` checks. Reading a lock and recording a failure afterwards let a parallel attack through
 * (40 concurrent wrong passwords got 12-13 checks against a limit of 5).
 *
 * Sign-in is counted per account and source, per account across sources, and per source across accounts (OWASP's
 * advice instead of locking the account): a guesser at one address spends only the budget of that address, and the
 * owner signing in from another still gets in. Unknown accounts are counted exactly like known ones, so a refusal
 * reveals nothing about which accounts exist. An attempt that presents a device cookie of the account (./device.ts)
 * is counted on that device alone: a guesser who spends the account's budget keeps out new devices, not known ones.
 */
export const Limits = {
  windowSeconds: 15 * 60,
  /** Guesses at one account from one source. */
  perAccountAndSource: 5,
  /**
   * Guesses at one account from all sources together: bounds a guesser spread over many addresses. It takes that
   * many addresses (4 at 5 each) to keep the owner out for a window, which is the price of bounding them at all.
   */
  perAccount: 20,
  /** Attempts from one source across every account and workspace. */
  perSource: 30,
  /**
   * Attempts at one account from a device that signed into it before (./device.ts), wrong passwords included; these
   * count on nothing else. Ten: a person mistyping, not a guesser who stole the cookie.
   */
  perDevice: 10,
};

export interface Subject {
  tenantId: string;
  key: string;
  limit: number;
  windowSeconds: number;
  /** Forgotten when the guarded attempt succeeds, not just refunded (the failures of a person who then got in). */
  resetOnSuccess?: boolean;
}

/** One attempt counted on a subject, in the window that was open. */
export interface Taken {
  subject: Subject;
  windowStartedAt: number;
}

/**
 * Where an attempt comes from. IPv6 gives one subscriber a /64 at least, so an IPv6 source is its /64 (otherwise one
 * host could take a fresh address per guess); an IPv4-mapped IPv6 address, in any notation, is its IPv4 address.
 * Parsing is ipaddr.js's: every notation of one address is one source. Text that is not an address (none should
 * reach here: the runtime gives the socket's or API Gateway's address) is its own source, bounded.
 */
export function sourceOf(ip: string | undefined): string {
  if (!ip) return "unknown";
  if (!ipaddr.isValid(ip)) return ip.slice(0, 64);
  const address = ipaddr.process(ip);
  if (!(address instanceof ipaddr.IPv6)) return address.toString();
  return `${new ipaddr.IPv6([...address.parts.slice(0, 4), 0, 0, 0, 0]).toString()}/64`;
}

/**
 * What one sign-in attempt is counted against: the account from this source, the account, and the source; or, from
 * a device the account knows (`deviceId`, a device cookie that verified for this account), that device alone.
 */
export function signIn(tenantId: string, account: string, ip: string | undefined, deviceId?: string): Subject[] {
  const windowSeconds = Limits.windowSeconds;
  const name = account.toLowerCase();
  if (deviceId) return [{ tenantId, key: `account:${name}|device:${deviceId}`, limit: Limits.perDevice, windowSeconds, resetOnSuccess: true }];
  const source = sourceOf(ip);
  const list: Subject[] = [
    // The narrowest first: a guesser past its own budget is refused before it touches the account's shared one.
    { tenantId, key: `account:${name}|source:${source}`, limit: Limits.perAccountAndSource, windowSeconds, resetOnSuccess: true },
  ];
  if (ip) list.push({ tenantId: PLATFORM_TENANT_ID, key: `source:${source}`, limit: Limits.perSource, windowSeconds });
  list.push({ tenantId, key: `account:${name}`, limit: Limits.perAccount, windowSeconds });
  return list;
}

/**
 * What opening a workspace is counted against: its source address, for a day (`Config.signupsPerSourcePerDay`). A
 * sign-up with no known source (the seed, the benches) is not counted; the HTTP API always knows it.
 */
export function signUp(ip: string | undefined): Subject[] {
  if (!ip) return [];
  return [{ tenantId: PLATFORM_TENANT_ID, key: `signup:${sourceOf(ip)}`, limit: useConfig().signupsPerSourcePerDay, windowSeconds: 24 * 3600 }];
}

export const signUpRefusal = (minutes: number): Message =>
  msg("Too many workspaces opened from this address today; try again in {hours} h", { hours: Math.ceil(minutes / 60) });

export const signInRefusal = (minutes: number): Message => msg("Too many sign-in attempts; try again in {minutes} min", { minutes });

/**
 * Takes one attempt on every subject, in order, or none: the first subject at its limit refuses the attempt, the
 * ones already taken are given back, and the caller is told (429) when the fullest window ends.
 */
export async function take(list: Subject[], refusal: (minutes: number) => Message, now = useClock().now().getTime()): Promise<Taken[]> {
  const nowSeconds = Math.floor(now / 1000);
  const taken: Taken[] = [];
  for (const subject of list) {
    const result = await takeOne(subject, nowSeconds);
    if (typeof result === "number") {
      taken.push({ subject, windowStartedAt: result });
      continue;
    }
    await giveBack(taken);
    throw new TooManyRequests(refusal(Math.ceil(result.wait / 60)), result.wait);
  }
  return taken;
}

/**
 * The guarded attempt succeeded: it does not count against anyone. A subject marked `resetOnSuccess` forgets its
 * window altogether; the others only get this attempt back, so the owner's success does not wipe out what a guesser
 * at another address has spent.
 */
export async function succeeded(taken: Taken[]): Promise<void> {
  await Promise.all([
    giveBack(taken.filter((t) => !t.subject.resetOnSuccess)),
    ...taken
      .filter((t) => t.subject.resetOnSuccess)
      .map(({ subject }) => useDb().entities.loginThrottle.delete({ tenantId: subject.tenantId, key: subject.key }).go()),
  ]);
}

/**
 * Counts one attempt, or says how long until the subject's window ends. Inside an open window the count is raised
 * under the condition that it is below the limit; when no window is open (none, or ended, or one written before
 * attempts were counted) a new one is started under the condition that none is open. A racer that loses both reads
 * again and retries.
 */
async function takeOne(subject: Subject, nowSeconds: number): Promise<number | { wait: number }> {
  const { tenantId, key, limit, windowSeconds } = subject;
  const cutoff = nowSeconds - windowSeconds;
  const counters = useDb().entities.loginThrottle;
  for (let round = 0; round < 5; round++) {
    try {
      const { data } = await counters
        .patch({ tenantId, key })
        .add({ attempts: 1 })
        .where(({ windowStartedAt, attempts }, { gt, lt }) => `${gt(windowStartedAt, cutoff)} AND ${lt(attempts, limit)}`)
        .go({ response: "all_new" });
      return data.windowStartedAt;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const item = (await counters.get({ tenantId, key }).go({ consistent: true })).data;
    const open = item !== null && item.windowStartedAt > cutoff && typeof item.attempts === "number";
    if (open && item.attempts >= limit) return { wait: item.windowStartedAt + windowSeconds - nowSeconds };
    if (open) continue;
    try {
      await counters
        .put({ tenantId, key, attempts: 1, windowStartedAt: nowSeconds, expiresAt: nowSeconds + windowSeconds })
        .where(({ windowStartedAt, attempts }, { notExists, lte }) => `${notExists(windowStartedAt)} OR ${lte(windowStartedAt, cutoff)} OR ${notExists(attempts)}`)
        .go();
      return nowSeconds;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  throw new Error(`Could not count an attempt for ${key} after 5 rounds`);
}

/** The guarded work failed before it took anything (a sign-up whose address was taken): the attempts do not count. */
export const release = (taken: Taken[]): Promise<void> => giveBack(taken);

/** Gives attempts back to the windows they were taken in (a window that has since been replaced keeps its count). */
async function giveBack(taken: Taken[]): Promise<void> {
  await Promise.all(
    taken.map(async ({ subject, windowStartedAt }) => {
      try {
        await useDb()
          .entities.loginThrottle.patch({ tenantId: subject.tenantId, key: subject.key })
          .subtract({ attempts: 1 })
          .where(({ windowStartedAt: started, attempts }, { eq, gt }) => `${eq(started, windowStartedAt)} AND ${gt(attempts, 0)}`)
          .go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }),
  );
}
