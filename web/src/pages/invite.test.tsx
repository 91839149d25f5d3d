import { cleanup, fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { InvitationPreview } from "../api/types";
import { jsonResponse, stubApi } from "../../test/console-harness";
import { router } from "../../test/router-stub";
import { I18nProvider } from "../i18n";
import { InvitePage } from "./invite";

vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule);

const TOKEN = "fli.acme.01J9ZX7Q4C0F8B1T2V3W4X5Y6Z.secret";
const preview = (overrides: Partial<InvitationPreview> = {}): InvitationPreview => ({
  workspace: "Acme Support",
  email: "nina@example.com",
  name: "Nina",
  role: "agent",
  expiresAt: "2026-03-17T10:00:00.000Z",
  status: "pending",
  ...overrides,
});

function renderInvite() {
  router.params = { token: TOKEN };
  return render(() => (
    <I18nProvider locale="en">
      <InvitePage />
    </I18nProvider>
  ));
}

describe("the invitation page", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("shows the workspace and the address, then joins with a name and a password and lands on the ticket queue", async () => {
    const api = stubApi({
      "GET /api/invitations/preview": () => ({ invitation: preview() }),
      "POST /api/invitations/accept": () => jsonResponse(201, { tenant: {}, staff: {}, token: "t", csrfToken: "c", expiresAt: "2026-04-01T00:00:00.000Z" }),
    });
    renderInvite();
    await screen.findByRole("heading", { level: 1, name: "Join Acme Support on Frontline" });
    expect(screen.getByText("You are invited to the staff as Agent. Choose your name and a password.")).toBeTruthy();
    expect(screen.getByTestId("invitation-email").textContent).toBe("nina@example.com");
    expect((screen.getByLabelText("Your name") as HTMLInputElement).value).toBe("Nina");
    fireEvent.input(screen.getByLabelText("Your name"), { target: { value: " Nina Novak " } });
    fireEvent.input(screen.getByLabelText("Password"), { target: { value: "a long enough passphrase" } });
    fireEvent.click(screen.getByTestId("accept-invitation"));
    await waitFor(() => expect(router.navigate).toHaveBeenCalledWith("/tickets", { replace: true }));
    expect(router.navigate).not.toHaveBeenCalledWith("/workspace", expect.anything());
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({ token: TOKEN, name: "Nina Novak", password: "a long enough passphrase", locale: "en" });
    expect(api.calls[0]?.path).toBe(`/api/invitations/preview?token=${encodeURIComponent(TOKEN)}`);
  });

  it("shows the server's issues under the fields", async () => {
    stubApi({
      "GET /api/invitations/preview": () => ({ invitation: preview() }),
      "POST /api/invitations/accept": () =>
        jsonResponse(400, { error: { code: "invalid", message: "Invalid input", requestId: "r1", issues: [{ path: "password", code: "too_small", message: "Use at least 10 characters" }] } }),
    });
    renderInvite();
    fireEvent.input(await screen.findByLabelText("Password"), { target: { value: "short" } });
    fireEvent.click(screen.getByTestId("accept-invitation"));
    expect(await screen.findByText("Use at least 10 characters")).toBeTruthy();
    expect(screen.getByLabelText("Password").getAttribute("aria-invalid")).toBe("true");
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it("says when the link is unknown, and when the invitation is closed", async () => {
    stubApi({ "GET /api/invitations/preview": () => jsonResponse(404, { error: { code: "not_found", message: "Invitation not found", requestId: "r1" } }) });
    renderInvite();
    await screen.findByRole("heading", { level: 1, name: "This invitation link does not work" });
    expect(screen.queryByTestId("accept-form")).toBeNull();
    cleanup();
    vi.unstubAllGlobals();

    stubApi({ "GET /api/invitations/preview": () => ({ invitation: preview({ status: "expired" }) }) });
    renderInvite();
    await screen.findByRole("heading", { level: 1, name: "This invitation is closed" });
    expect(screen.getByText("It has expired. Ask the admin who invited you for a new one.")).toBeTruthy();
    expect(screen.queryByTestId("accept-form")).toBeNull();
  });
});
