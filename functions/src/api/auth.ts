import type { MiddlewareHandler } from "hono";
import { Auth } from "@frontline/core/auth";
import { withActor } from "@frontline/core/actor";
import { Forbidden, LimitReached, Unauthenticated } from "@frontline/core/error";
import { Session } from "@frontline/core/session";
import type { Env } from "./context";
import { CSRF_HEADER, sessionCookie } from "./session-cookie";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** What a suspended workspace's staff may still do besides reading: sign out, and ask for a top-up. */
const WHILE_SUSPENDED = new Set(["POST /api/auth/logout", "POST /api/billing/top-up-requests", "POST /api/notifications/read-all"]);

/**
 * Requires a signed-in staff member, from `Authorization: Bearer <token>` or the session cookie, and runs the rest
 * of the request as that actor (the core reads the tenant from it, never from the request). Unsafe requests that
 * rely on the cookie must echo the session's CSRF token in the X-CSRF-Token header.
 */
export const requireStaff: MiddlewareHandler<Env> = async (c, next) => {
  const header = c.req.header("authorization");
  let token: string | undefined;
  let viaCookie = false;
  if (header) {
    token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw new Unauthenticated("Use the Authorization header as: Bearer <token>");
  } else {
    token = sessionCookie(c);
    viaCookie = true;
  }
  if (!token) throw new Unauthenticated();
  const { actor, session, staff } = await Auth.authenticate(token);
  if (viaCookie && !SAFE_METHODS.has(c.req.method) && !Session.csrfMatches(session, c.req.header(CSRF_HEADER))) {
    throw new Forbidden("Missing or wrong CSRF token; reload the page and try again");
  }
  if (actor.suspended && !SAFE_METHODS.has(c.req.method) && !WHILE_SUSPENDED.has(`${c.req.method} ${c.req.path}`)) {
    throw new LimitReached(
      "This workspace is suspended because its balance ran out: staff can read but not change anything until it is topped up (Admin → Plan and billing).",
      "suspended",
    );
  }
  c.set("actor", actor);
  c.set("staff", staff);
  c.set("viaCookie", viaCookie);
  return withActor(actor, () => next());
};
