import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MailInfo, OutboxInfo, StopEntry } from "../../../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../../../test/console-harness";
import { router } from "../../../../test/router-stub";
import { OutboxPage } from "./outbox";
import { ReceivedMailPage } from "./received";
import { StopListPage } from "./stop-list";

vi.mock("@solidjs/router", async () => (await import("../../../../test/router-stub")).routerModule);

const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner" });
const artem = staff({ staffId: "s-artem", name: "Artem Agent", role: "agent" });
const directory = {
  "GET /api/staff": () => ({ staff: [olga, artem] }),
  "GET /api/departments": () => ({ departments: [] }),
  "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
};

const mail = (mailId: string, overrides: Partial<MailInfo> = {}): MailInfo => ({
  mailId,
  receivedAt: "2026-03-10T09:30:00.000Z",
  recipients: ["acme"],
  size: 2_400,
  status: "ticket_created",
  ...overrides,
});

describe("received mail", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("lists each mail with its outcome: the ticket, the reason, or the error", async () => {
    stubApi({
      ...directory,
      "GET /api/mail": () => ({
        mail: [
          mail("m-flood", { status: "unprocessable", error: "The message has over 5000 header lines" }),
          mail("m-promo", { status: "ignored", reason: "On the stop list (promo.example)", from: { address: "news@promo.example" }, subject: "Big sale" }),
          mail("m-greta", { from: { address: "greta@meyer.example", name: "Greta Meyer" }, subject: "Order 5531 arrived damaged", ticketId: "t15", ticketNumber: 15, auth: { spf: "pass", dkim: "pass", dmarc: "fail" } }),
        ],
        cursor: null,
      }),
    });
    renderConsole(() => <ReceivedMailPage />, olga);
    const rows = await screen.findAllByTestId("mail-row");
    expect(rows.map((r) => within(r).getByTestId("mail-status").textContent)).toEqual(["Unprocessable", "Ignored", "Ticket created"]);
    expect(within(rows[0]!).getByTestId("mail-subject").textContent).toBe("(no subject)");
    expect(within(rows[0]!).getByTestId("mail-error").textContent).toBe("The message has over 5000 header lines");
    expect(within(rows[1]!).getByTestId("mail-outcome").textContent).toContain("On the stop list (promo.example)");
    expect(within(rows[2]!).getByTestId("mail-from").textContent).toContain("Greta Meyer <greta@meyer.example>");
    // The sender check the receiving server made, where there is one.
    expect(within(rows[2]!).getByTestId("mail-auth").textContent).toBe("Sender check: SPF pass, DKIM pass, DMARC fail");
    expect(within(rows[1]!).queryByTestId("mail-auth")).toBeNull();
    expect(within(rows[2]!).getByTestId("mail-ticket").getAttribute("href")).toBe("/tickets/t15");
    expect(within(rows[2]!).getByTestId("mail-ticket").textContent).toBe("Ticket #15");
    // The original is a download of the raw message; only failed or held mail can be processed again.
    expect(within(rows[0]!).getByTestId("mail-download").getAttribute("href")).toBe("/api/mail/m-flood/raw");
    expect(within(rows[0]!).getByTestId("mail-download").hasAttribute("download")).toBe(true);
    expect(rows.map((r) => within(r).queryByTestId("mail-reprocess") !== null)).toEqual([true, false, false]);
  });

  it("filters by status and pages on", async () => {
    const api = stubApi({
      ...directory,
      "GET /api/mail": ({ url }) =>
        url.searchParams.get("cursor") ? { mail: [mail("m-2", { status: "held" })], cursor: null } : { mail: [mail("m-1", { status: "held" })], cursor: "c2" },
    });
    renderConsole(() => <ReceivedMailPage />, olga);
    await screen.findAllByTestId("mail-row");
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "held" } });
    await waitFor(() => expect(api.calls.at(-1)?.path).toBe("/api/mail?status=held&limit=50"));
    fireEvent.click(await screen.findByTestId("load-more"));
    await waitFor(() => expect(screen.getAllByTestId("mail-row")).toHaveLength(2));
    expect(api.calls.at(-1)?.path).toBe("/api/mail?status=held&cursor=c2&limit=50");
  });

  it("processes a failed mail again and shows what became of it", async () => {
    const api = stubApi({
      ...directory,
      "GET /api/mail": () => ({ mail: [mail("m-flood", { status: "unprocessable", error: "The message has over 5000 header lines" })], cursor: null }),
      "POST /api/mail/m-flood/reprocess": () => ({
        mail: mail("m-flood", { status: "ticket_created", subject: "Header flood", ticketId: "t16", ticketNumber: 16, from: { address: "flood@bad.example" } }),
      }),
    });
    renderConsole(() => <ReceivedMailPage />, olga);
    fireEvent.click(await screen.findByTestId("mail-reprocess"));
    const result = await screen.findByTestId("mail-result");
    expect(result.textContent).toBe("Processed again: Ticket created");
    const row = screen.getByTestId("mail-row");
    expect(within(row).getByTestId("mail-status").textContent).toBe("Ticket created");
    expect(within(row).getByTestId("mail-ticket").textContent).toBe("Ticket #16");
    expect(within(row).queryByTestId("mail-error")).toBeNull();
    expect(within(row).queryByTestId("mail-reprocess")).toBeNull();
    expect(api.calls.filter((c) => c.method === "POST")).toHaveLength(1);
  });

  it("says why when processing again is refused", async () => {
    stubApi({
      ...directory,
      "GET /api/mail": () => ({ mail: [mail("m-held", { status: "held", reason: "Held: over 20 messages in 2 hours" })], cursor: null }),
      "POST /api/mail/m-held/reprocess": () => jsonResponse(409, { error: { code: "conflict", message: "This mail is being processed already", requestId: "r1" } }),
    });
    renderConsole(() => <ReceivedMailPage />, olga);
    fireEvent.click(await screen.findByTestId("mail-reprocess"));
    expect((await screen.findByTestId("mail-action-error")).textContent).toBe("This mail is being processed already");
  });

  it("is for admins only: others get a polite notice and no request is made", async () => {
    const api = stubApi({ ...directory });
    renderConsole(() => <ReceivedMailPage />, artem);
    expect((await screen.findByTestId("mail-admins-only")).textContent).toContain("Only the workspace's owners and admins");
    expect(api.calls.some((c) => c.path.startsWith("/api/mail"))).toBe(false);
  });
});

