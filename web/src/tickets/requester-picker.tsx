import { createEffect, createResource, createSignal, For, Match, on, onCleanup, Show, Switch } from "solid-js";
import { Frontline } from "../api/client";
import type { CustomerInfo, RequesterInput } from "../api/types";
import { initials } from "../components/initials";
import { TextField } from "../components/text-field";
import { useI18n } from "../i18n";
import { arrowStep, stepped } from "../keyboard/arrows";

export type RequesterMode = "find" | "email" | "phone";

export interface RequesterDraft {
  mode: RequesterMode;
  customer?: CustomerInfo;
  email: string;
  name: string;
  phone: string;
}

export const emptyRequester = (): RequesterDraft => ({ mode: "find", email: "", name: "", phone: "" });

/** The requester as the API takes it; undefined while an existing customer is still to be chosen. */
export function requesterInput(draft: RequesterDraft): RequesterInput | undefined {
  const trim = (value: string) => value.trim() || undefined;
  switch (draft.mode) {
    case "find":
      return draft.customer ? { customerId: draft.customer.customerId } : undefined;
    case "email":
      return { email: draft.email.trim(), ...(trim(draft.name) ? { name: trim(draft.name) } : {}), ...(trim(draft.phone) ? { phone: trim(draft.phone) } : {}) };
    case "phone":
      return { name: draft.name.trim(), phone: draft.phone.trim() };
  }
}

/**
 * Who the request is from: an existing customer found as you type (name, email address or phone), or a new one by
 * email address (and optionally name and phone), or by name and phone for requests by phone or in person.
 */
export function RequesterPicker(props: {
  draft: RequesterDraft;
  onChange: (patch: Partial<RequesterDraft>) => void;
  errors: Record<string, string | undefined>;
}) {
  const i18n = useI18n();
  const modes: RequesterMode[] = ["find", "email", "phone"];
  let searchInput: HTMLInputElement | undefined;
  const radios: Partial<Record<RequesterMode, HTMLButtonElement>> = {};

  // A radio group is one Tab stop, the chosen way; the arrows choose another, as with native radios.
  const onRadioKey = (event: KeyboardEvent) => {
    const step = arrowStep(event.key);
    if (!step) return;
    event.preventDefault();
    const mode = stepped(modes, props.draft.mode, step);
    props.onChange({ mode });
    radios[mode]?.focus();
  };

  return (
    <div class="requester-picker">
      <div class="segmented" role="radiogroup" aria-label={i18n.t("newTicket.requester")} onKeyDown={onRadioKey}>
        <For each={modes}>
          {(mode) => (
            <button
              ref={(element) => (radios[mode] = element)}
              type="button"
              role="radio"
              class="segmented__option"
              classList={{ "segmented__option--active": props.draft.mode === mode }}
              aria-checked={props.draft.mode === mode}
              tabindex={props.draft.mode === mode ? 0 : -1}
              data-testid={`requester-mode-${mode}`}
              onClick={() => props.onChange({ mode })}
            >
              {i18n.t(`newTicket.modes.${mode}`)}
            </button>
          )}
        </For>
      </div>

      <Switch>
        <Match when={props.draft.mode === "find"}>
          <Show
            when={props.draft.customer}
            fallback={<CustomerSearch onPick={(customer) => props.onChange({ customer })} error={props.errors.requester} ref={(el) => (searchInput = el)} />}
          >
            {(customer) => (
              <div class="picked-customer" data-testid="picked-customer">
                <span class="avatar avatar--customer" aria-hidden="true">
                  {initials(customer().name)}
                </span>
                <div class="picked-customer__text">
                  <span class="strong">{customer().name}</span>
                  <span class="muted small">{[customer().email, customer().phone].filter(Boolean).join(" · ")}</span>
                </div>
                <button
                  type="button"
                  class="button button--ghost button--small"
                  onClick={() => {
                    props.onChange({ customer: undefined });
                    queueMicrotask(() => searchInput?.focus());
                  }}
                >
                  {i18n.t("newTicket.change")}
                </button>
              </div>
            )}
          </Show>
        </Match>
        <Match when={props.draft.mode === "email"}>
          <div class="form-grid">
            <TextField
              id="requester-email"
              type="email"
              inputMode="email"
              label={i18n.t("newTicket.email")}
              value={props.draft.email}
              onValue={(email) => props.onChange({ email })}
              error={props.errors["requester.email"] ?? props.errors.requester}
              autocomplete="off"
              spellcheck={false}
              required
            />
            <TextField
              id="requester-name"
              label={i18n.t("newTicket.nameOptional")}
              value={props.draft.name}
              onValue={(name) => props.onChange({ name })}
              error={props.errors["requester.name"]}
              autocomplete="off"
            />
            <TextField
              id="requester-phone"
              label={i18n.t("newTicket.phoneOptional")}
              value={props.draft.phone}
              onValue={(phone) => props.onChange({ phone })}
              error={props.errors["requester.phone"]}
              autocomplete="off"
            />
          </div>
        </Match>
        <Match when={props.draft.mode === "phone"}>
          <div class="form-grid">
            <TextField
              id="requester-name"
              label={i18n.t("newTicket.name")}
              value={props.draft.name}
              onValue={(name) => props.onChange({ name })}
              error={props.errors["requester.name"] ?? props.errors.requester}
              autocomplete="off"
              required
            />
            <TextField
              id="requester-phone"
              label={i18n.t("newTicket.phone")}
              value={props.draft.phone}
              onValue={(phone) => props.onChange({ phone })}
              error={props.errors["requester.phone"]}
              autocomplete="off"
              required
            />
          </div>
        </Match>
      </Switch>
    </div>
  );
}

