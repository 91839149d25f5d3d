import { Show, type JSX } from "solid-js";
import { useI18n } from "../i18n";
import { Dialog } from "./dialog";

/**
 * "Are you sure?": a title, what happens (`description`, or `children` for more), Cancel, and the confirming button
 * (focused first; red when `danger`), disabled while `busy`.
 */
export function ConfirmDialog(props: {
  title: string;
  description?: string;
  confirm: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children?: JSX.Element;
}) {
  const i18n = useI18n();
  return (
    <Dialog title={props.title} description={props.description} onClose={props.onClose} testId="confirm-dialog">
      <Show when={props.children}>{props.children}</Show>
      <div class="dialog__actions">
        <button type="button" class="button button--ghost" onClick={() => props.onClose()}>
          {i18n.t("common.cancel")}
        </button>
        <button
          type="button"
          class={`button ${props.danger ? "button--danger" : "button--primary"}`}
          disabled={props.busy}
          data-autofocus
          onClick={() => props.onConfirm()}
          data-testid="confirm"
        >
          {props.confirm}
        </button>
      </div>
    </Dialog>
  );
}
