import * as z from "zod";
import { Invalid, type FieldIssue } from "./error";

/** Turns zod issues into field issues with dotted paths (under `prefix`, for a part of a larger input). */
export function toFieldIssues(error: z.ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [...(prefix ? [prefix] : []), ...issue.path.map(String)].join("."),
    code: issue.code,
    message: issue.message,
  }));
}

/** Parses `input` with `schema`, throwing Invalid (400) with a message per field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Invalid(toFieldIssues(result.error, prefix));
  return result.data;
}

/**
 * A core function that validates its own input. The schema stays attached (`fn.schema`) so that handlers and the
 * OpenAPI document reuse it instead of declaring the shape again.
 */
export function fn<S extends z.ZodType, R>(schema: S, impl: (input: z.output<S>) => Promise<R>) {
  // Async even when parsing fails, so callers handle invalid input and other failures in one way.
  const wrapped = async (input: z.input<S>): Promise<R> => impl(parse(schema, input));
  wrapped.schema = schema;
  return wrapped;
}

/** The paging fields of a list's query string: an opaque cursor, and a page size (1-`max`, `limit` by default). */
export function paging(limit: number, max = 100) {
  return {
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(max).default(limit),
  };
}
