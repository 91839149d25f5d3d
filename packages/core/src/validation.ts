import * as z from "zod";
import { Invalid, Message, msg, type Issue } from "./error";
import type { Values } from "./locale/errors";

/**
 * Every zod message in the project is an English ICU source (./locale/errors): a schema's own ("Enter a subject",
 * "A message has at most {maximum} characters"), or, where a schema gives none, one of `standard`'s. Its values are the issue's own fields
 * (`maximum`, `values`...), so "At most {maximum} characters" is said with the schema's limit in any language.
 */
z.config({ customError: (issue) => standard(issue).source });

/** Turns zod issues into field issues with dotted paths (under `prefix`, for a part of a larger input). */
export function toFieldIssues(error: z.ZodError, prefix?: string): Issue[] {
  return error.issues.map((issue) => ({
    path: [...(prefix ? [prefix] : []), ...issue.path.map(String)].join("."),
    code: issue.code,
    message: new Message(issue.message, valuesOf(issue)),
  }));
}

/** An issue's fields as message values: numbers and words as they are, lists joined, with their `count`. */
function valuesOf(issue: z.core.$ZodIssue): Values {
  const values: Values = {};
  for (const [name, value] of Object.entries(issue)) {
    if (name === "message" || name === "path" || name === "input" || name === "code") continue;
    if (typeof value === "string" || typeof value === "number") values[name] = value;
    else if (typeof value === "bigint" || typeof value === "boolean") values[name] = String(value);
    else if (Array.isArray(value) && value.every((v) => typeof v !== "object")) {
      values[name] = value.map(String).join(", ");
      values.count = value.length;
    }
  }
  return values;
}

/** What an issue says when its schema gives no message of its own. */
function standard(issue: z.core.$ZodRawIssue): Message {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return msg("Required");
      if (issue.expected === "int") return msg("Enter a whole number");
      return msg("Expected {expected, select, string {text} number {a number} boolean {true or false} array {a list} object {an object} other {another kind of value}}");
    case "too_small":
      if (issue.origin === "string") return msg("At least {minimum, plural, one {# character} other {# characters}}");
      if (issue.origin === "array" || issue.origin === "set") return msg("At least {minimum, plural, one {# item} other {# items}}");
      if (issue.origin === "number" || issue.origin === "int") return issue.inclusive ? msg("At least {minimum}") : msg("More than {minimum}");
      return msg("Too small");
    case "too_big":
      if (issue.origin === "string") return msg("At most {maximum, plural, one {# character} other {# characters}}");
      if (issue.origin === "array" || issue.origin === "set") return msg("At most {maximum, plural, one {# item} other {# items}}");
      if (issue.origin === "number" || issue.origin === "int") return issue.inclusive ? msg("At most {maximum}") : msg("Less than {maximum}");
      return msg("Too big");
    case "invalid_value":
      return msg("Use one of: {values}");
    case "invalid_format":
      if (issue.format === "email") return msg("Enter a valid email address");
      if (issue.format === "datetime") return msg("Use an ISO 8601 date and time");
      if (issue.format === "date") return msg("Use yyyy-mm-dd");
      return msg("Not in the expected format");
    case "not_multiple_of":
      return msg("Use a multiple of {divisor}");
    case "unrecognized_keys":
      return msg("{count, plural, one {Unknown field} other {Unknown fields}}: {keys}");
    case "invalid_union":
      return msg("Not one of the accepted forms");
    default:
      return msg("Invalid value");
  }
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
