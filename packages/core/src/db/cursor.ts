import * as z from "zod";
import { Invalid } from "../error";

/**
 * Opaque pagination cursors: a JSON state in base64url. Clients pass back what they were given; anything else is a
 * 400 on the `cursor` field, never a 500.
 */
export function encodeCursor(state: unknown): string {
  return Buffer.from(JSON.stringify(state), "utf8").toString("base64url");
}

export function decodeCursor<S extends z.ZodType>(schema: S, cursor: string): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw Invalid.field("cursor", "invalid_cursor", "This cursor is not one the API gave out; start from the first page");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw Invalid.field("cursor", "invalid_cursor", "This cursor is not one the API gave out; start from the first page");
  }
  return parsed.data;
}
