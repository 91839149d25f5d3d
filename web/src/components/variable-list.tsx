import { For } from "solid-js";
import { useI18n } from "../i18n";

export interface Variable {
  /** As written in a template, e.g. "{{ customer.name }}". */
  text: string;
  /** What a click inserts, when not `text` (a block with room inside). */
  insert?: string;
  /** What it stands for, translated. */
  hint: string;
}

/** The variables a template may use (letters, reply templates): a click puts one where the cursor was. */
export function VariableList(props: { variables: readonly Variable[]; onInsert: (text: string) => void; testId?: string }) {
  const i18n = useI18n();
  return (
    <div class="variables" data-testid={props.testId}>
      <p class="field__label">
        {i18n.t("letters.variables")} <span class="muted small">· {i18n.t("letters.variablesHint")}</span>
      </p>
      <ul class="variables__list">
        <For each={props.variables}>
          {(variable) => (
            <li class="variables__item">
              <button
                type="button"
                class="variable"
                // Keeps the cursor in the field being written.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => props.onInsert(variable.insert ?? variable.text)}
                aria-label={i18n.t("letters.insert", { variable: variable.text })}
              >
                {variable.text}
              </button>
              <span class="muted small">{variable.hint}</span>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
