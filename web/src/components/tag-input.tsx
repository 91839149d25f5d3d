import { createSignal, For, Show } from "solid-js";
import { useI18n } from "../i18n";

/** Tags as the core stores them: trimmed, lowercase, spaces as hyphens. */
export function normaliseTag(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, "-");
}

/**
 * Tags as removable chips with a field to add more: Enter or a comma adds what was typed, Backspace in the empty field
 * removes the last tag.
 */
export function TagInput(props: {
  id: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  disabled?: boolean;
  describedBy?: string;
  invalid?: boolean;
}) {
  const i18n = useI18n();
  const [text, setText] = createSignal("");

  const add = () => {
    const tags = text()
      .split(",")
      .map(normaliseTag)
      .filter((tag) => tag && !props.tags.includes(tag));
    setText("");
    if (tags.length) props.onChange([...props.tags, ...new Set(tags)]);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add();
    } else if (event.key === "Backspace" && !text() && props.tags.length) {
      props.onChange(props.tags.slice(0, -1));
    }
  };

  return (
    <div class="tag-input" classList={{ "tag-input--disabled": Boolean(props.disabled), "tag-input--invalid": Boolean(props.invalid) }}>
      <For each={props.tags}>
        {(tag) => (
          <span class="tag">
            {tag}
            <Show when={!props.disabled}>
              <button
                type="button"
                class="tag__remove"
                aria-label={i18n.t("tagInput.remove", { tag })}
                onClick={() => props.onChange(props.tags.filter((t) => t !== tag))}
              >
                ×
              </button>
            </Show>
          </span>
        )}
      </For>
      <Show when={!props.disabled}>
        <input
          id={props.id}
          class="tag-input__field"
          value={text()}
          placeholder={props.tags.length ? "" : i18n.t("tagInput.placeholder")}
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          onBlur={add}
          maxLength={40}
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid ? "true" : undefined}
          autocomplete="off"
        />
      </Show>
    </div>
  );
}
