import { cleanup, fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DepartmentInfo, MessageInfo, TicketDetail, TicketInfo } from "../../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import { TicketPage } from "./[id]";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

const dora = staff({ staffId: "s-dora", name: "Dora Dispatcher", role: "dispatcher" });
const artem = staff({ staffId: "s-artem", name: "Artem Agent", role: "agent", departmentIds: ["d-pay"] });
const departments: DepartmentInfo[] = [
  { departmentId: "d-pay", name: "Payments", isDefault: false, createdAt: "2026-01-01T00:00:00.000Z" },
  { departmentId: "d-sup", name: "Support", isDefault: true, createdAt: "2026-01-01T00:00:00.000Z" },
] as DepartmentInfo[];

// Cast: fixtures name only what the console reads, so that fields the core adds later do not break them.
const ticket = {
  ticketId: "t1",
  number: 1042,
  subject: "Card declined at checkout",
  status: "open",
  priority: "normal",
  impact: "medium",
  urgency: "medium",
  type: "incident",
  channel: "agent",
  origin: "phone",
  departmentId: "d-pay",
  assigneeId: "s-artem",
  tags: ["billing"],
  requester: { customerId: "c1", name: "Petro Caller" },
  createdAt: "2026-03-01T10:00:00.000Z",
  createdBy: "s-dora",
  updatedAt: "2026-03-01T10:05:00.000Z",
  updatedBy: { id: "s-dora", name: "Dora Dispatcher" },
  version: 3,
  messageCount: 3,
} as TicketInfo;

function detail(overrides: Partial<TicketInfo> = {}, permissions: Partial<TicketDetail["permissions"]> = {}): TicketDetail {
  return {
    ticket: { ...ticket, ...overrides },
    messages: [
      {
        messageId: "m1",
        kind: "customer",
        author: { type: "customer", id: "c1", name: "Petro Caller" },
        body: "My card is declined at the last step.",
        createdAt: ticket.createdAt,
        enteredBy: "s-dora",
      } as MessageInfo,
      {
        messageId: "m2",
        kind: "note",
        author: { type: "staff", id: "s-dora", name: "Dora Dispatcher" },
        body: "He called twice already.",
        createdAt: ticket.createdAt,
      } as MessageInfo,
      {
        messageId: "m3",
        kind: "system",
        author: { type: "staff", id: "s-dora", name: "Dora Dispatcher" },
        body: "",
        createdAt: ticket.createdAt,
        system: { action: "status", from: "new", to: "open" },
      } as MessageInfo,
    ],
    permissions: { work: true, assign: false, take: true, redirect: false, delete: false, restore: false, purge: false, ...permissions },
    slaEvents: [],
    mergedFrom: [],
    links: [],
  };
}

const directoryRoutes = {
  "GET /api/staff": () => ({ staff: [dora, artem] }),
  "GET /api/departments": () => ({ departments }),
  "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
  "GET /api/tickets/t1/reply-signature": () => ({ signature: { text: "Artem Agent\nAcme Support", locale: "en" } }),
  "GET /api/customers/c1": () => ({
    customer: { customerId: "c1", name: "Petro Caller", phone: "+380 44 123 45 67", createdAt: ticket.createdAt },
    organization: null,
    tickets: [],
    cursor: null,
  }),
};

const composer = () => screen.getByTestId("composer-text") as HTMLTextAreaElement;
const select = (testId: string) => screen.getByTestId(testId) as HTMLSelectElement;

