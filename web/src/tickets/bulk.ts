import type { BulkAction, BulkResponse, TicketInfo, TicketPriority, TicketStatus } from "../api/types";

/** The bulk actions the queue offers, in the order of its menu. */
export const BulkKinds = ["assign", "status", "priority", "department", "addTags", "removeTags", "trash"] as const;
export type BulkKind = (typeof BulkKinds)[number];

/** What the bar's fields hold (each action reads the ones it needs). */
export interface BulkForm {
  kind: BulkKind | "";
  assigneeId: string;
  status: TicketStatus | "";
  priority: TicketPriority | "";
  departmentId: string;
  reason: string;
  tags: string;
}

export const emptyForm = (): BulkForm => ({ kind: "", assigneeId: "", status: "", priority: "", departmentId: "", reason: "", tags: "" });

/** Tags typed as "refund, vip": each one, trimmed, without empties. */
export const splitTags = (text: string) =>
  text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

/** The API's action for the form, or undefined while it misses a value (the Apply button waits for it). */
export function actionOf(form: BulkForm): BulkAction | undefined {
  switch (form.kind) {
    case "assign":
      return form.assigneeId ? { type: "assign", assigneeId: form.assigneeId === UNASSIGN ? null : form.assigneeId } : undefined;
    case "status":
      return form.status ? { type: "status", status: form.status } : undefined;
    case "priority":
      return form.priority ? { type: "priority", priority: form.priority } : undefined;
    case "department":
      return form.departmentId && form.reason.trim() ? { type: "department", departmentId: form.departmentId, reason: form.reason.trim() } : undefined;
    case "addTags":
      return splitTags(form.tags).length ? { type: "tags", add: splitTags(form.tags) } : undefined;
    case "removeTags":
      return splitTags(form.tags).length ? { type: "tags", remove: splitTags(form.tags) } : undefined;
    case "trash":
      return { type: "trash" };
    default:
      return undefined;
  }
}

/** The assignee choice that means "nobody". */
export const UNASSIGN = "-";

/** The request of a selection: its tickets in the queue's order, each with the version it was selected at. */
export function selectionRequest(tickets: readonly TicketInfo[], checked: ReadonlySet<string>, action: BulkAction) {
  const chosen = tickets.filter((t) => checked.has(t.ticketId));
  return {
    ticketIds: chosen.map((t) => t.ticketId),
    versions: Object.fromEntries(chosen.map((t) => [t.ticketId, t.version])),
    action,
  };
}

export interface BulkSummary {
  changed: number;
  unchanged: number;
  /** Each ticket not changed: its number (as the queue showed it) and why. */
  failures: { number: number | undefined; reason: NonNullable<BulkResponse["results"][number]["reason"]> }[];
}

/** What a bulk answer comes to, with the numbers the queue showed for tickets the answer does not number. */
export function summarise(response: BulkResponse, numbers: ReadonlyMap<string, number>): BulkSummary {
  return {
    changed: response.results.filter((r) => r.outcome === "changed").length,
    unchanged: response.results.filter((r) => r.outcome === "unchanged").length,
    failures: response.results
      .filter((r) => r.outcome === "failed")
      .map((r) => ({ number: r.number ?? numbers.get(r.ticketId), reason: r.reason ?? "invalid" })),
  };
}
