import { cleanup, fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, me, staff, stubApi } from "../../test/console-harness";
import { router } from "../../test/router-stub";
import { I18nProvider } from "../i18n";
import { uk } from "../i18n/uk";
import { AppShell } from "./app-shell";

vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule);

const routes = (self: ReturnType<typeof staff>, patch: (body: unknown) => Response | unknown = (body) => ({ staff: { ...self, ...(body as object) } })) => ({
  "GET /api/me": () => me(self),
  "GET /api/staff": () => ({ staff: [self] }),
  "GET /api/departments": () => ({ departments: [] }),
  "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
  "GET /api/notifications": () => ({ notifications: [], unread: 0, cursor: null }),
  [`PATCH /api/staff/${self.staffId}`]: ({ body }: { body: unknown }) => patch(body),
});

const renderShell = () =>
  render(() => (
    <I18nProvider locale="en">
      <AppShell>
        <p>page</p>
      </AppShell>
    </I18nProvider>
  ));

describe("the signed-in console's language", () => {
  beforeEach(() => {
    router.reset();
    localStorage.clear();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("is the one in the person's profile, whatever this browser had", async () => {
    stubApi(routes(staff({ staffId: "s-oksana", name: "Оксана", role: "agent", locale: "uk" })));
    renderShell();
    await screen.findByRole("link", { name: uk.nav.tickets });
    expect(document.documentElement.lang).toBe("uk");
  });

  it("is saved to the profile when the person chooses another in the menu", async () => {
    const api = stubApi(routes(staff({ staffId: "s-anna", name: "Anna", role: "agent", locale: "en" })));
    renderShell();
    const menu = (await screen.findByLabelText("Language")) as HTMLSelectElement;
    fireEvent.change(menu, { target: { value: "hu" } });
    await waitFor(() => expect(api.calls.find((c) => c.method === "PATCH")).toEqual({ method: "PATCH", path: "/api/staff/s-anna", body: { locale: "hu" } }));
    expect(menu.value).toBe("hu");
  });

  it("says so when the profile could not be saved", async () => {
    const self = staff({ staffId: "s-anna", name: "Anna", role: "agent", locale: "en" });
    stubApi(routes(self, () => jsonResponse(500, { error: { code: "internal", message: "Something went wrong on our side", requestId: "r1" } })));
    renderShell();
    fireEvent.change(await screen.findByLabelText("Language"), { target: { value: "ru" } });
    await screen.findByTestId("profile-error");
  });
});
