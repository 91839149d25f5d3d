import type { Billing } from "@frontline/core/billing";
import type { Event } from "@frontline/core/event";
import type { Operator } from "@frontline/core/operator";
import type { Plan } from "@frontline/core/plan";
import type { Stream } from "@frontline/core/stream";
import { queryString, requester } from "../api/client";

/**
 * The operator console's own client: the operator's session is a cookie of its own (HttpOnly, Path=/api/operator)
 * with a CSRF cookie of its own, so unsafe requests echo `fl_operator_csrf` (never the workspace's `fl_csrf`, which a
 * browser signed in to both would also hold). Failures are the tenant client's ApiError, so the shared form and
 * error helpers read them alike.
 */
export const OPERATOR_CSRF_COOKIE = "fl_operator_csrf";

export type OperatorInfo = Operator.Operator;
export type WorkspaceRow = Operator.WorkspaceRow;
export type LedgerEntry = Billing.LedgerEntry;
export type TopUpRequest = Billing.TopUpRequestInfo;
export type OpenTopUpRequest = TopUpRequest & { tenantId: string };
export type PlanInfo = Plan.Info;
/** PUT /api/operator/plans/:id: the fields to change (a null limit is unlimited). */
export type PlanUpdate = Parameters<typeof Plan.update>[1];
export type EventInfo = Event.Info;
/** A reaction to a table change that failed: parked (no longer retried), still retrying, or resolved. */
export type ReactionFailure = Stream.Failures.FailureInfo;
export type ReactionFailureStatus = ReactionFailure["status"];

export interface WorkspaceDetail {
  workspace: WorkspaceRow;
  ledger: LedgerEntry[];
  topUpRequests: TopUpRequest[];
}

export interface PaymentRequest {
  amountMinor: number;
  reference: string;
  /** The top-up request this payment answers (closed as paid). */
  requestId?: string;
}

export interface AdjustmentRequest {
  amountMinor: number;
  reason: string;
}

const request = requester(OPERATOR_CSRF_COOKIE);

const id = (value: string) => encodeURIComponent(value);
const base = "/api/operator";

/** The operator API's endpoints, typed. */
export const OperatorApi = {
  login: (input: { email: string; password: string }) => request<{ operator: OperatorInfo; expiresAt: string }>("POST", `${base}/login`, input),
  logout: () => request<void>("POST", `${base}/logout`),
  me: () => request<{ operator: OperatorInfo }>("GET", `${base}/me`),
  workspaces: (cursor?: string) =>
    request<{ workspaces: WorkspaceRow[]; cursor: string | null }>("GET", `${base}/workspaces${queryString({ cursor, limit: 50 })}`),
  workspace: (tenantId: string) => request<WorkspaceDetail>("GET", `${base}/workspaces/${id(tenantId)}`),
  recordPayment: (tenantId: string, input: PaymentRequest) =>
    request<{ workspace: WorkspaceRow }>("POST", `${base}/workspaces/${id(tenantId)}/payments`, input),
  recordAdjustment: (tenantId: string, input: AdjustmentRequest) =>
    request<{ workspace: WorkspaceRow }>("POST", `${base}/workspaces/${id(tenantId)}/adjustments`, input),
  dismissTopUpRequest: (tenantId: string, requestId: string) =>
    request<void>("POST", `${base}/workspaces/${id(tenantId)}/top-up-requests/${id(requestId)}/dismiss`),
  openTopUpRequests: () => request<{ requests: OpenTopUpRequest[] }>("GET", `${base}/top-up-requests`),
  plans: () => request<{ plans: PlanInfo[] }>("GET", `${base}/plans`),
  updatePlan: (planId: string, input: PlanUpdate) => request<{ plan: PlanInfo }>("PUT", `${base}/plans/${id(planId)}`, input),
  events: (query: { action?: string; cursor?: string }) =>
    request<{ events: EventInfo[]; cursor: string | null }>("GET", `${base}/events${queryString({ ...query, limit: 50 })}`),
  reactionFailures: (query: { status: ReactionFailureStatus; cursor?: string }) =>
    request<{ failures: ReactionFailure[]; cursor: string | null }>("GET", `${base}/reactions/failures${queryString({ ...query, limit: 50 })}`),
  /** Runs a failed reaction again: the resolved failure, or a 409 with the new error. */
  reprocessReaction: (failureId: string) => request<{ failure: ReactionFailure }>("POST", `${base}/reactions/failures/${id(failureId)}/reprocess`),
};
