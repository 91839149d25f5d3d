import { createHash, timingSafeEqual } from "node:crypto";
import { createMiddleware } from "hono/factory";
import { useConfig } from "@frontline/core/config";
import { Forbidden } from "@frontline/core/error";
import type { Env } from "./context";

/**
 * The header CloudFront adds to every request it forwards to the API, with the stage's origin secret (infra/web.ts).
 * Nobody else knows the value, so only requests that came through CloudFront (and its web ACL) carry it; a call to the
 * API's own URL does not.
 */
export const ORIGIN_HEADER = "x-frontline-origin";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Compared in constant time, so that the answer's timing says nothing about how much of a guess was right. */
function carriesSecret(given: string | undefined, secret: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(secret));
}

/**
 * Refuses (403) every request without the origin secret, before anything else runs: no session is read, no request
 * limit spent, no body parsed. Where the configuration says no CDN is in front (`originSecret: null`: the local
 * runtime, the tests) nothing is checked.
 */
export const originGuard = createMiddleware<Env>(async (c, next) => {
  const secret = useConfig().originSecret;
  if (secret !== null && !carriesSecret(c.req.header(ORIGIN_HEADER), secret)) {
    throw new Forbidden("This API answers only through the site's own address");
  }
  await next();
});

/**
 * On Lambda the API always stands behind CloudFront: a missing origin secret is a broken deploy, not a reason to
 * serve the API's own URL to anyone. The Lambda adapter reads it once, when the instance starts.
 */
export function originSecretFrom(env: NodeJS.ProcessEnv): string {
  const secret = env.ORIGIN_SECRET;
  if (!secret) {
    throw new Error("ORIGIN_SECRET is not set: on AWS the API serves only requests that came through CloudFront (infra/api.ts gives it)");
  }
  return secret;
}
