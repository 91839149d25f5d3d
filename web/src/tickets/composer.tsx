import { createResource, createSignal, For, onCleanup, Show } from "solid-js";
import { Frontline } from "../api/client";
import { insertAtCursor } from "../forms/insert";
import { useI18n } from "../i18n";
import { arrowStep, stepped } from "../keyboard/arrows";
import { loadDraft, saveDraft, type ComposerMode, type Draft } from "./drafts";
import { SendStatuses, type SendStatus } from "./lifecycle";
import { TemplatePicker } from "./template-picker";

const MODES: ComposerMode[] = ["reply", "note"];

export interface ComposerControl {
  /** Switches to a mode and puts the cursor in the text ("r" and "n"). */
  focus: (mode: ComposerMode) => void;
  /** Sends what is written (Ctrl/Cmd+Enter). */
  send: () => void;
}

/**
 * Reply to the customer or write an internal note, then "Send", or "Send and set status" (pending, on hold, solved).
 * The text is a draft of this ticket until it is sent: a refused send (409), a reload or a trip to the queue keep it.
 * "Insert template" puts a reply template, filled in for this ticket, where the cursor is. Under a reply, what its
 * letter adds after it (the agent's name, the workspace: the workspace's own wording, in the customer's language), as
 * sent and read-only, so that nobody signs twice.
 */
