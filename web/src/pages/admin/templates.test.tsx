import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DepartmentInfo, ReplyTemplateInfo } from "../../api/types";
import { jsonResponse, renderConsole, staff, stubApi } from "../../../test/console-harness";
import { router } from "../../../test/router-stub";
import { TemplatesPage } from "./templates";

vi.mock("@solidjs/router", async () => (await import("../../../test/router-stub")).routerModule);

const olga = staff({ staffId: "s-olga", name: "Olga Owner", role: "owner" });
const saule = staff({ staffId: "s-saule", name: "Saule Supervisor", role: "supervisor", departmentIds: ["d-pay"] });
const departments = [{ departmentId: "d-pay", name: "Payments", isDefault: false, createdAt: "2026-01-01T00:00:00.000Z" }] as DepartmentInfo[];

let templates: ReplyTemplateInfo[] = [];
function routes() {
  templates = [{ templateId: "rt-1", name: "Refund on its way", body: "Hello {{ customer.name }}, your refund is on its way.", departmentIds: ["d-pay"], updatedAt: "2026-03-01T10:00:00.000Z" }];
  return {
    "GET /api/staff": () => ({ staff: [olga, saule] }),
    "GET /api/departments": () => ({ departments }),
    "GET /api/tickets/counts": () => ({ views: {}, departments: {} }),
    "GET /api/reply-templates": () => ({ templates }),
  };
}
const names = () => screen.queryAllByTestId("template-row").map((r) => r.dataset.template);

describe("the reply templates page", () => {
  beforeEach(() => router.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("creates a template with placeholders inserted at the cursor, for chosen departments", async () => {
    const api = stubApi({
      ...routes(),
      "POST /api/reply-templates": ({ body }) => {
        const created = { templateId: "rt-2", updatedAt: "2026-03-10T10:00:00.000Z", ...(body as object) } as ReplyTemplateInfo;
        templates.push(created);
        return jsonResponse(201, { template: created });
      },
    });
    renderConsole(() => <TemplatesPage />, olga);
    await waitFor(() => expect(names()).toEqual(["Refund on its way"]));
    expect(screen.getByTestId("template-row").textContent).toContain("Payments");

    fireEvent.click(screen.getByTestId("new-template"));
    const dialog = await screen.findByTestId("template-dialog");
    fireEvent.click(within(dialog).getByTestId("save-template"));
    expect(await within(dialog).findByText("Give the template a name")).toBeTruthy();
    expect(within(dialog).getByText("Write the reply")).toBeTruthy();

    fireEvent.input(within(dialog).getByLabelText("Name"), { target: { value: "Greeting" } });
    const body = within(dialog).getByLabelText("Text") as HTMLTextAreaElement;
    fireEvent.input(body, { target: { value: "Hello , ticket  is in hand." } });
    body.setSelectionRange(6, 6);
    fireEvent.click(within(dialog).getByLabelText("Insert {{ customer.name }}"));
    await waitFor(() => expect(body.value).toBe("Hello {{ customer.name }}, ticket  is in hand."));
    body.setSelectionRange("Hello {{ customer.name }}, ticket ".length, "Hello {{ customer.name }}, ticket ".length);
    fireEvent.click(within(dialog).getByLabelText("Insert {{ ticket.number }}"));
    await waitFor(() => expect(body.value).toBe("Hello {{ customer.name }}, ticket {{ ticket.number }} is in hand."));
    expect(within(dialog).getByTestId("template-placeholders").textContent).toContain("{{ agent.name }}");
    fireEvent.click(within(dialog).getByLabelText("Payments"));
    fireEvent.click(within(dialog).getByTestId("save-template"));

    await waitFor(() => expect(names()).toEqual(["Greeting", "Refund on its way"]));
    expect(screen.queryByTestId("template-dialog")).toBeNull();
    expect(api.calls.find((c) => c.method === "POST")?.body).toEqual({
      name: "Greeting",
      body: "Hello {{ customer.name }}, ticket {{ ticket.number }} is in hand.",
      departmentIds: ["d-pay"],
    });
  });

  it("edits a template, shows the server's issue under its field, and deletes one after a confirmation", async () => {
    let refuse = true;
    const api = stubApi({
      ...routes(),
      "PUT /api/reply-templates/rt-1": ({ body }) => {
        if (refuse) {
          refuse = false;
          return jsonResponse(400, {
            error: { code: "invalid", message: "Invalid input", requestId: "r1", issues: [{ path: "body", code: "template", message: "The template does not parse: unclosed tag" }] },
          });
        }
        templates = [{ ...templates[0]!, ...(body as object) }];
        return { template: templates[0] };
      },
      "DELETE /api/reply-templates/rt-1": () => {
        templates = [];
        return new Response(null, { status: 204 });
      },
    });
    renderConsole(() => <TemplatesPage />, olga);
    fireEvent.click(await screen.findByTestId("edit-template"));
    const dialog = await screen.findByTestId("template-dialog");
    expect((within(dialog).getByLabelText("Name") as HTMLInputElement).value).toBe("Refund on its way");
    fireEvent.input(within(dialog).getByLabelText("Text"), { target: { value: "Hello {{ customer.name" } });
    fireEvent.click(within(dialog).getByTestId("save-template"));
    expect(await within(dialog).findByText("The template does not parse: unclosed tag")).toBeTruthy();
    fireEvent.input(within(dialog).getByLabelText("Text"), { target: { value: "Hello {{ customer.name }}" } });
    fireEvent.click(within(dialog).getByTestId("save-template"));
    await waitFor(() => expect(screen.queryByTestId("template-dialog")).toBeNull());
    expect(screen.getByTestId("template-row").textContent).toContain("Hello {{ customer.name }}");

    fireEvent.click(screen.getByTestId("delete-template"));
    fireEvent.click(within(await screen.findByTestId("confirm-dialog")).getByTestId("confirm"));
    expect((await screen.findByTestId("templates-empty")).textContent).toBe("No reply templates yet.");
    expect(api.calls.filter((c) => c.method === "DELETE").map((c) => c.path)).toEqual(["/api/reply-templates/rt-1"]);
  });

  it("is for admins: a supervisor gets the admins-only page", async () => {
    stubApi(routes());
    renderConsole(() => <TemplatesPage />, saule);
    await screen.findByTestId("admins-only");
    expect(screen.queryByTestId("new-template")).toBeNull();
  });
});
