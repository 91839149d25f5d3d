import { For } from "solid-js";
import { Locales, useI18n, type Locale } from "../i18n";

/** The language menu; the choice is remembered in this browser, and told to `onChoose` (a signed-in person's profile). */
export function LocaleSwitcher(props: { id?: string; onChoose?: (locale: Locale) => void }) {
  const i18n = useI18n();
  const id = () => props.id ?? "locale";
  return (
    <div class="locale-switcher">
      <label class="sr-only" for={id()}>
        {i18n.t("locale.label")}
      </label>
      <svg class="locale-switcher__icon" viewBox="0 0 20 20" aria-hidden="true">
        <path
          fill="currentColor"
          d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm5.9 7.75h-2.7a13.4 13.4 0 0 0-1.3-5.3 7 7 0 0 1 4 5.3Zm-5.9 7.6c-.8-.9-1.9-3-2.1-6.1h4.2c-.2 3.1-1.3 5.2-2.1 6.1ZM7.9 9.25c.2-3.1 1.3-5.2 2.1-6.1.8.9 1.9 3 2.1 6.1H7.9Zm.2-5.3a13.4 13.4 0 0 0-1.3 5.3H4.1a7 7 0 0 1 4-5.3Zm-4 6.8h2.7c.1 2 .6 3.8 1.3 5.3a7 7 0 0 1-4-5.3Zm7.8 5.3c.7-1.5 1.2-3.3 1.3-5.3h2.7a7 7 0 0 1-4 5.3Z"
        />
      </svg>
      <select
        id={id()}
        class="locale-switcher__select"
        value={i18n.locale()}
        onChange={(event) => {
          const chosen = event.currentTarget.value as Locale;
          i18n.setLocale(chosen);
          props.onChoose?.(chosen);
        }}
      >
        <For each={Locales}>{(locale) => <option value={locale} lang={locale}>{i18n.t(`locale.${locale}`)}</option>}</For>
      </select>
    </div>
  );
}
