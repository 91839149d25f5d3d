/**
 * The core's typed errors. Each carries a stable `code` and the HTTP status it maps to; the API turns them into
 * responses in one place (functions/src/api/errors.ts). Anything that is not one of these is a bug and becomes a 500.
 */
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "email" or "owner.name". */
  path: string;
  /** Machine-readable reason (zod's issue code or one of ours, e.g. "taken"). */
  code: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  /** Extra public details that are safe to send to the client. */
  details(): Record<string, unknown> {
    return {};
  }
}

export class Invalid extends AppError {
  readonly status = 400;
  readonly code = "invalid";
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "));
  }
  static field(path: string, code: string, message: string) {
    return new Invalid([{ path, code, message }]);
  }
  override details() {
    return { issues: this.issues };
  }
}

export class Unauthenticated extends AppError {
  readonly status = 401;
  readonly code = "unauthenticated";
  constructor(message = "Sign in to continue") {
    super(message);
  }
}

export class Forbidden extends AppError {
  readonly status = 403;
  readonly code = "forbidden";
  constructor(message = "You are not allowed to do this") {
    super(message);
  }
}

export class NotFound extends AppError {
  readonly status = 404;
  readonly code = "not_found";
  constructor(readonly entity: string) {
    super(`${entity} not found`);
  }
}

export class Conflict extends AppError {
  readonly status = 409;
  readonly code = "conflict";
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly current?: unknown,
  ) {
    super(message);
  }
  override details() {
    return {
      ...(this.issues.length ? { issues: this.issues } : {}),
      ...(this.current === undefined ? {} : { current: this.current }),
    };
  }
}

export class LimitReached extends AppError {
  readonly status = 402;
  readonly code = "limit_reached";
  constructor(
    message: string,
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
    message: string,
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
