import { Signup } from "@frontline/core/signup";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Tenant } from "@frontline/core/tenant";
import { Ticket } from "@frontline/core/ticket";
import type { Variant } from "../support/axe";
import { assertFocusVisible } from "../support/focus";
import { startBrowserHarness, type BrowserHarness } from "../support/browser";
import { makeSignup } from "../support/factories";
import { actorOf, type StaffActor } from "../support/workspace";

/**
 * The admin panel in real Chromium against the real runtime, each page's main action: settings that persist, a staff
 * member invited, joining through the link in a fresh session and signing in, the seat limit said as the server says
 * it, an agent refused every admin-only page, a plan change confirmed with its price, a top-up request, a reply template
 * inserted into a ticket's composer filled in for it, and the event log filtered and downloaded as CSV.
 */
const PASSWORD = "a long enough passphrase";

let harness: BrowserHarness | undefined;
let owner: Page;
let ownerActor: StaffActor;
/** The ticket the reply template is inserted into. */
let ticket: Ticket.Info;
const signup = makeSignup({ ownerName: "Olga Owner" });
const nina = { name: "Nina Agent", email: `nina@${signup.slug}.example` };

/** Opens an admin page from the admin navigation. */
async function adminPage(page: Page, link: string) {
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await page.getByTestId("admin-nav").getByRole("link", { name: link }).click();
}

/** The axe check of `page` as it is now (test/support/axe.ts). */
function axe(page: Page, state: string, variants?: Variant[]) {
  return harness!.axe(page, state, variants);
}

async function text(page: Page, testId: string): Promise<string> {
  const locator = page.getByTestId(testId).first();
  await locator.waitFor();
  return ((await locator.textContent()) ?? "").trim();
}

beforeAll(async () => {
  harness = await startBrowserHarness();
  // On the Standard plan, as every workspace starts: two seats, the owner's and one more.
  const created = await Signup.signup(signup);
  ownerActor = actorOf(created.tenant.tenantId, created.staff);
  owner = await harness.signedIn(signup.slug, signup.email, signup.password);
});

afterAll(async () => {
  await harness?.close();
});

