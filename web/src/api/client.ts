import type {
  AcceptInvitationRequest,
  AddStopRequest,
  BillingSummary,
  BulkRequest,
  BulkResponse,
  CalendarInfo,
  CalendarRequest,
  CreateDepartmentRequest,
  CreateTicketRequest,
  CreateViewRequest,
  CustomerDetail,
  CustomerPage,
  LinkRole,
  CustomerInfo,
  DepartmentDetail,
  DepartmentInfo,
  DepartmentsResponse,
  ErrorBody,
  EventPage,
  EventQuery,
  FieldIssue,
  InvitationInfo,
  InvitationPreview,
  PasswordResetPreview,
  PasswordResetRequest,
  CompletePasswordResetRequest,
  InviteRequest,
  InviteResponse,
  LedgerPage,
  LetterInfo,
  LetterKind,
  LetterLocale,
  LetterTemplate,
  LoginRequest,
  MailInfo,
  MailPage,
  MailQuery,
  MailStatus,
  Me,
  NoteRequest,
  NotificationsResponse,
  NotificationPreferences,
  NotificationPreferencesResponse,
  OrganizationInfo,
  UpdateCustomerRequest,
  OutboxInfo,
  OutboxPage,
  OutboxStatus,
  PlanChangeRequest,
  PlanInfo,
  PolicyInfo,
  PolicyRequest,
  QueueQuery,
  ReplyRequest,
  ReplyTemplateInfo,
  ReplyTemplateRequest,
  SavedViewCount,
  SavedViewInfo,
  SearchQuery,
  SearchResults,
  SessionResponse,
  Settings,
  SettingsRequest,
  SignupRequest,
  StaffInfo,
  StaffResponse,
  StopEntry,
  Subscription,
  TicketCounts,
  TicketDetail,
  TicketInfo,
  TicketPage,
  TopUpRequest,
  TopUpRequestInfo,
  UpdateDepartmentRequest,
  UpdateStaffRequest,
  UpdateTicketRequest,
  UpdateViewRequest,
} from "./types";

/** A non-2xx answer from the API (or no answer at all: status 0, code "network"). */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;
  /** A 409 for a stale version carries the thing as it is now (a ticket, for the ticket routes). */
  readonly current: unknown;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    issues?: FieldIssue[];
    retryAfterSeconds?: number;
    requestId?: string;
    current?: unknown;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.requestId = init.requestId;
    this.current = init.current;
  }
}

/** The current ticket of a 409 "changed while you were working", if that is what `error` is. */
export function staleTicket(error: unknown): TicketInfo | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const current = error.current as Partial<TicketInfo> | undefined;
  return current && typeof current.ticketId === "string" && typeof current.version === "number" ? (current as TicketInfo) : undefined;
}

/** A query string from the defined values of `params` ("" when there are none). */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

