import { Message, msg, sayError, type ErrorLocale } from "./locale/errors";

/**
 * The core's typed errors. Each carries a stable `code` and the HTTP status it maps to; the API turns them into
 * responses in one place (functions/src/api/errors.ts), saying their messages in the reader's language. A message is
 * written in English, as a plain string or, with values, as `msg(source, values)` (./locale/errors). Anything that is
 * not one of these errors is a bug and becomes a 500.
 */
export { Message, msg };

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "email" or "owner.name". */
  path: string;
  /** Machine-readable reason (zod's issue code or one of ours, e.g. "taken"). */
  code: string;
  message: string;
}

/** A field issue as the core raises it: its message as written. */
export interface Issue {
  path: string;
  code: string;
  message: string | Message;
}

/** A raised issue: its message in English, and as written (to be said in the reader's language). */
export interface SaidIssue extends FieldIssue {
  said: Message;
}

const written = (message: string | Message) => (typeof message === "string" ? new Message(message) : message);
const raise = (issue: Issue): SaidIssue => {
  const said = written(issue.message);
  return { path: issue.path, code: issue.code, message: said.toString(), said };
};
/** Issues as the API sends them, in `locale`. */
const sayIssues = (issues: readonly SaidIssue[], locale: ErrorLocale): FieldIssue[] =>
  issues.map((issue) => ({ path: issue.path, code: issue.code, message: sayError(locale, issue.said) }));

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  /** The message as written: said in the reader's language by `say`, in English as `message`. */
  readonly said: Message;
  constructor(message: string | Message) {
    const said = written(message);
    super(said.toString());
    this.said = said;
  }
  /** The message in `locale`. */
  say(locale: ErrorLocale): string {
    return sayError(locale, this.said);
  }
  /** Extra public details that are safe to send to the client, with any message in `locale`. */
  details(_locale: ErrorLocale = "en"): Record<string, unknown> {
    return {};
  }
}

export class Invalid extends AppError {
  readonly status = 400;
  readonly code = "invalid";
  readonly issues: SaidIssue[];
  constructor(issues: Issue[]) {
    const raised = issues.map(raise);
    super(Invalid.join(raised));
    this.issues = raised;
  }
  static field(path: string, code: string, message: string | Message) {
    return new Invalid([{ path, code, message }]);
  }
  private static join(issues: readonly FieldIssue[]): string {
    return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  }
  override say(locale: ErrorLocale) {
    return Invalid.join(sayIssues(this.issues, locale));
  }
  override details(locale: ErrorLocale = "en") {
    return { issues: sayIssues(this.issues, locale) };
  }
}

export class Unauthenticated extends AppError {
  readonly status = 401;
  readonly code = "unauthenticated";
  constructor(message: string | Message = msg("Sign in to continue")) {
    super(message);
  }
}

export class Forbidden extends AppError {
  readonly status = 403;
  readonly code = "forbidden";
  constructor(message: string | Message = msg("You are not allowed to do this")) {
    super(message);
  }
}

export class NotFound extends AppError {
  readonly status = 404;
  readonly code = "not_found";
  constructor(readonly entity: string) {
    // The catalogues have each entity's sentence ("Customer not found"): the words agree with the entity's gender.
    super(new Message(`${entity} not found`));
  }
}

export class Conflict extends AppError {
  readonly status = 409;
  readonly code = "conflict";
  readonly issues: SaidIssue[];
  constructor(
    message: string | Message,
    issues: Issue[] = [],
    readonly current?: unknown,
  ) {
    super(message);
    this.issues = issues.map(raise);
  }
  override details(locale: ErrorLocale = "en") {
    return {
      ...(this.issues.length ? { issues: sayIssues(this.issues, locale) } : {}),
      ...(this.current === undefined ? {} : { current: this.current }),
    };
  }
}

export class LimitReached extends AppError {
  readonly status = 402;
  readonly code = "limit_reached";
  constructor(
    message: string | Message,
    readonly limit: string,
  ) {
    super(message);
  }
  override details() {
    return { limit: this.limit };
  }
}

export class TooManyRequests extends AppError {
  readonly status = 429;
  readonly code = "too_many_requests";
  constructor(
    message: string | Message,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
  override details() {
    return { retryAfterSeconds: this.retryAfterSeconds };
  }
}

/**
 * A capability the product does not have yet: a 501 whose message names it, so that a client is told plainly
 * instead of getting a stub. No route throws it today; the API test pins its shape.
 */
export class NotImplemented extends AppError {
  readonly status = 501;
  readonly code = "not_implemented";
}
