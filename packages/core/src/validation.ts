import { z } from "zod";
import { Invalid, type FieldIssue } from "./error";

/** Turns zod issues into field issues with dotted paths. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    code: issue.code,
    message: issue.message,
  }));
}

/** Parses `input` with `schema`, throwing Invalid (400) with a message per field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Invalid(toFieldIssues(result.error));
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
