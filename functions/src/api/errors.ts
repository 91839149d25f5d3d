import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { AppError, Invalid, Message, msg } from "@frontline/core/error";
import { readerLocale, sayError, type ErrorLocale } from "@frontline/core/locale/errors";
import type { Staff } from "@frontline/core/staff";
import { toFieldIssues } from "@frontline/core/validation";
import { HTTPException } from "hono/http-exception";

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; [detail: string]: unknown };
}

/**
 * The one place where errors become HTTP responses. Core errors carry their status and public details; anything
 * else is a bug, logged with the request id and answered with a bare 500 that leaks nothing. Messages are said in
 * the reader's language (`readerOf`); codes and paths stay as they are, for clients to key on.
 */
export function errorResponse(caught: unknown, c: Context) {
  const requestId = c.get("requestId") ?? "unknown";
  const reader = readerOf(c);
  c.header("content-language", reader);
  c.header("vary", "Accept-Language");
  // Input the core parsed with a schema of its own is a 400 with its fields, wherever it was parsed.
  const error = caught instanceof ZodError ? new Invalid(toFieldIssues(caught)) : caught;
  if (error instanceof AppError) {
    if (error.code === "too_many_requests") c.header("Retry-After", String(error.details().retryAfterSeconds));
    const body: ErrorBody = { error: { code: error.code, message: error.say(reader), requestId, ...error.details(reader) } };
    return c.json(body, error.status as ContentfulStatusCode);
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own refusals: said as Hono wrote them unless the catalogues have the sentence.
    const message = error.message ? new Message(error.message) : msg("Bad request");
    const body: ErrorBody = { error: { code: "http_" + error.status, message: sayError(reader, message), requestId } };
    return c.json(body, error.status);
  }
  console.error(JSON.stringify({ level: "error", requestId, path: c.req.path, error: String((error as Error)?.stack ?? error) }));
  const body: ErrorBody = { error: { code: "internal", message: sayError(reader, msg("Something went wrong on our side")), requestId } };
  return c.json(body, 500);
}

/**
 * Who reads the answer: the signed-in staff member in their profile's language; anyone else (signing in or up, an
 * operator, a script) in the first language of their Accept-Language that we speak; else English. (There are no
 * customer routes yet; a portal would answer in the customer's language.)
 */
function readerOf(c: Context): ErrorLocale {
  const staff = c.get("staff") as Staff.Info | undefined;
  return readerLocale(staff?.locale, c.req.header("accept-language"));
}
