import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/console-harness";
import { I18nProvider } from "../i18n";
import { SignupPage } from "./signup";

vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule);

function renderSignup(locale: "en" | "ru" | "uk" | "kk" | "hu") {
  return render(() => (
    <I18nProvider locale={locale}>
      <SignupPage />
    </I18nProvider>
  ));
}

/** The API's answer once an address has opened its workspaces for the day (core/auth/throttle.ts, signUp). */
function refusedFor(retryAfterSeconds: number) {
  const body = { error: { code: "too_many_requests", message: "Too many workspaces opened from this address today; try again in 5 h", requestId: "r-1", retryAfterSeconds } };
  vi.stubGlobal("fetch", vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(429, body)));
}

function fillAndSubmit(labels: { workspace: string; name: string; email: string; password: string; submit: string }) {
  const field = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
  field(labels.workspace, "Acme Support");
  field(labels.name, "Ann Owner");
  field(labels.email, "ann@example.com");
  field(labels.password, "a long enough passphrase");
  fireEvent.click(screen.getByRole("button", { name: labels.submit }));
}

describe("SignupPage", () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("suggests the address from the name in Latin letters, by the rules of the name's language", () => {
    const suggested = (locale: "en" | "uk" | "kk" | "hu", labels: { name: string; address: string }, name: string) => {
      renderSignup(locale);
      fireEvent.input(screen.getByLabelText(labels.name), { target: { value: name } });
      const address = (screen.getByLabelText(labels.address) as HTMLInputElement).value;
      cleanup();
      return address;
    };
    const uk = { name: "Назва робочого простору", address: "Адреса робочого простору" };
    expect(suggested("uk", uk, "Служба підтримки")).toBe("sluzhba-pidtrymky");
    // No letter only Ukrainian has: the reader's language says how to write г and и.
    expect(suggested("uk", uk, "Гарячий центр")).toBe("hariachyi-tsentr");
    expect(suggested("en", { name: "Workspace name", address: "Workspace address" }, "Қолдау қызметі")).toBe("qoldau-qyzmeti");
    expect(suggested("en", { name: "Workspace name", address: "Workspace address" }, "Ügyfélszolgálat")).toBe("ugyfelszolgalat");
  });

  it("says, in the reader's language, that this address opened enough workspaces today and when to come back (429)", async () => {
    refusedFor(4 * 3600 + 60);
    renderSignup("en");
    fillAndSubmit({ workspace: "Workspace name", name: "Your name", email: "Work email", password: "Password", submit: "Create workspace" });
    expect((await screen.findByRole("alert")).textContent).toBe("Too many workspaces were opened from this address today. Try again in 5 h.");
    cleanup();

    refusedFor(600);
    renderSignup("ru");
    fillAndSubmit({ workspace: "Название рабочего пространства", name: "Ваше имя", email: "Рабочая почта", password: "Пароль", submit: "Создать рабочее пространство" });
    expect((await screen.findByRole("alert")).textContent).toBe("С этого адреса сегодня открыто слишком много рабочих пространств. Попробуйте снова через 1 ч.");
  });
});
