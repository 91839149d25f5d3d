import { createEffect, createMemo, createResource, createSignal, For, on, onCleanup, onMount, Show, type JSX } from "solid-js";
import { createStore } from "solid-js/store";
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { Frontline } from "../../api/client";
import type { QueueView, TicketInfo } from "../../api/types";
import { LoadError, Loading, Notice } from "../../components/notice";
import { PageHeader } from "../../components/page-header";
import { SelectField, type SelectOption } from "../../components/select-field";
import { ShortcutsButton } from "../../components/shortcuts-help";
import { TableScroll } from "../../components/table-scroll";
import { errorMessage } from "../../forms/errors";
import { useI18n } from "../../i18n";
import { useShortcuts } from "../../keyboard/shortcuts";
import { useDirectory } from "../../session/directory";
import { useMe } from "../../session/me";
import { SlaCountdown } from "../../sla/sla-countdown";
import { PriorityBadge, StatusBadge } from "../../tickets/badges";
import { BulkBar, useBulkWords } from "../../tickets/bulk-bar";
import { configures, Priorities, SidebarViews, Statuses, Types } from "../../tickets/lifecycle";
import {
  hasFilters,
  OVERDUE,
  parseQueue,
  queueHref,
  queueKey,
  queueQuery,
  rememberQueue,
  withoutFilters,
  type QueueState,
} from "../../tickets/queue-query";
import { filtersOf, SavedViewsNav, ViewDialog } from "../../tickets/saved-views";

/**
 * /tickets: the queues. A sidebar of views and departments with their counts (and the overdue tickets), filters and
 * sort in the address, the tickets a page at a time with their SLA countdowns, and j/k/Enter to move and open. Rows
 * are checked (a box each, "select all on this page", x on the focused row) for a bulk action; the filters are saved
 * as named views, listed in the sidebar with their counts.
 */