const id = (value: string) => encodeURIComponent(value);

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
    const { code, message, issues, retryAfterSeconds, requestId, current } = body.error;
    const retryHeader = Number(response.headers.get("retry-after"));
    return new ApiError({
      status: response.status,
      code,
      message,
      issues: Array.isArray(issues) ? issues : [],
      retryAfterSeconds: retryAfterSeconds ?? (Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined),
      requestId,
      current,
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
 * A caller of the API on this origin with the session cookie, whose unsafe requests echo the CSRF cookie `csrfCookie`
 * in X-CSRF-Token (double submit): the workspace's, or the operator console's. The caller resolves with the parsed
 * JSON body (undefined for 204) and rejects with ApiError otherwise.
 */
export function requester(csrfCookie: string) {
  return async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const upper = method.toUpperCase();
    const headers: Record<string, string> = { accept: "application/json" };
    // The API says its errors in the language the page is read in (the staff member's profile wins once signed in).
    const reading = typeof document === "undefined" ? "" : document.documentElement.lang;
    if (reading) headers["accept-language"] = reading;
    if (body !== undefined) headers["content-type"] = "application/json";
    if (UNSAFE_METHODS.has(upper)) {
      const csrf = readCookie(csrfCookie);
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
  };
}

/** Calls the API as the signed-in staff member (the workspace's CSRF cookie). */
export const request = requester(CSRF_COOKIE);

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

  // Tickets
  queue: (query: QueueQuery) => api.get<TicketPage>(`/api/tickets${queryString({ ...query })}`),
  ticketCounts: () => api.get<TicketCounts>("/api/tickets/counts"),
  ticketByNumber: (number: number) => api.get<TicketPage>(`/api/tickets${queryString({ number })}`),
  ticket: (ticketId: string) => api.get<TicketDetail>(`/api/tickets/${id(ticketId)}`),
  createTicket: (input: CreateTicketRequest) => api.post<{ ticket: TicketInfo }>("/api/tickets", input),
  updateTicket: (ticketId: string, input: UpdateTicketRequest) => api.patch<{ ticket: TicketInfo }>(`/api/tickets/${id(ticketId)}`, input),
  /** One action on a selection of a queue: what changed, and why the others did not. */
  bulkTickets: (input: BulkRequest) => api.post<BulkResponse>("/api/tickets/bulk", input),
  reply: (ticketId: string, input: ReplyRequest) => api.post<TicketDetail>(`/api/tickets/${id(ticketId)}/replies`, input),
  note: (ticketId: string, input: NoteRequest) => api.post<TicketDetail>(`/api/tickets/${id(ticketId)}/notes`, input),
  trashTicket: (ticketId: string, version: number) =>
    api.delete<{ ticket: TicketInfo }>(`/api/tickets/${id(ticketId)}${queryString({ version })}`),
  restoreTicket: (ticketId: string) => api.post<{ ticket: TicketInfo }>(`/api/tickets/${id(ticketId)}/restore`),
  purgeTicket: (ticketId: string) => api.post<void>(`/api/tickets/${id(ticketId)}/purge`),
  /** Merges the ticket into another of the customer's (by id, or by the number typed), on the version shown. */
  mergeTicket: (ticketId: string, input: { version: number; into?: string; intoNumber?: number }) =>
    api.post<{ ticket: TicketInfo }>(`/api/tickets/${id(ticketId)}/merge`, input),
  unmergeTicket: (ticketId: string) => api.post<{ ticket: TicketInfo }>(`/api/tickets/${id(ticketId)}/unmerge`, {}),
  linkTicket: (ticketId: string, input: { other?: string; otherNumber?: number; role: LinkRole }) =>
    api.post<{ link: unknown }>(`/api/tickets/${id(ticketId)}/links`, input),
  unlinkTicket: (ticketId: string, otherId: string) => api.delete<void>(`/api/tickets/${id(ticketId)}/links/${id(otherId)}`),
  /** What the letter of a reply to this ticket's requester adds after the reply (the agent's name, the workspace). */
  replySignature: (ticketId: string) => api.get<{ signature: { text: string; locale: string } }>(`/api/tickets/${id(ticketId)}/reply-signature`),
  ticketEvents: (ticketId: string, cursor?: string) =>
    api.get<EventPage>(`/api/tickets/${id(ticketId)}/events${queryString({ cursor, limit: 50 })}`),

  // Saved views: a person's named queue filters, and the workspace's shared ones
  views: () => api.get<{ views: SavedViewInfo[] }>("/api/views"),
  viewCounts: () => api.get<{ counts: SavedViewCount[] }>("/api/views/counts"),
  createView: (input: CreateViewRequest) => api.post<{ view: SavedViewInfo }>("/api/views", input),
  updateView: (viewId: string, input: UpdateViewRequest) => api.patch<{ view: SavedViewInfo }>(`/api/views/${id(viewId)}`, input),
  deleteView: (viewId: string) => api.delete<void>(`/api/views/${id(viewId)}`),

  // Customers
  customers: (q: string) => api.get<{ customers: CustomerInfo[] }>(`/api/customers${queryString({ q, limit: 8 })}`),
  customer: (customerId: string) => api.get<CustomerDetail>(`/api/customers/${id(customerId)}${queryString({ limit: 10 })}`),
  organization: (organizationId: string) => api.get<{ organization: OrganizationInfo }>(`/api/organizations/${id(organizationId)}`),
  organizations: () => api.get<{ organizations: OrganizationInfo[] }>("/api/organizations"),
  /** The customers page: those found by name, address or phone (the newest without q), a page at a time. */
  customerPage: (q: string, cursor?: string) => api.get<CustomerPage>(`/api/customers${queryString({ q: q || undefined, cursor, limit: 25 })}`),
  /** A customer with a page of their tickets (the next one from `cursor`). */
  customerTickets: (customerId: string, cursor?: string) => api.get<CustomerDetail>(`/api/customers/${id(customerId)}${queryString({ cursor, limit: 25 })}`),
  updateCustomer: (customerId: string, input: UpdateCustomerRequest) => api.patch<{ customer: CustomerInfo }>(`/api/customers/${id(customerId)}`, input),
  addCustomerEmail: (customerId: string, email: string) => api.post<{ customer: CustomerInfo }>(`/api/customers/${id(customerId)}/emails`, { email }),
  removeCustomerEmail: (customerId: string, email: string) => api.delete<{ customer: CustomerInfo }>(`/api/customers/${id(customerId)}/emails/${id(email)}`),
  /** Merges the record `otherId` into `customerId`: its addresses and tickets become that customer's. */
  mergeCustomer: (customerId: string, otherId: string) => api.post<{ customer: CustomerInfo }>(`/api/customers/${id(customerId)}/merge`, { customerId: otherId }),

  // Search: tickets by their words, number and requester; customers and organizations by theirs
  search: (query: SearchQuery) => api.get<SearchResults>(`/api/search${queryString({ ...query })}`),

  // Staff and departments
  staff: () => api.get<StaffResponse>("/api/staff"),
  departments: () => api.get<DepartmentsResponse>("/api/departments"),
  department: (departmentId: string) => api.get<DepartmentDetail>(`/api/departments/${id(departmentId)}`),
  createDepartment: (input: CreateDepartmentRequest) => api.post<{ department: DepartmentInfo }>("/api/departments", input),
  updateDepartment: (departmentId: string, input: UpdateDepartmentRequest) =>
    api.patch<{ department: DepartmentInfo }>(`/api/departments/${id(departmentId)}`, input),
  setDepartmentStaff: (departmentId: string, staffIds: string[]) =>
    api.put<{ staffIds: string[] }>(`/api/departments/${id(departmentId)}/staff`, { staffIds }),

  // SLA in the console
  overdue: () => api.get<{ tickets: TicketInfo[] }>("/api/tickets/overdue"),
  notifications: () => api.get<NotificationsResponse>("/api/notifications"),
  readNotification: (notificationId: string) => api.post<void>(`/api/notifications/${id(notificationId)}/read`),
  readAllNotifications: () => api.post<{ marked: number }>("/api/notifications/read-all"),
  notificationPreferences: () => api.get<NotificationPreferencesResponse>("/api/notifications/preferences"),
  saveNotificationPreferences: (preferences: Partial<NotificationPreferences>) =>
    api.put<NotificationPreferencesResponse>("/api/notifications/preferences", { preferences }),
  ticketFollowing: (ticketId: string) => api.get<{ following: boolean }>(`/api/tickets/${id(ticketId)}/follow`),
  followTicket: (ticketId: string) => api.put<{ following: boolean }>(`/api/tickets/${id(ticketId)}/follow`),
  unfollowTicket: (ticketId: string) => api.delete<{ following: boolean }>(`/api/tickets/${id(ticketId)}/follow`),

  // Received mail, the outbox, the stop list and the letters (admins)
  mail: (query: MailQuery<MailStatus>) => api.get<MailPage>(`/api/mail${queryString({ ...query })}`),
  /** The address of a received mail's original, as an .eml download. */
  rawMailHref: (mailId: string) => `/api/mail/${id(mailId)}/raw`,
  reprocessMail: (mailId: string) => api.post<{ mail: MailInfo }>(`/api/mail/${id(mailId)}/reprocess`),
  outbox: (query: MailQuery<OutboxStatus>) => api.get<OutboxPage>(`/api/outbox${queryString({ ...query })}`),
  retryLetter: (outboxId: string) => api.post<{ entry: OutboxInfo }>(`/api/outbox/${id(outboxId)}/retry`),
  /** A ticket's letter the customer did not get, sent again (clearing a bounce's mark on the address). */
  resendLetter: (ticketId: string, outboxId: string) => api.post<{ entry: OutboxInfo }>(`/api/tickets/${id(ticketId)}/letters/${id(outboxId)}/resend`),
  stopList: () => api.get<{ entries: StopEntry[] }>("/api/stop-list"),
  addStop: (input: AddStopRequest) => api.post<{ entry: StopEntry }>("/api/stop-list", input),
  removeStop: (value: string) => api.delete<void>(`/api/stop-list/${id(value)}`),
  letters: () => api.get<{ letters: LetterInfo[] }>("/api/letters"),
  saveLetter: (kind: LetterKind, locale: LetterLocale, template: LetterTemplate) =>
    api.put<{ letter: LetterInfo }>(`/api/letters/${kind}/${locale}`, template),
  resetLetter: (kind: LetterKind, locale: LetterLocale) => api.delete<{ letter: LetterInfo }>(`/api/letters/${kind}/${locale}`),
  previewLetter: (kind: LetterKind, locale: LetterLocale, template: LetterTemplate) =>
    api.post<{ preview: LetterTemplate }>(`/api/letters/${kind}/${locale}/preview`, template),

  // SLA calendars and policies (admins change them)
  calendars: () => api.get<{ calendars: CalendarInfo[] }>("/api/sla/calendars"),
  createCalendar: (input: CalendarRequest) => api.post<{ calendar: CalendarInfo }>("/api/sla/calendars", input),
  updateCalendar: (calendarId: string, input: CalendarRequest) => api.put<{ calendar: CalendarInfo }>(`/api/sla/calendars/${id(calendarId)}`, input),
  deleteCalendar: (calendarId: string) => api.delete<void>(`/api/sla/calendars/${id(calendarId)}`),
  policies: () => api.get<{ policies: PolicyInfo[] }>("/api/sla/policies"),
  createPolicy: (input: PolicyRequest) => api.post<{ policy: PolicyInfo }>("/api/sla/policies", input),
  updatePolicy: (policyId: string, input: PolicyRequest) => api.put<{ policy: PolicyInfo }>(`/api/sla/policies/${id(policyId)}`, input),
  deletePolicy: (policyId: string) => api.delete<void>(`/api/sla/policies/${id(policyId)}`),
  reorderPolicies: (policyIds: string[]) => api.put<{ policies: PolicyInfo[] }>("/api/sla/policies/order", { policyIds }),

  // The admin panel: settings, staff and invitations (admins)
  settings: () => api.get<{ settings: Settings }>("/api/settings"),
  updateSettings: (input: SettingsRequest) => api.patch<{ settings: Settings }>("/api/settings", input),
  changeAddress: (slug: string) => api.put<{ settings: Settings }>("/api/settings/address", { slug }),
  updateStaff: (staffId: string, input: UpdateStaffRequest) => api.patch<{ staff: StaffInfo }>(`/api/staff/${id(staffId)}`, input),
  invitations: () => api.get<{ invitations: InvitationInfo[] }>("/api/invitations"),
  invite: (input: InviteRequest) => api.post<InviteResponse>("/api/invitations", input),
  revokeInvitation: (invitationId: string) => api.post<{ invitation: InvitationInfo }>(`/api/invitations/${id(invitationId)}/revoke`),
  // Joining with an invitation link (signed out)
  // A password reset link: asked for on the sign-in page, or sent by an admin (the staff page)
  requestPasswordReset: (input: PasswordResetRequest) => api.post<{ requested: true; validMinutes: number }>("/api/password-reset", input),
  passwordResetPreview: (token: string) => api.get<{ reset: PasswordResetPreview }>(`/api/password-reset/preview${queryString({ token })}`),
  completePasswordReset: (input: CompletePasswordResetRequest) => api.post<SessionResponse>("/api/password-reset/complete", input),
  sendPasswordReset: (staffId: string) => api.post<{ email: string; validUntil: string }>(`/api/staff/${id(staffId)}/password-reset`),
  invitationPreview: (token: string) => api.get<{ invitation: InvitationPreview }>(`/api/invitations/preview${queryString({ token })}`),
  acceptInvitation: (input: AcceptInvitationRequest) => api.post<SessionResponse>("/api/invitations/accept", input),

  // Plan and billing
  billing: () => api.get<{ billing: BillingSummary }>("/api/billing"),
  plans: () => api.get<{ plans: PlanInfo[] }>("/api/plans"),
  changePlan: (input: PlanChangeRequest) => api.put<{ subscription: Subscription }>("/api/billing/plan", input),
  ledger: (cursor?: string) => api.get<LedgerPage>(`/api/billing/ledger${queryString({ cursor, limit: 25 })}`),
  topUpRequests: () => api.get<{ requests: TopUpRequestInfo[] }>("/api/billing/top-up-requests"),
  requestTopUp: (input: TopUpRequest) => api.post<{ request: TopUpRequestInfo }>("/api/billing/top-up-requests", input),

  // The event log (admins)
  events: (query: EventQuery) => api.get<EventPage>(`/api/events${queryString({ ...query })}`),
  /** The address of the event log as CSV, with the same filters as `events` (no paging: every matching event). */
  eventsCsvHref: (query: EventQuery) => `/api/events/export.csv${queryString({ ...query, cursor: undefined, limit: undefined })}`,

  // Reply templates: admins write them, everyone inserts them into replies
  replyTemplates: () => api.get<{ templates: ReplyTemplateInfo[] }>("/api/reply-templates"),
  createReplyTemplate: (input: ReplyTemplateRequest) => api.post<{ template: ReplyTemplateInfo }>("/api/reply-templates", input),
  updateReplyTemplate: (templateId: string, input: ReplyTemplateRequest) =>
    api.put<{ template: ReplyTemplateInfo }>(`/api/reply-templates/${id(templateId)}`, input),
  deleteReplyTemplate: (templateId: string) => api.delete<void>(`/api/reply-templates/${id(templateId)}`),
  renderReplyTemplate: (templateId: string, ticketId: string) =>
    api.post<{ body: string }>(`/api/reply-templates/${id(templateId)}/render`, { ticketId }),
};
