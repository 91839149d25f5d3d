import { Signup } from "@frontline/core/signup";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { useDb } from "@frontline/core/db";
import { Department } from "@frontline/core/department";
import { Staff } from "@frontline/core/staff";
import { Tenant } from "@frontline/core/tenant";
import { Ticket } from "@frontline/core/ticket";
import { CONTENT_SECURITY_POLICY } from "../../web/src/security-headers";
import type { Variant } from "../support/axe";
import { assertFocusVisible } from "../support/focus";
import { startBrowserHarness, type BrowserHarness } from "../support/browser";
import { makeSignup } from "../support/factories";
import { actorOf, type StaffActor } from "../support/workspace";

/**
 * The agent console in real Chromium against the real runtime: a dispatcher registers a phone request and assigns it,
 * the agent works and solves it, an agent of another department cannot see it, a stale edit is refused without losing
 * the text being written, and the keyboard shortcuts.
 */
const PASSWORD = "a long enough passphrase";

let harness: BrowserHarness | undefined;

const signup = makeSignup({ ownerName: "Olga Owner" });
interface Person {
  name: string;
  email: string;
  actor: StaffActor;
}
let dispatcher: Person;
let agentA: Person;
let agentB: Person;
let paymentsId: string;

async function addStaff(owner: StaffActor, name: string, role: "dispatcher" | "agent", departmentIds: string[]): Promise<Person> {
  const email = `${name.split(" ")[0]!.toLowerCase()}@${signup.slug}.example`;
  const info = await withActor(owner, () => Staff.create({ name, email, role, departmentIds, password: PASSWORD }));
  return { name, email, actor: actorOf(owner.tenantId, info) };
}

/** A new browser session (its own cookies) signed in as `person`. */
function signedIn(person: Person): Promise<Page> {
  return harness!.signedIn(signup.slug, person.email, PASSWORD);
}

async function text(page: Page, testId: string): Promise<string> {
  const locator = page.getByTestId(testId).first();
  await locator.waitFor();
  return ((await locator.textContent()) ?? "").trim();
}

/** Waits until the queue shows the first page of `href` (the app marks the queue it has loaded). */
async function queueLoaded(page: Page, href: string): Promise<string[]> {
  await page.locator(`[data-testid="queue"][data-loaded="${href}"]`).waitFor();
  return page.getByTestId("queue-row").locator(".queue-row__link").allTextContents();
}

/** The axe check of `page` as it is now (test/support/axe.ts). */
function axe(page: Page, state: string, variants?: Variant[]) {
  return harness!.axe(page, state, variants);
}

/** A request registered through the core, as `by`, in Payments. */
function registered(by: Person, subject: string, assignee?: Person) {
  return withActor(by.actor, () =>
    Ticket.create({
      subject,
      body: "The card payment fails at the last step.",
      requester: { email: `${subject.toLowerCase().replace(/\W+/g, "-")}@customer.example`, name: "Kim Customer" },
      departmentId: paymentsId,
      assigneeId: assignee?.actor.staffId,
    }),
  );
}

beforeAll(async () => {
  harness = await startBrowserHarness();
  // The runtime runs in this process: staff and departments are made through the core.
  const created = await Signup.signup(signup);
  // Four staff: more seats than the Standard plan has (as test/support/workspace.ts, on Pro).
  await useDb().entities.tenant.patch({ tenantId: created.tenant.tenantId }).set({ planId: "pro" }).go();
  const owner = actorOf(created.tenant.tenantId, created.staff);
  const supportId = created.staff.departmentIds[0]!;
  paymentsId = (await withActor(owner, () => Department.create({ name: "Payments" }))).departmentId;
  [dispatcher, agentA, agentB] = await Promise.all([
    addStaff(owner, "Dora Dispatcher", "dispatcher", []),
    addStaff(owner, "Artem Agent", "agent", [paymentsId]),
    addStaff(owner, "Bella Agent", "agent", [supportId]),
  ]);
});

afterAll(async () => {
  await harness?.close();
});

