import { cleanup, fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, me, renderConsole, staff, stubApi } from "../../test/console-harness";
import type { Me } from "../api/types";
import { I18nProvider } from "../i18n";
import { MeContext } from "./me";
import { ProfileCard } from "./profile-card";

vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule);

const anna = staff({ staffId: "s-anna", name: "Anna Agent", role: "agent", locale: "en" });
const routes = (patch: (body: unknown) => unknown) => ({
  "GET /api/staff": () => ({ staff: [anna] }),
  "GET /api/departments": () => ({ departments: [] }),
  "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
  "PATCH /api/staff/s-anna": ({ body }: { body: unknown }) => patch(body),
});

describe("the profile card", () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("saves the person's language and the time zone their mail tells times in (the workspace's until chosen)", async () => {
    const api = stubApi(routes((body) => ({ staff: { ...anna, ...(body as object) } })));
    renderConsole(() => <ProfileCard />, anna);
    const zone = screen.getByLabelText("Your time zone") as HTMLSelectElement;
    expect(zone.value).toBe("");
    expect(zone.options[0]!.textContent).toMatch(/^The workspace's \(/);
    expect(screen.getByTestId("save-profile").getAttribute("aria-disabled")).toBe("true");
    fireEvent.change(screen.getByLabelText("Your language"), { target: { value: "kk" } });
    fireEvent.change(zone, { target: { value: "Asia/Almaty" } });
    fireEvent.click(screen.getByTestId("save-profile"));
    await waitFor(() => expect(screen.getByTestId("profile-status").textContent).toBe("Saved."));
    expect(api.calls.find((c) => c.method === "PATCH")).toEqual({ method: "PATCH", path: "/api/staff/s-anna", body: { locale: "kk", timeZone: "Asia/Almaty" } });
  });

  it("shows a zone saved under its old name by its current one, the workspace's too, with nothing to save", async () => {
    stubApi(routes(() => ({})));
    const kyivan = { ...anna, timeZone: "Europe/Kiev" };
    renderConsole(() => <ProfileCard />, kyivan);
    const zone = screen.getByLabelText("Your time zone") as HTMLSelectElement;
    expect(zone.value).toBe("Europe/Kyiv");
    expect([...zone.options].map((o) => o.value)).not.toContain("Europe/Kiev");
    expect(screen.getByTestId("save-profile").getAttribute("aria-disabled")).toBe("true");
    cleanup();
    const workspace = { ...me(anna), tenant: { ...me(anna).tenant, timeZone: "Asia/Calcutta" } } as Me;
    render(() => (
      <I18nProvider locale="en">
        <MeContext.Provider value={{ me: () => workspace, refetch: () => undefined }}>
          <ProfileCard />
        </MeContext.Provider>
      </I18nProvider>
    ));
    expect((screen.getByLabelText("Your time zone") as HTMLSelectElement).options[0]!.textContent).toBe("The workspace's (Asia/Kolkata)");
  });

  it("shows what the server said when it refused", async () => {
    stubApi(routes(() => jsonResponse(400, { error: { code: "invalid", message: "timeZone: Use an IANA time zone such as Europe/Kyiv", requestId: "r1", issues: [{ path: "timeZone", code: "custom", message: "Use an IANA time zone such as Europe/Kyiv" }] } })));
    renderConsole(() => <ProfileCard />, anna);
    fireEvent.change(screen.getByLabelText("Your time zone"), { target: { value: "Europe/Kyiv" } });
    fireEvent.click(screen.getByTestId("save-profile"));
    expect((await screen.findByRole("alert")).textContent).toContain("IANA");
  });
});
