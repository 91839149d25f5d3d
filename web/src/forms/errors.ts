import { ApiError } from "../api/client";
import type { I18n } from "../i18n";
import type { Catalogue } from "../i18n/en";

export interface FormErrors {
  /** One message per field, by the field's path as the API names it ("slug", "email"...). */
  fields: Record<string, string>;
  /** A message for the form as a whole. */
  form?: string;
}

/** A failure as one sentence for the reader: translated when we know the case, else the server's own message. */
export function errorMessage(error: unknown, i18n: I18n): string {
  if (error instanceof ApiError) {
    if (error.code === "network") return i18n.t("errors.network");
    if (error.status >= 500 && error.status !== 501) return i18n.t("errors.internal", { requestId: error.requestId ?? "—" });
    return error.message;
  }
  return i18n.t("errors.internal", { requestId: "—" });
}

/**
 * Spreads a failed submission over the form: each server issue under its field (translated when the catalogue has
 * `issues.<form>.<field>.<code>`, else the server's message); anything else at the top of the form. `fieldOf` maps an
 * issue's path to the field that shows it (e.g. "tags.2" to "tags").
 */
export function formErrors(
  error: unknown,
  i18n: I18n,
  form: keyof Catalogue["issues"],
  fields: readonly string[],
  fieldOf: (path: string) => string = (path) => path,
): FormErrors {
  const result: FormErrors = { fields: {} };
  if (error instanceof ApiError) {
    for (const issue of error.issues) {
      const field = fieldOf(issue.path);
      if (fields.includes(field)) {
        result.fields[field] ??= i18n.lookup(`issues.${form}.${field}.${issue.code}`) ?? issue.message;
      } else {
        result.form ??= issue.message;
      }
    }
  }
  if (!result.form && Object.keys(result.fields).length === 0) result.form = errorMessage(error, i18n);
  return result;
}

/** After a failed submission, put the keyboard where the first problem is (or on `fallback`). */
export function focusFirstInvalid(form: HTMLFormElement | undefined, fallback?: string) {
  queueMicrotask(() => {
    const target =
      form?.querySelector<HTMLInputElement>('[aria-invalid="true"]') ??
      (fallback ? form?.querySelector<HTMLInputElement>(`#${fallback}`) : null);
    target?.focus();
  });
}
