import type { Priority } from "../ticket/lifecycle";
import type { TargetName } from "./clock";
import type { EscalationAction, PolicyInfo } from "./index";

/**
 * What an SLA warning or breach does to a ticket, decided from the policy's escalations: whom it alerts, and whether
 * the ticket's priority rises, or it moves to another department or person. Pure: the ticket module writes the
 * decision as one change of the ticket; the alerts themselves (letters, the console's bell) follow by reaction.
 */

const PRIORITY_UP: { [P in Priority]: Priority } = { low: "normal", normal: "high", high: "urgent", urgent: "urgent" };

export interface StaffForEscalation {
  staffId: string;
  role: string;
  status: string;
  departmentIds: readonly string[];
}

export interface EscalationInput {
  ticket: { priority: Priority; departmentId: string; assigneeId?: string };
  policy: PolicyInfo | undefined;
  kind: "warning" | "breach";
  target: TargetName;
  staff: readonly StaffForEscalation[];
  /** Departments that take tickets (not archived). */
  openDepartments: ReadonlySet<string>;
  /** Does this staff member work that department (their role may see all of them)? */
  worksIn: (staff: StaffForEscalation, departmentId: string) => boolean;
}

/** A system entry for the ticket's thread. */
export interface Entry {
  action: string;
  from?: string;
  to?: string;
  reason?: string;
}

export interface Decision {
  priority?: Priority;
  departmentId?: string;
  /** A new assignee, or null when the ticket becomes unassigned. */
  assigneeId?: string | null;
  entries: Entry[];
  /** Active staff to alert. */
  recipients: string[];
  /** The escalation actions taken, by name. */
  done: string[];
}

/** The escalations of a policy that apply to a warning or a breach of a target. */
export function escalationsFor(policy: PolicyInfo | undefined, on: "warning" | "breach", target: TargetName): EscalationAction[] {
  return (policy?.escalations ?? []).filter((e) => e.on === on && (e.target === "any" || e.target === target)).flatMap((e) => e.actions);
}

export function decide(input: EscalationInput): Decision {
  const { ticket, kind, staff } = input;
  const decision: Decision = { entries: [], recipients: [], done: [] };
  const notify = new Set<string>();
  const reason = `SLA ${kind}`;
  for (const action of escalationsFor(input.policy, kind, input.target)) {
    switch (action.type) {
      case "notify_assignee":
        if (ticket.assigneeId) notify.add(ticket.assigneeId);
        break;
      case "notify_supervisors":
        for (const s of staff) if (s.role === "supervisor" && s.status === "active" && s.departmentIds.includes(ticket.departmentId)) notify.add(s.staffId);
        break;
      case "notify_staff":
        for (const id of action.staffIds) notify.add(id);
        break;
      case "raise_priority": {
        const current = decision.priority ?? ticket.priority;
        if (PRIORITY_UP[current] !== current) {
          decision.priority = PRIORITY_UP[current];
          decision.entries.push({ action: "priority", from: current, to: decision.priority });
        }
        break;
      }
      case "reassign": {
        const departmentId = action.departmentId && action.departmentId !== ticket.departmentId ? action.departmentId : undefined;
        if (departmentId && input.openDepartments.has(departmentId)) {
          decision.departmentId = departmentId;
          decision.entries.push({ action: "redirect", from: ticket.departmentId, to: departmentId, reason });
        }
        const departmentAfter = decision.departmentId ?? ticket.departmentId;
        const assignee = action.assigneeId ? staff.find((s) => s.staffId === action.assigneeId && s.status === "active") : undefined;
        const keep = ticket.assigneeId ? staff.find((s) => s.staffId === ticket.assigneeId) : undefined;
        if (assignee && input.worksIn(assignee, departmentAfter)) {
          if (assignee.staffId !== ticket.assigneeId) {
            decision.assigneeId = assignee.staffId;
            decision.entries.push({ action: "assign", from: ticket.assigneeId, to: assignee.staffId, reason });
          }
        } else if (decision.departmentId && keep && !input.worksIn(keep, departmentAfter)) {
          decision.assigneeId = null;
          decision.entries.push({ action: "assign", from: ticket.assigneeId, reason });
        }
        break;
      }
    }
    if (!decision.done.includes(action.type)) decision.done.push(action.type);
  }
  decision.recipients = staff.filter((s) => notify.has(s.staffId) && s.status === "active").map((s) => s.staffId);
  return decision;
}
