import { createEffect, createMemo, createResource, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { ApiError, Frontline } from "../api/client";
import type { CustomerSearchResult, OrganizationSearchResult, TicketSearchResult } from "../api/types";
import { CheckboxGroup } from "../components/checkbox-group";
import { LoadError, Loading, Notice } from "../components/notice";
import { PageHeader } from "../components/page-header";
import { SelectField } from "../components/select-field";
import { errorMessage } from "../forms/errors";
import { useI18n } from "../i18n";
import { Highlighted, plainText } from "../search/highlight";
import {
  canSearch,
  hasSearchFilters,
  ME,
  parseSearch,
  parseTags,
  QUERY_MAX_LENGTH,
  searchHref,
  searchKey,
  searchQuery,
  TOTAL_CAP,
  UNASSIGNED,
  withoutSearchFilters,
  type SearchState,
} from "../search/query";
import { useDirectory } from "../session/directory";
import { PriorityBadge, StatusBadge } from "../tickets/badges";
import { Priorities, Statuses } from "../tickets/lifecycle";

/** The fields of the page that show the API's field errors beside them; any other issue shows above the results. */
const FIELDS = ["q", "tag", "from", "to"] as const;
type Field = (typeof FIELDS)[number];
/** An issue's path ("tag.2", or ["q"] as the contract writes it) as the field that shows it. */
const fieldOf = (path: string | readonly string[]) => (Array.isArray(path) ? path.join(".") : String(path)).split(".")[0]!;

/**
 * A refused search (400) as the reader corrects it: each issue beside its field, in the API's own words (it says them
 * in the reader's language), anything else for the form as a whole.
 */
function refusal(error: ApiError, i18n: ReturnType<typeof useI18n>): { fields: Partial<Record<Field, string>>; form?: string } {
  const fields: Partial<Record<Field, string>> = {};
  let form: string | undefined;
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    if ((FIELDS as readonly string[]).includes(field)) fields[field as Field] ??= issue.message;
    else form ??= issue.message;
  }
  if (!form && Object.keys(fields).length === 0) form = errorMessage(error, i18n);
  return { fields, form };
}

/** Names of the customers and organizations picked from the results, for their filter chips without a request. */
const knownNames = new Map<string, string>();

/** A phone's width (the layout's own breakpoint): the filters fold away behind a button. */
function useNarrow() {
  const query = typeof window !== "undefined" && window.matchMedia ? window.matchMedia("(max-width: 860px)") : undefined;
  const [narrow, setNarrow] = createSignal(query?.matches ?? false);
  if (query) {
    const change = () => setNarrow(query.matches);
    query.addEventListener?.("change", change);
    onCleanup(() => query.removeEventListener?.("change", change));
  }
  return narrow;
}

/**
 * /search: tickets by their words in any form, their number and their requester; the customers and organizations the
 * words name; filters and the sort in the address, so that Back, Forward and a reload keep the search.
 */
