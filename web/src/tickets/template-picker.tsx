import { createMemo, createResource, createSignal, For, onCleanup, Show } from "solid-js";
import { Frontline } from "../api/client";
import type { ReplyTemplateInfo } from "../api/types";
import { errorMessage } from "../forms/errors";
import { useI18n } from "../i18n";

/**
 * "Insert template" in the composer: the reply templates the signed-in person may use (loaded when first opened),
 * a search among them, and the chosen one filled in for this ticket by the API (customer's name, ticket number...).
 */
export function TemplatePicker(props: { ticketId: string; disabled?: boolean; onInsert: (text: string) => void }) {
  const i18n = useI18n();
  const [open, setOpen] = createSignal(false);
  const [templates, { refetch }] = createResource(open, async () => (await Frontline.replyTemplates()).templates);
  const [search, setSearch] = createSignal("");
  const [inserting, setInserting] = createSignal<string>();
  const [error, setError] = createSignal<string>();
  const shown = createMemo(() => {
    const needle = search().trim().toLowerCase();
    return (templates.latest ?? []).filter((t) => !needle || t.name.toLowerCase().includes(needle) || t.body.toLowerCase().includes(needle));
  });
  let anchor: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;

  const close = (focusButton = false) => {
    setOpen(false);
    setSearch("");
    setError(undefined);
    if (focusButton) button?.focus();
  };

  const choose = async (template: ReplyTemplateInfo) => {
    setInserting(template.templateId);
    setError(undefined);
    try {
      const { body } = await Frontline.renderReplyTemplate(template.templateId, props.ticketId);
      close();
      props.onInsert(body);
    } catch (failure) {
      setError(errorMessage(failure, i18n));
    } finally {
      setInserting(undefined);
    }
  };

  const onDocumentDown = (event: MouseEvent) => {
    if (open() && anchor && !anchor.contains(event.target as Node)) close();
  };
  document.addEventListener("mousedown", onDocumentDown);
  onCleanup(() => document.removeEventListener("mousedown", onDocumentDown));

  return (
    <div
      class="menu-anchor"
      ref={anchor}
      onKeyDown={(event) => {
        // Keys here are the picker's, not the status menu's beside it.
        event.stopPropagation();
        if (event.key === "Escape" && open()) {
          event.preventDefault();
          close(true);
        }
      }}
    >
      <button
        ref={button}
        type="button"
        class="button button--ghost"
        aria-haspopup="dialog"
        aria-expanded={open()}
        disabled={props.disabled}
        onClick={() => (open() ? close() : setOpen(true))}
        data-testid="insert-template"
      >
        {i18n.t("ticket.composer.insertTemplate")}
      </button>
      <Show when={open()}>
        <div class="menu template-picker" role="dialog" aria-label={i18n.t("ticket.composer.templates")} data-testid="template-picker">
          <label class="sr-only" for="template-search">
            {i18n.t("ticket.composer.templateSearch")}
          </label>
          <input
            id="template-search"
            class="input input--small input--search"
            type="search"
            value={search()}
            placeholder={i18n.t("ticket.composer.templateSearch")}
            onInput={(event) => setSearch(event.currentTarget.value)}
            ref={(element) => queueMicrotask(() => element.focus())}
          />
          <Show when={error()}>
            <p class="field__error" role="alert" data-testid="template-picker-error">
              {error()}
            </p>
          </Show>
          <Show
            when={!templates.error}
            fallback={
              <p class="small">
                {i18n.t("ticket.composer.templatesFailed")}{" "}
                <button type="button" class="link-button" onClick={() => refetch()}>
                  {i18n.t("errors.retry")}
                </button>
              </p>
            }
          >
            <Show when={templates.latest} fallback={<p class="muted small">{i18n.t("app.loading")}</p>}>
              <Show
                when={shown().length > 0}
                fallback={<p class="muted small">{(templates.latest ?? []).length ? i18n.t("ticket.composer.noTemplateMatches") : i18n.t("ticket.composer.noTemplates")}</p>}
              >
                <For each={shown()}>
                  {(template) => (
                    <button
                      type="button"
                      class="menu__item"
                      disabled={Boolean(inserting())}
                      onClick={() => void choose(template)}
                      data-testid="template-option"
                    >
                      <span>
                        <span class="strong">{template.name}</span>
                        <span class="cell-line small muted cell-ellipsis">{inserting() === template.templateId ? i18n.t("ticket.composer.inserting") : template.body}</span>
                      </span>
                    </button>
                  )}
                </For>
              </Show>
            </Show>
          </Show>
        </div>
      </Show>
    </div>
  );
}
