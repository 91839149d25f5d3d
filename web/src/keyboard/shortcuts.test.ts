import { afterEach, describe, expect, it, vi } from "vitest";
import { isTyping, keyName, shortcutHandler, type Shortcut } from "./shortcuts";

function press(target: EventTarget, key: string, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

describe("keyboard shortcuts", () => {
  let listener: ((event: KeyboardEvent) => void) | undefined;
  const bind = (shortcuts: Shortcut[]) => {
    listener = shortcutHandler(() => shortcuts);
    document.addEventListener("keydown", listener);
  };

  afterEach(() => {
    if (listener) document.removeEventListener("keydown", listener);
    document.body.innerHTML = "";
    vi.useRealTimers();
  });

  it("names keys, chords and shifted characters", () => {
    expect(keyName({ key: "j", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })).toBe("j");
    expect(keyName({ key: "?", ctrlKey: false, metaKey: false, altKey: false, shiftKey: true })).toBe("?");
    expect(keyName({ key: "J", ctrlKey: false, metaKey: false, altKey: false, shiftKey: true })).toBe("shift+j");
    expect(keyName({ key: "Enter", ctrlKey: false, metaKey: true, altKey: false, shiftKey: false })).toBe("mod+enter");
    expect(keyName({ key: "Enter", ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBe("mod+enter");
    expect(keyName({ key: "ArrowDown", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })).toBe("arrowdown");
  });

  it("names a key by its place where a Cyrillic layout types another character on it", () => {
    const plain = { ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };
    // Ukrainian, Russian and Kazakh layouts: J types "о", the / key types "." (and "," with Shift).
    expect(keyName({ ...plain, key: "о", code: "KeyJ" })).toBe("j");
    expect(keyName({ ...plain, key: "п", code: "KeyG" })).toBe("g");
    expect(keyName({ ...plain, key: ".", code: "Slash" })).toBe("/");
    expect(keyName({ ...plain, shiftKey: true, key: ",", code: "Slash" })).toBe("?");
    expect(keyName({ ...plain, shiftKey: true, key: "О", code: "KeyJ" })).toBe("shift+j");
    // On the US layout, and for a period typed on its own key, nothing changes.
    expect(keyName({ ...plain, key: "/", code: "Slash" })).toBe("/");
    expect(keyName({ ...plain, key: ".", code: "Period" })).toBe(".");
  });

  it("tells typing in a field from pressing keys on the page", () => {
    const text = Object.assign(document.createElement("input"), { type: "text" });
    const box = Object.assign(document.createElement("input"), { type: "checkbox" });
    expect(isTyping(text)).toBe(true);
    expect(isTyping(document.createElement("textarea"))).toBe(true);
    expect(isTyping(document.createElement("select"))).toBe(true);
    expect(isTyping(box)).toBe(false);
    expect(isTyping(document.body)).toBe(false);
  });

  it("runs a key's shortcut on the page, but not while typing, except those meant for typing", () => {
    const next = vi.fn();
    const send = vi.fn();
    bind([
      { keys: "j", run: next },
      { keys: "mod+enter", run: send, whileTyping: true },
    ]);
    const area = document.body.appendChild(document.createElement("textarea"));

    expect(press(document.body, "j").defaultPrevented).toBe(true);
    expect(next).toHaveBeenCalledTimes(1);
    expect(press(area, "j").defaultPrevented).toBe(false);
    expect(next).toHaveBeenCalledTimes(1);
    press(area, "Enter", { ctrlKey: true });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("leaves Enter to a focused button or link", () => {
    const open = vi.fn();
    bind([{ keys: "enter", run: open }]);
    const button = document.body.appendChild(document.createElement("button"));
    expect(press(button, "Enter").defaultPrevented).toBe(false);
    expect(open).not.toHaveBeenCalled();
    press(document.body, "Enter");
    expect(open).toHaveBeenCalledTimes(1);
  });

  it("leaves a field on Esc, so that the next Esc is the page's", () => {
    const back = vi.fn();
    bind([{ keys: "escape", run: back }]);
    const input = document.body.appendChild(document.createElement("input"));
    input.focus();
    expect(document.activeElement).toBe(input);
    press(input, "Escape");
    expect(back).not.toHaveBeenCalled();
    expect(document.activeElement).not.toBe(input);
    press(document.body, "Escape");
    expect(back).toHaveBeenCalledTimes(1);
  });

  it("follows two-key sequences within a moment, and not after", () => {
    vi.useFakeTimers();
    const queue = vi.fn();
    const item = vi.fn();
    bind([
      { keys: "g i", run: queue },
      { keys: "i", run: item },
    ]);
    press(document.body, "g");
    press(document.body, "i");
    expect(queue).toHaveBeenCalledTimes(1);
    expect(item).not.toHaveBeenCalled();

    press(document.body, "g");
    vi.advanceTimersByTime(2000);
    press(document.body, "i");
    expect(queue).toHaveBeenCalledTimes(1);
    expect(item).toHaveBeenCalledTimes(1);
  });

  it("waits while a dialog is open, and skips shortcuts whose condition fails", () => {
    const take = vi.fn();
    let allowed = false;
    listener = shortcutHandler(() => [{ keys: "a", run: take, when: () => allowed }]);
    document.addEventListener("keydown", listener);
    press(document.body, "a");
    expect(take).not.toHaveBeenCalled();
    allowed = true;
    const dialog = document.body.appendChild(document.createElement("div"));
    dialog.setAttribute("aria-modal", "true");
    press(document.body, "a");
    expect(take).not.toHaveBeenCalled();
    dialog.remove();
    press(document.body, "a");
    expect(take).toHaveBeenCalledTimes(1);
  });
});
