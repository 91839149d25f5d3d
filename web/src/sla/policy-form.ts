import type { EscalationAction, PolicyInfo, PolicyRequest, SlaTargetName, TicketPriority, TicketType } from "../api/types";
import { TargetNames } from "./countdown";

/**
 * The SLA policy form: its state (text fields as typed), the request it sends, and the checks it makes before sending
 * (the rules of the core's PolicySchema, under the API's field paths).
 */

export const ActionTypes = ["notify_assignee", "notify_supervisors", "notify_staff", "raise_priority", "reassign"] as const satisfies readonly EscalationAction["type"][];
export type ActionType = (typeof ActionTypes)[number];
export const PauseStatuses = ["pending", "on_hold"] as const;
export type PauseStatus = (typeof PauseStatuses)[number];
export type EscalationTarget = "any" | SlaTargetName;

export interface ActionForm {
  type: ActionType;
  /** For notify_staff. */
  staffIds: string[];
  /** For reassign: "" keeps the department or the assignee as it is. */
  departmentId: string;
  assigneeId: string;
}

export interface EscalationForm {
  on: "warning" | "breach";
  target: EscalationTarget;
  actions: ActionForm[];
}

export interface PolicyForm {
  name: string;
  active: boolean;
  priorities: TicketPriority[];
  types: TicketType[];
  departmentIds: string[];
  /** Minutes as typed; "" is no target. */
  targets: Record<SlaTargetName, string>;
  hours: "business" | "calendar";
  calendarId: string;
  pauseOn: PauseStatus[];
  /** As typed; "" is no warning. */
  warnPercent: string;
  escalations: EscalationForm[];
}

export const MAX_MINUTES = 525_600;

export function newAction(type: ActionType = "notify_assignee"): ActionForm {
  return { type, staffIds: [], departmentId: "", assigneeId: "" };
}

export function newEscalation(): EscalationForm {
  return { on: "breach", target: "any", actions: [newAction()] };
}

/** A new policy: calendar hours until a calendar is chosen, paused while waiting, warned at 75%. */
export function newPolicyForm(calendarId = ""): PolicyForm {
  return {
    name: "",
    active: true,
    priorities: [],
    types: [],
    departmentIds: [],
    targets: { first_response: "", next_response: "", resolution: "" },
    hours: calendarId ? "business" : "calendar",
    calendarId,
    pauseOn: ["pending", "on_hold"],
    warnPercent: "75",
    escalations: [],
  };
}

export function policyForm(policy: PolicyInfo): PolicyForm {
  const minutes = (name: SlaTargetName) => (policy.targets[name] === undefined ? "" : String(policy.targets[name]));
  return {
    name: policy.name,
    active: policy.active,
    priorities: [...policy.match.priorities] as TicketPriority[],
    types: [...policy.match.types] as TicketType[],
    departmentIds: [...policy.match.departmentIds],
    targets: { first_response: minutes("first_response"), next_response: minutes("next_response"), resolution: minutes("resolution") },
    hours: policy.hours,
    calendarId: policy.calendarId ?? "",
    pauseOn: policy.pauseOn.filter((s): s is PauseStatus => (PauseStatuses as readonly string[]).includes(s)),
    warnPercent: policy.warnPercent === undefined ? "" : String(policy.warnPercent),
    escalations: policy.escalations.map((e) => ({
      on: e.on,
      target: e.target,
      actions: e.actions.map((a) => ({
        type: a.type,
        staffIds: a.type === "notify_staff" ? [...a.staffIds] : [],
        departmentId: a.type === "reassign" ? (a.departmentId ?? "") : "",
        assigneeId: a.type === "reassign" ? (a.assigneeId ?? "") : "",
      })),
    })),
  };
}

/** A whole number typed in a field, or undefined when it is not one. */
export function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

function actionRequest(action: ActionForm): EscalationAction {
  switch (action.type) {
    case "notify_staff":
      return { type: "notify_staff", staffIds: [...action.staffIds] };
    case "reassign":
      return {
        type: "reassign",
        ...(action.departmentId ? { departmentId: action.departmentId } : {}),
        ...(action.assigneeId ? { assigneeId: action.assigneeId } : {}),
      };
    default:
      return { type: action.type };
  }
}

/** The body of POST/PUT /api/sla/policies: empty targets and warning left out, the calendar only for business hours. */
export function policyRequest(form: PolicyForm): PolicyRequest {
  const targets: Partial<Record<SlaTargetName, number>> = {};
  for (const name of TargetNames) {
    const minutes = wholeNumber(form.targets[name]);
    if (minutes !== undefined) targets[name] = minutes;
  }
  const warnPercent = wholeNumber(form.warnPercent);
  return {
    name: form.name.trim(),
    active: form.active,
    match: { priorities: [...form.priorities], types: [...form.types], departmentIds: [...form.departmentIds] },
    targets,
    hours: form.hours,
    ...(form.hours === "business" && form.calendarId ? { calendarId: form.calendarId } : {}),
    pauseOn: [...form.pauseOn],
    ...(warnPercent !== undefined ? { warnPercent } : {}),
    escalations: form.escalations.map((e) => ({ on: e.on, target: e.target, actions: e.actions.map(actionRequest) })),
  };
}

/** Problems a policy has, by the API's field path, each a key of `slaAdmin.check`. */
export type PolicyCheck = "name" | "targets" | "minutes" | "calendar" | "warn" | "actions" | "staff" | "reassign";

export function checkPolicy(form: PolicyForm): Record<string, PolicyCheck> {
  const problems: Record<string, PolicyCheck> = {};
  if (!form.name.trim()) problems.name = "name";
  let anyTarget = false;
  for (const name of TargetNames) {
    const text = form.targets[name].trim();
    if (!text) continue;
    anyTarget = true;
    const minutes = wholeNumber(text);
    if (minutes === undefined || minutes < 1 || minutes > MAX_MINUTES) problems[`targets.${name}`] = "minutes";
  }
  if (!anyTarget) problems.targets = "targets";
  if (form.hours === "business" && !form.calendarId) problems.calendarId = "calendar";
  if (form.warnPercent.trim()) {
    const percent = wholeNumber(form.warnPercent);
    if (percent === undefined || percent < 1 || percent > 99) problems.warnPercent = "warn";
  }
  form.escalations.forEach((escalation, e) => {
    if (!escalation.actions.length) problems[`escalations.${e}.actions`] = "actions";
    escalation.actions.forEach((action, a) => {
      if (action.type === "notify_staff" && !action.staffIds.length) problems[`escalations.${e}.actions.${a}`] = "staff";
      if (action.type === "reassign" && !action.departmentId && !action.assigneeId) problems[`escalations.${e}.actions.${a}`] = "reassign";
    });
  });
  return problems;
}

/**
 * Where an API issue about a policy shows in the form: an action's issues under the action, a target's under it,
 * a match list's under the list, anything else under its top-level field.
 */
export function policyFieldOf(path: string): string {
  const parts = path.split(".");
  if (parts[0] === "escalations") return parts.slice(0, parts[2] === "actions" && parts.length >= 4 ? 4 : 3).join(".");
  if (parts[0] === "targets" && parts.length >= 2) return parts.slice(0, 2).join(".");
  if (parts[0] === "match" && parts.length >= 2) return parts.slice(0, 2).join(".");
  return parts[0] ?? "";
}
