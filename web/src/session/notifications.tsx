import { createContext, createSignal, onCleanup, onMount, useContext, type Accessor, type JSX } from "solid-js";
import { Frontline } from "../api/client";
import type { NotificationInfo } from "../api/types";

/** How often the console asks for new notifications while the window is in use. */
export const POLL_MS = 30_000;

export interface Notifications {
  list: Accessor<NotificationInfo[]>;
  unread: Accessor<number>;
  /** The last read failed (the list shows what it had). */
  failed: Accessor<boolean>;
  /** Reads the notifications now (after something that may have made one, e.g. an SLA event on screen). */
  refresh: () => Promise<void>;
  markRead: (notificationId: string) => Promise<void>;
  markAllRead: () => Promise<void>;
}

const NotificationsContext = createContext<Notifications>();

/**
 * The signed-in person's notifications (assignments, their department's queue, customers' replies, mentions, followed
 * tickets, SLA warnings and breaches: what their preferences keep in the bell): read at once, every half minute
 * while the page is visible, and as soon as the window is back in use. Marking read shows at once and is undone if
 * the API refuses it.
 */
export function NotificationsProvider(props: { children: JSX.Element }) {
  const [list, setList] = createSignal<NotificationInfo[]>([]);
  const [unread, setUnread] = createSignal(0);
  const [failed, setFailed] = createSignal(false);
  let generation = 0;

  const refresh = async () => {
    const mine = ++generation;
    try {
      const result = await Frontline.notifications();
      if (mine !== generation) return;
      setList(result.notifications);
      setUnread(result.unread);
      setFailed(false);
    } catch {
      if (mine === generation) setFailed(true);
    }
  };

  const markRead = async (notificationId: string) => {
    const before = { list: list(), unread: unread() };
    const target = before.list.find((n) => n.notificationId === notificationId);
    if (!target || target.readAt) return;
    generation++; // an answer already under way would bring the old state back
    setList(before.list.map((n) => (n.notificationId === notificationId ? { ...n, readAt: new Date().toISOString() } : n)));
    setUnread(Math.max(0, before.unread - 1));
    try {
      await Frontline.readNotification(notificationId);
    } catch {
      setList(before.list);
      setUnread(before.unread);
    }
  };

  const markAllRead = async () => {
    const before = { list: list(), unread: unread() };
    generation++;
    const at = new Date().toISOString();
    setList(before.list.map((n) => (n.readAt ? n : { ...n, readAt: at })));
    setUnread(0);
    try {
      await Frontline.readAllNotifications();
    } catch {
      setList(before.list);
      setUnread(before.unread);
    }
  };

  onMount(() => {
    void refresh();
    const visible = () => typeof document === "undefined" || document.visibilityState !== "hidden";
    const timer = setInterval(() => visible() && void refresh(), POLL_MS);
    const onFocus = () => void refresh();
    const onVisibility = () => visible() && void refresh();
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onVisibility);
    onCleanup(() => {
      clearInterval(timer);
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onVisibility);
    });
  });

  return (
    <NotificationsContext.Provider value={{ list, unread, failed, refresh, markRead, markAllRead }}>{props.children}</NotificationsContext.Provider>
  );
}

/** The notifications, inside the signed-in app shell; undefined elsewhere (a page rendered on its own in a test). */
export function useNotifications(): Notifications | undefined {
  return useContext(NotificationsContext);
}
