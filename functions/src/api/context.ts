import type { Context } from "hono";
import type { Actor } from "@frontline/core/actor";
import type { Staff } from "@frontline/core/staff";

export interface Env {
  Variables: {
    requestId: string;
    actor: Actor;
    /** The signed-in staff member, as the auth middleware read it. */
    staff: Staff.Info;
    /** Set when the request authenticated with the session cookie (and so needs the CSRF header). */
    viaCookie: boolean;
  };
}

/**
 * The caller's address as the runtime saw it: API Gateway's `requestContext.http.sourceIp` on Lambda, the socket's
 * remote address on the local server. Client-supplied X-Forwarded-For is never trusted.
 */
export function sourceIp(c: Context): string | undefined {
  const env = c.env as
    | { event?: { requestContext?: { http?: { sourceIp?: string } } }; incoming?: { socket?: { remoteAddress?: string } } }
    | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? undefined;
}
