import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { AppError, Invalid } from "@frontline/core/error";
import { toFieldIssues } from "@frontline/core/validation";
import { HTTPException } from "hono/http-exception";

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; [detail: string]: unknown };
}

/**
 * The one place where errors become HTTP responses. Core errors carry their status and public details; anything
 * else is a bug, logged with the request id and answered with a bare 500 that leaks nothing.
 */
export function errorResponse(caught: unknown, c: Context) {
  const requestId = c.get("requestId") ?? "unknown";
  // Input the core parsed with a schema of its own is a 400 with its fields, wherever it was parsed.
  const error = caught instanceof ZodError ? new Invalid(toFieldIssues(caught)) : caught;
  if (error instanceof AppError) {
    if (error.code === "too_many_requests") c.header("Retry-After", String(error.details().retryAfterSeconds));
    const body: ErrorBody = { error: { code: error.code, message: error.message, requestId, ...error.details() } };
    return c.json(body, error.status as ContentfulStatusCode);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const body: ErrorBody = { error: { code: "http_" + error.status, message: error.message || "Bad request", requestId } };
    return c.json(body, error.status);
  }
  console.error(JSON.stringify({ level: "error", requestId, path: c.req.path, error: String((error as Error)?.stack ?? error) }));
  const body: ErrorBody = { error: { code: "internal", message: "Something went wrong on our side", requestId } };
  return c.json(body, 500);
}
