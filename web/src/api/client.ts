import type {
  DepartmentsResponse,
  ErrorBody,
  FieldIssue,
  LedgerResponse,
  LoginRequest,
  Me,
  SessionResponse,
  SignupRequest,
} from "./types";

/** A non-2xx answer from the API (or no answer at all: status 0, code "network"). */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    issues?: FieldIssue[];
    retryAfterSeconds?: number;
    requestId?: string;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.requestId = init.requestId;
  }
}

export const CSRF_COOKIE = "fl_csrf";
export const CSRF_HEADER = "X-CSRF-Token";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Reads a cookie the page may see (the session cookie itself is HttpOnly and never readable here). */
export function readCookie(name: string): string | undefined {
  if (typeof document === "undefined") return undefined;
  for (const part of document.cookie.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
  return typeof error === "object" && error !== null && typeof error.code === "string" && typeof error.message === "string";
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    const { code, message, issues, retryAfterSeconds, requestId } = body.error;
    const retryHeader = Number(response.headers.get("retry-after"));
    return new ApiError({
      status: response.status,
      code,
      message,
      issues: Array.isArray(issues) ? issues : [],
      retryAfterSeconds: retryAfterSeconds ?? (Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined),
      requestId,
    });
  }
  // Not our error shape: a proxy or a gateway answered. Keep the status; there is nothing more to tell.
  return new ApiError({
    status: response.status,
    code: response.status >= 500 ? "internal" : `http_${response.status}`,
    message: response.statusText || `HTTP ${response.status}`,
    requestId: response.headers.get("x-request-id") ?? undefined,
  });
}

/**
 * Calls the API on this origin with the session cookie. Unsafe methods echo the CSRF cookie in X-CSRF-Token
 * (double submit). Resolves with the parsed JSON body (undefined for 204); rejects with ApiError otherwise.
 */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const upper = method.toUpperCase();
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (UNSAFE_METHODS.has(upper)) {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method: upper,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError({ status: 0, code: "network", message: (cause as Error)?.message || "Network error" });
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
};

/** The endpoints the web app uses, typed. */
export const Frontline = {
  signup: (input: SignupRequest) => api.post<SessionResponse>("/api/signup", input),
  login: (input: LoginRequest) => api.post<SessionResponse>("/api/auth/login", input),
  logout: () => api.post<void>("/api/auth/logout"),
  me: () => api.get<Me>("/api/me"),
  departments: () => api.get<DepartmentsResponse>("/api/departments"),
  ledger: () => api.get<LedgerResponse>("/api/billing/ledger"),
  tickets: () => api.get<{ tickets?: unknown[] }>("/api/tickets"),
};
