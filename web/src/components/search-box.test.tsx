import { cleanup, fireEvent, render, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { me, staff, stubApi } from "../../test/console-harness";
import { router } from "../../test/router-stub";
import { I18nProvider, type Locale } from "../i18n";
import { AppShell } from "./app-shell";

vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule);

const self = staff({ staffId: "s-anna", name: "Anna Agent", role: "agent", locale: "en" });

function renderShell(locale: Locale = "en") {
  stubApi({
    "GET /api/me": () => me({ ...self, locale }),
    "GET /api/staff": () => ({ staff: [self] }),
    "GET /api/departments": () => ({ departments: [] }),
    "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
    "GET /api/notifications": () => ({ notifications: [], unread: 0, cursor: null }),
  });
  return render(() => (
    <I18nProvider locale={locale}>
      <AppShell>
        <label for="reply">Reply</label>
        <textarea id="reply" />
      </AppShell>
    </I18nProvider>
  ));
}

describe("the top bar's search box", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("is a search landmark with a labelled box; Enter opens the search page with the words", async () => {
    renderShell("uk");
    const landmark = await screen.findByRole("search", { name: "Пошук у зверненнях" });
    const box = within(landmark).getByLabelText("Пошук у зверненнях") as HTMLInputElement;
    expect(box.getAttribute("aria-keyshortcuts")).toBe("/");
    fireEvent.input(box, { target: { value: "  оплата карткою  " } });
    fireEvent.submit(landmark);
    expect(router.navigate).toHaveBeenCalledWith("/search?q=%D0%BE%D0%BF%D0%BB%D0%B0%D1%82%D0%B0%20%D0%BA%D0%B0%D1%80%D1%82%D0%BA%D0%BE%D1%8E");
    expect(box.value).toBe("");
  });

  it("takes the keyboard on /, but not from someone typing in a field; the shortcuts help lists it", async () => {
    renderShell();
    const box = await screen.findByRole("searchbox", { name: "Search tickets" });
    fireEvent.keyDown(screen.getByLabelText("Reply"), { key: "/" });
    expect(document.activeElement).not.toBe(box);
    const slash = fireEvent.keyDown(document.body, { key: "/" });
    expect(slash).toBe(false); // the key is the shortcut's, not typed into the box
    expect(document.activeElement).toBe(box);

    fireEvent.keyDown(document.body, { key: "?" });
    const help = await screen.findByTestId("shortcuts-help");
    await waitFor(() => expect(help.textContent).toContain("/Go to the search box"));
  });

  it("gives way on the search page to the page's own box", async () => {
    router.pathname = "/search";
    renderShell();
    await screen.findByTestId("user-name");
    expect(screen.queryByTestId("topbar-search")).toBeNull();
  });
});
