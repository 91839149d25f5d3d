import type { TicketInfo, UpdateTicketRequest } from "../api/types";
import { priorityOf } from "./lifecycle";

/**
 * The ticket as it will be once `change` is saved, shown at once while the request is under way (and rolled back if it
 * fails). The priority follows impact and urgency as the core computes it, unless the change names one.
 */
export function applyChange(ticket: TicketInfo, change: Omit<UpdateTicketRequest, "version">): TicketInfo {
  const next: TicketInfo = { ...ticket };
  if (change.subject !== undefined) next.subject = change.subject;
  if (change.status) next.status = change.status;
  if (change.type) next.type = change.type;
  if (change.impact || change.urgency) {
    next.impact = change.impact ?? ticket.impact;
    next.urgency = change.urgency ?? ticket.urgency;
    next.priority = priorityOf(next.impact, next.urgency);
  }
  if (change.priority) next.priority = change.priority;
  if (change.departmentId) next.departmentId = change.departmentId;
  if (change.assigneeId !== undefined) next.assigneeId = change.assigneeId ?? undefined;
  if (change.tags) next.tags = [...change.tags];
  return next;
}