export function QueuePage() {
  const i18n = useI18n();
  const directory = useDirectory();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const state = createMemo(() => parseQueue(search), undefined, { equals: (a, b) => queueKey(a) === queueKey(b) });
  const go = (next: QueueState) => navigate(queueHref(next));

  const [list, setList] = createStore({
    tickets: [] as TicketInfo[],
    cursor: null as string | null,
    loading: true,
    loadingMore: false,
    error: undefined as unknown,
    moreError: undefined as string | undefined,
  });
  const [selected, setSelected] = createSignal(0);
  // The queue whose first page is on screen (for tests and assistive tech to know a view has loaded).
  const [loaded, setLoaded] = createSignal<string>();
  // How many tickets are overdue, for the sidebar (the API's counts do not include them).
  const [overdueCount, setOverdueCount] = createSignal<number>();
  // The tickets checked for a bulk action (of the page on screen), and what the last bulk action came to.
  const [checked, setChecked] = createSignal<ReadonlySet<string>>(new Set());
  const [bulkResult, setBulkResult] = createSignal<{ text: string; failed: boolean }>();
  const bulkWords = useBulkWords();
  const toggle = (ticketId: string | undefined) => {
    if (!ticketId) return;
    const next = new Set(checked());
    if (!next.delete(ticketId)) next.add(ticketId);
    setChecked(next);
  };
  // Saved views and their counts (the counts follow the queue, as the sidebar's other counts do).
  // A hint like the other counts: a failure leaves the sidebar without them, never the queue without its tickets.
  const [views, { refetch: refetchViews }] = createResource(async () => (await Frontline.views().catch(() => ({ views: [] }))).views);
  const [viewCounts, { refetch: refetchViewCounts }] = createResource(async () => (await Frontline.viewCounts().catch(() => undefined))?.counts);
  const [savingView, setSavingView] = createSignal(false);
  const { me } = useMe();
  let generation = 0;

  const countOverdue = async () => {
    try {
      setOverdueCount((await Frontline.overdue()).tickets.length);
    } catch {
      // The count is a hint; the view itself shows any failure.
    }
  };

  const load = async (current: QueueState) => {
    const mine = ++generation;
    setList({ loading: true, error: undefined, moreError: undefined });
    try {
      const page =
        current.view === OVERDUE ? { ...(await Frontline.overdue()), cursor: null } : await Frontline.queue(queueQuery({ ...current, view: current.view }));
      if (mine !== generation) return;
      if (current.view === OVERDUE) setOverdueCount(page.tickets.length);
      setList({ tickets: page.tickets, cursor: page.cursor, loading: false });
      setSelected(0);
      setChecked(new Set<string>());
    } catch (error) {
      if (mine !== generation) return;
      setList({ tickets: [], cursor: null, loading: false, error });
    }
    setLoaded(queueHref(current));
  };

  const loadMore = async () => {
    const cursor = list.cursor;
    const current = state();
    if (!cursor || list.loadingMore || current.view === OVERDUE) return;
    const mine = generation;
    setList({ loadingMore: true, moreError: undefined });
    try {
      const page = await Frontline.queue(queueQuery({ ...current, view: current.view }, cursor));
      if (mine !== generation) return;
      setList({ tickets: [...list.tickets, ...page.tickets], cursor: page.cursor });
    } catch (error) {
      if (mine === generation) setList("moreError", errorMessage(error, i18n));
    } finally {
      if (mine === generation) setList("loadingMore", false);
    }
  };

  createEffect(
    on(state, (current) => {
      rememberQueue(queueHref(current));
      setBulkResult(undefined);
      void load(current);
      directory.refetchCounts();
      void refetchViewCounts();
      if (current.view !== OVERDUE) void countOverdue();
    }),
  );

  // Back at the window: the counts may have moved meanwhile (breaches happen on their own).
  onMount(() => {
    const refresh = () => {
      directory.refetchCounts();
      void countOverdue();
    };
    window.addEventListener("focus", refresh);
    onCleanup(() => window.removeEventListener("focus", refresh));
  });

  // Rows, to keep the selected one in sight.
  const rows: HTMLTableRowElement[] = [];
  onCleanup(() => (rows.length = 0));
  const move = (delta: number) => {
    if (!list.tickets.length) return;
    const next = Math.min(list.tickets.length - 1, Math.max(0, selected() + delta));
    setSelected(next);
    // The selected row takes the focus (so that Enter opens it, even after a click on the sidebar) and stays in sight.
    rows[next]?.focus({ preventScroll: true });
    rows[next]?.scrollIntoView?.({ block: "nearest" });
  };
  const open = (ticket: TicketInfo | undefined) => ticket && navigate(`/tickets/${ticket.ticketId}`);

  useShortcuts(() => [
    { keys: "j", run: () => move(1) },
    { keys: "arrowdown", run: () => move(1) },
    { keys: "k", run: () => move(-1) },
    { keys: "arrowup", run: () => move(-1) },
    { keys: "enter", run: () => open(list.tickets[selected()]), when: () => list.tickets.length > 0 },
    { keys: "o", run: () => open(list.tickets[selected()]), when: () => list.tickets.length > 0 },
    { keys: "x", run: () => toggle(list.tickets[selected()]?.ticketId), when: () => list.tickets.length > 0 },
  ]);

  const bulkDone = (summary: Parameters<typeof bulkWords>[0] | undefined, error?: string) => {
    setBulkResult(summary ? { text: bulkWords(summary), failed: summary.failures.length > 0 } : { text: error ?? "", failed: true });
    if (!summary) return;
    void load(state());
    directory.refetchCounts();
    void refetchViewCounts();
  };

  const viewTitle = () => {
    const current = state();
    if (current.view === "department") return directory.departmentById(current.departmentId)?.name ?? i18n.t("tickets.views.department");
    return i18n.t(`tickets.views.${current.view}`);
  };

  return (
    <>
      <PageHeader
        title={viewTitle()}
        actions={
          <div class="page-header__actions">
            <ShortcutsButton />
            <A href="/tickets/new" class="button button--primary" data-testid="new-ticket">
              <svg class="button__icon" viewBox="0 0 20 20" aria-hidden="true">
                <path fill="currentColor" d="M10 3.5a1 1 0 0 1 1 1V9h4.5a1 1 0 1 1 0 2H11v4.5a1 1 0 1 1-2 0V11H4.5a1 1 0 1 1 0-2H9V4.5a1 1 0 0 1 1-1Z" />
              </svg>
              {i18n.t("tickets.newTicket")}
            </A>
          </div>
        }
      />
      <div class="queue">
        <QueueSidebar
          state={state()}
          overdue={overdueCount()}
          savedViews={
            <SavedViewsNav
              current={queueHref(state())}
              views={views.latest ?? []}
              counts={viewCounts.latest}
              onChanged={() => {
                void refetchViews();
                void refetchViewCounts();
              }}
            />
          }
        />
        <section
          class="queue__main card card--flush"
          aria-label={i18n.t("tickets.listLabel", { view: viewTitle() })}
          aria-busy={list.loading}
          data-testid="queue"
          data-loaded={list.loading ? undefined : loaded()}
        >
          <Show when={state().view !== OVERDUE} fallback={<p class="queue__hint" data-testid="overdue-hint">{i18n.t("tickets.overdueHint")}</p>}>
            <QueueFilters state={state()} onChange={go} onSave={() => setSavingView(true)} />
          </Show>
          <Show when={bulkResult()}>
            {(result) => (
              <div class="bulk-result" role="status" data-testid="bulk-result" classList={{ "bulk-result--failed": result().failed }}>
                <p>{result().text}</p>
                <button type="button" class="button button--ghost button--small" onClick={() => setBulkResult(undefined)}>
                  {i18n.t("common.close")}
                </button>
              </div>
            )}
          </Show>
          <Show when={state().view !== OVERDUE && list.tickets.length > 0}>
            <BulkBar
              tickets={list.tickets}
              checked={checked()}
              onToggleAll={(all) => setChecked(new Set(all ? list.tickets.map((t) => t.ticketId) : []))}
              onClear={() => setChecked(new Set<string>())}
              onDone={bulkDone}
            />
          </Show>
          <Show when={!list.error} fallback={<div class="card__body card__body--top"><LoadError error={list.error} onRetry={() => void load(state())} /></div>}>
            <Show when={!(list.loading && list.tickets.length === 0)} fallback={<div class="empty"><Loading /></div>}>
              <Show
                when={list.tickets.length > 0}
                fallback={
                  <div class="empty empty--center" data-testid="queue-empty">
                    <p>
                      {state().view === OVERDUE
                        ? i18n.t("tickets.emptyOverdue")
                        : hasFilters(state())
                          ? i18n.t("tickets.emptyFiltered")
                          : i18n.t("tickets.empty")}
                    </p>
                    <Show when={state().view !== OVERDUE && hasFilters(state())}>
                      <button type="button" class="button button--secondary button--small" onClick={() => go(withoutFilters(state()))}>
                        {i18n.t("tickets.clearFilters")}
                      </button>
                    </Show>
                  </div>
                }
              >
                <TableScroll label={i18n.t("tickets.listLabel", { view: viewTitle() })}>
                  <table class="table queue-table" classList={{ "is-loading": list.loading }} data-testid="queue-table">
                    <colgroup>
                      <col class="queue-table__col-select" />
                      <col class="queue-table__col-number" />
                      <col />
                      <col class="queue-table__col-requester" />
                      <col class="queue-table__col-status" />
                      <col class="queue-table__col-priority" />
                      <col class="queue-table__col-department" />
                      <col class="queue-table__col-assignee" />
                      <col class="queue-table__col-sla" />
                      <col class="queue-table__col-updated" />
                    </colgroup>
                    <thead>
                      <tr>
                        <th scope="col" class="queue-table__select">
                          <span class="sr-only">{i18n.t("bulk.selectColumn")}</span>
                        </th>
                        <th scope="col">{i18n.t("tickets.columns.number")}</th>
                        <th scope="col">{i18n.t("tickets.columns.subject")}</th>
                        <th scope="col">{i18n.t("tickets.columns.requester")}</th>
                        <th scope="col">{i18n.t("tickets.columns.status")}</th>
                        <th scope="col">{i18n.t("tickets.columns.priority")}</th>
                        <th scope="col" class="queue-table__department">
                          {i18n.t("tickets.columns.department")}
                        </th>
                        <th scope="col">{i18n.t("tickets.columns.assignee")}</th>
                        <th scope="col">{i18n.t("tickets.columns.sla")}</th>
                        <th scope="col">{i18n.t("tickets.columns.updated")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={list.tickets}>
                        {(ticket, index) => (
                          <QueueRow
                            ticket={ticket}
                            selected={selected() === index()}
                            checked={checked().has(ticket.ticketId)}
                            checkable={state().view !== OVERDUE}
                            onCheck={() => toggle(ticket.ticketId)}
                            ref={(row) => (rows[index()] = row)}
                            onOpen={() => {
                              setSelected(index());
                              open(ticket);
                            }}
                          />
                        )}
                      </For>
                    </tbody>
                  </table>
                </TableScroll>
                <Show when={list.cursor || list.moreError}>
                  <div class="queue__more">
                    <Show when={list.moreError}>
                      <Notice kind="error">{list.moreError}</Notice>
                    </Show>
                    <Show when={list.cursor}>
                      <button type="button" class="button button--secondary" onClick={() => void loadMore()} disabled={list.loadingMore} data-testid="load-more">
                        {list.loadingMore ? i18n.t("tickets.loadingMore") : i18n.t("tickets.loadMore")}
                      </button>
                    </Show>
                  </div>
                </Show>
              </Show>
            </Show>
          </Show>
        </section>
      </div>
      <Show when={savingView() && filtersOf(state())}>
        {(query) => (
          <ViewDialog
            title={i18n.t("savedViews.formLabel")}
            submit={i18n.t("savedViews.submit")}
            canShare={configures(me().staff.role)}
            onClose={() => setSavingView(false)}
            onSubmit={async (name, shared) => {
              await Frontline.createView({ name, shared, query: query() });
              setSavingView(false);
              void refetchViews();
              void refetchViewCounts();
            }}
          />
        )}
      </Show>
    </>
  );
}

/** One ticket of the list; a click anywhere on it opens the ticket. */
function QueueRow(props: {
  ticket: TicketInfo;
  selected: boolean;
  checked: boolean;
  checkable: boolean;
  onCheck: () => void;
  ref: (row: HTMLTableRowElement) => void;
  onOpen: () => void;
}) {
  const i18n = useI18n();
  const { me } = useMe();
  const directory = useDirectory();
  const assignee = () => directory.staffById(props.ticket.assigneeId);
  return (
    <tr
      ref={props.ref}
      class="queue-row"
      classList={{ "queue-row--selected": props.selected, "queue-row--checked": props.checked }}
      aria-current={props.selected ? "true" : undefined}
      tabindex="-1"
      data-testid="queue-row"
      data-ticket-id={props.ticket.ticketId}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest("a, input, label")) return;
        props.onOpen();
      }}
    >
      <td class="queue-table__select">
        <Show when={props.checkable}>
          <input
            type="checkbox"
            class="queue-row__check"
            checked={props.checked}
            onChange={() => props.onCheck()}
            aria-label={i18n.t("bulk.select", { number: props.ticket.number })}
            data-testid="row-check"
          />
        </Show>
      </td>
      <td class="queue-table__number">#{props.ticket.number}</td>
      <td class="queue-table__subject" title={props.ticket.subject}>
        <A href={`/tickets/${props.ticket.ticketId}`} class="queue-row__link">
          {props.ticket.subject}
        </A>
        <Show when={props.ticket.preview}>
          <span class="queue-row__preview">{props.ticket.preview}</span>
        </Show>
      </td>
      <td class="queue-table__requester" title={props.ticket.requester.name}>{props.ticket.requester.name}</td>
      <td class="queue-table__status">
        <StatusBadge status={props.ticket.status} />
      </td>
      <td class="queue-table__priority">
        <PriorityBadge priority={props.ticket.priority} />
      </td>
      <td class="queue-table__department">{directory.departmentById(props.ticket.departmentId)?.name ?? i18n.t("common.none")}</td>
      <td class="queue-table__assignee">
        <Show when={props.ticket.assigneeId} fallback={<span class="muted">{i18n.t("tickets.unassigned")}</span>}>
          {assignee()?.name ?? i18n.t("common.none")}
          <Show when={props.ticket.assigneeId === me().staff.staffId}>
            {" "}
            <span class="muted small">({i18n.t("common.you")})</span>
          </Show>
        </Show>
      </td>
      <td class="queue-table__sla">
        <SlaCountdown sla={props.ticket.sla} />
      </td>
      <td class="muted queue-table__updated" title={i18n.dateTime(props.ticket.updatedAt)}>
        {i18n.relative(props.ticket.updatedAt)}
      </td>
    </tr>
  );
}

