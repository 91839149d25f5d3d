import { createEffect, createSignal, For, on, Show } from "solid-js";
import { Frontline } from "../api/client";
import type { EventInfo } from "../api/types";
import { LoadError, Loading } from "../components/notice";
import { useI18n } from "../i18n";
import { useDirectory } from "../session/directory";
import { eventSentence, type EventNames } from "../events/sentence";

/**
 * The ticket's history from the event log (GET /api/tickets/:id/events), newest first, in a panel that loads when
 * opened and again after each change of the ticket while it is open. Each event reads as a sentence, with the people,
 * departments and requester named.
 */
export function HistoryPanel(props: { ticketId: string; version: number; requester?: { customerId: string; name: string } }) {
  const i18n = useI18n();
  const directory = useDirectory();
  const [open, setOpen] = createSignal(false);
  const [events, setEvents] = createSignal<EventInfo[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const names: EventNames = {
    staff: (id) => directory.staffById(id)?.name,
    department: (id) => directory.departmentById(id)?.name,
    customer: (id) => (props.requester?.customerId === id ? props.requester.name : undefined),
  };

  let generation = 0;
  const load = async (more = false) => {
    const mine = ++generation;
    setLoading(true);
    setError(undefined);
    try {
      const page = await Frontline.ticketEvents(props.ticketId, more ? (cursor() ?? undefined) : undefined);
      if (mine !== generation) return;
      setEvents(more ? [...events(), ...page.events] : page.events);
      setCursor(page.cursor);
    } catch (failure) {
      if (mine === generation) setError(failure);
    } finally {
      if (mine === generation) setLoading(false);
    }
  };
  createEffect(on([open, () => props.version], ([isOpen]) => isOpen && void load()));

  return (
    <details class="card history" onToggle={(event) => setOpen(event.currentTarget.open)} data-testid="history">
      <summary class="history__summary">
        <span class="card__title">{i18n.t("ticket.history.title")}</span>
        <svg class="history__chevron" viewBox="0 0 20 20" aria-hidden="true">
          <path fill="currentColor" d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </summary>
      <Show when={error()}>
        <LoadError error={error()} onRetry={() => void load()} />
      </Show>
      <Show when={loading() && !events().length}>
        <Loading />
      </Show>
      <Show when={!loading() && !error() && !events().length}>
        <p class="muted small">{i18n.t("ticket.history.empty")}</p>
      </Show>
      <ol class="history__list">
        <For each={events()}>
          {(event) => {
            const told = () => eventSentence(event, i18n, names);
            return (
              <li class="history__item" data-testid="history-item" data-action={event.action}>
                <p class="history__sentence">{told().sentence}</p>
                <For each={told().details}>{(line) => <p class="history__line">{line}</p>}</For>
                <time datetime={event.at} title={i18n.dateTime(event.at)} class="history__time muted small">
                  {i18n.relative(event.at)}
                </time>
              </li>
            );
          }}
        </For>
      </ol>
      <Show when={cursor()}>
        <button type="button" class="button button--ghost button--small" disabled={loading()} onClick={() => void load(true)}>
          {i18n.t("ticket.history.loadMore")}
        </button>
      </Show>
    </details>
  );
}