describe("the admin panel, in Chromium", () => {
  it("changes the settings, which are still there after a reload", async () => {
    await adminPage(owner, "Settings");
    await owner.waitForURL(/\/admin\/settings$/);
    expect(await text(owner, "settings-inbound-address")).toBe(`${signup.slug}@frontline.localhost`);
    await owner.getByLabel("Workspace name").fill("Acme Help Desk");
    await owner.getByLabel("Time zone").selectOption("Europe/Kyiv");
    await owner.getByLabel("Language of letters").selectOption("ru");
    await owner.getByTestId("add-field").click();
    await owner.getByLabel("Label").fill("Order number");
    await owner.getByLabel("Required").check();
    await axe(owner, "settings with a new customer field", ["phone"]);
    await owner.getByTestId("save-settings").click();
    await owner.getByTestId("settings-status").filter({ hasText: "Saved." }).waitFor();
    await axe(owner, "settings saved", ["dark"]);
    await assertFocusVisible(owner, "settings", ["light", "dark"]);
    // The top bar reads the name from /api/me, refreshed after saving.
    await owner.getByTestId("workspace-name").filter({ hasText: "Acme Help Desk" }).waitFor();

    await owner.reload();
    expect(await owner.getByLabel("Workspace name").inputValue()).toBe("Acme Help Desk");
    expect(await owner.getByLabel("Time zone").inputValue()).toBe("Europe/Kyiv");
    expect(await owner.getByLabel("Language of letters").inputValue()).toBe("ru");
    expect(await owner.getByLabel("Key").inputValue()).toBe("order_number");
    expect(await owner.getByLabel("Required").isChecked()).toBe(true);
  });

  it("invites a staff member, who joins through the link in a fresh session and then signs in", async () => {
    await adminPage(owner, "Staff");
    expect(await text(owner, "seats")).toBe("1 of 2 seats used (you)");
    await owner.getByLabel("Email").fill(nina.email);
    await owner.getByLabel("Role").selectOption("agent");
    await owner.getByTestId("invite-departments").getByLabel("Support").check();
    await owner.getByTestId("send-invitation").click();
    const link = await text(owner, "invitation-url");
    expect(link).toMatch(/\/invite\/fli\./);
    expect(await text(owner, "invitation-expires")).toContain("The link works until");
    await axe(owner, "staff, an invitation just sent", ["phone", "dark"]);
    await owner.getByTestId("invitation-row").filter({ hasText: nina.email }).waitFor();
    await owner.getByTestId("seats").filter({ hasText: "2 of 2 seats used, yours included" }).waitFor();

    // The link as the invited person gets it, opened in a browser session of their own.
    const invited = await harness!.page();
    await invited.goto(new URL(link).pathname);
    await invited.getByRole("heading", { name: "Join Acme Help Desk on Frontline" }).waitFor();
    expect(await text(invited, "invitation-email")).toBe(nina.email);
    await axe(invited, "joining through an invitation", ["phone"]);
    await invited.getByLabel("Your name").fill(nina.name);
    await invited.getByLabel("Password").fill(PASSWORD);
    await invited.getByTestId("accept-invitation").click();
    // A new agent lands on their ticket queue, not on the plan and the balance.
    await invited.waitForURL(/\/tickets$/);
    await invited.getByTestId("user-name").waitFor();
    await axe(invited, "a new agent's ticket queue, just joined", ["phone"]);
    expect(await text(invited, "user-name")).toBe(nina.name);
    expect(await text(invited, "user-role")).toBe("Agent");

    // And later, signing in like everyone else.
    const again = await harness!.signedIn(signup.slug, nina.email, PASSWORD);
    expect(await text(again, "user-name")).toBe(nina.name);

    await owner.reload();
    await owner.getByTestId("staff-row").filter({ hasText: nina.name }).waitFor();
    // Joining and signing in are both sign-ins: the staff page has their time, not "Never", for her and the owner.
    expect(await owner.getByTestId("staff-row").filter({ hasText: "Never" }).count()).toBe(0);
    expect(await owner.getByTestId("invitation-row").count()).toBe(0);
  });

  it("says the seat limit as the server says it when every seat is taken", async () => {
    await owner.getByLabel("Email").fill(`omar@${signup.slug}.example`);
    await owner.getByTestId("send-invitation").click();
    expect(await text(owner, "invite-error")).toContain("The Standard plan includes 2 staff seats, and all are taken");
    await axe(owner, "staff, an invitation refused: no seat left");
  });

  it("refuses the admin panel to an agent: only what they may read is in the menu, the rest says admins only", async () => {
    const agent = await harness!.signedIn(signup.slug, nina.email, PASSWORD);
    await agent.getByRole("link", { name: "Admin", exact: true }).click();
    const nav = agent.getByTestId("admin-nav");
    await nav.waitFor();
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Departments", "Stop list", "Letters", "Policies", "Business calendars"]);
    await agent.getByTestId("departments-admins-only").waitFor();
    await axe(agent, "departments, read-only for an agent", ["phone", "dark"]);
    for (const path of ["/admin/settings", "/admin/staff", "/admin/billing", "/admin/events", "/admin/templates"]) {
      await agent.goto(path);
      await agent.getByTestId("admins-only").waitFor();
      expect(await agent.getByRole("heading", { level: 1 }).textContent(), path).toBe("For admins only");
    }
    await axe(agent, "an admins-only page refused to an agent");
    // Not only hidden: the API refuses too.
    expect((await agent.request.get("/api/events")).status()).toBe(403);
    expect((await agent.request.get("/api/invitations")).status()).toBe(403);
  });

  it("changes the plan after a confirmation showing the new daily price", async () => {
    await adminPage(owner, "Plan and billing");
    expect(await text(owner, "billing-plan")).toBe("Standard");
    expect(await text(owner, "billing-daily-price")).toBe("$1.00 / day");
    await owner.getByTestId("plan-option").filter({ hasText: "Pro" }).getByRole("radio").check();
    expect(await text(owner, "plan-status")).toBe("New daily price: $4.00");
    await axe(owner, "plan and billing, a new plan chosen", ["phone", "dark"]);
    await assertFocusVisible(owner, "plan and billing", ["light", "dark"]);
    await owner.getByTestId("review-plan").click();
    const dialog = owner.getByTestId("confirm-dialog");
    expect(await dialog.getByTestId("confirm-price").textContent()).toBe("From the next daily charge you pay $4.00 a day instead of $1.00.");
    await axe(owner, "the plan change's confirmation dialog", ["dark"]);
    await dialog.getByTestId("confirm").click();
    await owner.getByTestId("billing-plan").filter({ hasText: "Pro" }).waitFor();

    await owner.reload();
    expect(await text(owner, "billing-plan")).toBe("Pro");
    expect(await text(owner, "billing-daily-price")).toBe("$4.00 / day");
    expect(await text(owner, "billing-seats")).toBe("2 of 25, yours included");
  });

  it("files a top-up request and lists it", async () => {
    await owner.getByLabel("Amount (USD)").fill("50");
    await owner.getByLabel("Note (optional)").fill("Paying by bank transfer");
    await owner.getByTestId("request-top-up").click();
    await owner.getByTestId("top-up-status").filter({ hasText: "Your request for $50.00 is sent." }).waitFor();
    await owner.reload();
    const request = owner.getByTestId("top-up-request");
    await request.waitFor();
    expect(await request.textContent()).toContain("$50.00");
    expect(await request.textContent()).toContain("Paying by bank transfer");
    expect(await request.textContent()).toContain("Open");
    await axe(owner, "plan and billing, an open top-up request");
  });

  it("creates a reply template that an agent inserts into a ticket's composer, filled in for the ticket", async () => {
    await adminPage(owner, "Reply templates");
    await owner.getByTestId("new-template").click();
    const dialog = owner.getByTestId("template-dialog");
    await dialog.getByLabel("Name", { exact: true }).fill("On it");
    const body = dialog.getByLabel("Text", { exact: true });
    await body.fill("Hello , we are on ticket #: ");
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(6, 6));
    await dialog.getByRole("button", { name: "Insert {{ customer.name }}" }).click();
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.indexOf("#") + 1, el.value.indexOf("#") + 1));
    await dialog.getByRole("button", { name: "Insert {{ ticket.number }}" }).click();
    await body.press("End");
    await dialog.getByRole("button", { name: "Insert {{ agent.name }}" }).click();
    expect(await body.inputValue()).toBe("Hello {{ customer.name }}, we are on ticket #{{ ticket.number }}: {{ agent.name }}");
    await axe(owner, "the reply template dialog", ["dark"]);
    await dialog.getByTestId("save-template").click();
    await owner.getByTestId("template-row").filter({ hasText: "On it" }).waitFor();
    await axe(owner, "reply templates, one saved", ["phone"]);

    ticket = await withActor(ownerActor, () =>
      Ticket.create({ subject: "Parcel not delivered", body: "Where is my parcel?", requester: { email: "kim@customer.example", name: "Kim Customer" } }),
    );
    const agent = await harness!.signedIn(signup.slug, nina.email, PASSWORD);
    await agent.goto(`/tickets/${ticket.ticketId}`);
    const composer = agent.getByTestId("composer-text");
    await composer.fill("Dear Kim,\n\nBest regards");
    await composer.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange("Dear Kim,\n\n".length, "Dear Kim,\n\n".length));
    await agent.getByTestId("insert-template").click();
    await agent.getByLabel("Find a template").fill("on it");
    await agent.getByTestId("template-option").filter({ hasText: "On it" }).waitFor();
    await axe(agent, "a ticket with the template picker open");
    await agent.getByTestId("template-option").filter({ hasText: "On it" }).click();
    await expect
      .poll(() => composer.inputValue())
      .toBe(`Dear Kim,\n\nHello Kim Customer, we are on ticket #${ticket.number}: ${nina.name}Best regards`);
    // The letter signs the reply itself: the composer shows how, under the text, so that she need not sign again.
    expect(await agent.getByTestId("composer-signature-text").innerText()).toBe(`${nina.name}\nAcme Help Desk`);
    await axe(agent, "a reply with the letter's signature under it", ["phone", "dark"]);
  });

  it("filters the event log by who and what, and downloads the same selection as CSV", async () => {
    await adminPage(owner, "Event log");
    await owner.getByTestId("event-row").first().waitFor();
    await owner.getByLabel("Who").selectOption({ label: "Olga Owner" });
    await owner.getByLabel("Action").selectOption({ label: "Plan changed" });
    await owner.getByTestId("events-apply").click();
    await expect.poll(() => owner.getByTestId("event-row").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.action))).toEqual(["billing.plan_change"]);
    expect(await owner.getByTestId("event-action").allTextContents()).toEqual(["Plan changed"]);
    expect(await owner.getByTestId("event-change").allTextContents()).toEqual(expect.arrayContaining(["Daily price: 1.00 → 4.00"]));
    await axe(owner, "the event log, filtered", ["phone", "dark"]);

    const [download] = await Promise.all([owner.waitForEvent("download"), owner.getByTestId("events-csv").click()]);
    expect(download.suggestedFilename()).toMatch(/^events-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("at,actor_type,actor_id,actor_name,action,target_type,target_id,target_label,department_id,reason,before,after");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`staff,${ownerActor.staffId},Olga Owner,billing.plan_change,tenant,${signup.slug},Pro`);

    // A ticket's events, by its number: the template was inserted, not sent, so its creation is all there is.
    await owner.getByTestId("events-clear").click();
    await owner.getByLabel("Ticket number").fill(String(ticket.number));
    await owner.getByTestId("events-apply").click();
    await expect.poll(() => owner.getByTestId("event-row").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.action))).toEqual(["ticket.create"]);
  });
});
