import { createSignal, For, Show } from "solid-js";
import { useI18n } from "../i18n";
import { Dialog } from "./dialog";

// One help overlay for the whole console: "?" anywhere, or the keyboard button of a page, opens it.
const [open, setOpen] = createSignal(false);
export const showShortcutsHelp = () => setOpen(true);
export const toggleShortcutsHelp = () => setOpen((value) => !value);

type Line = { keys: string[][]; label: string };

/** The "?" overlay: every shortcut of the console, by where it works. */
export function ShortcutsHelp() {
  const i18n = useI18n();
  const groups = (): { title: string; lines: Line[] }[] => [
    {
      title: i18n.t("shortcuts.groups.anywhere"),
      lines: [
        { keys: [["?"]], label: i18n.t("shortcuts.help") },
        { keys: [["/"]], label: i18n.t("shortcuts.search") },
        { keys: [["g"], ["i"]], label: i18n.t("shortcuts.goQueue") },
      ],
    },
    {
      title: i18n.t("shortcuts.groups.queue"),
      lines: [
        { keys: [["j"], ["↓"]], label: i18n.t("shortcuts.next") },
        { keys: [["k"], ["↑"]], label: i18n.t("shortcuts.previous") },
        { keys: [["Enter"], ["o"]], label: i18n.t("shortcuts.open") },
        { keys: [["x"]], label: i18n.t("shortcuts.toggleSelect") },
      ],
    },
    {
      title: i18n.t("shortcuts.groups.ticket"),
      lines: [
        { keys: [["r"]], label: i18n.t("shortcuts.reply") },
        { keys: [["n"]], label: i18n.t("shortcuts.note") },
        { keys: [["Ctrl/⌘", "Enter"]], label: i18n.t("shortcuts.send") },
        { keys: [["a"]], label: i18n.t("shortcuts.take") },
        { keys: [["s"]], label: i18n.t("shortcuts.status") },
        { keys: [["Esc"]], label: i18n.t("shortcuts.back") },
      ],
    },
  ];
  // "g then i" is a sequence; "j / ↓" are alternatives; "Ctrl+Enter" a chord.
  const sequence = (line: Line) => line.label === i18n.t("shortcuts.goQueue");

  return (
    <Show when={open()}>
      <Dialog title={i18n.t("shortcuts.title")} onClose={() => setOpen(false)} testId="shortcuts-help" wide>
        <div class="shortcuts">
          <For each={groups()}>
            {(group) => (
              <section class="shortcuts__group">
                <h3 class="shortcuts__title">{group.title}</h3>
                <dl class="shortcuts__list">
                  <For each={group.lines}>
                    {(line) => (
                      <div class="shortcuts__row">
                        <dt class="shortcuts__keys">
                          <For each={line.keys}>
                            {(chord, index) => (
                              <>
                                <Show when={index() > 0}>
                                  <span class="shortcuts__or">{sequence(line) ? i18n.t("shortcuts.then") : "/"}</span>
                                </Show>
                                <For each={chord}>
                                  {(key, k) => (
                                    <>
                                      <Show when={k() > 0}>+</Show>
                                      <kbd class="kbd">{key}</kbd>
                                    </>
                                  )}
                                </For>
                              </>
                            )}
                          </For>
                        </dt>
                        <dd>{line.label}</dd>
                      </div>
                    )}
                  </For>
                </dl>
              </section>
            )}
          </For>
        </div>
      </Dialog>
    </Show>
  );
}

/** A small button that opens the overlay, for readers who do not know about "?". */
export function ShortcutsButton() {
  const i18n = useI18n();
  return (
    <button type="button" class="button button--ghost button--small" onClick={showShortcutsHelp} title={i18n.t("shortcuts.button")}>
      <kbd class="kbd">?</kbd>
      <span class="sr-only">{i18n.t("shortcuts.button")}</span>
    </button>
  );
}
