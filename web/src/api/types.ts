/**
 * Shapes of the API's responses. Domain types come from the core as types only: nothing of the core's runtime code
 * (DynamoDB, argon2, node built-ins) ever reaches the browser bundle.
 */
import type { Billing } from "@frontline/core/billing";
import type { Customer } from "@frontline/core/customer";
import type { Department } from "@frontline/core/department";
import type { Letters, Mail, Outbox, StopList } from "@frontline/core/email";
import type { FieldIssue } from "@frontline/core/error";
import type { Event } from "@frontline/core/event";
import type { Notification } from "@frontline/core/notification";
import type { Plan } from "@frontline/core/plan";
import type { ReplyTemplate } from "@frontline/core/reply-template";
import type { Search } from "@frontline/core/search";
import type { Sla } from "@frontline/core/sla";
import type { Staff } from "@frontline/core/staff";
import type { Invitation } from "@frontline/core/staff/invitation";
import type { PasswordReset } from "@frontline/core/staff/password-reset";
import type { Tenant } from "@frontline/core/tenant";
import type { Ticket } from "@frontline/core/ticket";
import type { SavedView } from "@frontline/core/view";

export type { FieldIssue };
export type StaffInfo = Staff.Info;
export type Role = Staff.Role;
export type TenantInfo = Tenant.Info;
export type PlanInfo = Plan.Info;
export type BillingAccount = Billing.Account;
export type LedgerEntry = Billing.LedgerEntry;
export type DepartmentInfo = Department.Info;

export type TicketInfo = Ticket.Info;
export type MessageInfo = Ticket.MessageInfo;
export type TicketDetail = Ticket.Detail;
export type LinkRole = Ticket.LinkRole;
export type LinkInfo = Ticket.LinkInfo;
export type TicketPermissions = Ticket.Detail["permissions"];
export type TicketStatus = Ticket.Lifecycle.Status;
export type TicketPriority = Ticket.Lifecycle.Priority;
export type TicketLevel = Ticket.Lifecycle.Level;
export type TicketType = Ticket.Lifecycle.Type;
export type TicketOrigin = Ticket.Lifecycle.Origin;
export type QueueView = Ticket.Queue.View;
export type QueueSort = Ticket.Queue.Sort;
export type CustomerInfo = Customer.Info;
export type OrganizationInfo = Customer.Organization.Info;
export type RequesterInput = Customer.RequesterInput;
export type EventInfo = Event.Info;

/** The body of every non-2xx response. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    requestId: string;
    issues?: FieldIssue[];
    retryAfterSeconds?: number;
    /** On a 409 for a stale version: the ticket as it is now. */
    current?: unknown;
  };
}

export type SignupRequest = Tenant.SignupInput;

export interface LoginRequest {
  slug: string;
  email: string;
  password: string;
}

