import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Settings } from "../../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import { SettingsPage } from "./settings";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner" });
const artem = staff({ staffId: "s-artem", name: "Artem Agent", role: "agent" });
const directory = {
  "GET /api/staff": () => ({ staff: [olga, artem] }),
  "GET /api/departments": () => ({ departments: [] }),
  "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
};

let settings: Settings;
const routes = () => {
  settings = {
    name: "Acme Support",
    slug: "acme",
    aliases: [],
    timeZone: "UTC",
    locale: "en",
    inboundAddress: "acme@frontline.localhost",
    customerFields: [{ key: "order", label: "Order number", type: "text", required: true }],
  };
  return {
    ...directory,
    "GET /api/settings": () => ({ settings }),
    "PATCH /api/settings": ({ body }: { body: unknown }) => {
      settings = { ...settings, ...(body as Partial<Settings>) };
      return { settings };
    },
  };
};

describe("the settings page", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("shows the settings and the inbound address, and saves only what changed", async () => {
    const api = stubApi(routes());
    renderConsole(() => <SettingsPage />, olga);
    const name = (await screen.findByLabelText("Workspace name")) as HTMLInputElement;
    expect(name.value).toBe("Acme Support");
    expect((screen.getByLabelText("Time zone") as HTMLSelectElement).value).toBe("UTC");
    expect(screen.getByTestId("settings-inbound-address").textContent).toBe("acme@frontline.localhost");
    expect(screen.getByTestId("copy-settings-inbound")).toBeTruthy();
    expect(screen.getByTestId("save-settings").getAttribute("aria-disabled")).toBe("true");

    fireEvent.input(name, { target: { value: "Acme Help" } });
    fireEvent.change(screen.getByLabelText("Time zone"), { target: { value: "Europe/Kyiv" } });
    fireEvent.change(screen.getByLabelText("Language of letters"), { target: { value: "ru" } });
    fireEvent.click(screen.getByTestId("save-settings"));
    await waitFor(() => expect(screen.getByTestId("settings-status").textContent).toBe("Saved."));
    expect(api.calls.find((c) => c.method === "PATCH")?.body).toEqual({ name: "Acme Help", timeZone: "Europe/Kyiv", locale: "ru" });
    expect(screen.getByTestId("save-settings").getAttribute("aria-disabled")).toBe("true");
  });

  it("edits the customer form: a new field's key follows its label, a select sends its options", async () => {
    const api = stubApi(routes());
    renderConsole(() => <SettingsPage />, olga);
    await screen.findAllByTestId("customer-field");
    fireEvent.click(screen.getByTestId("add-field"));
    const added = screen.getAllByTestId("customer-field")[1]!;
    fireEvent.input(within(added).getByLabelText("Label"), { target: { value: "Preferred contact" } });
    expect((within(added).getByLabelText("Key") as HTMLInputElement).value).toBe("preferred_contact");
    fireEvent.change(within(added).getByLabelText("Type"), { target: { value: "select" } });
    fireEvent.input(within(added).getByLabelText("Options"), { target: { value: "Email\n\n Phone \n" } });
    fireEvent.click(within(added).getByLabelText("Required"));
    fireEvent.click(screen.getByLabelText("Remove the field “Order number”"));
    fireEvent.click(screen.getByTestId("save-settings"));
    await waitFor(() => expect(api.calls.some((c) => c.method === "PATCH")).toBe(true));
    expect(api.calls.find((c) => c.method === "PATCH")?.body).toEqual({
      customerFields: [{ key: "preferred_contact", label: "Preferred contact", type: "select", required: true, options: ["Email", "Phone"] }],
    });
  });

  it("shows the server's issues under the fields they concern", async () => {
    stubApi({
      ...routes(),
      "PATCH /api/settings": () =>
        jsonResponse(400, {
          error: {
            code: "invalid",
            message: "Invalid input",
            requestId: "r1",
            issues: [
              { path: "name", code: "too_small", message: "Use at least 2 characters" },
              { path: "customerFields.0.key", code: "invalid_format", message: "Use lowercase letters, digits and underscores, starting with a letter" },
            ],
          },
        }),
    });
    renderConsole(() => <SettingsPage />, olga);
    fireEvent.input(await screen.findByLabelText("Workspace name"), { target: { value: "A" } });
    fireEvent.input(screen.getByLabelText("Key"), { target: { value: "Order" } });
    fireEvent.click(screen.getByTestId("save-settings"));
    expect(await screen.findByText("Use at least 2 characters")).toBeTruthy();
    expect(screen.getByLabelText("Workspace name").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Use lowercase letters, digits and underscores, starting with a letter")).toBeTruthy();
    expect(screen.getByLabelText("Key").getAttribute("aria-invalid")).toBe("true");
  });

  it("is for admins: an agent gets the admins-only page and nothing is loaded", async () => {
    const api = stubApi(routes());
    renderConsole(() => <SettingsPage />, artem);
    expect((await screen.findByTestId("admins-only")).textContent).toContain("For admins only");
    expect(api.calls.some((c) => c.path.startsWith("/api/settings"))).toBe(false);
  });
});