export function SearchPage() {
  const i18n = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const state = createMemo(() => parseSearch(params), undefined, { equals: (a, b) => searchKey(a) === searchKey(b) });
  const go = (next: SearchState) => navigate(searchHref(next));

  const [results, setResults] = createStore({
    tickets: [] as TicketSearchResult[],
    total: 0,
    cursor: null as string | null,
    customers: [] as CustomerSearchResult[],
    organizations: [] as OrganizationSearchResult[],
    loading: false,
    loadingMore: false,
    error: undefined as unknown,
    moreError: undefined as string | undefined,
    /** The search whose first page is on screen (for tests and assistive tech to know it has arrived). */
    loaded: undefined as string | undefined,
  });
  let generation = 0;

  const load = async (current: SearchState) => {
    const mine = ++generation;
    setResults({ loading: true, error: undefined, moreError: undefined });
    try {
      const page = await Frontline.search(searchQuery(current));
      if (mine !== generation) return;
      setResults({ ...page, loading: false, loaded: searchHref(current) });
    } catch (error) {
      if (mine !== generation) return;
      setResults({ tickets: [], total: 0, cursor: null, customers: [], organizations: [], loading: false, error, loaded: searchHref(current) });
    }
  };

  const loadMore = async () => {
    const cursor = results.cursor;
    if (!cursor || results.loadingMore) return;
    const mine = generation;
    setResults({ loadingMore: true, moreError: undefined });
    try {
      const page = await Frontline.search(searchQuery(state(), cursor));
      if (mine !== generation) return;
      setResults({ tickets: [...results.tickets, ...page.tickets], cursor: page.cursor, total: page.total });
    } catch (error) {
      if (mine === generation) setResults("moreError", errorMessage(error, i18n));
    } finally {
      if (mine === generation) setResults("loadingMore", false);
    }
  };

  createEffect(
    on(state, (current) => {
      if (canSearch(current)) {
        void load(current);
        return;
      }
      generation++;
      setResults({ tickets: [], total: 0, cursor: null, customers: [], organizations: [], loading: false, error: undefined, loaded: searchHref(current) });
    }),
  );

  // A refused search (400) is the reader's to correct: each problem by its field. Anything else can be tried again.
  const refused = createMemo(() => {
    const error = results.error;
    return error instanceof ApiError && error.status === 400 ? refusal(error, i18n) : undefined;
  });
  const fieldError = (field: Field) => refused()?.fields[field];

  // The words in the box: the address's, until the reader types.
  const [text, setText] = createSignal(state().q);
  createEffect(on(() => state().q, (q) => setText(q), { defer: true }));
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const next = { ...state(), q: text().trim().slice(0, QUERY_MAX_LENGTH) };
    // The same search again is a refresh (the index may have caught up since).
    if (searchKey(next) === searchKey(state())) {
      if (canSearch(next)) void load(next);
    } else go(next);
  };
  let box: HTMLInputElement | undefined;
  // Arriving with nothing to look for, the reader came to type.
  onMount(() => {
    if (!state().q) box?.focus();
  });

  const filterBy = (kind: "customer" | "organization", id: string, name: string) => {
    knownNames.set(`${kind}:${id}`, name);
    const picked = kind === "customer" ? { customerId: id, organizationId: undefined } : { organizationId: id, customerId: undefined };
    // The words found the person; their tickets need not say them.
    go({ ...state(), q: "", ...picked });
  };

  const countText = () =>
    results.total >= TOTAL_CAP ? i18n.t("search.countCapped", { count: TOTAL_CAP }) : i18n.t("search.count", { count: results.total });
  const nothingFound = () => results.tickets.length === 0 && results.customers.length === 0 && results.organizations.length === 0;

  return (
    <>
      <PageHeader title={i18n.t("search.title")} />
      <form class="card search-form" role="search" aria-label={i18n.t("searchBox.label")} onSubmit={submit} novalidate data-testid="search-form">
        <div class="field" classList={{ "field--invalid": Boolean(fieldError("q")) }}>
          <label class="field__label" for="search-q">
            {i18n.t("search.query")}
          </label>
          <div class="search-form__row">
            <input
              ref={box}
              id="search-q"
              name="q"
              type="search"
              class="input input--search search-form__input"
              value={text()}
              placeholder={i18n.t("search.queryPlaceholder")}
              maxLength={QUERY_MAX_LENGTH}
              autocomplete="off"
              enterkeyhint="search"
              aria-keyshortcuts="/"
              aria-invalid={fieldError("q") ? "true" : undefined}
              aria-describedby={fieldError("q") ? "search-q-error" : undefined}
              data-search-box
              onInput={(event) => setText(event.currentTarget.value)}
            />
            <button type="submit" class="button button--primary" data-testid="search-submit">
              {i18n.t("search.submit")}
            </button>
          </div>
          <Show when={fieldError("q")}>
            <p class="field__error" id="search-q-error" data-testid="search-q-error">
              {fieldError("q")}
            </p>
          </Show>
        </div>
        <Show when={state().customerId || state().organizationId}>
          <div class="search-chips" data-testid="search-chips">
            <Show when={state().customerId}>
              {(id) => <FilterChip kind="customer" id={id()} onRemove={() => go({ ...state(), customerId: undefined })} />}
            </Show>
            <Show when={state().organizationId}>
              {(id) => <FilterChip kind="organization" id={id()} onRemove={() => go({ ...state(), organizationId: undefined })} />}
            </Show>
          </div>
        </Show>
      </form>

      <div class="search">
        <SearchFilters state={state()} onChange={go} errors={{ tag: fieldError("tag"), from: fieldError("from"), to: fieldError("to") }} />

        <section
          class="search__main"
          aria-label={i18n.t("search.resultsLabel")}
          aria-busy={results.loading}
          data-testid="search-results"
          data-loaded={results.loading ? undefined : results.loaded}
        >
          <Show when={canSearch(state())} fallback={<p class="card empty empty--center search__prompt">{i18n.t("search.prompt")}</p>}>
            <div class="search__head">
              <p class="search__count" role="status" data-testid="search-count">
                <Show when={!results.loading && !results.error}>{countText()}</Show>
              </p>
              <SelectField
                id="search-sort"
                compact
                label={i18n.t("search.sort")}
                value={state().sort}
                options={[
                  { value: "relevance", label: i18n.t("search.sorts.relevance") },
                  { value: "updated", label: i18n.t("search.sorts.updated") },
                ]}
                onValue={(value) => go({ ...state(), sort: value === "updated" ? "updated" : "relevance" })}
              />
            </div>

            <Show when={results.error}>
              <Show
                when={refused()}
                fallback={<LoadError error={results.error} onRetry={() => void load(state())} />}
              >
                {(problems) => (
                  <Show when={problems().form}>
                    <Notice kind="error" testId="search-error">
                      {problems().form}
                    </Notice>
                  </Show>
                )}
              </Show>
            </Show>

            <Show when={!results.error}>
              <Show when={!(results.loading && nothingFound())} fallback={<div class="card empty"><Loading /></div>}>
                <div class="search__sections" classList={{ "is-loading": results.loading }}>
                  <Show when={results.customers.length > 0}>
                    <section class="search-people" aria-labelledby="search-customers-title" data-testid="search-customers">
                      <h2 class="search__section-title" id="search-customers-title">
                        {i18n.t("search.customers")}
                      </h2>
                      <ul class="search-people__list">
                        <For each={results.customers}>
                          {(customer) => (
                            <li>
                              <button
                                type="button"
                                class="search-person"
                                data-testid="search-customer"
                                onClick={() => filterBy("customer", customer.customerId, plainText(customer.name))}
                              >
                                <span class="search-person__name">
                                  <Highlighted segments={customer.name} />
                                </span>
                                <Show when={customer.email}>
                                  {(email) => (
                                    <span class="search-person__detail">
                                      <Highlighted segments={email()} />
                                    </span>
                                  )}
                                </Show>
                                <Show when={customer.phone}>
                                  <span class="search-person__detail">{customer.phone}</span>
                                </Show>
                                <span class="search-person__action">{i18n.t("search.showTickets")}</span>
                              </button>
                            </li>
                          )}
                        </For>
                      </ul>
                    </section>
                  </Show>

                  <Show when={results.organizations.length > 0}>
                    <section class="search-people" aria-labelledby="search-organizations-title" data-testid="search-organizations">
                      <h2 class="search__section-title" id="search-organizations-title">
                        {i18n.t("search.organizations")}
                      </h2>
                      <ul class="search-people__list">
                        <For each={results.organizations}>
                          {(organization) => (
                            <li>
                              <button
                                type="button"
                                class="search-person"
                                data-testid="search-organization"
                                onClick={() => filterBy("organization", organization.organizationId, plainText(organization.name))}
                              >
                                <span class="search-person__name">
                                  <Highlighted segments={organization.name} />
                                </span>
                                <Show when={organization.domains.length > 0}>
                                  <span class="search-person__detail">{organization.domains.join(", ")}</span>
                                </Show>
                                <span class="search-person__action">{i18n.t("search.showTickets")}</span>
                              </button>
                            </li>
                          )}
                        </For>
                      </ul>
                    </section>
                  </Show>

                  <section class="search-tickets" aria-labelledby="search-tickets-title">
                    <h2 class="search__section-title" id="search-tickets-title">
                      {i18n.t("search.tickets")}
                    </h2>
                    <Show
                      when={results.tickets.length > 0}
                      fallback={
                        <div class="card empty empty--center" data-testid="search-empty">
                          <p>{state().q ? i18n.t("search.emptyQuery", { query: state().q }) : i18n.t("search.empty")}</p>
                          <p class="muted">{i18n.t("search.emptyHint")}</p>
                          <Show when={hasSearchFilters(state())}>
                            <button type="button" class="button button--secondary button--small" onClick={() => go(withoutSearchFilters(state()))}>
                              {i18n.t("search.clearFilters")}
                            </button>
                          </Show>
                        </div>
                      }
                    >
                      <ol class="search-results" data-testid="search-list">
                        <For each={results.tickets}>{(result) => <TicketResult result={result} />}</For>
                      </ol>
                      <Show when={results.cursor || results.moreError}>
                        <div class="search__more">
                          <Show when={results.moreError}>
                            <Notice kind="error">{results.moreError}</Notice>
                          </Show>
                          <Show when={results.cursor}>
                            <button
                              type="button"
                              class="button button--secondary"
                              onClick={() => void loadMore()}
                              disabled={results.loadingMore}
                              data-testid="search-load-more"
                            >
                              {results.loadingMore ? i18n.t("common.loadingMore") : i18n.t("common.loadMore")}
                            </button>
                          </Show>
                        </div>
                      </Show>
                    </Show>
                  </section>
                </div>
              </Show>
            </Show>
          </Show>
        </section>
      </div>
    </>
  );
}

