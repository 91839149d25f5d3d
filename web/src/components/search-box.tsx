import { createSignal, Show } from "solid-js";
import { useLocation, useNavigate } from "@solidjs/router";
import { useI18n } from "../i18n";
import { emptySearch, QUERY_MAX_LENGTH, searchHref } from "../search/query";

/**
 * The top bar's search box, on every console page but the search page itself, whose own box holds the words searched
 * for (two boxes for one search would disagree as soon as one is typed in). Enter opens /search?q=…; "/" comes here.
 */
export function SearchBox() {
  const i18n = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [text, setText] = createSignal("");

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const q = text().trim().slice(0, QUERY_MAX_LENGTH);
    setText("");
    navigate(searchHref({ ...emptySearch(), q }));
  };

  return (
    <Show when={location.pathname !== "/search"}>
      <form class="topbar__search" role="search" aria-label={i18n.t("searchBox.label")} onSubmit={submit} data-testid="topbar-search">
        <label class="sr-only" for="topbar-search">
          {i18n.t("searchBox.label")}
        </label>
        <input
          id="topbar-search"
          type="search"
          class="input input--search topbar__search-input"
          placeholder={i18n.t("searchBox.placeholder")}
          value={text()}
          maxLength={QUERY_MAX_LENGTH}
          autocomplete="off"
          enterkeyhint="search"
          aria-keyshortcuts="/"
          data-search-box
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <kbd class="kbd topbar__search-key" aria-hidden="true">
          /
        </kbd>
      </form>
    </Show>
  );
}
