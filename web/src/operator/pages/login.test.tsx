import { cleanup, fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import { renderOperator } from "../test-harness";
import { OperatorLoginPage, operatorNext } from "./login";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

const fill = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe("the operator's sign-in", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("signs in with email and password and goes where the operator was going", async () => {
    router.search = { next: "/operator/plans" };
    const api = stubApi({
      "POST /api/operator/login": () => ({ operator: { operatorId: "o1", email: "olena@frontline.example", name: "Olena" }, expiresAt: "2026-11-23T00:00:00.000Z" }),
    });
    renderOperator(() => <OperatorLoginPage />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Operator sign-in");
    fill("Email", "olena@frontline.example");
    fill("Password", "operator passphrase");
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(router.navigate).toHaveBeenCalledWith("/operator/plans", { replace: true }));
    expect(api.calls).toEqual([{ method: "POST", path: "/api/operator/login", body: { email: "olena@frontline.example", password: "operator passphrase" } }]);
  });

  it("says plainly that the email or password is wrong, in the reader's language, and clears the password", async () => {
    stubApi({
      "POST /api/operator/login": () => jsonResponse(401, { error: { code: "unauthenticated", message: "Wrong email or password", requestId: "r1" } }),
    });
    renderOperator(() => <OperatorLoginPage />, "ru");
    fill("Почта", "olena@frontline.example");
    fill("Пароль", "not it");
    fireEvent.click(screen.getByRole("button", { name: "Войти" }));
    expect((await screen.findByTestId("operator-login-error")).textContent).toBe("Неверная почта или пароль");
    expect((screen.getByLabelText("Пароль") as HTMLInputElement).value).toBe("");
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it("says how long to wait after too many failures", async () => {
    stubApi({
      "POST /api/operator/login": () =>
        jsonResponse(429, { error: { code: "too_many_requests", message: "Too many failed sign-ins", requestId: "r1", retryAfterSeconds: 600 } }),
    });
    renderOperator(() => <OperatorLoginPage />);
    fill("Email", "olena@frontline.example");
    fill("Password", "again");
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect((await screen.findByTestId("operator-login-error")).textContent).toBe("Too many failed sign-ins. Try again in 10 min.");
  });

  it("goes back only to pages of the operator console", () => {
    expect(operatorNext("/operator/workspaces/acme")).toBe("/operator/workspaces/acme");
    expect(operatorNext("/operator")).toBe("/operator");
    for (const next of [undefined, "/tickets", "//evil.example/operator", "https://evil.example", "/operator/login", "/operatorx"]) {
      expect(operatorNext(next), String(next)).toBe("/operator");
    }
  });
});
