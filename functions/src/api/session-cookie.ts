import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Session } from "@frontline/core/session";

export const SESSION_COOKIE = "fl_session";
export const CSRF_COOKIE = "fl_csrf";
export const CSRF_HEADER = "x-csrf-token";

function secure(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

/**
 * The web app signs in with an HttpOnly session cookie; its CSRF token travels in a readable cookie that the app
 * echoes in a header on every unsafe request (double submit, checked against the session's own token).
 */
export function setSessionCookies(c: Context, issued: Session.Issued) {
  const expires = new Date(issued.expiresAt);
  setCookie(c, SESSION_COOKIE, issued.token, { httpOnly: true, sameSite: "Lax", path: "/api", secure: secure(c), expires });
  setCookie(c, CSRF_COOKIE, issued.csrfToken, { httpOnly: false, sameSite: "Lax", path: "/", secure: secure(c), expires });
}

export function clearSessionCookies(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: "/api" });
  deleteCookie(c, CSRF_COOKIE, { path: "/" });
}

export function sessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}
