import type { EventQuery } from "../api/types";
import { SentenceActions } from "./sentence";

/**
 * The event log's filters as the reader sets them (dates as the date inputs give them, the ticket by its number), and
 * the query they make for GET /api/events and its CSV export.
 */
export interface EventFilters {
  actorId: string;
  action: string;
  /** A ticket's number, as typed. */
  ticket: string;
  /** yyyy-mm-dd, the first day shown (from its start, in the reader's time zone). */
  from: string;
  /** yyyy-mm-dd, the last day shown (to its end). */
  to: string;
}

export const PAGE_SIZE = 50;

export function emptyFilters(): EventFilters {
  return { actorId: "", action: "", ticket: "", from: "", to: "" };
}

export function isFiltered(filters: EventFilters): boolean {
  return Object.values(filters).some((value) => value.trim() !== "");
}

/** The start of a day in the reader's time zone, as an ISO instant. */
function startOfDay(date: string, days = 0): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, day + days).toISOString();
}

/** What is wrong with the filters before asking (the ticket number, the range), by filter. */
export function checkFilters(filters: EventFilters): Partial<Record<"ticket" | "to", "ticketNumber" | "range">> {
  const problems: Partial<Record<"ticket" | "to", "ticketNumber" | "range">> = {};
  if (filters.ticket.trim() && !/^#?\d+$/.test(filters.ticket.trim())) problems.ticket = "ticketNumber";
  if (filters.from && filters.to && filters.to < filters.from) problems.to = "range";
  return problems;
}

/** The ticket number typed in the filter ("1042" or "#1042"), if any. */
export function ticketNumber(filters: EventFilters): number | undefined {
  const text = filters.ticket.trim().replace(/^#/, "");
  return text ? Number(text) : undefined;
}

/** The API's query for these filters; `ticketId` is the ticket the number was found to be. */
export function eventQuery(filters: EventFilters, ticketId?: string): EventQuery {
  return {
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.action.trim() ? { action: filters.action.trim() } : {}),
    ...(ticketId ? { targetType: "ticket", targetId: ticketId } : {}),
    ...(filters.from ? { from: startOfDay(filters.from) } : {}),
    // The end is exclusive: the start of the day after the last one shown.
    ...(filters.to ? { to: startOfDay(filters.to, 1) } : {}),
  };
}

export interface Change {
  field: string;
  from?: string;
  to?: string;
}

/** The longest value shown in full; the CSV export has every value whole. */
const LONGEST = 160;

function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * An event's before and after as one line per changed field: what it was and what it became. An event without a
 * "before" (something made) has only `to`; one without an "after" (something removed) only `from`.
 */
export function eventChanges(before: unknown, after: unknown): Change[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === undefined && after === undefined) return [];
    return [{ field: "", ...(before !== undefined ? { from: shown(before) } : {}), ...(after !== undefined ? { to: shown(after) } : {}) }];
  }
  const was = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return fields
    .filter((field) => JSON.stringify(was[field]) !== JSON.stringify(now[field]))
    .map((field) => ({
      field,
      ...(isRecord(before) ? { from: shown(was[field]) } : {}),
      ...(isRecord(after) ? { to: shown(now[field]) } : {}),
    }));
}

/**
 * Every action the log holds, in the order the action filter lists them; each is named in every catalogue under
 * `eventLog.actions` (./actions.test.ts finds the codes the core writes and fails on one missing here).
 */
export const EventActions = [
  // A ticket's story first, in the order its sentences are told.
  ...SentenceActions,
  "customer.update",
  "customer.merge",
  "organization.create",
  "organization.update",
  "staff.create",
  "staff.invite",
  "staff.invite_expire",
  "staff.invite_revoke",
  "staff.password_link",
  "staff.password_reset",
  "staff.join",
  "staff.role",
  "staff.disable",
  "staff.update",
  "department.create",
  "department.update",
  "department.archive",
  "department.restore",
  "department.delete",
  "department.staff",
  "sla_policy.create",
  "sla_policy.update",
  "sla_policy.delete",
  "sla_policy.reorder",
  "calendar.create",
  "calendar.update",
  "calendar.delete",
  "reply_template.create",
  "reply_template.update",
  "reply_template.delete",
  "letter.update",
  "letter.reset",
  "letter.resend",
  "mail.reprocess",
  "stoplist.add",
  "stoplist.remove",
  "tenant.create",
  "tenant.settings",
  "tenant.address",
  "billing.plan_change",
  "billing.top_up_request",
  "billing.trial_credit",
  "billing.daily_charge",
  "billing.top_up",
  "billing.adjustment",
  "billing.suspend",
  "billing.restore",
  "operator.login",
  "operator.payment",
  "operator.adjustment",
  "operator.plan_update",
  "operator.top_up_dismiss",
  "operator.reaction_reprocess",
] as const;

/**
 * Who a system actor is, as a key of `eventLog.systemActors`: the core names the part that acted (its id, or for the
 * generic "system" its reason, e.g. "inbound mail"); the console says it in the reader's words.
 */
export function systemActorKey(actor: { id: string; name: string }): string {
  return (actor.id === "system" ? actor.name : actor.id).toLowerCase().replace(/[^a-z]+/g, "_");
}

/** One change as a line: "field: was → now", "field: value", or the bare value of an event that has no fields. */
export function changeLine(change: Change, format: { change: (field: string, from: string, to: string) => string; value: (field: string, value: string) => string }): string {
  const value = change.to ?? change.from ?? "";
  if (!change.field) return change.from !== undefined && change.to !== undefined ? `${change.from} → ${change.to}` : value;
  return change.from !== undefined && change.to !== undefined ? format.change(change.field, change.from, change.to) : format.value(change.field, value);
}