export function Composer(props: {
  ticketId: string;
  requesterName: string;
  busy: boolean;
  onSend: (mode: ComposerMode, body: string, status?: SendStatus) => Promise<boolean>;
  control?: (control: ComposerControl) => void;
}) {
  const i18n = useI18n();
  const [draft, setDraftSignal] = createSignal<Draft>(loadDraft(props.ticketId));
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [menuOpen, setMenuOpen] = createSignal(false);
  let textarea: HTMLTextAreaElement | undefined;
  let menu: HTMLDivElement | undefined;

  const setDraft = (patch: Partial<Draft>) => {
    const next = { ...draft(), ...patch };
    setDraftSignal(next);
    saveDraft(props.ticketId, next);
  };
  // Only a help: without it (an older server, a failure) the composer works as before.
  const [signature] = createResource(
    () => props.ticketId,
    async (ticketId) => (await Frontline.replySignature(ticketId)).signature,
  );
  const shownSignature = () => (draft().mode === "reply" && signature.state === "ready" && signature().text ? signature() : undefined);
  const mode = () => draft().mode;
  const text = () => draft()[mode()];
  const insert = (inserted: string) => {
    if (!textarea) return;
    const into = mode();
    insertAtCursor(textarea, text(), inserted, (next) => setDraft({ [into]: next }));
    if (error()) setError(undefined);
  };

  const send = async (status?: SendStatus) => {
    setMenuOpen(false);
    if (sending()) return;
    const body = text().trim();
    if (!body) {
      setError(i18n.t("ticket.composer.empty"));
      textarea?.focus();
      return;
    }
    setError(undefined);
    const from = document.activeElement;
    setSending(true);
    const sentMode = mode();
    try {
      if (await props.onSend(sentMode, body, status)) setDraft({ [sentMode]: "" });
    } finally {
      setSending(false);
      // The buttons are disabled while sending and the status menu closes, which drops the keyboard's focus to the
      // page: it goes back to the button that sent, or to the text when that was a menu item.
      if (!document.activeElement || document.activeElement === document.body) {
        (from instanceof HTMLButtonElement && from.isConnected ? from : textarea)?.focus();
      }
    }
  };

  props.control?.({
    focus: (next) => {
      setDraft({ mode: next });
      queueMicrotask(() => textarea?.focus());
    },
    send: () => void send(),
  });

  // The status menu closes on a click elsewhere.
  const onDocumentDown = (event: MouseEvent) => {
    if (menu && !menu.contains(event.target as Node)) setMenuOpen(false);
  };
  document.addEventListener("mousedown", onDocumentDown);
  onCleanup(() => document.removeEventListener("mousedown", onDocumentDown));

  // The tab list is one Tab stop, the chosen kind; ← and → choose the other, as in any tab list.
  const tabs: Partial<Record<ComposerMode, HTMLButtonElement>> = {};
  const onTabKey = (event: KeyboardEvent) => {
    const step = arrowStep(event.key, false);
    if (!step) return;
    event.preventDefault();
    const next = stepped(MODES, mode(), step);
    setDraft({ mode: next });
    tabs[next]?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const items = [...(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setMenuOpen(false);
      menu?.querySelector<HTMLButtonElement>(".composer__menu-button")?.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!menuOpen()) setMenuOpen(true);
      const next = event.key === "ArrowDown" ? index + 1 : index - 1;
      queueMicrotask(() => {
        const fresh = [...(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
        fresh[(next + fresh.length) % fresh.length]?.focus();
      });
    }
  };

  return (
    <section class="composer" classList={{ "composer--note": mode() === "note" }} aria-label={i18n.t("ticket.composer.label")} data-testid="composer">
      <div class="composer__tabs" role="tablist" aria-label={i18n.t("ticket.composer.modesLabel")} onKeyDown={onTabKey}>
        <For each={MODES}>
          {(option) => (
            <button
              ref={(element) => (tabs[option] = element)}
              type="button"
              role="tab"
              class="composer__tab"
              classList={{ "composer__tab--active": mode() === option }}
              aria-selected={mode() === option}
              tabindex={mode() === option ? 0 : -1}
              aria-controls="composer-text"
              data-testid={`composer-${option}`}
              onClick={() => {
                setDraft({ mode: option });
                textarea?.focus();
              }}
            >
              {i18n.t(option === "reply" ? "ticket.composer.reply" : "ticket.composer.note")}
            </button>
          )}
        </For>
      </div>
      <Show when={mode() === "note"}>
        <p class="composer__notice">{i18n.t("ticket.composer.noteNotice")}</p>
      </Show>
      <textarea
        ref={textarea}
        id="composer-text"
        role="tabpanel"
        class="composer__text"
        rows={5}
        aria-label={i18n.t(mode() === "reply" ? "ticket.composer.reply" : "ticket.composer.note")}
        aria-invalid={error() ? "true" : undefined}
        aria-describedby={[error() ? "composer-error" : "", shownSignature() ? "composer-signature" : ""].filter(Boolean).join(" ") || undefined}
        placeholder={mode() === "reply" ? i18n.t("ticket.composer.replyPlaceholder", { name: props.requesterName }) : i18n.t("ticket.composer.notePlaceholder")}
        value={text()}
        onInput={(event) => {
          setDraft({ [mode()]: event.currentTarget.value });
          if (error()) setError(undefined);
        }}
        data-testid="composer-text"
      />
      <Show when={shownSignature()}>
        {(shown) => (
          <div class="composer__signature" id="composer-signature" data-testid="composer-signature">
            <span class="composer__signature-label">{i18n.t("ticket.composer.signature")}</span>
            <span class="composer__signature-text" lang={shown().locale} data-testid="composer-signature-text">
              {shown().text}
            </span>
          </div>
        )}
      </Show>
      <div class="composer__footer">
        <Show when={error()} fallback={<span class="muted small">{i18n.t("ticket.composer.hint")}</span>}>
          <span class="field__error" id="composer-error" role="alert">
            {error()}
          </span>
        </Show>
        <div class="composer__actions" ref={menu} onKeyDown={onMenuKey}>
          <TemplatePicker ticketId={props.ticketId} disabled={sending() || props.busy} onInsert={insert} />
          <div class="menu-anchor">
            <button
              type="button"
              class="button button--secondary composer__menu-button"
              aria-haspopup="menu"
              aria-expanded={menuOpen()}
              disabled={sending() || props.busy}
              onClick={() => {
                setMenuOpen(!menuOpen());
                if (menuOpen()) queueMicrotask(() => menu?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus());
              }}
              data-testid="send-and-set"
            >
              {i18n.t("ticket.composer.sendAndSet")}
              <svg class="button__icon" viewBox="0 0 20 20" aria-hidden="true">
                <path fill="currentColor" d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
              </svg>
            </button>
            <Show when={menuOpen()}>
              <div class="menu" role="menu" aria-label={i18n.t("ticket.composer.sendAndSet")}>
                <For each={SendStatuses}>
                  {(status) => (
                    <button type="button" role="menuitem" class="menu__item" onClick={() => void send(status)} data-testid={`send-as-${status}`}>
                      <span class={`status-dot status-dot--${status}`} aria-hidden="true" />
                      {i18n.t("ticket.composer.sendAs", { status: i18n.t(`vocab.status.${status}`) })}
                    </button>
                  )}
                </For>
              </div>
            </Show>
          </div>
          <button type="button" class="button button--primary" disabled={sending() || props.busy} onClick={() => void send()} data-testid="send">
            {sending() ? i18n.t("ticket.composer.sending") : i18n.t("ticket.composer.send")}
          </button>
        </div>
      </div>
    </section>
  );
}
