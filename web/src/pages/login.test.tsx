import { cleanup, fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import type { JSX } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n";
import { LoginPage } from "./login";

// The router is stubbed at its edge: this tests the page, not navigation. (The real one cannot load here anyway:
// the root vitest config does not inline @solidjs/router, whose Node build imports .jsx files.)
const router = vi.hoisted(() => ({ navigate: vi.fn(), search: {} as Record<string, string> }));
vi.mock("@solidjs/router", () => ({
  A: (props: { href: string; children?: JSX.Element }) => <a href={props.href}>{props.children}</a>,
  useNavigate: () => router.navigate,
  useSearchParams: () => [router.search, () => undefined],
}));

function renderLogin(locale: "en" | "ru" = "en") {
  return render(() => (
    <I18nProvider locale={locale}>
      <LoginPage />
    </I18nProvider>
  ));
}

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

function errorResponse(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  return jsonResponse(status, { error: { code, message, requestId: "req-1", ...extra } });
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;

function fillAndSubmit(password = "not the password") {
  fireEvent.input(input("Workspace address"), { target: { value: "acme" } });
  fireEvent.input(input("Email"), { target: { value: "ann@example.com" } });
  fireEvent.input(input("Password"), { target: { value: password } });
  fireEvent.click(button("Sign in"));
}

describe("LoginPage", () => {
  beforeEach(() => {
    router.navigate.mockReset();
    router.search = {};
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("shows the error message on a 401, clears the password and lets the person try again", async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(errorResponse(401, "unauthenticated", "Wrong workspace, email or password"));
    vi.stubGlobal("fetch", fetchMock);
    renderLogin();

    fillAndSubmit();
    expect(button("Signing in…").disabled).toBe(true);

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Wrong workspace, email or password");
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/api/auth/login");
    expect(JSON.parse(String(init?.body))).toEqual({ slug: "acme", email: "ann@example.com", password: "not the password" });
    expect(input("Password").value).toBe("");
    expect(button("Sign in").disabled).toBe(false);
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it("keeps the server's words for another 401 (a disabled account)", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn<typeof fetch>().mockResolvedValue(errorResponse(401, "unauthenticated", "This account is disabled; ask your workspace admin")),
    );
    renderLogin();
    fillAndSubmit();
    expect((await screen.findByRole("alert")).textContent).toContain("This account is disabled");
  });

  it("says when to come back after too many failures (429)", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn<typeof fetch>().mockResolvedValue(
        errorResponse(429, "too_many_requests", "Too many failed sign-ins; try again in 10 min", { retryAfterSeconds: 600 }),
      ),
    );
    renderLogin();
    fillAndSubmit();
    expect((await screen.findByRole("alert")).textContent).toContain("Too many failed sign-ins. Try again in 10 min.");
  });

  it("shows a field issue under its input, translated", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn<typeof fetch>().mockResolvedValue(
        errorResponse(400, "invalid", "email: Enter a valid email address", {
          issues: [{ path: "email", code: "invalid_format", message: "Enter a valid email address" }],
        }),
      ),
    );
    renderLogin("ru");
    fireEvent.input(input("Почта"), { target: { value: "nope" } });
    fireEvent.click(button("Войти"));

    await waitFor(() => expect(input("Почта").getAttribute("aria-invalid")).toBe("true"));
    const errorId = input("Почта").getAttribute("aria-describedby")?.split(" ")[0] ?? "";
    expect(document.getElementById(errorId)?.textContent).toBe("Укажите правильный адрес почты");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("goes back to the page in ?next= after signing in, and never off the site", async () => {
    const session = { tenant: {}, staff: {}, token: "t", csrfToken: "c", expiresAt: "2030-01-01T00:00:00Z" };
    vi.stubGlobal("fetch", vi.fn<typeof fetch>().mockImplementation(async () => jsonResponse(200, session)));

    router.search = { next: "/admin" };
    const first = renderLogin();
    fillAndSubmit("right password");
    await waitFor(() => expect(router.navigate).toHaveBeenCalledWith("/admin", { replace: true }));
    first.unmount();

    router.search = { next: "//evil.example/" };
    renderLogin();
    fillAndSubmit("right password");
    await waitFor(() => expect(router.navigate).toHaveBeenLastCalledWith("/workspace", { replace: true }));
  });
});
