import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { BillingSummary, DepartmentInfo, InvitationInfo, StaffInfo } from "../../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import { StaffPage } from "./staff";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner", lastLoginAt: "2026-03-10T09:00:00.000Z" });
const adam = staff({ staffId: "s-adam", name: "Adam Admin", role: "admin" });
const artem = staff({ staffId: "s-artem", name: "Artem Agent", role: "agent", departmentIds: ["d-pay"] });
const departments = [
  { departmentId: "d-pay", name: "Payments", isDefault: false, createdAt: "2026-01-01T00:00:00.000Z" },
  { departmentId: "d-sup", name: "Support", isDefault: true, createdAt: "2026-01-01T00:00:00.000Z" },
] as DepartmentInfo[];

let people: StaffInfo[] = [];
let invitations: InvitationInfo[] = [];
let seatsUsed = 0;
const billing = () =>
  ({
    plan: { planId: "standard", name: "Standard", pricePerDayMinor: 100, currency: "USD", staffLimit: 4, dailyTicketLimit: 10, features: [], addOns: [] },
    addOns: [],
    features: [],
    dailyPriceMinor: 100,
    status: "trial",
    balanceMinor: 3000,
    currency: "USD",
    trialCreditMinor: 3000,
    daysLeft: 30,
    seatsUsed,
    ticketsToday: 0,
  }) as unknown as BillingSummary;

const invitation = (email: string, overrides: Partial<InvitationInfo> = {}): InvitationInfo => ({
  invitationId: `i-${email.split("@")[0]}`,
  email,
  role: "agent",
  departmentIds: [],
  invitedBy: { id: "s-olga", name: "Olga Owner" },
  createdAt: "2026-03-10T10:00:00.000Z",
  expiresAt: "2026-03-17T10:00:00.000Z",
  status: "pending",
  ...overrides,
});

function routes() {
  people = [adam, artem, olga];
  invitations = [invitation("pending@example.com"), invitation("old@example.com", { status: "accepted" })];
  seatsUsed = 4;
  return {
    "GET /api/staff": () => ({ staff: people }),
    "GET /api/departments": () => ({ departments }),
    "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
    "GET /api/billing": () => ({ billing: billing() }),
    "GET /api/invitations": () => ({ invitations }),
  };
}

const row = async (name: string) => (await screen.findAllByTestId("staff-row")).find((r) => r.dataset.staff === name)!;

