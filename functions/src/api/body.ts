import type { Context } from "hono";
import { Invalid } from "@frontline/core/error";

/** The request's JSON body; a missing or malformed body is a 400 with a message, not a 500. */
export async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    throw Invalid.field("", "content_type", "Send the body as JSON (Content-Type: application/json)");
  }
  try {
    return await c.req.json();
  } catch {
    throw Invalid.field("", "invalid_json", "The body is not valid JSON");
  }
}