describe("the ticket page", () => {
  beforeEach(() => {
    router.reset();
    router.params = { id: "t1" };
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    sessionStorage.clear();
  });

  it("shows customer messages, internal notes and system entries each in their own way", async () => {
    stubApi({ ...directoryRoutes, "GET /api/tickets/t1": () => detail() });
    renderConsole(() => <TicketPage />, artem);

    expect((await screen.findByTestId("ticket-subject")).textContent).toBe("Card declined at checkout");
    const note = screen.getByTestId("message-note");
    expect(note.className).toContain("message--note");
    expect(note.textContent).toContain("Internal note");
    await waitFor(() => expect(screen.getByTestId("message-customer").textContent).toContain("entered by Dora Dispatcher"));
    expect(screen.getByTestId("system-entry").textContent).toContain("Dora Dispatcher changed status from New to Open");
    expect(screen.getByTestId("ticket-origin").textContent).toBe("By phone");
  });

  it("shows a mail's attachments and its quoted text on demand, and offers its formatted HTML", async () => {
    const mail = detail({ channel: "email", origin: undefined });
    mail.messages[0] = {
      ...mail.messages[0]!,
      enteredBy: undefined,
      body: "Please refund the second charge.",
      fullBody: "Please refund the second charge.\n\n> On Monday you wrote: ...",
      hasHtml: true,
      viaEmail: true,
      attachments: [
        { attachmentId: "a1", filename: "invoice.pdf", contentType: "application/pdf", size: 48_200, inline: false },
        { attachmentId: "a2", filename: "logo.png", contentType: "image/png", size: 900, inline: true },
      ],
      droppedAttachments: ["video.mov"],
    };
    stubApi({ ...directoryRoutes, "GET /api/tickets/t1": () => mail });
    renderConsole(() => <TicketPage />, artem);
    await screen.findByTestId("ticket-subject");
    const message = screen.getByTestId("message-customer");
    expect(screen.getByTestId("ticket-origin").textContent).toBe("Received by email");

    // Inline images belong to the HTML; the rest are downloads.
    const links = [...message.querySelectorAll("a.attachment")] as HTMLAnchorElement[];
    expect(links.map((a) => [a.getAttribute("href"), a.textContent])).toEqual([["/api/tickets/t1/attachments/a1", "invoice.pdf48 kB"]]);
    expect(message.textContent).toContain("Not kept (over the size limit): video.mov");

    fireEvent.click(screen.getByRole("button", { name: "Show quoted text" }));
    expect(message.querySelector(".message__body")?.textContent).toContain("> On Monday you wrote");
    // The formatted view is a sandboxed frame of the API's sanitised HTML (happy-dom loads no frames: seen in Chromium).
    expect(screen.getByRole("button", { name: "Show formatted" })).toBeTruthy();
  });

  it("on a 409 says who changed the ticket, shows the current values and keeps the text being written", async () => {
    const current = { ...ticket, priority: "urgent" as const, version: 4, updatedBy: { id: "s-dora", name: "Dora Dispatcher" } };
    let reads = 0;
    const api = stubApi({
      ...directoryRoutes,
      "GET /api/tickets/t1": () => (++reads === 1 ? detail() : detail({ priority: "urgent", version: 4 })),
      "PATCH /api/tickets/t1": () =>
        jsonResponse(409, { error: { code: "conflict", message: "Changed by Dora Dispatcher while you were working", requestId: "r1", current } }),
    });
    renderConsole(() => <TicketPage />, artem);
    await screen.findByTestId("ticket-subject");

    fireEvent.input(composer(), { target: { value: "Hello Petro, I am looking into" } });
    fireEvent.change(select("ticket-status"), { target: { value: "pending" } });

    const banner = await screen.findByTestId("conflict-banner");
    expect(banner.textContent).toContain("Changed by Dora Dispatcher while you were working");
    expect(api.calls.find((c) => c.method === "PATCH")?.body).toEqual({ status: "pending", version: 3 });
    expect(screen.getByTestId("ticket-priority-badge").dataset.priority).toBe("urgent");
    expect(select("ticket-status").value).toBe("open");
    expect(composer().value).toBe("Hello Petro, I am looking into");
    expect(sessionStorage.getItem("frontline.draft.t1")).toContain("Hello Petro, I am looking into");
  });

  it("shows under a reply, read-only, what its letter adds after it, so that the agent does not sign twice", async () => {
    stubApi({ ...directoryRoutes, "GET /api/tickets/t1": () => detail() });
    renderConsole(() => <TicketPage />, artem);
    await screen.findByTestId("ticket-subject");
    fireEvent.click(screen.getByTestId("composer-reply"));
    const shown = await screen.findByTestId("composer-signature");
    expect(shown.textContent).toBe("The letter adds this after your reply:Artem Agent\nAcme Support");
    expect(screen.getByTestId("composer-signature-text").getAttribute("lang")).toBe("en");
    // Not in the text that is sent, and told to a screen reader with the text box.
    expect(composer().value).not.toContain("Acme Support");
    expect(shown.querySelector("textarea, input, [contenteditable]")).toBeNull();
    expect(composer().getAttribute("aria-describedby")).toBe("composer-signature");
    // An internal note goes to no one: nothing is added to it.
    fireEvent.click(screen.getByTestId("composer-note"));
    await waitFor(() => expect(screen.queryByTestId("composer-signature")).toBeNull());
    expect(composer().getAttribute("aria-describedby")).toBeNull();
    // Back to an empty reply, so that no draft of this ticket is left for the next test.
    fireEvent.click(screen.getByTestId("composer-reply"));
    fireEvent.input(composer(), { target: { value: "" } });
    await screen.findByTestId("composer-signature");
  });

  it("sends a reply with the status to set and the version, then empties the composer", async () => {
    const api = stubApi({
      ...directoryRoutes,
      "GET /api/tickets/t1": () => detail(),
      "POST /api/tickets/t1/replies": ({ body }) => {
        const sent = detail({ status: "solved", version: 4 });
        sent.messages.push({
          messageId: "m4",
          kind: "reply",
          author: { type: "staff", id: "s-artem", name: "Artem Agent" },
          body: (body as { body: string }).body,
          createdAt: ticket.updatedAt,
        } as MessageInfo);
        return jsonResponse(201, sent);
      },
    });
    renderConsole(() => <TicketPage />, artem);
    await screen.findByTestId("ticket-subject");

    fireEvent.input(composer(), { target: { value: "It works again now." } });
    fireEvent.click(screen.getByTestId("send-and-set"));
    fireEvent.click(await screen.findByTestId("send-as-solved"));

    await waitFor(() => expect(screen.getByTestId("ticket-status-badge").textContent).toBe("Solved"));
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({ body: "It works again now.", status: "solved", version: 3 });
    expect(screen.getByTestId("message-reply").textContent).toContain("It works again now.");
    await waitFor(() => expect(composer().value).toBe(""));
  });

  it("asks why before redirecting to another department, and sends the reason with the change", async () => {
    const api = stubApi({
      ...directoryRoutes,
      "GET /api/tickets/t1": () => detail({}, { assign: true, redirect: true }),
      "PATCH /api/tickets/t1": ({ body }) => ({ ticket: { ...ticket, ...(body as object), version: 4 } }),
    });
    renderConsole(() => <TicketPage />, dora);
    await screen.findByTestId("ticket-subject");
    await waitFor(() => expect(select("ticket-department").options.length).toBe(2));

    fireEvent.change(select("ticket-department"), { target: { value: "d-sup" } });
    const dialog = await screen.findByTestId("redirect-dialog");
    expect(dialog.textContent).toContain("Redirect to Support");
    expect(select("ticket-department").value).toBe("d-pay");
    fireEvent.click(screen.getByRole("button", { name: "Redirect" }));
    expect((await screen.findByText("Say why the ticket moves")).className).toBe("field__error");
    expect(api.calls.some((c) => c.method === "PATCH")).toBe(false);

    fireEvent.input(screen.getByLabelText("Reason"), { target: { value: "A payments question" } });
    fireEvent.click(screen.getByRole("button", { name: "Redirect" }));
    await waitFor(() => expect(screen.queryByTestId("redirect-dialog")).toBeNull());
    expect(api.calls.find((c) => c.method === "PATCH")?.body).toEqual({ departmentId: "d-sup", reason: "A payments question", version: 3 });
  });

  it("moves a ticket to the trash after asking, with its version, and offers restore and purge in the trash", async () => {
    const api = stubApi({
      ...directoryRoutes,
      "GET /api/tickets/t1": () => detail({}, { assign: true, redirect: true, delete: true }),
      "DELETE /api/tickets/t1": () => ({ ticket: { ...ticket, deletedAt: "2026-03-02T00:00:00.000Z", version: 4 } }),
    });
    const view = renderConsole(() => <TicketPage />, dora);
    await screen.findByTestId("ticket-subject");
    expect(screen.queryByTestId("restore")).toBeNull();

    fireEvent.click(screen.getByTestId("delete"));
    expect((await screen.findByTestId("confirm-dialog")).textContent).toContain("Move #1042 to the trash?");
    fireEvent.click(screen.getByTestId("confirm"));
    await waitFor(() => expect(router.navigate).toHaveBeenCalledWith("/tickets"));
    expect(api.calls.find((c) => c.method === "DELETE")?.path).toBe("/api/tickets/t1?version=3");
    view.unmount();

    const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner" });
    const trashed = stubApi({
      ...directoryRoutes,
      "GET /api/tickets/t1": () => detail({ deletedAt: "2026-03-02T00:00:00.000Z" }, { work: false, take: false, restore: true, purge: true }),
      "POST /api/tickets/t1/purge": () => new Response(null, { status: 204 }),
    });
    renderConsole(() => <TicketPage />, olga);
    await screen.findByTestId("restore");
    // Nothing to write or change in the trash.
    expect(screen.queryByTestId("composer")).toBeNull();
    expect(select("ticket-status").disabled).toBe(true);
    fireEvent.click(screen.getByTestId("purge"));
    fireEvent.click(await screen.findByTestId("confirm"));
    await waitFor(() => expect(router.navigate).toHaveBeenCalledWith("/tickets?view=trash"));
    expect(trashed.calls.some((c) => c.method === "POST" && c.path === "/api/tickets/t1/purge")).toBe(true);
  });

  it("says the ticket is not found when the API hides it", async () => {
    stubApi({
      ...directoryRoutes,
      "GET /api/tickets/t1": () => jsonResponse(404, { error: { code: "not_found", message: "Ticket not found", requestId: "r" } }),
    });
    renderConsole(() => <TicketPage />, artem, "ru");
    expect((await screen.findByTestId("ticket-not-found")).textContent).toContain("Обращение не найдено");
  });

  it("counts the SLA down in the header and the panel, and reads the ticket again once a warning or breach falls due", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const now = Date.now();
      const iso = (seconds: number) => new Date(now + seconds * 1000).toISOString();
      const running = {
        policyId: "p1",
        policyName: "Fast",
        targets: { first_response: { minutes: 1, elapsedMs: 0, since: iso(-50), warnAt: iso(-20), warnedAt: iso(-20), dueAt: iso(10), generation: 1 } },
      };
      const breached = {
        ...running,
        targets: { first_response: { ...running.targets.first_response, breachedAt: iso(10) } },
      };
      let reads = 0;
      const api = stubApi({
        ...directoryRoutes,
        "GET /api/tickets/t1": () => {
          reads++;
          if (reads < 3) return { ...detail({ sla: running }), slaEvents: [{ target: "first_response", kind: "warning", policyName: "Fast", dueAt: iso(-20), at: iso(-20), actions: [] }] };
          // The timer fired meanwhile: the breach, the raised priority and the system entries.
          const fired = detail({ sla: breached, priority: "high", version: 4 });
          fired.messages.push(
            { messageId: "m8", kind: "system", author: { type: "system", id: "sla", name: "SLA" }, body: "", createdAt: iso(10), system: { action: "sla_breach", to: "first_response", reason: "Fast" } } as MessageInfo,
            { messageId: "m9", kind: "system", author: { type: "system", id: "sla", name: "SLA" }, body: "", createdAt: iso(10), system: { action: "priority", from: "normal", to: "high" } } as MessageInfo,
          );
          fired.slaEvents = [
            { target: "first_response", kind: "warning", policyName: "Fast", dueAt: iso(-20), at: iso(-20), actions: [] },
            { target: "first_response", kind: "breach", policyName: "Fast", dueAt: iso(10), at: iso(10), actions: ["notify_assignee", "raise_priority"] },
          ];
          return fired;
        },
      });
      renderConsole(() => <TicketPage />, artem);
      const header = await screen.findByTestId("ticket-sla");
      expect(header.textContent).toBe("First response in 10 s");
      expect(header.dataset.sla).toBe("warning");
      expect(screen.getAllByTestId("sla-event").map((e) => e.dataset.kind)).toEqual(["warning"]);

      // Due in ten seconds: the page reads the ticket again a moment after, until the breach shows.
      await vi.advanceTimersByTimeAsync(10_000);
      expect(screen.getByTestId("ticket-sla").textContent).toBe("First response overdue 0 s");
      await vi.advanceTimersByTimeAsync(4_000);
      await waitFor(() => expect(screen.getAllByTestId("sla-event").map((e) => e.dataset.kind)).toEqual(["warning", "breach"]));
      expect(screen.getByTestId("ticket-priority-badge").dataset.priority).toBe("high");
      expect(screen.getAllByTestId("system-entry").map((e) => e.textContent)).toEqual([
        expect.stringContaining("changed status from New to Open"),
        expect.stringContaining("SLA breached: First response is overdue (Fast)"),
        expect.stringContaining("SLA changed priority from Normal to High"),
      ]);
      expect(screen.getByTestId("sla-target").dataset.sla).toBe("breached");
      // Nothing more falls due: no more reading.
      const after = api.calls.length;
      await vi.advanceTimersByTimeAsync(10_000);
      expect(api.calls.length).toBe(after);
    } finally {
      vi.useRealTimers();
    }
  });
});
