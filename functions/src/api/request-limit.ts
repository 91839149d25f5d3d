import type { MiddlewareHandler } from "hono";
import { useConfig, type Rate } from "@frontline/core/config";
import { msg, TooManyRequests } from "@frontline/core/error";
import { Session } from "@frontline/core/session";
import type { Env } from "./context";
import { FairQueue } from "./fair-queue";
import { sessionCookie } from "./session-cookie";

/**
 * In flight at once: 8 per workspace, 16 in the process. The per-workspace limits keep a flooding neighbour to its
 * rate; the lanes keep what it has in flight from filling the process. Measured with `npm run bench -- --only
 * fairness` on 2 cores (a quiet workspace's queue page p50 under a neighbour at 30 req/s, against alone): x1.24 with
 * 8 per workspace (x1.60 with the limits off, x2.14 under 16 clients as fast as answered). 2 per workspace was as fair
 * but cut one busy workspace's ticket creation from 25.7 to 18.2 a second (BENCH_SCALE=0.2, 8 at once).
 */
export const IN_FLIGHT = { perLane: 8, total: 16 };
/** The lane of requests not (yet) tied to a workspace: sign-in, sign-up, the portal, a session's first request. */
export const SHARED_LANE = "shared";
/** Memory bounds: sessions remembered and buckets kept (a full bucket is the same as none, so it can go). */
const KEPT = 10_000;

/** Token buckets by key, refilled continuously from a monotonic clock. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number; rate: Rate }>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /**
   * Takes one token from every bucket named, or from none: 0 when taken, otherwise the seconds until all of them
   * hold one again.
   */
  take(wanted: ReadonlyArray<readonly [key: string, rate: Rate]>): number {
    const now = this.now();
    const current = wanted.map(([key, rate]) => ({ key, rate, tokens: this.tokens(this.buckets.get(key), rate, now) }));
    const short = current.filter((b) => b.tokens < 1);
    if (short.length) return Math.max(...short.map((b) => Math.ceil((1 - b.tokens) / b.rate.perSecond)), 1);
    if (this.buckets.size > KEPT) {
      for (const [key, bucket] of this.buckets) if (this.tokens(bucket, bucket.rate, now) >= bucket.rate.burst) this.buckets.delete(key);
    }
    for (const b of current) this.buckets.set(b.key, { tokens: b.tokens - 1, at: now, rate: b.rate });
    return 0;
  }

  private tokens(bucket: { tokens: number; at: number } | undefined, rate: Rate, now: number): number {
    return bucket ? Math.min(rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * rate.perSecond) : rate.burst;
  }
}

/**
 * Per-session and per-workspace request limits, and the fair queue, in front of every API route.
 *
 * Both are decided before the request costs anything, from the session token, but only for a session this process
 * has already seen verified: its tenant is then known without a read. A token's tenant id is in the clear (it is the
 * workspace's public slug), so trusting an unverified one would let anybody spend another workspace's limit or fill
 * its lane. A session's first request here, and any request without one, goes in the shared lane, and counts
 * against no limit until the session is verified; a token refused as signed out is forgotten at once.
 *
 * The buckets live in this process: exact locally, per instance on Lambda (README, "Request limits on AWS").
 */
export function requestLimit(): MiddlewareHandler<Env> {
  const buckets = new TokenBuckets();
  const queue = new FairQueue(IN_FLIGHT);
  const verified = new Map<string, string>();
  return async (c, next) => {
    const token = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? sessionCookie(c);
    const sessionId = token ? Session.parseToken(token)?.sessionId : undefined;
    const tenantId = sessionId ? verified.get(sessionId) : undefined;
    const limits = useConfig().requestLimits;
    if (tenantId && limits) {
      const wait = buckets.take([
        [`s:${sessionId}`, limits.session],
        [`w:${tenantId}`, limits.workspace],
      ]);
      if (wait) throw new TooManyRequests(msg("Too many requests; try again in {seconds} s", { seconds: wait }), wait);
    }
    await queue.run(tenantId ?? SHARED_LANE, () => next());
    const actor = c.get("actor");
    if (actor?.type === "staff" && actor.sessionId === sessionId) {
      if (!tenantId) {
        if (verified.size >= KEPT) verified.delete(verified.keys().next().value!);
        verified.set(actor.sessionId, actor.tenantId);
      }
    } else if (sessionId && c.res.status === 401) {
      verified.delete(sessionId);
    }
  };
}
