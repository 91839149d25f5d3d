import type { EventInfo, MessageInfo } from "../api/types";
import type { I18n } from "../i18n";

/** How to name the staff members and departments that thread entries and events refer to by id. */
export interface Names {
  staff: (staffId: string) => string | undefined;
  department: (departmentId: string) => string | undefined;
}

const label = (i18n: I18n, group: "status" | "priority" | "level" | "type", value: unknown): string => {
  if (value === null || value === undefined || value === "") return i18n.t("common.none");
  return i18n.lookup(`vocab.${group}.${String(value)}`) ?? String(value);
};

/** An SLA target by name ("First response"); one the console does not know shows as the API names it. */
const targetLabel = (i18n: I18n, target: unknown): string =>
  typeof target === "string" && target ? (i18n.lookup(`sla.targets.${target}`) ?? target) : i18n.t("common.none");

/**
 * A system entry of the thread as one line: "Dana changed status from New to Open", "Dana redirected the ticket to
 * Payments: wrong department". Actions the console does not know yet show as "name: action".
 */
export function systemLine(message: MessageInfo, i18n: I18n, names: Names): string {
  const name = message.author.name;
  const system = message.system ?? { action: "unknown" };
  switch (system.action) {
    case "status":
      return i18n.t("ticket.system.status", { name, from: label(i18n, "status", system.from), to: label(i18n, "status", system.to) });
    case "assign":
      if (!system.to) return i18n.t("ticket.system.unassign", { name });
      if (system.to === message.author.id) return i18n.t("ticket.system.take", { name });
      return i18n.t("ticket.system.assign", { name, to: names.staff(system.to) ?? i18n.t("common.none") });
    case "redirect": {
      const to = (system.to && names.department(system.to)) || i18n.t("common.none");
      return system.reason
        ? i18n.t("ticket.system.redirectWithReason", { name, to, reason: system.reason })
        : i18n.t("ticket.system.redirect", { name, to });
    }
    case "delete":
      return i18n.t("ticket.system.delete", { name });
    case "restore":
      return i18n.t("ticket.system.restore", { name });
    case "priority":
      return i18n.t("ticket.system.priority", { name, from: label(i18n, "priority", system.from), to: label(i18n, "priority", system.to) });
    case "sla_warning":
      return i18n.t("ticket.system.slaWarning", { target: targetLabel(i18n, system.to), policy: system.reason ?? i18n.t("common.none") });
    case "sla_breach":
      return i18n.t("ticket.system.slaBreach", { target: targetLabel(i18n, system.to), policy: system.reason ?? i18n.t("common.none") });
    case "undelivered":
      return i18n.t("ticket.system.undelivered", { reason: system.reason ?? i18n.t("common.none") });
    case "suppressed":
      return i18n.t("ticket.system.suppressed", { reason: system.reason ?? i18n.t("common.none") });
    default:
      return i18n.t("ticket.system.other", { name, action: system.action });
  }
}

const FIELD_LABELS: Record<string, "ticket.status" | "ticket.priority" | "ticket.impact" | "ticket.urgency" | "ticket.type" | "ticket.tags" | "ticket.history.subject"> = {
  status: "ticket.status",
  priority: "ticket.priority",
  impact: "ticket.impact",
  urgency: "ticket.urgency",
  type: "ticket.type",
  tags: "ticket.tags",
  subject: "ticket.history.subject",
};

const GROUPS: Record<string, "status" | "priority" | "level" | "type" | undefined> = {
  status: "status",
  priority: "priority",
  impact: "level",
  urgency: "level",
  type: "type",
};

function show(i18n: I18n, field: string, value: unknown): string {
  const group = GROUPS[field];
  if (group) return label(i18n, group, value);
  if (Array.isArray(value)) return value.length ? value.join(", ") : i18n.t("common.none");
  if (value === null || value === undefined || value === "") return i18n.t("common.none");
  return String(value);
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** An event of the ticket's history as a headline and its detail lines ("Priority: Normal → Urgent"). */
export function eventLines(event: EventInfo, i18n: I18n, names: Names): { title?: string; lines: string[] } {
  const before = record(event.before);
  const after = record(event.after);
  const reason = event.reason ? [i18n.t("ticket.history.reason", { reason: event.reason })] : [];
  const staffName = (id: unknown) => (typeof id === "string" && id ? (names.staff(id) ?? id) : i18n.t("common.none"));
  const departmentName = (id: unknown) => (typeof id === "string" && id ? (names.department(id) ?? id) : i18n.t("common.none"));
  const changes = (keys: string[]) =>
    keys
      .filter((key) => key !== "preview" && key !== "kind" && key in after)
      .map((key) =>
        i18n.t("ticket.history.change", {
          field: FIELD_LABELS[key] ? i18n.t(FIELD_LABELS[key]) : key,
          from: show(i18n, key, before[key]),
          to: show(i18n, key, after[key]),
        }),
      );
  switch (event.action) {
    case "ticket.create":
      return { title: i18n.t("ticket.history.create"), lines: [] };
    case "ticket.update":
      return { lines: changes(Object.keys(after)) };
    case "ticket.assign":
      return {
        lines: [
          i18n.t("ticket.history.change", { field: i18n.t("ticket.assignee"), from: staffName(before.assigneeId), to: staffName(after.assigneeId) }),
          ...reason,
        ],
      };
    case "ticket.redirect":
      return {
        lines: [
          i18n.t("ticket.history.change", {
            field: i18n.t("ticket.department"),
            from: departmentName(before.departmentId),
            to: departmentName(after.departmentId),
          }),
          ...reason,
        ],
      };
    case "ticket.reply":
      return {
        title: i18n.t("ticket.history.reply"),
        lines: [
          ...changes(["status"]),
          ...(after.assigneeId
            ? [i18n.t("ticket.history.change", { field: i18n.t("ticket.assignee"), from: i18n.t("common.none"), to: staffName(after.assigneeId) })]
            : []),
        ],
      };
    case "ticket.note":
      return { title: i18n.t("ticket.history.note"), lines: [] };
    case "ticket.delete":
      return { title: i18n.t("ticket.history.delete"), lines: [] };
    case "ticket.restore":
      return { title: i18n.t("ticket.history.restore"), lines: [] };
    case "sla.warning":
    case "sla.breach": {
      const target = targetLabel(i18n, after.target);
      const actions = Array.isArray(after.actions) ? after.actions.map((a) => i18n.lookup(`sla.actions.${String(a)}`) ?? String(a)) : [];
      return {
        title: event.action === "sla.warning" ? i18n.t("ticket.history.slaWarning", { target }) : i18n.t("ticket.history.slaBreach", { target }),
        lines: actions.length ? [i18n.t("ticket.history.slaActions", { actions: actions.join(", ") })] : [],
      };
    }
    default:
      return { title: event.action, lines: reason };
  }
}