/** POST /api/signup (201) and POST /api/auth/login (200). */
export interface SessionResponse {
  tenant: TenantInfo;
  staff: StaffInfo;
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** GET /api/me: the signed-in staff member, and their workspace's plan, subscription and balance. */
export type Me = { staff: StaffInfo } & Awaited<ReturnType<typeof Billing.overview>>;
/** Where the balance stands: the days it covers, and the grace period once it is below zero. */
export type BillingStanding = Me["billing"];

export interface DepartmentsResponse {
  departments: DepartmentInfo[];
}

/** GET /api/billing/ledger: a page of the balance's history, newest first. */
export interface LedgerPage {
  entries: LedgerEntry[];
  cursor: string | null;
}

/** GET /api/tickets: a page of a queue. The filters are the query's; the cursor continues where the page ended. */
export interface QueueQuery {
  view: QueueView;
  departmentId?: string;
  assigneeId?: string;
  status?: TicketStatus;
  priority?: TicketPriority;
  type?: TicketType;
  tag?: string;
  sort: QueueSort;
  cursor?: string;
  limit?: number;
}

export interface TicketPage {
  tickets: TicketInfo[];
  cursor: string | null;
}

/** GET /api/tickets/counts: each view's count, and each visible department's unsolved tickets. */
export interface TicketCounts {
  views: Partial<Record<QueueView, number>>;
  departments: Record<string, number>;
}

export type CreateTicketRequest = Ticket.CreateInput;
export type UpdateTicketRequest = Ticket.UpdateInput;

/** POST /api/tickets/bulk: one action on a selection, each ticket on the version it was selected at. */
export type BulkRequest = Ticket.BulkInput;
export type BulkAction = BulkRequest["action"];
export type BulkReason = Ticket.BulkReason;
export interface BulkResult {
  ticketId: string;
  number?: number;
  outcome: "changed" | "unchanged" | "failed";
  reason?: BulkReason;
  message?: string;
  version?: number;
}
export interface BulkResponse {
  changed: number;
  failed: number;
  results: BulkResult[];
}

/** /api/views: saved queue filters, a person's own and the workspace's shared ones. */
export type SavedViewInfo = SavedView.Info;
export type SavedViewFilters = SavedView.Filters;
export type SavedViewCount = SavedView.Count;
export type CreateViewRequest = { name: string; shared?: boolean; query: SavedViewFilters };
export type UpdateViewRequest = { name?: string; shared?: boolean };
export type ReplyRequest = Parameters<typeof Ticket.reply>[1];
export type NoteRequest = Parameters<typeof Ticket.note>[1];

/** GET /api/customers/:id */
export interface CustomerDetail {
  customer: CustomerInfo;
  organization: OrganizationInfo | null;
  /** The customer a merged record was merged into (whose page has its addresses and tickets now). */
  mergedInto: { customerId: string; name: string } | null;
  tickets: TicketInfo[];
  cursor: string | null;
}

/** GET /api/customers */
export interface CustomerPage {
  customers: CustomerInfo[];
  cursor: string | null;
}

/** PATCH /api/customers/:id */
export type UpdateCustomerRequest = { name?: string; phone?: string | null; organizationId?: string | null; locale?: CustomerInfo["locale"] & string };

export interface EventPage {
  events: EventInfo[];
  cursor: string | null;
}

export interface StaffResponse {
  staff: StaffInfo[];
}

/** GET /api/departments/:id */
export interface DepartmentDetail {
  department: DepartmentInfo;
  staffIds: string[];
}

export type CreateDepartmentRequest = Parameters<typeof Department.create>[0];
export type UpdateDepartmentRequest = Parameters<typeof Department.update>[1];

// ---------------------------------------------------------------------------------------------------------------
// The email channel (admins)

export type MailInfo = Mail.Info;
export type MailStatus = Mail.Info["status"];
export type OutboxInfo = Outbox.Info;
export type OutboxStatus = Outbox.Info["status"];
export type LetterKindAll = Outbox.Info["kind"];
export type StopEntry = StopList.Entry;
export type AddStopRequest = Parameters<typeof StopList.add>[0];
export type LetterInfo = Letters.LetterInfo;
export type LetterKind = Letters.LetterKind;
export type LetterLocale = Letters.LetterLocale;
export type LetterTemplate = Letters.Template;

/** GET /api/mail and GET /api/outbox: a page, newest first, optionally of one status. */
export interface MailQuery<S extends string> {
  status?: S;
  cursor?: string;
  limit?: number;
}

export interface MailPage {
  mail: MailInfo[];
  cursor: string | null;
}

export interface OutboxPage {
  entries: OutboxInfo[];
  cursor: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// SLA

export type CalendarInfo = Sla.CalendarInfo;
export type CalendarRequest = Parameters<typeof Sla.saveCalendar>[1];
export type Weekday = Sla.Calendar.Weekday;
export type WorkingInterval = Sla.Calendar.Interval;
export type PolicyInfo = Sla.PolicyInfo;
export type PolicyRequest = Sla.PolicyInput;
export type Escalation = Sla.Escalation;
export type EscalationAction = Sla.EscalationAction;
export type SlaState = Sla.Clock.SlaState;
export type SlaTargetState = Sla.Clock.TargetState;
export type SlaTargetName = Sla.Clock.TargetName;
export type SlaEventInfo = Ticket.SlaEventInfo;

export type NotificationInfo = Notification.Info;

/** Per kind of notification (assigned, queue, reply, mention, follow, sla): the bell and mail on or off. */
export type NotificationKind = Notification.Preferences.Kind;
export type NotificationPreferences = Notification.Preferences.Preferences;

/** GET and PUT /api/notifications/preferences. */
export interface NotificationPreferencesResponse {
  preferences: NotificationPreferences;
}

/** GET /api/notifications: the newest first, and how many of the latest are unread. */
export interface NotificationsResponse {
  notifications: NotificationInfo[];
  unread: number;
  cursor: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// The admin panel: settings, staff and invitations, plan and billing, the event log, reply templates

export type Settings = Tenant.Settings;
export type CustomerField = Tenant.CustomerField;
export type SettingsRequest = Parameters<typeof Tenant.updateSettings>[0];
export type UpdateStaffRequest = Parameters<typeof Staff.update>[1];

export type InvitationInfo = Invitation.Info;
export type InvitationPreview = Invitation.Preview;
export type InviteRequest = Parameters<typeof Invitation.create>[0];
export type InviteResponse = Awaited<ReturnType<typeof Invitation.create>>;
export type AcceptInvitationRequest = Parameters<typeof Invitation.accept>[0];
export type PasswordResetPreview = PasswordReset.Preview;
export type PasswordResetRequest = Parameters<typeof PasswordReset.request>[0];
export type CompletePasswordResetRequest = Parameters<typeof PasswordReset.complete>[0];

/** GET /api/billing: plan, add-ons, daily price, balance, days left, seats and today's new tickets. */
export type BillingSummary = Awaited<ReturnType<typeof Billing.summary>> & { seatsUsed: number; ticketsToday: number };
export type PlanChangeRequest = Parameters<typeof Tenant.changePlan>[0];
export type Subscription = Awaited<ReturnType<typeof Plan.subscription>>;
export type TopUpRequestInfo = Billing.TopUpRequestInfo;
export type TopUpRequest = Parameters<typeof Billing.requestTopUp>[0];

/** GET /api/events: by target, actor, action or time range (`from` inclusive, `to` exclusive), a page at a time. */
export type EventQuery = Omit<Event.ListInput, "limit"> & { limit?: number };

export type ReplyTemplateInfo = ReplyTemplate.Info;
export type ReplyTemplateRequest = Parameters<typeof ReplyTemplate.create>[0];

// ---------------------------------------------------------------------------------------------------------------
// Search (#14)

/** A piece of text as the search returns it: `match` marks the words the query found. */
export type Segment = Search.Segment;
export type SearchSort = Search.Query["sort"];

/** GET /api/search, as the console sends it: every list comma-separated; `q` is required unless a filter is given. */
export interface SearchQuery {
  q?: string;
  status?: string;
  departmentId?: string;
  /** Staff ids, `none` (unassigned) and `me`. */
  assigneeId?: string;
  priority?: string;
  tag?: string;
  customerId?: string;
  organizationId?: string;
  /** yyyy-mm-dd, days in the reader's time zone, both inclusive. */
  from?: string;
  to?: string;
  sort?: SearchSort;
  cursor?: string;
  limit?: number;
}

/** The response: tickets (counted up to 1000), and on the first page the customers and organizations found. */
export type SearchResults = Search.Results;
export type TicketSearchResult = Search.TicketResult;
export type CustomerSearchResult = Search.Results["customers"][number];
export type OrganizationSearchResult = Search.Results["organizations"][number];
