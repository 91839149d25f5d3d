import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { A } from "@solidjs/router";
import { Frontline } from "../../api/client";
import type { EventInfo, EventQuery } from "../../api/types";
import { adminsOnly } from "../../components/admins-only";
import { PagedBody } from "../../components/paged-body";
import { PageHeader } from "../../components/page-header";
import { createPagedList } from "../../components/paged-list";
import { SelectField } from "../../components/select-field";
import { TableScroll } from "../../components/table-scroll";
import { TextField } from "../../components/text-field";
import {
  checkFilters,
  emptyFilters,
  EventActions,
  eventQuery,
  isFiltered,
  PAGE_SIZE,
  systemActorKey,
  ticketNumber,
  type EventFilters,
} from "../../events/filters";
import { readableChanges } from "../../events/changes";
import { eventSentence, hasSentence, type EventNames } from "../../events/sentence";
import { errorMessage } from "../../forms/errors";
import { useI18n } from "../../i18n";
import { useDirectory } from "../../session/directory";

/**
 * /admin/events: the event log, newest first, filtered by who acted, the action, a ticket and a date range, a page at
 * a time; and the same selection as a CSV download.
 */
export const EventsPage = adminsOnly(EventLog);

function EventLog() {
  const i18n = useI18n();
  const directory = useDirectory();
  const [filters, setFilters] = createStore<EventFilters>(emptyFilters());
  const [query, setQuery] = createSignal<EventQuery>({});
  const [filterErrors, setFilterErrors] = createSignal<Partial<Record<"ticket" | "to", string>>>({});
  const [applying, setApplying] = createSignal(false);
  const list = createPagedList<EventInfo>(async (cursor) => {
    const page = await Frontline.events({ ...query(), cursor, limit: PAGE_SIZE });
    return { items: page.events, cursor: page.cursor };
  }, i18n);
  void list.reload();

  /** Checks the filters, finds the ticket by its number, then reads the first page of what they select. */
  const apply = async (event?: Event) => {
    event?.preventDefault();
    const problems = checkFilters(filters);
    const said: Partial<Record<"ticket" | "to", string>> = {};
    if (problems.ticket) said.ticket = i18n.t("eventLog.ticketInvalid");
    if (problems.to) said.to = i18n.t("eventLog.rangeInvalid");
    setFilterErrors(said);
    if (Object.keys(said).length) return;
    const number = ticketNumber(filters);
    let ticketId: string | undefined;
    if (number !== undefined) {
      setApplying(true);
      try {
        ticketId = (await Frontline.ticketByNumber(number)).tickets[0]?.ticketId;
      } catch (error) {
        setFilterErrors({ ticket: errorMessage(error, i18n) });
        return;
      } finally {
        setApplying(false);
      }
      if (!ticketId) {
        setFilterErrors({ ticket: i18n.t("eventLog.noTicket", { number }) });
        return;
      }
    }
    setQuery(eventQuery(filters, ticketId));
    void list.reload();
  };

  const clear = () => {
    setFilters(emptyFilters());
    setFilterErrors({});
    setQuery({});
    void list.reload();
  };

  const actionOptions = () => [
    { value: "", label: i18n.t("eventLog.anyAction") },
    ...EventActions.map((action) => ({ value: action, label: i18n.lookup(`eventLog.actions.${action}`) ?? action })),
    // An action the address asked for that the list does not know (an older code) stays choosable, by its code.
    ...(filters.action && !(EventActions as readonly string[]).includes(filters.action) ? [{ value: filters.action, label: filters.action }] : []),
  ];

  const staffOptions = () => [
    { value: "", label: i18n.t("eventLog.anyone") },
    ...(directory.staff.latest ?? []).map((s) => ({ value: s.staffId, label: s.name })),
  ];

  return (
    <>
      <PageHeader
        title={i18n.t("eventLog.title")}
        subtitle={i18n.t("eventLog.subtitle")}
        actions={
          <a class="button button--secondary" href={Frontline.eventsCsvHref(query())} download="" data-testid="events-csv">
            {i18n.t("eventLog.download")}
          </a>
        }
      />
      <section class="card card--flush" aria-label={i18n.t("eventLog.title")} aria-busy={list.state.loading} data-testid="event-log">
        <form class="filters filters--wide" onSubmit={(event) => void apply(event)} novalidate aria-label={i18n.t("eventLog.filters")} data-testid="event-filters">
          <SelectField id="events-actor" compact label={i18n.t("eventLog.actor")} value={filters.actorId} options={staffOptions()} onValue={(v) => setFilters("actorId", v)} />
          <SelectField id="events-action" compact label={i18n.t("eventLog.action")} value={filters.action} options={actionOptions()} onValue={(v) => setFilters("action", v)} />
          <TextField
            id="events-ticket"
            compact
            label={i18n.t("eventLog.ticket")}
            value={filters.ticket}
            onValue={(v) => setFilters("ticket", v)}
            placeholder={i18n.t("eventLog.ticketPlaceholder")}
            inputMode="numeric"
            error={filterErrors().ticket}
            maxLength={12}
          />
          <TextField id="events-from" compact type="date" label={i18n.t("eventLog.from")} value={filters.from} onValue={(v) => setFilters("from", v)} />
          <TextField id="events-to" compact type="date" label={i18n.t("eventLog.to")} value={filters.to} onValue={(v) => setFilters("to", v)} error={filterErrors().to} />
          <div class="filters__end">
            <Show when={isFiltered(filters) || Object.keys(query()).length > 0}>
              <button type="button" class="button button--ghost button--small" onClick={clear} data-testid="events-clear">
                {i18n.t("eventLog.clear")}
              </button>
            </Show>
            <button type="submit" class="button button--primary button--small" disabled={applying()} data-testid="events-apply">
              {i18n.t("eventLog.apply")}
            </button>
          </div>
        </form>
        <PagedBody list={list} empty={Object.keys(query()).length ? i18n.t("eventLog.emptyFiltered") : i18n.t("eventLog.empty")} emptyTestId="events-empty">
          <TableScroll label={i18n.t("eventLog.title")}>
            <table class="table table--dense" classList={{ "is-loading": list.state.loading }} data-testid="events-table">
              <thead>
                <tr>
                  <th scope="col" class="table__nowrap">{i18n.t("eventLog.columns.at")}</th>
                  <th scope="col">{i18n.t("eventLog.columns.actor")}</th>
                  <th scope="col">{i18n.t("eventLog.columns.action")}</th>
                  <th scope="col">{i18n.t("eventLog.columns.target")}</th>
                  <th scope="col">{i18n.t("eventLog.columns.changes")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list.state.items}>{(event) => <EventRow event={event} />}</For>
              </tbody>
            </table>
          </TableScroll>
        </PagedBody>
      </section>
    </>
  );
}