/** One ticket found: its number, its subject with the words found, where it stands, and the message that says them. */
function TicketResult(props: { result: TicketSearchResult }) {
  const i18n = useI18n();
  const directory = useDirectory();
  const ticket = () => props.result.ticket;
  const department = () => directory.departmentById(ticket().departmentId)?.name;
  return (
    <li class="search-result" data-testid="search-result" data-ticket-id={ticket().ticketId}>
      <div class="search-result__title">
        <span class="search-result__number">#{ticket().number}</span>
        <A href={`/tickets/${ticket().ticketId}`} class="search-result__link" data-testid="search-result-link">
          <Highlighted segments={props.result.subject} />
        </A>
        <Show when={props.result.exact}>
          <span class="badge badge--info" data-testid="search-exact">
            {i18n.t("search.exact")}
          </span>
        </Show>
      </div>
      <div class="search-result__meta">
        <StatusBadge status={ticket().status} />
        <PriorityBadge priority={ticket().priority} />
        <span class="search-result__fact">
          <span class="sr-only">{i18n.t("search.requester")}: </span>
          {ticket().requester.name}
        </span>
        <Show when={department()}>
          <span class="search-result__fact">
            <span class="sr-only">{i18n.t("search.department")}: </span>
            {department()}
          </span>
        </Show>
        <time class="search-result__fact muted" datetime={ticket().updatedAt} title={i18n.dateTime(ticket().updatedAt)}>
          {i18n.t("search.updated", { when: i18n.relative(ticket().updatedAt) })}
        </time>
      </div>
      <Show when={props.result.message}>
        {(message) => (
          <figure class="search-result__snippet" data-testid="search-snippet">
            <blockquote>
              <p>
                <Highlighted segments={message().segments} />
              </p>
            </blockquote>
            <figcaption class="search-result__author">
              {message().authorName}
              {" · "}
              <time datetime={message().createdAt}>{i18n.dateTime(message().createdAt)}</time>
            </figcaption>
          </figure>
        )}
      </Show>
    </li>
  );
}

