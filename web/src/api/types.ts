/**
 * Shapes of the API's responses. Domain types come from the core as types only: nothing of the core's runtime code
 * (DynamoDB, argon2, node built-ins) ever reaches the browser bundle.
 */
import type { Billing } from "@frontline/core/billing";
import type { Department } from "@frontline/core/department";
import type { FieldIssue } from "@frontline/core/error";
import type { Plan } from "@frontline/core/plan";
import type { Staff } from "@frontline/core/staff";
import type { Tenant } from "@frontline/core/tenant";

export type { FieldIssue };
export type StaffInfo = Staff.Info;
export type Role = Staff.Role;
export type TenantInfo = Tenant.Info;
export type PlanInfo = Plan.Info;
export type BillingAccount = Billing.Account;
export type LedgerEntry = Billing.LedgerEntry;
export type DepartmentInfo = Department.Info;

/** The body of every non-2xx response. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    requestId: string;
    issues?: FieldIssue[];
    retryAfterSeconds?: number;
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

/** GET /api/me */
export interface Me {
  staff: StaffInfo;
  tenant: TenantInfo;
  plan: PlanInfo;
  billing: BillingAccount;
  inboundAddress: string;
}

export interface DepartmentsResponse {
  departments: DepartmentInfo[];
}

export interface LedgerResponse {
  entries: LedgerEntry[];
}
