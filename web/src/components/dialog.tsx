import { createUniqueId, onCleanup, onMount, Show, type JSX } from "solid-js";
import { Portal } from "solid-js/web";
import { useI18n } from "../i18n";

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus moves into it (to `[data-autofocus]` or the first control) and returns where it was on close,
 * Tab stays inside, Esc and the backdrop close it. Page shortcuts wait while it is open (aria-modal).
 */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: JSX.Element;
  footer?: JSX.Element;
  description?: string;
  testId?: string;
  wide?: boolean;
}) {
  const i18n = useI18n();
  const titleId = createUniqueId();
  let panel: HTMLDivElement | undefined;
  const opener = typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null);

  onMount(() => {
    const target = panel?.querySelector<HTMLElement>("[data-autofocus]") ?? panel?.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
  });
  onCleanup(() => opener?.focus?.());

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      props.onClose();
      return;
    }
    if (event.key !== "Tab" || !panel) return;
    const items = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (!items.length) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <Portal>
      <div class="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && props.onClose()}>
        <div
          ref={panel}
          class="dialog"
          classList={{ "dialog--wide": Boolean(props.wide) }}
          role="dialog"
          aria-modal="true"
          aria-labelledby={titleId}
          data-testid={props.testId}
          onKeyDown={onKeyDown}
        >
          <div class="dialog__header">
            <h2 class="dialog__title" id={titleId}>
              {props.title}
            </h2>
            <button type="button" class="icon-button" aria-label={i18n.t("common.close")} onClick={() => props.onClose()}>
              <svg viewBox="0 0 20 20" aria-hidden="true">
                <path fill="currentColor" d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4Z" />
              </svg>
            </button>
          </div>
          <Show when={props.description}>
            <p class="dialog__description">{props.description}</p>
          </Show>
          <div class="dialog__body">{props.children}</div>
          <Show when={props.footer}>
            <div class="dialog__footer">{props.footer}</div>
          </Show>
        </div>
      </div>
    </Portal>
  );
}
