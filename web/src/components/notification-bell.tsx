import { createSignal, For, onCleanup, Show } from "solid-js";
import { A } from "@solidjs/router";
import type { NotificationInfo } from "../api/types";
import { useI18n } from "../i18n";
import { useNotifications } from "../session/notifications";

/**
 * The bell in the top bar: the number of unread notifications, and a panel that lists them (newest first) with a
 * link to each ticket; following a link or the check mark marks one read, "Mark all read" all of them.
 */
export function NotificationBell() {
  const i18n = useI18n();
  const notifications = useNotifications();
  const [open, setOpen] = createSignal(false);
  let root: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;

  const close = (returnFocus = false) => {
    setOpen(false);
    if (returnFocus) button?.focus();
  };
  const onDocumentDown = (event: MouseEvent) => {
    if (open() && root && !root.contains(event.target as Node)) close();
  };
  // Esc closes the panel wherever the focus is, before any page shortcut sees it (Esc on a ticket leaves the ticket).
  const onDocumentKey = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    close(true);
  };
  document.addEventListener("mousedown", onDocumentDown);
  document.addEventListener("keydown", onDocumentKey, true);
  onCleanup(() => {
    document.removeEventListener("mousedown", onDocumentDown);
    document.removeEventListener("keydown", onDocumentKey, true);
  });

  const toggle = () => {
    const next = !open();
    setOpen(next);
    // Opening shows what is new now, not what was new at the last poll.
    if (next) void notifications?.refresh();
  };

  const unread = () => notifications?.unread() ?? 0;
  const label = () => (unread() > 0 ? i18n.t("notifications.buttonUnread", { count: unread() }) : i18n.t("notifications.button"));

  return (
    <div class="bell" ref={root}>
      <button
        ref={button}
        type="button"
        class="icon-button bell__button"
        aria-label={label()}
        title={label()}
        aria-expanded={open()}
        aria-controls="notifications-panel"
        onClick={toggle}
        data-testid="bell"
      >
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path
            fill="currentColor"
            d="M10 2a5.5 5.5 0 0 0-5.5 5.5v2.9l-1.3 2.2A1 1 0 0 0 4 14h12a1 1 0 0 0 .8-1.4l-1.3-2.2V7.5A5.5 5.5 0 0 0 10 2Zm0 16a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 10 18Z"
          />
        </svg>
        <Show when={unread() > 0}>
          <span class="bell__count" data-testid="bell-count">
            {unread() > 99 ? "99+" : unread()}
          </span>
        </Show>
      </button>
      <Show when={open()}>
        <div class="popover bell__panel" id="notifications-panel" role="region" aria-label={i18n.t("notifications.title")} data-testid="notifications">
          <div class="bell__head">
            <h2 class="bell__title">{i18n.t("notifications.title")}</h2>
            <Show when={unread() > 0}>
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  // The button goes with the last unread one: the keyboard stays on the bell.
                  button?.focus();
                  void notifications?.markAllRead();
                }}
                data-testid="mark-all-read"
              >
                {i18n.t("notifications.markAllRead")}
              </button>
            </Show>
          </div>
          <Show when={notifications?.failed()}>
            <p class="bell__failed small negative">{i18n.t("notifications.failed")}</p>
          </Show>
          <Show
            when={(notifications?.list().length ?? 0) > 0}
            fallback={<p class="bell__empty muted small">{i18n.t("notifications.empty")}</p>}
          >
            <ul class="bell__list">
              <For each={notifications?.list()}>
                {(item) => <NotificationItem item={item} onOpen={() => close()} />}
              </For>
            </ul>
          </Show>
        </div>
      </Show>
    </div>
  );
}

function NotificationItem(props: { item: NotificationInfo; onOpen: () => void }) {
  const i18n = useI18n();
  const notifications = useNotifications();
  const unread = () => !props.item.readAt;
  const read = () => void notifications?.markRead(props.item.notificationId);
  const text = () => (
    <>
      <span class="bell__item-title">{props.item.title}</span>
      <Show when={props.item.body}>
        <span class="bell__item-body">{props.item.body}</span>
      </Show>
      <time class="bell__item-time" datetime={props.item.createdAt} title={i18n.dateTime(props.item.createdAt)}>
        {i18n.relative(props.item.createdAt)}
      </time>
    </>
  );
  return (
    <li class="bell__item" classList={{ "bell__item--unread": unread() }} data-testid="notification" data-kind={props.item.kind} data-unread={unread() ? "true" : undefined}>
      <span class="bell__dot" aria-hidden="true" />
      <Show when={props.item.ticketId} fallback={<div class="bell__item-text">{text()}</div>}>
        {(ticketId) => (
          <A
            href={`/tickets/${ticketId()}`}
            class="bell__item-text bell__item-link"
            onClick={() => {
              read();
              props.onOpen();
            }}
          >
            {text()}
          </A>
        )}
      </Show>
      <Show when={unread()}>
        <button type="button" class="icon-button bell__read" aria-label={i18n.t("notifications.markRead")} title={i18n.t("notifications.markRead")} onClick={read} data-testid="mark-read">
          <svg viewBox="0 0 20 20" aria-hidden="true">
            <path fill="currentColor" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
          </svg>
        </button>
      </Show>
    </li>
  );
}