describe("the staff page", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("says that the reader's own seat is one of those used, and that everyone on the staff takes one, in every language", async () => {
    const said: Record<string, [string, string, string]> = {
      en: ["1 of 2 seats used (you)", "2 of 2 seats used, yours included", "Everyone on the staff takes a seat, you included, and so does each pending invitation."],
      ru: ["Занято мест: 1 из 2 (ваше)", "Занято мест: 2 из 2, включая ваше", "Место занимает каждый сотрудник, включая вас, и каждое ожидающее приглашение."],
      uk: ["Зайнято місць: 1 з 2 (ваше)", "Зайнято місць: 2 з 2, разом із вашим", "Місце займає кожен працівник, зокрема ви, і кожне неприйняте запрошення."],
      kk: ["Пайдаланылған орын: 1 / 2 (сіздің орныңыз)", "Пайдаланылған орын: 2 / 2, өзіңізді қоса алғанда", "Өзіңізді қоса алғанда әрбір қызметкер бір орын алады, күтудегі әрбір шақыру да бір орын алады."],
      hu: ["Foglalt helyek: 1 / 2 (az Öné)", "Foglalt helyek: 2 / 2, az Önét is beleértve", "Minden munkatárs – Önt is beleértve – és minden függő meghívó egy helyet foglal."],
    };
    for (const [locale, [alone, full, hint]] of Object.entries(said)) {
      for (const [used, text] of [[1, alone], [2, full]] as const) {
        stubApi({ ...routes(), "GET /api/billing": () => ({ billing: { ...billing(), seatsUsed: used, plan: { ...billing().plan, staffLimit: 2 } } }) });
        renderConsole(() => <StaffPage />, olga, locale as "en");
        await waitFor(() => expect(screen.getByTestId("seats").textContent, locale).toBe(text));
        // Said where an invitation is sent, not only in a tooltip.
        expect(screen.getByTestId("invite-seats-hint").textContent, locale).toBe(hint);
        cleanup();
      }
    }
  });

  it("lists the staff with their roles, the seats used and the pending invitations only", async () => {
    stubApi(routes());
    renderConsole(() => <StaffPage />, olga);
    await waitFor(() => expect(screen.getByTestId("seats").textContent).toBe("4 of 4 seats used, yours included"));
    expect((await row("Olga Owner")).textContent).toContain("Olga Owner (me)");
    // Nobody changes their own role here; the others' roles are a select.
    expect(within(await row("Olga Owner")).getByTestId("staff-role").textContent).toBe("Owner");
    expect((within(await row("Artem Agent")).getByLabelText("Role of Artem Agent") as HTMLSelectElement).value).toBe("agent");
    const pending = await screen.findAllByTestId("invitation-row");
    expect(pending.map((r) => r.dataset.email)).toEqual(["pending@example.com"]);
  });

  it("changes a role, and puts the select back when the change is refused", async () => {
    const api = stubApi({
      ...routes(),
      "PATCH /api/staff/s-artem": ({ body }) => {
        people = people.map((p) => (p.staffId === "s-artem" ? { ...p, ...(body as object) } : p));
        return { staff: people.find((p) => p.staffId === "s-artem") };
      },
      "PATCH /api/staff/s-adam": () => jsonResponse(403, { error: { code: "forbidden", message: "Only the owner grants or takes the owner's role", requestId: "r1" } }),
    });
    renderConsole(() => <StaffPage />, olga);
    const select = within(await row("Artem Agent")).getByLabelText("Role of Artem Agent") as HTMLSelectElement;
    fireEvent.change(select, { target: { value: "supervisor" } });
    await waitFor(async () => expect((within(await row("Artem Agent")).getByLabelText("Role of Artem Agent") as HTMLSelectElement).value).toBe("supervisor"));
    expect(api.calls.find((c) => c.path === "/api/staff/s-artem")?.body).toEqual({ role: "supervisor" });

    const adamSelect = within(await row("Adam Admin")).getByLabelText("Role of Adam Admin") as HTMLSelectElement;
    fireEvent.change(adamSelect, { target: { value: "owner" } });
    expect((await screen.findByTestId("staff-error")).textContent).toBe("Only the owner grants or takes the owner's role");
    expect(adamSelect.value).toBe("admin");
  });

  it("sends a staff member a password reset link and says where it went; an admin has no such button for the owner", async () => {
    const api = stubApi({
      ...routes(),
      "POST /api/staff/s-artem/password-reset": () => jsonResponse(202, { email: artem.email, validUntil: "2026-03-10T11:00:00.000Z" }),
      "POST /api/staff/s-adam/password-reset": () => jsonResponse(429, { error: { code: "too_many_requests", message: "Too many password reset requests; try again in 12 min", requestId: "r2" } }),
    });
    renderConsole(() => <StaffPage />, olga, "uk");
    fireEvent.click(within(await row("Artem Agent")).getByLabelText("Надіслати посилання для скидання пароля працівникові Artem Agent"));
    expect((await screen.findByTestId("reset-sent")).textContent).toBe(`Посилання для нового пароля надіслано на ${artem.email}. Воно одноразове й дійсне годину.`);
    expect(api.calls.filter((c) => c.path.endsWith("/password-reset")).map((c) => c.path)).toEqual(["/api/staff/s-artem/password-reset"]);
    // A refusal is said as the server said it, and the earlier notice goes.
    fireEvent.click(within(await row("Adam Admin")).getByTestId("send-password-reset"));
    expect((await screen.findByTestId("staff-error")).textContent).toBe("Too many password reset requests; try again in 12 min");
    expect(screen.queryByTestId("reset-sent")).toBeNull();
    // Nobody sends one to themselves here (the sign-in page has "Forgot password?").
    expect(within(await row("Olga Owner")).queryByTestId("send-password-reset")).toBeNull();
    cleanup();

    stubApi(routes());
    renderConsole(() => <StaffPage />, adam);
    expect(within(await row("Olga Owner")).queryByTestId("send-password-reset")).toBeNull();
    expect(within(await row("Artem Agent")).getByTestId("send-password-reset")).toBeTruthy();
  });

  it("deactivates after a confirmation, and reactivates", async () => {
    const api = stubApi({
      ...routes(),
      "PATCH /api/staff/s-artem": ({ body }) => {
        people = people.map((p) => (p.staffId === "s-artem" ? { ...p, ...(body as object) } : p));
        seatsUsed += (body as { status: string }).status === "disabled" ? -1 : 1;
        return { staff: people.find((p) => p.staffId === "s-artem") };
      },
    });
    renderConsole(() => <StaffPage />, olga);
    fireEvent.click(within(await row("Artem Agent")).getByLabelText("Deactivate Artem Agent"));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(dialog.textContent).toContain("Deactivate Artem Agent?");
    fireEvent.click(within(dialog).getByTestId("confirm"));
    await waitFor(async () => expect(within(await row("Artem Agent")).getByTestId("staff-status").textContent).toBe("Deactivated"));
    await waitFor(() => expect(screen.getByTestId("seats").textContent).toBe("3 of 4 seats used, yours included"));
    fireEvent.click(within(await row("Artem Agent")).getByTestId("reactivate"));
    await waitFor(async () => expect(within(await row("Artem Agent")).getByTestId("staff-status").textContent).toBe("Active"));
    expect(api.calls.filter((c) => c.method === "PATCH").map((c) => c.body)).toEqual([{ status: "disabled" }, { status: "active" }]);
  });

  it("invites by email and shows the link with its expiry; a seat limit shows the server's message", async () => {
    let full = false;
    const api = stubApi({
      ...routes(),
      "POST /api/invitations": ({ body }) => {
        if (full) {
          return jsonResponse(402, {
            error: {
              code: "limit_reached",
              limit: "staff_seats",
              requestId: "r2",
              message: "The Standard plan includes 2 staff seats, and all are taken (yours among them; each pending invitation holds one too). Deactivate someone, revoke an invitation, or move to the Pro plan for more seats.",
            },
          });
        }
        const created = invitation((body as { email: string }).email, body as Partial<InvitationInfo>);
        invitations = [created, ...invitations];
        full = true;
        return jsonResponse(201, { invitation: created, link: "http://localhost:3000/invite/fli.acme.01J.secret" });
      },
    });
    renderConsole(() => <StaffPage />, olga);
    await screen.findAllByTestId("invitation-row");
    fireEvent.input(screen.getByLabelText("Email"), { target: { value: "  nina@example.com " } });
    fireEvent.input(screen.getByLabelText("Name (optional)"), { target: { value: "Nina" } });
    fireEvent.click(within(screen.getByTestId("invite-departments")).getByLabelText("Payments"));
    fireEvent.click(screen.getByTestId("send-invitation"));
    const result = await screen.findByTestId("invitation-link");
    expect(result.textContent).toContain("nina@example.com is invited");
    expect(within(result).getByTestId("invitation-url").textContent).toBe("http://localhost:3000/invite/fli.acme.01J.secret");
    expect(within(result).getByTestId("invitation-expires").textContent).toContain("The link works until");
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({ email: "nina@example.com", role: "agent", name: "Nina", departmentIds: ["d-pay"] });
    await waitFor(() => expect(screen.getAllByTestId("invitation-row").map((r) => r.dataset.email)).toEqual(["nina@example.com", "pending@example.com"]));

    // An admin works every department: no departments to choose.
    fireEvent.change(screen.getByLabelText("Role"), { target: { value: "admin" } });
    expect(screen.queryByTestId("invite-departments")).toBeNull();
    fireEvent.input(screen.getByLabelText("Email"), { target: { value: "second@example.com" } });
    fireEvent.click(screen.getByTestId("send-invitation"));
    expect((await screen.findByTestId("invite-error")).textContent).toContain("The Standard plan includes 2 staff seats");
  });

  it("revokes a pending invitation", async () => {
    const api = stubApi({
      ...routes(),
      "POST /api/invitations/i-pending/revoke": () => {
        invitations = invitations.map((i) => (i.invitationId === "i-pending" ? { ...i, status: "revoked" } : i));
        return { invitation: invitations[0] };
      },
    });
    renderConsole(() => <StaffPage />, olga);
    fireEvent.click(await screen.findByLabelText("Revoke the invitation of pending@example.com"));
    expect((await screen.findByTestId("invitations-empty")).textContent).toBe("No pending invitations.");
    expect(api.calls.filter((c) => c.method === "POST").map((c) => c.path)).toEqual(["/api/invitations/i-pending/revoke"]);
  });

  it("is for admins: an agent gets the admins-only page", async () => {
    const api = stubApi(routes());
    renderConsole(() => <StaffPage />, artem);
    await screen.findByTestId("admins-only");
    expect(api.calls.some((c) => c.path.startsWith("/api/invitations") || c.path.startsWith("/api/billing"))).toBe(false);
  });
});
