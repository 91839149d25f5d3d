import type { CustomerField, Settings, SettingsRequest } from "../api/types";
import { currentZoneName, sameZone } from "../sla/time-zones";
import { suggestSlug } from "./address";

/**
 * The settings form: its state, and the request it sends (only what changed, so that the event log records the
 * change that was made and nothing else).
 */

export const FieldTypes = ["text", "textarea", "phone", "select"] as const satisfies readonly CustomerField["type"][];
export type FieldType = (typeof FieldTypes)[number];

export interface FieldForm {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** A select's options, one a line. */
  options: string;
  /** The key follows the label until someone types a key of their own (or the field was saved with one). */
  keyTouched: boolean;
}

export interface SettingsForm {
  name: string;
  timeZone: string;
  locale: string;
  customerFields: FieldForm[];
}

export function settingsForm(settings: Settings): SettingsForm {
  return {
    name: settings.name,
    // A zone saved under its old name (Europe/Kiev) shows under its current one (Europe/Kyiv).
    timeZone: currentZoneName(settings.timeZone),
    locale: settings.locale,
    customerFields: settings.customerFields.map((field) => ({
      key: field.key,
      label: field.label,
      type: field.type,
      required: field.required,
      options: (field.options ?? []).join("\n"),
      keyTouched: true,
    })),
  };
}

export function newField(): FieldForm {
  return { key: "", label: "", type: "text", required: false, options: "", keyTouched: false };
}

/** A field's key from its label: "Order number" -> "order_number", "Номер заказа" -> "nomer_zakaza". */
export function fieldKeyFor(label: string): string {
  const key = suggestSlug(label).replace(/-/g, "_");
  return (/^[a-z]/.test(key) ? key : key ? `f_${key}` : "").slice(0, 40);
}

function fieldRequest(field: FieldForm): CustomerField {
  const options = field.options
    .split("\n")
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    key: field.key.trim(),
    label: field.label.trim(),
    type: field.type,
    required: field.required,
    ...(field.type === "select" ? { options } : {}),
  };
}

/** What the form changes of `settings`, as PATCH /api/settings takes it (empty: nothing to save). */
export function settingsChanges(form: SettingsForm, settings: Settings): SettingsRequest {
  const changes: SettingsRequest = {};
  if (form.name.trim() !== settings.name) changes.name = form.name.trim();
  if (!sameZone(form.timeZone, settings.timeZone)) changes.timeZone = form.timeZone;
  if (form.locale !== settings.locale) changes.locale = form.locale as SettingsRequest["locale"];
  // Both sides the way they would be sent, so that the comparison sees only real changes.
  const fields = form.customerFields.map(fieldRequest);
  const before = settingsForm(settings).customerFields.map(fieldRequest);
  if (JSON.stringify(fields) !== JSON.stringify(before)) changes.customerFields = fields;
  return changes;
}