describe("the console's security headers, in Chromium", () => {
  it("serves its pages with the CSP, no framing, no sniffing and a same-origin referrer; Chromium refuses an inline script", async () => {
    // A session of its own: the harness's sessions fail the file on any violation, and this one makes one on purpose.
    const context = await harness!.browser.newContext({ baseURL: harness!.runtime.url });
    try {
      const page = await context.newPage();
      const response = await page.goto("/login");
      const headers = response!.headers();
      expect(headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("same-origin");
      await page.getByRole("button", { name: "Sign in" }).waitFor();
      const outcome = await page.evaluate(
        () =>
          new Promise<{ ran: boolean; violated: string }>((resolve) => {
            document.addEventListener("securitypolicyviolation", (e) => resolve({ ran: "injected" in window, violated: e.violatedDirective }));
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
          }),
      );
      expect(outcome).toEqual({ ran: false, violated: "script-src-elem" });
      // The API's answers keep their own headers.
      const api = await page.request.get("/api/health");
      expect(api.headers()["content-security-policy"]).toBeUndefined();
    } finally {
      await context.close();
    }
  });
});

describe("the agent console, in Chromium", () => {
  const subject = "Card payment declined at checkout";
  let ticketPath = "";
  let dispatcherPage: Page;
  let agentPage: Page;

  it("lets a dispatcher register a phone request for a new customer in Payments, assigned to an agent", async () => {
    dispatcherPage = await signedIn(dispatcher);
    const page = dispatcherPage;
    await page.getByRole("link", { name: "Tickets" }).click();
    await queueLoaded(page, "/tickets");
    await axe(page, "the dispatcher's empty queue", ["phone"]);
    await page.getByTestId("new-ticket").click();
    await page.waitForURL(/\/tickets\/new$/);

    await page.getByTestId("requester-mode-phone").click();
    await page.getByLabel("Name", { exact: true }).fill("Petro Caller");
    await page.getByLabel("Phone", { exact: true }).fill("+380 44 123 45 67");
    // Sent with no subject, the form says what is missing, field by field, as the API answered.
    await page.getByTestId("create-ticket").click();
    await page.locator("#subject-error").waitFor();
    await axe(page, "new ticket, refused with field errors", ["phone"]);
    await page.getByLabel("Received by").selectOption("phone");
    await page.getByLabel("Subject").fill(subject);
    await page.getByLabel("Description").fill("Called in: his card is declined at the last step of the checkout.");
    await page.getByLabel("Department").selectOption({ label: "Payments" });
    await page.getByLabel("Impact").selectOption("high");
    expect(await text(page, "matrix-priority")).toBe("High");
    await page.getByLabel("Assignee").selectOption({ label: "Artem Agent" });
    await page.getByTestId("create-ticket").click();

    await page.waitForURL(/\/tickets\/(?!new$)[^/?]+$/);
    ticketPath = new URL(page.url()).pathname;
    expect(await text(page, "ticket-subject")).toBe(subject);
    expect(await text(page, "ticket-status-badge")).toBe("Open");
    expect(await text(page, "ticket-priority-badge")).toBe("High");
    expect(await text(page, "ticket-origin")).toBe("By phone");
    expect(await page.getByTestId("ticket-department").inputValue()).toBe(paymentsId);
    expect(await page.getByTestId("ticket-assignee").inputValue()).toBe(agentA.actor.staffId);
    await page.getByTestId("requester-panel").filter({ hasText: "+380 44 123 45 67" }).waitFor();
    await page.getByTestId("message-customer").filter({ hasText: "entered by Dora Dispatcher" }).waitFor();
    await axe(page, "a new open ticket", ["phone", "dark"]);
    await assertFocusVisible(page, "a new open ticket", ["light", "dark"]);
  });

  it("shows it in the agent's Mine view; the agent opens it, replies and solves it", async () => {
    agentPage = await signedIn(agentA);
    const page = agentPage;
    await page.getByRole("link", { name: "Tickets" }).click();
    await page.getByTestId("view-mine").click();
    expect(await queueLoaded(page, "/tickets")).toEqual([subject]);
    await page.getByTestId("view-mine").locator(".queue-nav__count").filter({ hasText: /^1$/ }).waitFor();
    await axe(page, "the agent's queue, one ticket", ["phone", "dark"]);
    // Of the views, only the one on screen is the current page.
    const current = page.getByRole("navigation", { name: "Views" }).locator('[aria-current="page"]');
    expect(await current.evaluateAll((links) => links.map((a) => a.getAttribute("data-testid")))).toEqual(["view-mine"]);
    await assertFocusVisible(page, "the agent's queue", ["light", "dark"]);

    await page.getByRole("link", { name: subject }).click();
    await page.waitForURL((url) => url.pathname === ticketPath);
    await page.getByTestId("composer-text").fill("Hello Petro, the bank had blocked the payment; it goes through now.");
    await page.getByTestId("send-and-set").click();
    await page.getByTestId("send-as-solved").click();

    await page.locator('[data-testid="ticket-status-badge"][data-status="solved"]').waitFor();
    expect(await text(page, "ticket-status-badge")).toBe("Solved");
    expect(await text(page, "message-reply")).toContain("the bank had blocked the payment");
    expect(await page.getByTestId("system-entry").allTextContents()).toContainEqual(
      expect.stringContaining("Artem Agent changed status from Open to Solved"),
    );
    // Sent: the composer is empty again.
    expect(await page.getByTestId("composer-text").inputValue()).toBe("");
    await axe(page, "a solved ticket with its reply");
  });

  it("hides it from an agent who works only Support: in every list, and at its address", async () => {
    const page = await signedIn(agentB);
    await page.getByRole("link", { name: "Tickets" }).click();
    for (const view of ["mine", "unassigned", "all", "pending", "on_hold", "solved"]) {
      await page.getByTestId(`view-${view}`).click();
      const rows = await queueLoaded(page, view === "mine" ? "/tickets" : `/tickets?view=${view}`);
      expect(rows, view).not.toContain(subject);
    }
    await page.getByTestId("view-department").first().waitFor();
    expect(await page.getByTestId("view-department").allTextContents()).toEqual([expect.stringContaining("Support")]);

    await page.goto(ticketPath);
    await page.getByTestId("ticket-not-found").waitFor();
    await axe(page, "ticket not found", ["phone"]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ticket not found");
    expect(await page.getByTestId("ticket-subject").count()).toBe(0);
  });

  it("refuses a stale change with a 'changed by' banner, showing the current values and keeping the draft", async () => {
    const stale = await registered(dispatcher, "Refund not received", agentA);
    const path = `/tickets/${stale.ticketId}`;
    const draft = "Dear Kim, I am checking with the bank and will";

    // The agent starts writing, on the version before the dispatcher's change.
    await agentPage.goto(path);
    await agentPage.getByTestId("composer-text").fill(draft);

    await dispatcherPage.goto(path);
    const saved = dispatcherPage.waitForResponse((r) => r.url().endsWith(path.replace("/tickets", "/api/tickets")) && r.request().method() === "PATCH");
    await dispatcherPage.getByTestId("ticket-priority").selectOption("urgent");
    expect((await saved).status()).toBe(200);

    await agentPage.getByTestId("ticket-status").selectOption("pending");
    const banner = agentPage.getByTestId("conflict-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toContain("Changed by Dora Dispatcher while you were working");
    await axe(agentPage, "a stale change refused, with the draft kept", ["dark"]);
    // The current values are shown: the dispatcher's priority, and the status as it still is.
    await agentPage.locator('[data-testid="ticket-priority-badge"][data-priority="urgent"]').waitFor();
    expect(await agentPage.getByTestId("ticket-status").inputValue()).toBe("open");
    expect(await agentPage.getByTestId("composer-text").inputValue()).toBe(draft);

    // Trying again now works, and the draft is still there to finish.
    await agentPage.getByTestId("ticket-status").selectOption("pending");
    await agentPage.locator('[data-testid="ticket-status-badge"][data-status="pending"]').waitFor();
    await banner.waitFor({ state: "detached" });
    expect(await agentPage.getByTestId("composer-text").inputValue()).toBe(draft);
  });

  it("works from the keyboard: j/k and Enter in the queue, ? for help, r and Ctrl+Enter, a to take, Esc and g i back", async () => {
    const first = await registered(dispatcher, "Invoice address is wrong");
    const second = await registered(dispatcher, "Second card charge");
    const page = agentPage;

    await page.goto("/tickets?view=unassigned&sort=updated");
    const rows = await queueLoaded(page, "/tickets?view=unassigned&sort=updated");
    expect(rows.slice(0, 2)).toEqual([second.subject, first.subject]);
    const selected = () => page.locator('[data-testid="queue-row"][aria-current="true"] .queue-row__link').textContent();
    expect(await selected()).toBe(second.subject);
    await axe(page, "the unassigned view, sorted, a row selected");
    await page.keyboard.press("j");
    expect(await selected()).toBe(first.subject);
    await page.keyboard.press("k");
    await page.keyboard.press("ArrowDown");
    expect(await selected()).toBe(first.subject);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === `/tickets/${first.ticketId}`);
    // The ticket's own shortcuts work once the ticket is on screen (the help is there from the start).
    await page.locator(`[data-testid="ticket-page"][data-ticket-id="${first.ticketId}"] #ticket-assignee`).waitFor();

    await page.keyboard.press("?");
    await page.getByTestId("shortcuts-help").waitFor();
    expect(await page.getByTestId("shortcuts-help").textContent()).toContain("Take the ticket");
    await axe(page, "the keyboard shortcuts dialog", ["dark"]);
    await page.keyboard.press("Escape");
    await page.getByTestId("shortcuts-help").waitFor({ state: "detached" });
    // Esc closed the help only, not the ticket.
    expect(new URL(page.url()).pathname).toBe(`/tickets/${first.ticketId}`);

    const taken = page.waitForResponse((r) => r.url().endsWith(`/api/tickets/${first.ticketId}`) && r.request().method() === "PATCH");
    await page.keyboard.press("a");
    expect((await taken).status()).toBe(200);
    await page.waitForFunction((id) => (document.getElementById("ticket-assignee") as HTMLSelectElement | null)?.value === id, agentA.actor.staffId);

    await page.keyboard.press("r");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("composer-text");
    // Shortcuts do not fire while typing: these letters are text.
    await page.keyboard.type("Taking a look now, Kim.");
    await page.keyboard.press("Control+Enter");
    await page.getByTestId("message-reply").filter({ hasText: "Taking a look now, Kim." }).waitFor();
    expect(await page.getByTestId("ticket-assignee").inputValue()).toBe(agentA.actor.staffId);

    // Esc leaves the text field, the next Esc goes back to the queue it came from.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await page.waitForURL((url) => url.pathname === "/tickets" && url.search === "?view=unassigned&sort=updated");

    await page.getByRole("link", { name: "Workspace" }).click();
    await page.waitForURL(/\/workspace$/);
    await page.keyboard.press("g");
    await page.keyboard.press("i");
    await page.waitForURL((url) => url.pathname === "/tickets");
  });
});
