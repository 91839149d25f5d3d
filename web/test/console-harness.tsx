import { render } from "@solidjs/testing-library";
import type { JSX } from "solid-js";
import { vi } from "vitest";
import type { Me, StaffInfo } from "../src/api/types";
import { I18nProvider, type Locale } from "../src/i18n";
import { DirectoryProvider } from "../src/session/directory";
import { MeContext } from "../src/session/me";

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

type Handler = (request: { body: unknown; url: URL }) => Response | unknown;

/**
 * A fetch that answers "METHOD /path" routes (a handler returns a Response, or a body for 200). Every call is recorded
 * with its parsed JSON body; an unknown route fails the test loudly.
 */
export function stubApi(routes: Record<string, Handler>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://console.test");
    const method = (init?.method ?? "GET").toUpperCase();
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path: url.pathname + url.search, body });
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) throw new Error(`No stub for ${method} ${url.pathname}`);
    const result = handler({ body, url });
    return result instanceof Response ? result : jsonResponse(200, result);
  });
  vi.stubGlobal("fetch", fetchMock);
  return { calls, fetchMock };
}

export const staff = (overrides: Partial<StaffInfo> & Pick<StaffInfo, "staffId" | "name" | "role">): StaffInfo => ({
  email: `${overrides.staffId}@example.com`,
  status: "active",
  departmentIds: [],
  createdAt: "2026-01-01T00:00:00.000Z",
  ...overrides,
});

export function me(self: StaffInfo): Me {
  return {
    staff: self,
    tenant: { tenantId: "acme", slug: "acme", name: "Acme" },
    plan: {},
    standing: {},
    inboundAddress: "acme@frontline.localhost",
  } as unknown as Me;
}

/** Renders a console page as `self` would see it: translated, signed in, with the directory (staff, departments). */
export function renderConsole(ui: () => JSX.Element, self: StaffInfo, locale: Locale = "en") {
  return render(() => (
    <I18nProvider locale={locale}>
      <MeContext.Provider value={{ me: () => me(self), refetch: () => undefined }}>
        <DirectoryProvider>{ui()}</DirectoryProvider>
      </MeContext.Provider>
    </I18nProvider>
  ));
}
