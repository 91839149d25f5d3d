import type { CalendarInfo, PolicyInfo } from "../api/types";
import type { I18n } from "../i18n";
import { Priorities, Types } from "../tickets/lifecycle";
import { formatMinutes, TargetNames } from "./countdown";

/** `values` in the order of `order` (the vocabulary's), whatever order they were chosen in. */
const ordered = (values: readonly string[], order: readonly string[]) => [...values].sort((a, b) => order.indexOf(a) - order.indexOf(b));

/** A policy in words for its row of the list: what it applies to, its targets, the hours it counts. */
export function policySummary(policy: PolicyInfo, i18n: I18n, names: { department: (id: string) => string | undefined; calendar: (id: string) => string | undefined }) {
  const units = { d: i18n.t("sla.units.d"), h: i18n.t("sla.units.h"), min: i18n.t("sla.units.min"), s: i18n.t("sla.units.s") };
  const parts = [
    ordered(policy.match.priorities, Priorities)
      .map((p) => i18n.lookup(`vocab.priority.${p}`) ?? p)
      .join(", "),
    ordered(policy.match.types, Types)
      .map((t) => i18n.lookup(`vocab.type.${t}`) ?? t)
      .join(", "),
    policy.match.departmentIds.map((d) => names.department(d) ?? d).join(", "),
  ].filter(Boolean);
  const targets = TargetNames.filter((name) => policy.targets[name] !== undefined).map((name) => ({
    name: i18n.t(`sla.targets.${name}`),
    time: formatMinutes(policy.targets[name]!, units),
  }));
  const hours =
    policy.hours === "calendar"
      ? i18n.t("slaAdmin.policies.calendar")
      : i18n.t("slaAdmin.policies.business", { calendar: (policy.calendarId && names.calendar(policy.calendarId)) || i18n.t("common.none") });
  return { match: parts.length ? parts.join(" · ") : i18n.t("slaAdmin.policies.anyTicket"), targets, hours };
}

export const calendarName = (calendars: readonly CalendarInfo[] | undefined) => (id: string) => calendars?.find((c) => c.calendarId === id)?.name;
