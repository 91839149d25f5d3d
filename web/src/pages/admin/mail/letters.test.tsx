import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LetterInfo, LetterTemplate } from "../../../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../../../test/console-harness";
import { router } from "../../../../test/router-stub";
import { LettersPage, PREVIEW_DEBOUNCE_MS } from "./letters";

vi.mock("@solidjs/router", async () => (await import("../../../../test/router-stub")).routerModule);

const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner" });
const artem = staff({ staffId: "s-artem", name: "Artem Agent", role: "agent" });
const defaults: Record<string, LetterTemplate> = {
  "ticket_received/en": { subject: "[#{{ ticket.number }}] {{ ticket.subject }}", body: "Hello {{ customer.name }}, we got it." },
  "ticket_received/ru": { subject: "[#{{ ticket.number }}] {{ ticket.subject }}", body: "Здравствуйте, {{ customer.name }}!" },
  "agent_reply/en": { subject: "Re: {{ ticket.subject }}", body: "{{ message }}" },
  "agent_reply/ru": { subject: "Re: {{ ticket.subject }}", body: "{{ message }}" },
  "ticket_solved/en": { subject: "Solved: {{ ticket.subject }}", body: "Solved." },
  "ticket_solved/ru": { subject: "Решено: {{ ticket.subject }}", body: "Решено." },
};
let letters: LetterInfo[] = [];

/** Renders like the API's preview: the sample values put in, and a broken tag refused as the API refuses it. */
function render(template: LetterTemplate): Response | { preview: LetterTemplate } {
  if (template.body.includes("{% if %}")) {
    return jsonResponse(400, { error: { code: "invalid", message: "body: …", requestId: "r1", issues: [{ path: "body", code: "template", message: 'invalid value expression: "", line:1, col:6' }] } });
  }
  const fill = (text: string) =>
    text
      .replaceAll("{{ customer.name }}", "Anna Petrova")
      .replaceAll("{{ ticket.number }}", "1042")
      .replaceAll("{{ ticket.subject }}", "The invoice did not arrive")
      .replaceAll("{{ workspace.name }}", "Acme");
  return { preview: { subject: fill(template.subject), body: fill(template.body) } };
}

function routes() {
  letters = Object.entries(defaults).map(([key, template]) => {
    const [kind, locale] = key.split("/") as [LetterInfo["kind"], LetterInfo["locale"]];
    return { kind, locale, ...template, custom: false, default: template };
  });
  return {
    "GET /api/staff": () => ({ staff: [olga, artem] }),
    "GET /api/departments": () => ({ departments: [] }),
    "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
    "GET /api/letters": () => ({ letters }),
    "POST /api/letters/ticket_received/en/preview": ({ body }: { body: unknown }) => render(body as LetterTemplate),
    "POST /api/letters/ticket_received/ru/preview": ({ body }: { body: unknown }) => render(body as LetterTemplate),
    "POST /api/letters/agent_reply/en/preview": ({ body }: { body: unknown }) => render(body as LetterTemplate),
  };
}

const body = () => screen.getByLabelText("Body") as HTMLTextAreaElement;
const previewBody = () => screen.getByTestId("letter-preview-body").textContent;