describe("the outbox", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  const entry = (outboxId: string, overrides: Partial<OutboxInfo> = {}): OutboxInfo => ({
    outboxId,
    kind: "agent_reply",
    ticketId: "t1",
    ticketNumber: 1042,
    to: "kim@customer.example",
    subject: "Re: [#1042] Card declined",
    status: "sent",
    attempts: 1,
    createdAt: "2026-03-10T09:30:00.000Z",
    resendable: overrides.status === "failed" || overrides.status === "suppressed",
    ...overrides,
  });

  it("lists letters with their delivery and sends a failed one again", async () => {
    const api = stubApi({
      ...directory,
      "GET /api/outbox": () => ({
        entries: [
          entry("o-failed", { status: "failed", attempts: 6, lastError: "Gave up after 6 attempts: 421 try later" }),
          entry("o-retry", { status: "retrying", attempts: 2, lastError: "421 try later", nextAttemptAt: "2026-03-10T09:40:00.000Z" }),
          entry("o-alert", { kind: "staff_alert", to: "anna@acme.example", subject: "[#1042] SLA breach" }),
          entry("o-new", { kind: "invitation" as OutboxInfo["kind"], ticketId: undefined, ticketNumber: undefined, subject: "You are invited" }),
        ],
        cursor: null,
      }),
      "POST /api/outbox/o-failed/retry": () => ({ entry: entry("o-failed", { status: "sent", attempts: 1 }) }),
    });
    renderConsole(() => <OutboxPage />, olga);
    const rows = await screen.findAllByTestId("outbox-row");
    expect(rows.map((r) => within(r).getByTestId("outbox-status").textContent)).toEqual(["Failed", "Retrying", "Sent", "Sent"]);
    expect(rows[0]!.textContent).toContain("Agent's reply");
    expect(rows[0]!.textContent).toContain("Gave up after 6 attempts: 421 try later");
    expect(rows[1]!.textContent).toContain("next try");
    expect(rows[2]!.textContent).toContain("SLA alert to staff");
    expect(rows[3]!.textContent).toContain("Staff invitation");
    expect(rows.map((r) => within(r).queryByTestId("outbox-retry") !== null)).toEqual([true, false, false, false]);

    fireEvent.click(within(rows[0]!).getByTestId("outbox-retry"));
    expect((await screen.findByTestId("outbox-result")).textContent).toBe("Sent again: Sent");
    expect(within(screen.getAllByTestId("outbox-row")[0]!).getByTestId("outbox-status").textContent).toBe("Sent");
    expect(api.calls.filter((c) => c.method === "POST").map((c) => c.path)).toEqual(["/api/outbox/o-failed/retry"]);
  });

  it("filters by status", async () => {
    const api = stubApi({ ...directory, "GET /api/outbox": () => ({ entries: [], cursor: null }) });
    renderConsole(() => <OutboxPage />, olga);
    expect((await screen.findByTestId("outbox-empty")).textContent).toBe("No letters yet.");
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "failed" } });
    await waitFor(() => expect(screen.getByTestId("outbox-empty").textContent).toBe("No letters with this status."));
    expect(api.calls.at(-1)?.path).toBe("/api/outbox?status=failed&limit=50");
  });
});

