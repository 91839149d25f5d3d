import { Show, splitProps, type JSX } from "solid-js";

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  type?: "text" | "email" | "password" | "date";
  error?: string | undefined;
  hint?: JSX.Element;
  autocomplete?: string;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  autofocus?: boolean;
  spellcheck?: boolean;
  inputMode?: "text" | "email" | "numeric" | "decimal";
  maxLength?: number;
  /** The id of a <datalist> of suggestions. */
  list?: string;
  /** Smaller, for a row of filters (as SelectField's). */
  compact?: boolean;
}

/** A labelled input with its hint and its error, wired for screen readers (aria-invalid, aria-describedby). */
export function TextField(props: TextFieldProps) {
  const [local] = splitProps(props, ["id", "error", "hint"]);
  const hintId = () => `${local.id}-hint`;
  const errorId = () => `${local.id}-error`;
  const describedBy = () =>
    [local.error ? errorId() : undefined, local.hint ? hintId() : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field" classList={{ "field--invalid": Boolean(local.error), "field--compact": Boolean(props.compact) }}>
      <label class="field__label" for={local.id}>
        {props.label}
      </label>
      <input
        id={local.id}
        name={local.id}
        class="input"
        type={props.type ?? "text"}
        value={props.value}
        onInput={(event) => props.onValue(event.currentTarget.value)}
        autocomplete={props.autocomplete}
        placeholder={props.placeholder}
        required={props.required}
        disabled={props.disabled}
        autofocus={props.autofocus}
        spellcheck={props.spellcheck}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        list={props.list}
        aria-invalid={local.error ? "true" : undefined}
        aria-describedby={describedBy()}
      />
      <Show when={local.error}>
        <p class="field__error" id={errorId()}>
          {local.error}
        </p>
      </Show>
      <Show when={local.hint}>
        <div class="field__hint" id={hintId()}>
          {local.hint}
        </div>
      </Show>
    </div>
  );
}
