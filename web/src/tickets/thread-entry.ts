import type { MessageInfo } from "../api/types";
import type { I18n } from "../i18n";

/** How to name the staff members and departments that thread entries refer to by id. */
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
    case "merge":
      return i18n.t("ticket.system.merge", { name, number: system.to ?? "" });
    case "unmerge":
      return i18n.t("ticket.system.unmerge", { name, number: system.to ?? "" });
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
