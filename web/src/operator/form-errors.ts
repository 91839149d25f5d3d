import { formErrors, type FormErrors } from "../forms/errors";
import type { I18n } from "../i18n";
import type { Catalogue } from "../i18n/en";

/**
 * The shared `formErrors` for the operator's forms, whose fields `fieldOf` names by the API's paths (amountMinor ->
 * amount). These forms check what they can before sending and have no `issues.*` translations, so the key below
 * matches none: a server issue shows in the server's words under its field.
 */
export function operatorFormErrors(error: unknown, i18n: I18n, fieldOf: Record<string, string>): FormErrors {
  return formErrors(error, i18n, "operator" as keyof Catalogue["issues"], Object.values(fieldOf), (path) => fieldOf[path] ?? path);
}
