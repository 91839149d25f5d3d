import { For, Show, type JSX } from "solid-js";
import type { SelectOption } from "./select-field";

/**
 * A multiple choice as a row of checkable chips inside a fieldset (its legend names the choice): light to scan,
 * one click each, and announced as checkboxes. `emptyLabel` tells what choosing none means ("Any").
 */
export function CheckboxGroup(props: {
  id: string;
  legend: string;
  options: SelectOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  emptyLabel?: string;
  error?: string;
  hint?: JSX.Element;
  disabled?: boolean;
  testId?: string;
}) {
  const toggle = (value: string, on: boolean) => {
    // Kept in the order of the options, whatever the order of the clicks.
    const chosen = new Set(props.values);
    if (on) chosen.add(value);
    else chosen.delete(value);
    props.onChange(props.options.map((o) => o.value).filter((v) => chosen.has(v)));
  };
  const describedBy = () =>
    [props.error ? `${props.id}-error` : undefined, props.hint ? `${props.id}-hint` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset class="field chip-group" classList={{ "field--invalid": Boolean(props.error) }} aria-describedby={describedBy()} data-testid={props.testId}>
      <legend class="field__label">
        {props.legend}
        <Show when={props.emptyLabel && props.values.length === 0}>
          <span class="chip-group__empty"> · {props.emptyLabel}</span>
        </Show>
      </legend>
      <div class="chip-group__options">
        <For each={props.options}>
          {(option) => (
            <label class="chip" classList={{ "chip--on": props.values.includes(option.value), "chip--disabled": Boolean(props.disabled) }}>
              <input
                type="checkbox"
                class="chip__input"
                checked={props.values.includes(option.value)}
                disabled={props.disabled || option.disabled}
                onChange={(event) => toggle(option.value, event.currentTarget.checked)}
              />
              {option.label}
            </label>
          )}
        </For>
      </div>
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
    </fieldset>
  );
}
