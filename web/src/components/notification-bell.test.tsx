import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { NotificationInfo } from "../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../test/console-harness";
import { router } from "../../test/router-stub";
import { NotificationsProvider, POLL_MS } from "../session/notifications";
import { NotificationBell } from "./notification-bell";

vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule);

const anna = staff({ staffId: "s-anna", name: "Anna Agent", role: "agent" });
const note = (notificationId: string, overrides: Partial<NotificationInfo> = {}): NotificationInfo => ({
  notificationId,
  kind: "sla_breach",
  ticketId: "t1",
  ticketNumber: 1042,
  title: "SLA breach: first response is overdue",
  body: "#1042 Card declined",
  createdAt: new Date().toISOString(),
  ...overrides,
});
let notifications: NotificationInfo[] = [];

function routes() {
  notifications = [note("n2"), note("n1", { kind: "sla_warning", title: "SLA warning: first response is due soon", ticketId: "t2", body: "#1043 Refund" })];
  return {
    "GET /api/staff": () => ({ staff: [anna] }),
    "GET /api/departments": () => ({ departments: [] }),
    "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
    "GET /api/notifications": () => ({ notifications, unread: notifications.filter((n) => !n.readAt).length, cursor: null }),
    "POST /api/notifications/n1/read": () => {
      notifications = notifications.map((n) => (n.notificationId === "n1" ? { ...n, readAt: new Date().toISOString() } : n));
      return new Response(null, { status: 204 });
    },
    "POST /api/notifications/n2/read": () => new Response(null, { status: 204 }),
    "POST /api/notifications/read-all": () => {
      notifications = notifications.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() }));
      return { marked: 2 };
    },
  };
}

const renderBell = () =>
  renderConsole(
    () => (
      <NotificationsProvider>
        <NotificationBell />
      </NotificationsProvider>
    ),
    anna,
  );

describe("the notification bell", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("shows the unread count, and lists the notifications with links to their tickets", async () => {
    stubApi(routes());
    renderBell();
    expect((await screen.findByTestId("bell-count")).textContent).toBe("2");
    expect(screen.getByTestId("bell").getAttribute("aria-label")).toBe("Notifications, 2 unread");
    fireEvent.click(screen.getByTestId("bell"));
    const items = await screen.findAllByTestId("notification");
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining("SLA breach: first response is overdue#1042 Card declined"),
      expect.stringContaining("SLA warning: first response is due soon#1043 Refund"),
    ]);
    expect(items[0]!.querySelector("a")?.getAttribute("href")).toBe("/tickets/t1");
    expect(screen.getByTestId("bell").getAttribute("aria-expanded")).toBe("true");
  });

  it("marks one read (at once, and in the API), following its link marks it read too, and all at once", async () => {
    const api = stubApi(routes());
    renderBell();
    await screen.findByTestId("bell-count");
    fireEvent.click(screen.getByTestId("bell"));
    const items = await screen.findAllByTestId("notification");

    fireEvent.click(within(items[1]!).getByTestId("mark-read"));
    expect(screen.getByTestId("bell-count").textContent).toBe("1");
    await waitFor(() => expect(api.calls.some((c) => c.method === "POST" && c.path === "/api/notifications/n1/read")).toBe(true));
    expect(screen.getAllByTestId("notification")[1]!.dataset.unread).toBeUndefined();

    fireEvent.click(screen.getAllByTestId("notification")[0]!.querySelector("a")!);
    await waitFor(() => expect(api.calls.some((c) => c.path === "/api/notifications/n2/read")).toBe(true));
    // Following a link closes the panel.
    expect(screen.queryByTestId("notifications")).toBeNull();
    expect(screen.queryByTestId("bell-count")).toBeNull();

    notifications = [note("n3")];
    fireEvent.click(screen.getByTestId("bell"));
    await waitFor(() => expect(screen.getByTestId("bell-count").textContent).toBe("1"));
    fireEvent.click(screen.getByTestId("mark-all-read"));
    expect(screen.queryByTestId("bell-count")).toBeNull();
    await waitFor(() => expect(api.calls.some((c) => c.path === "/api/notifications/read-all")).toBe(true));
  });

  it("puts the count back when the API refuses to mark one read", async () => {
    stubApi({ ...routes(), "POST /api/notifications/n1/read": () => jsonResponse(404, { error: { code: "not_found", message: "Notification not found", requestId: "r1" } }) });
    renderBell();
    await screen.findByTestId("bell-count");
    fireEvent.click(screen.getByTestId("bell"));
    fireEvent.click(within((await screen.findAllByTestId("notification"))[1]!).getByTestId("mark-read"));
    await waitFor(() => expect(screen.getByTestId("bell-count").textContent).toBe("2"));
  });

  it("asks again every half minute, and when the window is back in use", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = stubApi(routes());
    renderBell();
    await screen.findByTestId("bell-count");
    const reads = () => api.calls.filter((c) => c.path === "/api/notifications").length;
    expect(reads()).toBe(1);
    notifications = [note("n9"), ...notifications];
    await vi.advanceTimersByTimeAsync(POLL_MS);
    await waitFor(() => expect(screen.getByTestId("bell-count").textContent).toBe("3"));
    expect(reads()).toBe(2);
    window.dispatchEvent(new Event("focus"));
    await waitFor(() => expect(reads()).toBe(3));
  });

  it("says when there is nothing, and closes with Escape", async () => {
    stubApi({ ...routes(), "GET /api/notifications": () => ({ notifications: [], unread: 0, cursor: null }) });
    renderBell();
    fireEvent.click(await screen.findByTestId("bell"));
    expect((await screen.findByTestId("notifications")).textContent).toContain("No notifications yet.");
    fireEvent.keyDown(screen.getByTestId("notifications"), { key: "Escape" });
    expect(screen.queryByTestId("notifications")).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId("bell"));
  });
});
