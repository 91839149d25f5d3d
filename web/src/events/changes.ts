import type { EventInfo } from "../api/types";
import type { I18n } from "../i18n";
import type { EventNames } from "./sentence";

/** The fields of an event's before and after that the console names, each as the reader reads it. */
const FIELDS = [
  "name",
  "email",
  "role",
  "departmentIds",
  "staffIds",
  "addOns",
  "dailyPriceMinor",
  "balanceMinor",
  "amountMinor",
  "trialCreditMinor",
  "reference",
  "note",
  "domains",
  "emails",
  "expiresAt",
  "validUntil",
  "owner",
  "status",
  "priority",
  "subject",
  "phone",
  "timeZone",
  "locale",
  "description",
] as const;
type Field = (typeof FIELDS)[number];

const isField = (field: string): field is Field => (FIELDS as readonly string[]).includes(field);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The longest value shown whole; the CSV download has every value. */
const LONGEST = 160;

/**
 * An event's changes as lines a person reads, "Role: Agent → Supervisor", "Departments: Support, Payments": fields by
 * their names, staff and departments by theirs, roles and statuses by the catalogue's words, amounts and times as the
 * reader writes them. A field or value the console has no words for (a code, a nested setting) is not shown as data:
 * the last line says how many more changes the CSV download has.
 */
export function readableChanges(event: EventInfo, i18n: I18n, names: EventNames): string[] {
  if (!isRecord(event.before) && !isRecord(event.after)) return [];
  const was = isRecord(event.before) ? event.before : {};
  const now = isRecord(event.after) ? event.after : {};
  const changed = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((field) => JSON.stringify(was[field]) !== JSON.stringify(now[field]));
  const lines: string[] = [];
  let unsaid = 0;
  for (const field of changed) {
    const before = isRecord(event.before) ? shown(field, was[field]) : undefined;
    const after = isRecord(event.after) ? shown(field, now[field]) : undefined;
    if (!isField(field) || before === null || after === null) {
      unsaid++;
      continue;
    }
    const label = i18n.t(`eventText.fields.${field}`);
    if (before !== undefined && after !== undefined) lines.push(i18n.t("ticket.history.change", { field: label, from: before, to: after }));
    else lines.push(i18n.t("eventText.value", { field: label, value: (after ?? before)! }));
  }
  if (unsaid) lines.push(i18n.t("eventText.moreInCsv", { count: unsaid }));
  return lines;

  /** A value as words, or null when it has none the reader would understand. */
  function shown(field: string, value: unknown): string | null {
    if (value === null || value === undefined || value === "") return i18n.t("common.none");
    if (typeof value === "boolean") return value ? i18n.t("eventText.yes") : i18n.t("eventText.no");
    if (field === "role") return i18n.lookup(`roles.${String(value)}`) ?? null;
    if (field === "status") return i18n.lookup(`vocab.status.${String(value)}`) ?? null;
    if (field === "priority") return i18n.lookup(`vocab.priority.${String(value)}`) ?? null;
    if (field === "departmentIds" || field === "staffIds") {
      if (!Array.isArray(value)) return null;
      if (!value.length) return i18n.t("common.none");
      return value
        .map((id) =>
          field === "staffIds"
            ? (names.staff(String(id)) ?? i18n.t("eventText.formerStaff"))
            : (names.department(String(id)) ?? i18n.t("eventText.formerDepartment")),
        )
        .join(", ");
    }
    if (field.endsWith("Minor")) {
      if (typeof value !== "number") return null;
      return new Intl.NumberFormat(i18n.locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value / 100);
    }
    if (field === "expiresAt" || field === "validUntil") return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? i18n.dateTime(value) : null;
    if (Array.isArray(value)) {
      if (!value.every((v) => typeof v === "string")) return null;
      return value.length ? cut(value.join(", ")) : i18n.t("common.none");
    }
    if (typeof value === "number") return new Intl.NumberFormat(i18n.locale()).format(value);
    if (typeof value === "string") return cut(value);
    return null;
  }
}

const cut = (text: string): string => (text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text);
