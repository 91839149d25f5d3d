import { cleanup, fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReplyTemplateInfo } from "../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../test/console-harness";
import { router } from "../../test/router-stub";
import { Composer } from "./composer";
import { loadDraft } from "./drafts";

vi.mock("@solidjs/router", async () => (await import("../../test/router-stub")).routerModule);

const artem = staff({ staffId: "s-artem", name: "Artem Agent", role: "agent", departmentIds: ["d-pay"] });
const templates: ReplyTemplateInfo[] = [
  { templateId: "rt-1", name: "Refund on its way", body: "Hello {{ customer.name }}, your refund is on its way.", departmentIds: [], updatedAt: "2026-03-01T10:00:00.000Z" },
  { templateId: "rt-2", name: "Closing", body: "Glad we could help.", departmentIds: [], updatedAt: "2026-03-01T10:00:00.000Z" },
];
const directory = {
  "GET /api/staff": () => ({ staff: [artem] }),
  "GET /api/departments": () => ({ departments: [] }),
  "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
};

function renderComposer(ticketId: string) {
  renderConsole(() => <Composer ticketId={ticketId} requesterName="Petro Caller" busy={false} onSend={async () => true} />, artem);
  return screen.getByTestId("composer-text") as HTMLTextAreaElement;
}

describe("inserting a reply template in the composer", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("finds a template, has the API fill it in for the ticket, and puts it where the cursor is", async () => {
    const api = stubApi({
      ...directory,
      "GET /api/reply-templates": () => ({ templates }),
      "POST /api/reply-templates/rt-1/render": () => ({ body: "Hello Petro Caller, your refund is on its way." }),
    });
    const text = renderComposer("t-1");
    fireEvent.input(text, { target: { value: "Dear customer.\n\nKind regards" } });
    text.setSelectionRange("Dear customer.\n\n".length, "Dear customer.\n\n".length);
    expect(api.calls.some((c) => c.path === "/api/reply-templates")).toBe(false);

    fireEvent.click(screen.getByTestId("insert-template"));
    await waitFor(() => expect(screen.getAllByTestId("template-option")).toHaveLength(2));
    fireEvent.input(screen.getByLabelText("Find a template"), { target: { value: "refund" } });
    expect(screen.getAllByTestId("template-option").map((o) => o.textContent)).toEqual([expect.stringContaining("Refund on its way")]);
    fireEvent.click(screen.getByTestId("template-option"));

    await waitFor(() => expect(text.value).toBe("Dear customer.\n\nHello Petro Caller, your refund is on its way.Kind regards"));
    expect(screen.queryByTestId("template-picker")).toBeNull();
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({ ticketId: "t-1" });
    // It is part of the draft, as if typed.
    expect(loadDraft("t-1").reply).toBe(text.value);
  });

  it("says why a template cannot be filled in, and keeps the text as it was", async () => {
    stubApi({
      ...directory,
      "GET /api/reply-templates": () => ({ templates }),
      "POST /api/reply-templates/rt-2/render": () => jsonResponse(404, { error: { code: "not_found", message: "Reply template not found", requestId: "r1" } }),
    });
    const text = renderComposer("t-2");
    fireEvent.click(screen.getByTestId("insert-template"));
    fireEvent.click((await screen.findAllByTestId("template-option"))[1]!);
    expect((await screen.findByTestId("template-picker-error")).textContent).toBe("Reply template not found");
    expect(text.value).toBe("");
  });

  it("says when there are no templates yet", async () => {
    stubApi({ ...directory, "GET /api/reply-templates": () => ({ templates: [] }) });
    renderComposer("t-3");
    fireEvent.click(screen.getByTestId("insert-template"));
    await waitFor(() => expect(screen.getByTestId("template-picker").textContent).toContain("No reply templates yet"));
  });
});