/** A combobox over GET /api/customers?q=: type, move with the arrows, Enter or a click picks. */
function CustomerSearch(props: { onPick: (customer: CustomerInfo) => void; error?: string; ref: (element: HTMLInputElement) => void }) {
  const i18n = useI18n();
  const [text, setText] = createSignal("");
  const [query, setQuery] = createSignal<string>();
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  // A short pause after the last key press before asking, so that typing a name is one request, not ten.
  createEffect(
    on(text, (value) => {
      clearTimeout(timer);
      timer = setTimeout(() => setQuery(value.trim()), 200);
    }),
  );
  const [results] = createResource(query, async (q) => (await Frontline.customers(q)).customers);
  createEffect(on(() => results.latest, () => setActive(0)));

  const items = () => results.latest ?? [];
  const pick = (customer: CustomerInfo | undefined) => {
    if (!customer) return;
    setOpen(false);
    props.onPick(customer);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const delta = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => Math.min(Math.max(index + delta, 0), Math.max(items().length - 1, 0)));
    } else if (event.key === "Enter" && open() && items().length) {
      event.preventDefault();
      pick(items()[active()]);
    } else if (event.key === "Escape" && open()) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div class="field combobox" classList={{ "field--invalid": Boolean(props.error) }}>
      <label class="field__label" for="customer-search">
        {i18n.t("newTicket.find")}
      </label>
      <input
        ref={props.ref}
        id="customer-search"
        class="input input--search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open()}
        aria-controls="customer-results"
        aria-activedescendant={open() && items().length ? `customer-option-${active()}` : undefined}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? "customer-search-error" : undefined}
        placeholder={i18n.t("newTicket.findPlaceholder")}
        autocomplete="off"
        spellcheck={false}
        value={text()}
        onInput={(event) => {
          setText(event.currentTarget.value);
          setOpen(true);
        }}
        onFocus={() => {
          setOpen(true);
          if (query() === undefined) setQuery(text().trim());
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <Show when={open()}>
        <div class="combobox__popup" onMouseDown={(event) => event.preventDefault()}>
          <Show when={results.loading && !items().length}>
            <p class="combobox__note">{i18n.t("newTicket.searching")}</p>
          </Show>
          <Show when={!results.loading && query() && !items().length}>
            <p class="combobox__note">{i18n.t("newTicket.noMatches")}</p>
          </Show>
          <ul class="combobox__list" id="customer-results" role="listbox" aria-label={i18n.t("newTicket.find")}>
            <For each={items()}>
              {(customer, index) => (
                <li
                  id={`customer-option-${index()}`}
                  role="option"
                  class="combobox__option"
                  classList={{ "combobox__option--active": active() === index() }}
                  aria-selected={active() === index()}
                  onMouseEnter={() => setActive(index())}
                  onClick={() => pick(customer)}
                >
                  <span class="strong">{customer.name}</span>
                  <span class="muted small">{[customer.email, customer.phone].filter(Boolean).join(" · ")}</span>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={props.error}>
        <p class="field__error" id="customer-search-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
