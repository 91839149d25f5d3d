import { createSignal, onCleanup } from "solid-js";
import { useI18n } from "../i18n";

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Denied (permissions, an insecure origin): fall through to the selection-based copy.
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  if (!copied) throw new Error("copy failed");
}

/** Copies `text`; says so for two seconds in a live region. */
export function CopyButton(props: { text: string; label?: string; testId?: string }) {
  const i18n = useI18n();
  const [state, setState] = createSignal<"idle" | "copied" | "failed">("idle");
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const copy = async () => {
    clearTimeout(timer);
    try {
      await copyText(props.text);
      setState("copied");
    } catch {
      setState("failed");
    }
    timer = setTimeout(() => setState("idle"), 2500);
  };

  return (
    <>
      <button type="button" class="button button--secondary button--small" onClick={copy} data-testid={props.testId}>
        <svg class="button__icon" viewBox="0 0 20 20" aria-hidden="true">
          <path
            fill="currentColor"
            d="M7 2.5A1.5 1.5 0 0 0 5.5 4v1.5H4A1.5 1.5 0 0 0 2.5 7v9A1.5 1.5 0 0 0 4 17.5h9a1.5 1.5 0 0 0 1.5-1.5v-1.5H16a1.5 1.5 0 0 0 1.5-1.5V4A1.5 1.5 0 0 0 16 2.5H7Zm7.5 10.5V7A1.5 1.5 0 0 0 13 5.5H7V4h9v9h-1.5ZM4 7h9v9H4V7Z"
          />
        </svg>
        {state() === "copied" ? i18n.t("common.copied") : (props.label ?? i18n.t("common.copy"))}
      </button>
      <span class="sr-only" role="status">
        {state() === "copied" ? i18n.t("common.copied") : state() === "failed" ? i18n.t("common.copyFailed") : ""}
      </span>
      {state() === "failed" ? <span class="muted small">{i18n.t("common.copyFailed")}</span> : null}
    </>
  );
}
