import { onCleanup } from "solid-js";

/**
 * Keyboard shortcuts in the style of Gmail and Zendesk: single keys ("j", "?"), chords ("mod+enter", where mod is Ctrl
 * or Cmd) and two-key sequences ("g i"). They never fire while the reader types in a field (Esc there leaves the
 * field instead), unless a shortcut says so (sending with mod+enter), nor behind an open dialog.
 */
export interface Shortcut {
  keys: string;
  run: (event: KeyboardEvent) => void;
  /** Also while the focus is in a text field (for chords such as mod+enter). */
  whileTyping?: boolean;
  /** When this returns false the key is left alone, as if unbound. */
  when?: () => boolean;
}

const SEQUENCE_TIMEOUT_MS = 1500;

/** Is the reader typing: the focus in a text input, a text area, a select or editable content? */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.tagName !== "string") return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag !== "input") return false;
  const type = ((element as HTMLInputElement).type || "text").toLowerCase();
  return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(type);
}

/** A control that Enter or Space activates by itself (a button, a link, a menu item): those keys stay its own. */
function activatesOnEnter(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== "function") return false;
  return element.closest('button, a[href], summary, [role="button"], [role="menuitem"], [role="option"], [role="tab"]') !== null;
}

/**
 * The key as the shortcuts name it: by the character typed, except where a keyboard layout puts another character on
 * the key (Ukrainian, Russian and Kazakh layouts type "о" on J and "." on the / key), where it is named by the key's
 * place, as on the US layout the shortcuts are written for: "j", "/", "?".
 */
function shortcutKey(event: Pick<KeyboardEvent, "key" | "shiftKey"> & { code?: string }): string {
  const code = event.code ?? "";
  if (code === "Slash" && event.key !== "/" && event.key !== "?") return event.shiftKey ? "?" : "/";
  if (event.key.length === 1 && /[^\x20-\x7e]/.test(event.key) && /^Key[A-Z]$/.test(code)) return code.slice(3);
  return event.key;
}

/** A key press as a shortcut name: "j", "?", "shift+j", "enter", "mod+enter", "arrowdown". */
export function keyName(event: Pick<KeyboardEvent, "ctrlKey" | "metaKey" | "altKey" | "shiftKey"> & { key: string; code?: string }): string {
  const typed = shortcutKey(event);
  const key = typed.toLowerCase();
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push("mod");
  if (event.altKey) parts.push("alt");
  // Shift is part of "?" itself; it only counts with letters and named keys.
  if (event.shiftKey && (typed.length > 1 || /^[a-z]$/i.test(typed))) parts.push("shift");
  parts.push(key === " " ? "space" : key);
  return parts.join("+");
}

/** Is a dialog open over the page? Shortcuts of the page wait until it closes. */
function modalOpen(): boolean {
  return typeof document !== "undefined" && document.querySelector('[aria-modal="true"]') !== null;
}

/** A keydown handler for `shortcuts` (read anew on each key press, so they may depend on the page's state). */
export function shortcutHandler(shortcuts: () => Shortcut[]): (event: KeyboardEvent) => void {
  let pending: { key: string; at: number } | undefined;
  return (event) => {
    if (event.defaultPrevented || event.isComposing || modalOpen()) return;
    const name = keyName(event);
    if (["shift", "control", "alt", "meta"].includes(event.key.toLowerCase())) return;
    const typing = isTyping(event.target);
    if ((name === "enter" || name === "space") && activatesOnEnter(event.target)) return;
    const active = shortcuts().filter((s) => (s.when ? s.when() : true) && (!typing || s.whileTyping));

    const sequence = pending && Date.now() - pending.at < SEQUENCE_TIMEOUT_MS ? `${pending.key} ${name}` : undefined;
    pending = undefined;
    const match = (sequence && active.find((s) => s.keys === sequence)) || active.find((s) => s.keys === name);
    if (match) {
      event.preventDefault();
      match.run(event);
      return;
    }
    if (typing) {
      // Esc leaves the field, so that the page's shortcuts work again.
      if (name === "escape") (event.target as HTMLElement).blur?.();
      return;
    }
    if (active.some((s) => s.keys.startsWith(`${name} `))) {
      pending = { key: name, at: Date.now() };
      event.preventDefault();
    }
  };
}

/** Binds `shortcuts` on the document for as long as the calling component lives. */
export function useShortcuts(shortcuts: () => Shortcut[]): void {
  if (typeof document === "undefined") return;
  const handler = shortcutHandler(shortcuts);
  document.addEventListener("keydown", handler);
  onCleanup(() => document.removeEventListener("keydown", handler));
}
