import type { QueueSort, QueueView, TicketLevel, TicketOrigin, TicketPriority, TicketStatus, TicketType } from "../api/types";

/**
 * The ticket vocabulary the console offers, mirrored from packages/core/src/ticket/lifecycle.ts and queue.ts (the web
 * imports only types from the core; lifecycle.test.ts checks that these lists and rules still agree with it).
 */

export const Statuses = ["new", "open", "pending", "on_hold", "solved", "closed"] as const satisfies readonly TicketStatus[];
export const Priorities = ["low", "normal", "high", "urgent"] as const satisfies readonly TicketPriority[];
export const Levels = ["low", "medium", "high"] as const satisfies readonly TicketLevel[];
export const Types = [
  "incident",
  "service_request",
  "information_request",
  "documentation_request",
  "change_request",
] as const satisfies readonly TicketType[];
export const Origins = ["phone", "in_person", "chat", "other"] as const satisfies readonly TicketOrigin[];
export const Sorts = ["priority", "updated"] as const satisfies readonly QueueSort[];

/** The views of the queue sidebar, in the order shown ("department" is one entry per department, listed apart). */
export const SidebarViews = ["mine", "unassigned", "all", "pending", "on_hold", "solved", "trash"] as const satisfies readonly QueueView[];
export const Views = ["mine", "unassigned", "department", "pending", "on_hold", "solved", "trash", "all"] as const satisfies readonly QueueView[];

/** The statuses a reply or a note can set on the way out ("Send and set status"). */
export const SendStatuses = ["pending", "on_hold", "solved"] as const satisfies readonly TicketStatus[];
export type SendStatus = (typeof SendStatuses)[number];

/** The ITIL priority matrix: impact (rows) by urgency (columns). */
const MATRIX: Record<TicketLevel, Record<TicketLevel, TicketPriority>> = {
  high: { high: "urgent", medium: "high", low: "normal" },
  medium: { high: "high", medium: "normal", low: "low" },
  low: { high: "normal", medium: "low", low: "low" },
};

export function priorityOf(impact: TicketLevel, urgency: TicketLevel): TicketPriority {
  return MATRIX[impact][urgency];
}

/** May a ticket go from one status to another (closed is final, new only starts, closed only after solved)? */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  if (from === to) return true;
  if (from === "closed" || to === "new") return false;
  if (to === "closed") return from === "solved";
  return true;
}

/** The statuses to offer for a ticket now in `current`: itself, and where it may go. */
export function statusChoices(current: TicketStatus): TicketStatus[] {
  return Statuses.filter((status) => canTransition(current, status));
}

/** Which staff work a department: owners, admins and dispatchers work every one; others the ones granted. */
export function worksIn(staff: { role: string; departmentIds: readonly string[] }, departmentId: string): boolean {
  return ["owner", "admin", "dispatcher"].includes(staff.role) || staff.departmentIds.includes(departmentId);
}

/** Roles that see every department's tickets. */
export function seesAllDepartments(role: string): boolean {
  return ["owner", "admin", "dispatcher"].includes(role);
}

/** Roles that assign tickets to others (the rest take unassigned tickets for themselves). */
export function assignsOthers(role: string): boolean {
  return ["owner", "admin", "dispatcher", "supervisor"].includes(role);
}

/** Roles that configure the workspace: departments, staff, the trash. */
export function configures(role: string): boolean {
  return role === "owner" || role === "admin";
}