/** A customer or an organization the search is narrowed to, by name; a click removes it. */
function FilterChip(props: { kind: "customer" | "organization"; id: string; onRemove: () => void }) {
  const i18n = useI18n();
  const [name] = createResource(
    () => `${props.kind}:${props.id}`,
    async (key) => {
      const known = knownNames.get(key);
      if (known) return known;
      const found =
        props.kind === "customer" ? (await Frontline.customer(props.id)).customer.name : (await Frontline.organization(props.id)).organization.name;
      knownNames.set(key, found);
      return found;
    },
  );
  const label = () => {
    if (name.error) return i18n.t(props.kind === "customer" ? "search.customerMissing" : "search.organizationMissing");
    const shown = name.latest ?? "…";
    return props.kind === "customer" ? i18n.t("search.customerChip", { name: shown }) : i18n.t("search.organizationChip", { name: shown });
  };
  return (
    <button type="button" class="filter-chip" onClick={() => props.onRemove()} data-testid={`search-chip-${props.kind}`}>
      <span>{label()}</span>
      <span class="filter-chip__remove" aria-hidden="true">
        ×
      </span>
      <span class="sr-only">, {i18n.t("search.removeFilter")}</span>
    </button>
  );
}

/** Status, department, assignee, priority, tags and the days of creation; each change is a new address. */
function SearchFilters(props: { state: SearchState; onChange: (state: SearchState) => void; errors: Partial<Record<"tag" | "from" | "to", string>> }) {
  const i18n = useI18n();
  const directory = useDirectory();
  const narrow = useNarrow();
  const [open, setOpen] = createSignal(false);
  const set = (patch: Partial<SearchState>) => props.onChange({ ...props.state, ...patch });
  const chosen = () =>
    [props.state.status, props.state.departmentId, props.state.assigneeId, props.state.priority, props.state.tag].filter((list) => list.length > 0).length +
    [props.state.from, props.state.to].filter(Boolean).length;

  // A filter the reader got wrong opens the filters, to show it.
  createEffect(() => {
    if (props.errors.tag || props.errors.from || props.errors.to) setOpen(true);
  });

  const [tags, setTags] = createSignal(props.state.tag.join(", "));
  createEffect(on(() => props.state.tag.join(", "), (text) => setTags(text), { defer: true }));
  const applyTags = () => {
    const next = parseTags(tags());
    if (next.join(",") !== props.state.tag.join(",")) set({ tag: next });
  };

  const departmentOptions = () => [
    { value: "", label: i18n.t("search.any") },
    ...directory.myDepartments().map((d) => ({ value: d.departmentId, label: d.name })),
  ];
  const assigneeOptions = () => [
    { value: "", label: i18n.t("search.anyone") },
    { value: ME, label: i18n.t("search.me") },
    { value: UNASSIGNED, label: i18n.t("search.unassigned") },
    ...(directory.staff.latest ?? []).filter((s) => s.status === "active").map((s) => ({ value: s.staffId, label: s.name })),
  ];
  const one = (value: string) => (value ? [value] : []);

  return (
    <section class="search-filters card" aria-labelledby="search-filters-title" data-testid="search-filters">
      <h2 class="search-filters__title" id="search-filters-title">
        <Show when={narrow()} fallback={i18n.t("search.filters")}>
          <button
            type="button"
            class="search-filters__toggle"
            aria-expanded={open()}
            aria-controls="search-filters-panel"
            onClick={() => setOpen((value) => !value)}
            data-testid="search-filters-toggle"
          >
            <span>{i18n.t("search.filters")}</span>
            <Show when={chosen() > 0}>
              <span class="nav-count" aria-hidden="true">
                {chosen()}
              </span>
              <span class="sr-only"> ({i18n.t("search.filtersChosen", { count: chosen() })})</span>
            </Show>
            <svg class="search-filters__chevron" classList={{ "is-open": open() }} viewBox="0 0 20 20" aria-hidden="true">
              <path fill="currentColor" d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
            </svg>
          </button>
        </Show>
      </h2>
      <Show when={!narrow() || open()}>
        <div class="search-filters__panel" id="search-filters-panel">
          <CheckboxGroup
            id="search-status"
            legend={i18n.t("search.status")}
            emptyLabel={i18n.t("search.any")}
            options={Statuses.map((s) => ({ value: s, label: i18n.t(`vocab.status.${s}`) }))}
            values={props.state.status}
            onChange={(values) => set({ status: values as SearchState["status"] })}
            testId="search-status"
          />
          <SelectField
            id="search-department"
            label={i18n.t("search.department")}
            value={props.state.departmentId[0] ?? ""}
            options={departmentOptions()}
            onValue={(value) => set({ departmentId: one(value) })}
          />
          <SelectField
            id="search-assignee"
            label={i18n.t("search.assignee")}
            value={props.state.assigneeId[0] ?? ""}
            options={assigneeOptions()}
            onValue={(value) => set({ assigneeId: one(value) })}
          />
          <CheckboxGroup
            id="search-priority"
            legend={i18n.t("search.priority")}
            emptyLabel={i18n.t("search.any")}
            options={Priorities.map((p) => ({ value: p, label: i18n.t(`vocab.priority.${p}`) }))}
            values={props.state.priority}
            onChange={(values) => set({ priority: values as SearchState["priority"] })}
            testId="search-priority"
          />
          <div class="field" classList={{ "field--invalid": Boolean(props.errors.tag) }}>
            <label class="field__label" for="search-tags">
              {i18n.t("search.tags")}
            </label>
            <input
              id="search-tags"
              class="input"
              value={tags()}
              placeholder={i18n.t("search.tagsPlaceholder")}
              autocomplete="off"
              aria-invalid={props.errors.tag ? "true" : undefined}
              aria-describedby={props.errors.tag ? "search-tags-error search-tags-hint" : "search-tags-hint"}
              onInput={(event) => setTags(event.currentTarget.value)}
              onChange={applyTags}
              onKeyDown={(event) => event.key === "Enter" && applyTags()}
            />
            <Show when={props.errors.tag}>
              <p class="field__error" id="search-tags-error">
                {props.errors.tag}
              </p>
            </Show>
            <p class="field__hint" id="search-tags-hint">
              {i18n.t("search.tagsHint")}
            </p>
          </div>
          <fieldset class="field search-dates">
            <legend class="field__label">{i18n.t("search.created")}</legend>
            <div class="search-dates__row">
              <DateField id="search-from" label={i18n.t("search.from")} value={props.state.from} max={props.state.to} error={props.errors.from} onValue={(from) => set({ from })} />
              <DateField id="search-to" label={i18n.t("search.to")} value={props.state.to} min={props.state.from} error={props.errors.to} onValue={(to) => set({ to })} />
            </div>
          </fieldset>
          <Show when={hasSearchFilters(props.state)}>
            <button type="button" class="button button--ghost button--small search-filters__clear" onClick={() => props.onChange(withoutSearchFilters(props.state))} data-testid="search-clear">
              {i18n.t("search.clearFilters")}
            </button>
          </Show>
        </div>
      </Show>
    </section>
  );
}

/** A day of the date filters; a chosen (or cleared) day is applied at once. */
function DateField(props: { id: string; label: string; value?: string; min?: string; max?: string; error?: string; onValue: (day: string | undefined) => void }) {
  return (
    <div class="field field--compact" classList={{ "field--invalid": Boolean(props.error) }}>
      <label class="field__label" for={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        class="input"
        type="date"
        value={props.value ?? ""}
        min={props.min}
        max={props.max}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(event) => {
          const day = event.currentTarget.value || undefined;
          if (day !== props.value) props.onValue(day);
        }}
      />
      <Show when={props.error}>
        <p class="field__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}
