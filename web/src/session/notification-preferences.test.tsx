import { cleanup, fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderConsole, staff, stubApi } from "../../test/console-harness";
import type { NotificationPreferences } from "../api/types";
import { FollowButton } from "../tickets/follow-button";
import { MentionText } from "../tickets/mention-text";
import { NotificationPreferencesCard } from "./notification-preferences";

vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule);

const anna = staff({ staffId: "s-anna", name: "Anna Agent", role: "agent", email: "anna.agent@example.com" });
const boris = staff({ staffId: "s-boris", name: "Boris Second", role: "agent" });
const defaults: NotificationPreferences = {
  assigned: { bell: true, mail: true },
  queue: { bell: true, mail: false },
  reply: { bell: true, mail: false },
  mention: { bell: true, mail: true },
  follow: { bell: true, mail: false },
  sla: { bell: true, mail: true },
};
const base = {
  "GET /api/staff": () => ({ staff: [anna, boris] }),
  "GET /api/departments": () => ({ departments: [] }),
  "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
};

describe("notifications in the console", () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("shows each kind's bell and mail, and saves what the person switched", async () => {
    const api = stubApi({
      ...base,
      "GET /api/notifications/preferences": () => ({ preferences: defaults }),
      "PUT /api/notifications/preferences": ({ body }) => ({ preferences: (body as { preferences: NotificationPreferences }).preferences }),
    });
    renderConsole(() => <NotificationPreferencesCard />, anna);
    const queueMail = (await screen.findByLabelText("A ticket waits in my department: Mail")) as HTMLInputElement;
    expect(queueMail.checked).toBe(false);
    expect((screen.getByLabelText("SLA warnings and breaches: Mail") as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId("save-notify-prefs").getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(queueMail);
    fireEvent.click(screen.getByLabelText("A ticket I follow changes: Bell"));
    expect(screen.getByTestId("save-notify-prefs").getAttribute("aria-disabled")).toBe("false");
    fireEvent.click(screen.getByTestId("save-notify-prefs"));
    await waitFor(() => expect(screen.getByTestId("notify-prefs-status").textContent).toBe("Saved."));
    const put = api.calls.find((c) => c.method === "PUT")!;
    expect(put.body).toEqual({ preferences: { ...defaults, queue: { bell: true, mail: true }, follow: { bell: false, mail: false } } });
    expect(screen.getByTestId("save-notify-prefs").getAttribute("aria-disabled")).toBe("true");
  });

  it("follows and unfollows a ticket with a toggle button, and undoes a refused change", async () => {
    let refuse = false;
    const api = stubApi({
      ...base,
      "GET /api/tickets/t1/follow": () => ({ following: false }),
      "PUT /api/tickets/t1/follow": () => (refuse ? new Response(JSON.stringify({ error: { code: "not_found", message: "Ticket not found", requestId: "r" } }), { status: 404 }) : { following: true }),
      "DELETE /api/tickets/t1/follow": () => ({ following: false }),
    });
    renderConsole(() => <FollowButton ticketId="t1" />, anna);
    const button = await screen.findByRole("button", { name: "Follow" });
    // Disabled until it knows whether the person follows the ticket.
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    expect(button.getAttribute("aria-pressed")).toBe("false");
    // Pressed at once; a second press waits for the first answer.
    const answered = (count: number) => waitFor(() => expect(api.calls.filter((c) => c.path === "/api/tickets/t1/follow")).toHaveLength(count)).then(() => new Promise((r) => setTimeout(r, 20)));
    fireEvent.click(button);
    expect(button.getAttribute("aria-pressed")).toBe("true");
    await answered(2);
    fireEvent.click(button);
    await answered(3);
    expect(button.getAttribute("aria-pressed")).toBe("false");
    expect(api.calls.filter((c) => c.path === "/api/tickets/t1/follow").map((c) => c.method)).toEqual(["GET", "PUT", "DELETE"]);
    refuse = true;
    fireEvent.click(button);
    await screen.findByTestId("follow-error");
    expect(button.getAttribute("aria-pressed")).toBe("false");
  });

  it("marks the colleagues a note mentions, as the server reads them", async () => {
    stubApi(base);
    renderConsole(() => <MentionText body="@Anna Agent and @boris: see this. Mail support@example.com" />, anna);
    await waitFor(() => expect(screen.getAllByTestId("mention").map((m) => m.textContent)).toEqual(["@Anna Agent", "@boris"]));
  });
});
