import { For, Show, type JSX } from "solid-js";

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** A labelled select with its hint and its error, wired for screen readers like TextField. */
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  options: SelectOption[];
  onValue: (value: string, event: Event & { currentTarget: HTMLSelectElement }) => void;
  error?: string;
  hint?: JSX.Element;
  disabled?: boolean;
  compact?: boolean;
  ref?: (element: HTMLSelectElement) => void;
  testId?: string;
}) {
  const describedBy = () =>
    [props.error ? `${props.id}-error` : undefined, props.hint ? `${props.id}-hint` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field" classList={{ "field--invalid": Boolean(props.error), "field--compact": Boolean(props.compact) }}>
      <label class="field__label" for={props.id}>
        {props.label}
      </label>
      <select
        ref={(element) => props.ref?.(element)}
        id={props.id}
        name={props.id}
        class="input select"
        value={props.value}
        // The whole choice at hand where a narrow select cuts its words short.
        title={props.options.find((option) => option.value === props.value)?.label}
        disabled={props.disabled}
        data-testid={props.testId}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy()}
        onChange={(event) => props.onValue(event.currentTarget.value, event)}
      >
        <For each={props.options}>
          {(option) => (
            <option value={option.value} disabled={option.disabled} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
      <Show when={props.error}>
        <p class="field__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
      <Show when={props.hint}>
        <div class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      </Show>
    </div>
  );
}
