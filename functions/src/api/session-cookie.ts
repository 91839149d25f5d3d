import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Auth } from "@frontline/core/auth";
import type { Session } from "@frontline/core/session";

export const SESSION_COOKIE = "fl_session";
export const CSRF_COOKIE = "fl_csrf";
export const CSRF_HEADER = "x-csrf-token";
export const DEVICE_COOKIE = "fl_device";
/** The device cookie goes only where it is read: to sign-in. */
const DEVICE_PATH = "/api/auth/login";

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

/**
 * The device cookie of sign-in (core/auth/device.ts): HttpOnly, and SameSite=Strict, since only the console's own
 * sign-in form needs to send it.
 */
export function setDeviceCookie(c: Context, device: Auth.Device.Issued) {
  setCookie(c, DEVICE_COOKIE, device.value, { httpOnly: true, sameSite: "Strict", path: DEVICE_PATH, secure: secure(c), expires: new Date(device.expiresAt) });
}

export function deviceCookie(c: Context): string | undefined {
  return getCookie(c, DEVICE_COOKIE);
}