describe("the stop list", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  let entries: StopEntry[] = [];
  const routes = () => {
    entries = [{ value: "promo.example", createdAt: "2026-03-01T10:00:00.000Z", createdBy: "Olga Owner" }];
    return {
      ...directory,
      "GET /api/stop-list": () => ({ entries }),
      "POST /api/stop-list": ({ body }: { body: unknown }) => {
        const input = body as { value: string; note?: string };
        if (entries.some((e) => e.value === input.value)) {
          return jsonResponse(409, {
            error: { code: "conflict", message: `${input.value} is already on the stop list`, requestId: "r1", issues: [{ path: "value", code: "taken", message: "Already on the stop list" }] },
          });
        }
        const entry = { ...input, createdAt: "2026-03-10T10:00:00.000Z", createdBy: "Olga Owner" };
        entries.push(entry);
        return jsonResponse(201, { entry });
      },
      "DELETE /api/stop-list/promo.example": () => {
        entries = entries.filter((e) => e.value !== "promo.example");
        return new Response(null, { status: 204 });
      },
    };
  };
  const values = () => screen.queryAllByTestId("stop-row").map((r) => r.dataset.value);

  it("adds an address with a note, refuses one already listed under the field, and removes one", async () => {
    const api = stubApi(routes());
    renderConsole(() => <StopListPage />, olga);
    await waitFor(() => expect(values()).toEqual(["promo.example"]));

    fireEvent.click(screen.getByTestId("stop-add"));
    expect((await screen.findByText("Enter an address or a domain")).closest(".field")).toBeTruthy();
    expect(api.calls.some((c) => c.method === "POST")).toBe(false);

    fireEvent.input(screen.getByLabelText("Address or domain"), { target: { value: " bounce@loop.example " } });
    fireEvent.input(screen.getByLabelText("Note (optional)"), { target: { value: "Bounces loop" } });
    fireEvent.click(screen.getByTestId("stop-add"));
    await waitFor(() => expect(values()).toEqual(["bounce@loop.example", "promo.example"]));
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({ value: "bounce@loop.example", note: "Bounces loop" });
    expect((screen.getByLabelText("Address or domain") as HTMLInputElement).value).toBe("");

    fireEvent.input(screen.getByLabelText("Address or domain"), { target: { value: "promo.example" } });
    fireEvent.click(screen.getByTestId("stop-add"));
    expect(await screen.findByText("Already on the stop list")).toBeTruthy();
    expect(screen.getByLabelText("Address or domain").getAttribute("aria-invalid")).toBe("true");

    fireEvent.click(screen.getByLabelText("Remove promo.example from the stop list"));
    await waitFor(() => expect(values()).toEqual(["bounce@loop.example"]));
  });

  it("shows the list to others, without the form", async () => {
    stubApi(routes());
    renderConsole(() => <StopListPage />, artem);
    await waitFor(() => expect(values()).toEqual(["promo.example"]));
    expect(screen.getByTestId("stop-list-admins-only")).toBeTruthy();
    expect(screen.queryByTestId("stop-form")).toBeNull();
    expect(screen.queryByText("Remove")).toBeNull();
  });
});