describe("the letters", () => {
  beforeEach(() => {
    router.reset();
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("preview what is typed once typing pauses, and show a template that does not parse", async () => {
    const api = stubApi(routes());
    renderConsole(() => <LettersPage />, olga);
    await waitFor(() => expect(previewBody()).toBe("Hello Anna Petrova, we got it."));
    expect(screen.getByTestId("letter-preview-subject").textContent).toBe("[#1042] The invoice did not arrive");
    const previews = () => api.calls.filter((c) => c.path.endsWith("/preview")).length;
    const before = previews();

    fireEvent.input(body(), { target: { value: "Dear {{ customer.name }}" } });
    fireEvent.input(body(), { target: { value: "Dear {{ customer.name }}, thanks" } });
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS + 50);
    await waitFor(() => expect(previewBody()).toBe("Dear Anna Petrova, thanks"));
    // Two keystrokes in quick succession: one preview.
    expect(previews()).toBe(before + 1);

    fireEvent.input(body(), { target: { value: "{% if %}" } });
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS + 50);
    expect((await screen.findByTestId("letter-preview-error")).textContent).toContain('invalid value expression: ""');
    expect(screen.getByTestId("letter-unsaved")).toBeTruthy();
  });

  it("insert a variable where the cursor is", async () => {
    stubApi(routes());
    renderConsole(() => <LettersPage />, olga);
    await waitFor(() => expect(body().value).toBe("Hello {{ customer.name }}, we got it."));
    body().focus();
    body().setSelectionRange(6, 6);
    fireEvent.click(screen.getByLabelText("Insert {{ workspace.name }}"));
    expect(body().value).toBe("Hello {{ workspace.name }}{{ customer.name }}, we got it.");
  });

  it("save with the API's field error shown under the body, then reset to the default after asking", async () => {
    const api = stubApi({
      ...routes(),
      "PUT /api/letters/agent_reply/en": ({ body: sent }) => {
        const template = sent as LetterTemplate;
        if (template.body.includes("{% if %}")) {
          return jsonResponse(400, {
            error: { code: "invalid", message: "body: The template does not parse", requestId: "r1", issues: [{ path: "body", code: "template", message: "The template does not parse: tag {% if %} not closed" }] },
          });
        }
        const saved = { ...letters.find((l) => l.kind === "agent_reply" && l.locale === "en")!, ...template, custom: true, updatedAt: new Date().toISOString(), updatedBy: "Olga Owner" };
        letters = letters.map((l) => (l.kind === "agent_reply" && l.locale === "en" ? saved : l));
        return { letter: saved };
      },
      "DELETE /api/letters/agent_reply/en": () => {
        const restored = { ...letters.find((l) => l.kind === "agent_reply" && l.locale === "en")!, ...defaults["agent_reply/en"], custom: false, updatedAt: undefined, updatedBy: undefined };
        return { letter: restored };
      },
    });
    renderConsole(() => <LettersPage />, olga);
    await screen.findByTestId("letter-editor");
    fireEvent.click(screen.getByTestId("letter-kind-agent_reply"));
    fireEvent.click(screen.getByTestId("letter-locale-en"));
    await waitFor(() => expect(screen.getByTestId("letter-editor").dataset.letter).toBe("agent_reply/en"));
    expect(screen.getByTestId("letter-save").getAttribute("aria-disabled")).toBe("true");

    fireEvent.input(body(), { target: { value: "{% if %}{{ message }}" } });
    fireEvent.click(screen.getByTestId("letter-save"));
    expect((await screen.findByTestId("letter-body-error")).textContent).toBe("The template does not parse: tag {% if %} not closed");
    expect(body().getAttribute("aria-invalid")).toBe("true");

    fireEvent.input(body(), { target: { value: "{{ message }}\n\n{{ agent.name }}" } });
    fireEvent.click(screen.getByTestId("letter-save"));
    await waitFor(() => expect(screen.getByTestId("letter-status").textContent).toBe("Saved."));
    expect(screen.getByTestId("letter-custom").textContent).toBe("Customised");
    expect(screen.queryByTestId("letter-unsaved")).toBeNull();
    expect(api.calls.filter((c) => c.method === "PUT").at(-1)?.body).toEqual({ subject: "Re: {{ ticket.subject }}", body: "{{ message }}\n\n{{ agent.name }}" });

    fireEvent.click(screen.getByTestId("letter-reset"));
    const dialog = await screen.findByTestId("confirm-dialog");
    fireEvent.click(within(dialog).getByTestId("confirm"));
    await waitFor(() => expect(body().value).toBe("{{ message }}"));
    expect(screen.queryByTestId("letter-custom")).toBeNull();
    expect(screen.getByTestId("letter-status").textContent).toBe("The default wording is back.");
  });

  it("keep what was typed in each letter while switching between them", async () => {
    stubApi(routes());
    renderConsole(() => <LettersPage />, olga);
    await waitFor(() => expect(body().value).toBe("Hello {{ customer.name }}, we got it."));
    fireEvent.input(body(), { target: { value: "Draft in English" } });
    fireEvent.click(screen.getByTestId("letter-locale-ru"));
    await waitFor(() => expect(body().value).toBe("Здравствуйте, {{ customer.name }}!"));
    fireEvent.click(screen.getByTestId("letter-locale-en"));
    await waitFor(() => expect(body().value).toBe("Draft in English"));
    fireEvent.click(screen.getByTestId("letter-discard"));
    expect(body().value).toBe("Hello {{ customer.name }}, we got it.");
  });

  it("can be read by others, not changed", async () => {
    stubApi(routes());
    renderConsole(() => <LettersPage />, artem);
    expect((await screen.findByTestId("letters-admins-only")).textContent).toContain("Only the workspace's owners and admins change the letters");
    await waitFor(() => expect(body().readOnly).toBe(true));
    expect(screen.queryByTestId("letter-save")).toBeNull();
  });
});
