import { describe, expect, it } from "vitest";
import { renderTemplate } from "./letters";

const variables = { workspace: { name: "Acme" }, customer: { name: "Anna" }, ticket: { number: 7, subject: "Printer", status: "open" } };

describe("rendering an admin's template", () => {
  it("cuts a runaway loop short instead of holding the process", async () => {
    const runaway = { subject: "x", body: "{% for i in (1..3000) %}{% for j in (1..3000) %}{% endfor %}{% endfor %}" };
    await expect(renderTemplate(runaway, variables)).rejects.toThrow(/^(template render|memory alloc) limit exceeded/);
  });

  it("refuses a template that builds an enormous text", async () => {
    const huge = { subject: "x", body: "{% for i in (1..100000000) %}{{ customer.name }}{% endfor %}" };
    await expect(renderTemplate(huge, variables)).rejects.toThrow(/^memory alloc limit exceeded/);
  });

  it("sees only the variables given, not the objects' prototypes", async () => {
    const sneaky = { subject: "{{ customer.constructor.name }}", body: "{{ workspace.name }} {{ customer.__proto__ }}" };
    expect(await renderTemplate(sneaky, variables)).toEqual({ subject: "", body: "Acme" });
  });
});