/** How many changes of an event show at once (a ticket's creation lists a dozen fields); the rest on request. */
const SHOWN_CHANGES = 4;

function ChangeLine(props: { line: string }) {
  return (
    <span class="cell-line small" data-testid="event-change">
      {props.line}
    </span>
  );
}

function EventRow(props: { event: EventInfo }) {
  const i18n = useI18n();
  const directory = useDirectory();
  const names: EventNames = {
    staff: (id) => directory.staffById(id)?.name,
    department: (id) => directory.departmentById(id)?.name,
    system: (actor) => i18n.lookup(`eventLog.systemActors.${systemActorKey(actor)}`),
  };
  // A ticket's event reads as its history does: a sentence with the people and departments named.
  const told = () => (hasSentence(props.event.action) ? eventSentence(props.event, i18n, names) : undefined);
  const actor = () => props.event.actor;
  // Every other event's changes as words: fields and values by name, never codes, ids or data.
  const changes = () => readableChanges(props.event, i18n, names);
  const target = () => props.event.target;
  return (
    <tr data-testid="event-row" data-action={props.event.action}>
      <td class="table__nowrap">
        <time datetime={props.event.at} title={i18n.dateTime(props.event.at)}>
          {i18n.shortDate(props.event.at)}
          <span class="cell-line small muted">{i18n.time(props.event.at)}</span>
        </time>
      </td>
      <td>
        <span data-testid="event-actor">{actor().type === "system" ? (i18n.lookup(`eventLog.systemActors.${systemActorKey(actor())}`) ?? actor().name) : actor().name}</span>
        <Show when={props.event.actor.type !== "staff"}>
          <span class="cell-line small muted">{i18n.t(`eventLog.actorTypes.${props.event.actor.type}`)}</span>
        </Show>
      </td>
      <td>
        <span data-testid="event-action" title={props.event.action}>
          {i18n.lookup(`eventLog.actions.${props.event.action}`) ?? props.event.action}
        </span>
      </td>
      <td class="cell-subject">
        <Show when={target().type === "ticket"} fallback={<span class="cell-line cell-ellipsis">{target().label ?? target().id}</span>}>
          <A href={`/tickets/${target().id}`} class="cell-line">
            {target().label ?? target().id}
          </A>
        </Show>
        <span class="cell-line small muted">{i18n.lookup(`eventLog.targetTypes.${target().type}`) ?? target().type}</span>
      </td>
      <td class="cell-outcome">
        <Show
          when={told()}
          fallback={
            <>
              <For each={changes().slice(0, SHOWN_CHANGES)}>{(line) => <ChangeLine line={line} />}</For>
              <Show when={changes().length > SHOWN_CHANGES}>
                <details>
                  <summary class="link-button">{i18n.t("eventLog.more", { count: changes().length - SHOWN_CHANGES })}</summary>
                  <For each={changes().slice(SHOWN_CHANGES)}>{(line) => <ChangeLine line={line} />}</For>
                </details>
              </Show>
              <Show when={props.event.reason}>
                {(reason) => <span class="cell-line small muted">{i18n.t("ticket.history.reason", { reason: reason() })}</span>}
              </Show>
            </>
          }
        >
          {(sentence) => (
            <>
              <span class="cell-line small" data-testid="event-sentence">
                {sentence().sentence}
              </span>
              <For each={sentence().details}>{(line) => <span class="cell-line small muted">{line}</span>}</For>
            </>
          )}
        </Show>
      </td>
    </tr>
  );
}