/**
 * The views and departments, each with its count; the overdue tickets right after the unassigned ones. Plain links
 * (the router still handles their clicks): the router's <A> marks every link to /tickets as the current page whatever
 * its query, so each view would claim aria-current="page" at once; here only the view on screen does.
 */
function QueueSidebar(props: { state: QueueState; overdue: number | undefined; savedViews: JSX.Element }) {
  const i18n = useI18n();
  const { me } = useMe();
  const directory = useDirectory();
  const views = () => SidebarViews.filter((view) => view !== "trash" || configures(me().staff.role));
  const viewHref = (view: QueueView) => queueHref({ view, sort: props.state.sort });
  const count = (view: QueueView) => directory.counts.latest?.views[view];
  return (
    <nav class="queue-nav" aria-label={i18n.t("tickets.viewsLabel")}>
      <ul class="queue-nav__list">
        <For each={views()}>
          {(view) => (
            <>
              <li>
                <a
                  href={viewHref(view)}
                  class="queue-nav__item"
                  classList={{ "queue-nav__item--active": props.state.view === view }}
                  aria-current={props.state.view === view ? "page" : undefined}
                  data-testid={`view-${view}`}
                >
                  <span class="queue-nav__label">{i18n.t(`tickets.views.${view}`)}</span>
                  <Show when={count(view) !== undefined}>
                    <span class="queue-nav__count">{count(view)}</span>
                  </Show>
                </a>
              </li>
              <Show when={view === "unassigned"}>
                <li>
                  <a
                    href={queueHref({ view: OVERDUE, sort: props.state.sort })}
                    class="queue-nav__item"
                    classList={{ "queue-nav__item--active": props.state.view === OVERDUE }}
                    aria-current={props.state.view === OVERDUE ? "page" : undefined}
                    data-testid="view-overdue"
                  >
                    <span class="queue-nav__label">{i18n.t("tickets.views.overdue")}</span>
                    <Show when={props.overdue !== undefined}>
                      <span class="queue-nav__count" classList={{ "queue-nav__count--alert": (props.overdue ?? 0) > 0 }} data-testid="overdue-count">
                        {props.overdue}
                      </span>
                    </Show>
                  </a>
                </li>
              </Show>
            </>
          )}
        </For>
      </ul>
      {props.savedViews}
      <Show when={directory.myDepartments().length > 0}>
        <h2 class="queue-nav__heading">{i18n.t("tickets.departments")}</h2>
        <ul class="queue-nav__list">
          <For each={directory.myDepartments()}>
            {(department) => {
              const active = () => props.state.view === "department" && props.state.departmentId === department.departmentId;
              return (
                <li>
                  <a
                    href={queueHref({ view: "department", departmentId: department.departmentId, sort: props.state.sort })}
                    class="queue-nav__item"
                    classList={{ "queue-nav__item--active": active() }}
                    aria-current={active() ? "page" : undefined}
                    data-testid="view-department"
                  >
                    <span class="queue-nav__label">{department.name}</span>
                    <span class="queue-nav__count">{directory.counts.latest?.departments[department.departmentId] ?? 0}</span>
                  </a>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </nav>
  );
}

/** Status, priority, type, tag, department and assignee filters, and the sort. */
function QueueFilters(props: { state: QueueState; onChange: (state: QueueState) => void; onSave: () => void }) {
  const i18n = useI18n();
  const directory = useDirectory();
  const any = (): SelectOption => ({ value: "", label: i18n.t("tickets.filters.any") });
  const set = (patch: Partial<QueueState>) => props.onChange({ ...props.state, ...patch });
  const value = <T extends string>(text: string) => (text ? (text as T) : undefined);
  const [tag, setTag] = createSignal(props.state.tag ?? "");
  createEffect(() => setTag(props.state.tag ?? ""));
  const applyTag = () => {
    const next = tag().trim().toLowerCase() || undefined;
    if (next !== props.state.tag) set({ tag: next });
  };
  const departmentOptions = () => [
    any(),
    ...(directory.myDepartments().map((d) => ({ value: d.departmentId, label: d.name })) ?? []),
  ];
  const staffOptions = () => [
    any(),
    ...(directory.staff.latest ?? []).filter((s) => s.status === "active").map((s) => ({ value: s.staffId, label: s.name })),
  ];

  return (
    <div class="filters" role="group" aria-label={i18n.t("tickets.filtersLabel")}>
      <SelectField
        id="filter-status"
        compact
        label={i18n.t("tickets.filters.status")}
        value={props.state.status ?? ""}
        options={[any(), ...Statuses.map((s) => ({ value: s, label: i18n.t(`vocab.status.${s}`) }))]}
        onValue={(v) => set({ status: value(v) })}
      />
      <SelectField
        id="filter-priority"
        compact
        label={i18n.t("tickets.filters.priority")}
        value={props.state.priority ?? ""}
        options={[any(), ...Priorities.map((p) => ({ value: p, label: i18n.t(`vocab.priority.${p}`) }))]}
        onValue={(v) => set({ priority: value(v) })}
      />
      <SelectField
        id="filter-type"
        compact
        label={i18n.t("tickets.filters.type")}
        value={props.state.type ?? ""}
        options={[any(), ...Types.map((t) => ({ value: t, label: i18n.t(`vocab.type.${t}`) }))]}
        onValue={(v) => set({ type: value(v) })}
      />
      <Show when={props.state.view !== "department"}>
        <SelectField
          id="filter-department"
          compact
          label={i18n.t("tickets.filters.departmentId")}
          value={props.state.departmentId ?? ""}
          options={departmentOptions()}
          onValue={(v) => set({ departmentId: value(v) })}
        />
      </Show>
      <Show when={props.state.view !== "mine" && props.state.view !== "unassigned"}>
        <SelectField
          id="filter-assignee"
          compact
          label={i18n.t("tickets.filters.assigneeId")}
          value={props.state.assigneeId ?? ""}
          options={staffOptions()}
          onValue={(v) => set({ assigneeId: value(v) })}
        />
      </Show>
      <div class="field field--compact">
        <label class="field__label" for="filter-tag">
          {i18n.t("tickets.filters.tag")}
        </label>
        <input
          id="filter-tag"
          class="input"
          value={tag()}
          placeholder={i18n.t("tickets.filters.tagPlaceholder")}
          maxLength={40}
          onInput={(event) => setTag(event.currentTarget.value)}
          onChange={applyTag}
          onKeyDown={(event) => event.key === "Enter" && applyTag()}
        />
      </div>
      <div class="filters__end">
        <button type="button" class="button button--secondary button--small" onClick={() => props.onSave()} data-testid="save-view">
          {i18n.t("savedViews.save")}
        </button>
        <Show when={hasFilters(props.state)}>
          <button type="button" class="button button--ghost button--small" onClick={() => props.onChange(withoutFilters(props.state))}>
            {i18n.t("tickets.clearFilters")}
          </button>
        </Show>
        <SelectField
          id="queue-sort"
          compact
          label={i18n.t("tickets.sortLabel")}
          value={props.state.sort}
          options={[
            { value: "priority", label: i18n.t("tickets.sorts.priority") },
            { value: "updated", label: i18n.t("tickets.sorts.updated") },
          ]}
          onValue={(v) => set({ sort: v === "updated" ? "updated" : "priority" })}
        />
      </div>
    </div>
  );
}
