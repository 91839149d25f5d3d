import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { useDb } from "@frontline/core/db";
import { Notification } from "@frontline/core/notification";
import { Signup } from "@frontline/core/signup";
import { Tenant } from "@frontline/core/tenant";
import { Ticket } from "@frontline/core/ticket";
import { startBrowserHarness, type BrowserHarness } from "../support/browser";
import { makeSignup } from "../support/factories";
import { actorOf, type StaffActor } from "../support/workspace";

/**
 * The console by keyboard alone (#13): an owner signs in, goes from the workspace to the queue, opens a ticket,
 * replies, solves it and raises its priority, opens and leaves dialogs and menus, registers a ticket for an existing
 * customer and renames the workspace in the settings. Nothing is clicked, filled or selected: every step is a key a
 * person presses, and the walk fails where Tab cannot reach a control, a widget ignores its keys or focus is lost.
 * Every state is checked by axe, and every button without visible words must still have a name that says what it does.
 */
let harness: BrowserHarness | undefined;
let page: Page;
let owner: StaffActor;
let ticket: Ticket.Info;
const signup = makeSignup({ ownerName: "Olga Owner" });
const customer = { name: "Kim Customer", email: `kim@${signup.slug}.example` };

/** What has the focus, as a person would point at it in a report. */
function focused(p: Page): Promise<string> {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "<body>";
    const id = el.id ? `#${el.id}` : "";
    const testId = el.dataset.testid ? `[data-testid="${el.dataset.testid}"]` : "";
    const text = (el.getAttribute("aria-label") ?? el.innerText ?? "").trim().replace(/\s+/g, " ").slice(0, 30);
    return `${el.tagName.toLowerCase()}${id}${testId}${text ? ` "${text}"` : ""}`;
  });
}

function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

/**
 * Presses Tab (Shift+Tab when `back`) until `target` has the focus, at most `max` times; fails naming what it never
 * reached and where the focus went instead.
 */
async function tabTo(target: Locator, what: string, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const { back = false, max = 40 } = options;
  await target.waitFor();
  const path: string[] = [];
  for (let i = 0; i <= max; i++) {
    if (await isFocused(target)) return;
    if (i === max) break;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    path.push(await focused(page));
  }
  throw new Error(`${back ? "Shift+Tab" : "Tab"} never reached ${what} in ${max} presses; the focus went ${path.join(" → ")}`);
}

/** Fails unless `target` has the focus now. */
async function expectFocus(target: Locator, what: string): Promise<void> {
  await target.waitFor();
  if (!(await isFocused(target))) throw new Error(`Expected the focus on ${what}, it is on ${await focused(page)}`);
}

/**
 * Buttons that show no words (an icon, "×", "?") must be named for a screen reader by aria-labelledby, aria-label,
 * text only it reads, or a title, with a word in it: axe accepts "×" as a name, a listener learns nothing from it.
 */
async function assertIconButtonsNamed(p: Page, state: string): Promise<void> {
  const unnamed = await p.evaluate(() => {
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 1 && box.height > 1 && getComputedStyle(el).visibility !== "hidden";
    };
    const visibleText = (button: Element) => {
      let text = "";
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement && shown(node.parentElement)) text += node.textContent ?? "";
      }
      return text;
    };
    const spoken = (el: Element): string => {
      if (el.getAttribute("aria-hidden") === "true") return "";
      if (el instanceof HTMLElement && getComputedStyle(el).display === "none") return "";
      return [...el.childNodes].map((n) => (n.nodeType === Node.TEXT_NODE ? (n.textContent ?? "") : n instanceof Element ? spoken(n) : "")).join("");
    };
    const nameOf = (button: HTMLElement) => {
      const labelledBy = button.getAttribute("aria-labelledby");
      if (labelledBy) return labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
      return button.getAttribute("aria-label") || spoken(button) || button.title || "";
    };
    const word = /[\p{L}\p{N}]{2,}/u;
    return [...document.querySelectorAll<HTMLElement>('button, [role="button"]')]
      .filter((button) => shown(button) && !word.test(visibleText(button)) && !word.test(nameOf(button)))
      .map((button) => button.outerHTML.slice(0, 160));
  });
  if (unnamed.length) throw new Error(`Icon buttons without a name on ${new URL(p.url()).pathname} (${state}):\n${unnamed.join("\n")}`);
}

/** The axe check of the page as it is now, and its icon buttons' names. */
async function check(state: string): Promise<void> {
  await harness!.axe(page, state);
  await assertIconButtonsNamed(page, state);
}

beforeAll(async () => {
  harness = await startBrowserHarness();
  const created = await Signup.signup(signup);
  await useDb().entities.tenant.patch({ tenantId: created.tenant.tenantId }).set({ planId: "pro" }).go();
  owner = actorOf(created.tenant.tenantId, created.staff);
  ticket = await withActor(owner, () =>
    Ticket.create({ subject: "Invoice sent to the wrong address", body: "The invoice went to my old office.", requester: customer, assigneeId: owner.staffId }),
  );
  await Notification.notify(
    owner.tenantId,
    owner.staffId,
    `keyboard:${ticket.ticketId}`,
    { kind: "assigned", ticketId: ticket.ticketId, ticketNumber: ticket.number, title: `#${ticket.number} is waiting`, body: ticket.subject },
    new Date().toISOString(),
  );
});

afterAll(async () => {
  await harness?.close();
});

describe("the console by keyboard alone, in Chromium", () => {
  const main = () => page.locator("main#main");

  it("signs in at /login, and the skip link takes the focus to the page's content", async () => {
    page = await harness!.page();
    await page.goto("/login");
    await check("the sign-in form");
    await expectFocus(page.getByLabel("Workspace address"), "the workspace address (it has autofocus)");
    await page.keyboard.type(signup.slug);
    await tabTo(page.getByLabel("Email"), "the email field");
    await page.keyboard.type(signup.email);
    await tabTo(page.getByLabel("Password"), "the password field");
    await page.keyboard.type(signup.password);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/workspace$/);
    await page.getByTestId("inbound-address").waitFor();
    await check("the workspace page");

    const skip = page.getByRole("link", { name: "Skip to content" });
    await tabTo(skip, "the skip link");
    await page.keyboard.press("Enter");
    await expectFocus(main(), "the main content, after the skip link");
    // The next Tab is in the content, past the top bar.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.querySelector("main")!.contains(document.activeElement)), await focused(page)).toBe(true);
  });

  it("goes to the queue and opens a ticket from it", async () => {
    const tickets = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Tickets/ });
    await tabTo(tickets, "Tickets in the top bar", { back: true });
    await page.keyboard.press("Enter");
    await page.locator('[data-testid="queue"][data-loaded]').waitFor();
    await check("the queue");
    await tabTo(page.getByRole("link", { name: ticket.subject }), "the ticket's link in the queue");
    await page.keyboard.press("Enter");
    await page.locator(`[data-testid="ticket-page"][data-ticket-id="${ticket.ticketId}"]`).waitFor();
    await check("an open ticket");
    // The link that opened it is gone: the focus must not be left on nothing.
    expect(await focused(page)).not.toBe("<body>");
  });

  it("writes a reply and sends it with Ctrl+Enter", async () => {
    await tabTo(page.getByTestId("composer-text"), "the composer");
    await page.keyboard.type("Hello Kim, the invoice is on its way to your new office.");
    await page.keyboard.press("Control+Enter");
    await page.getByTestId("message-reply").filter({ hasText: "the invoice is on its way" }).waitFor();
    expect(await page.getByTestId("composer-text").inputValue()).toBe("");
    const thread = await withActor(owner, () => Ticket.get(ticket.ticketId));
    expect(thread.messages.map((m) => m.body)).toContainEqual(expect.stringContaining("the invoice is on its way"));
  });

  it("switches the composer to an internal note with the arrows and sends it with the Send button", async () => {
    // The kinds of message are tabs: one Tab stop, the chosen one, and the arrows choose.
    const reply = page.getByRole("tab", { name: "Reply" });
    await tabTo(reply, "the Reply tab", { back: true, max: 3 });
    await page.keyboard.press("ArrowRight");
    const note = page.getByRole("tab", { name: "Internal note" });
    await expectFocus(note, "the Internal note tab, after →");
    expect(await note.getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Tab");
    await expectFocus(page.getByTestId("composer-text"), "the composer, one Tab after the tabs");
    await page.keyboard.type("Kim confirmed the new address by phone.");
    const send = page.getByTestId("send");
    await tabTo(send, "Send");
    await page.keyboard.press("Enter");
    await page.getByTestId("message-note").filter({ hasText: "Kim confirmed the new address" }).waitFor();
    // Disabled while it sent, the button has the focus back once it is done.
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-testid="send"]')?.disabled);
    await expectFocus(send, "Send, once the note is sent");
    await check("an internal note sent");
  });

  it("opens the 'Send and set' menu, moves in it with the arrows, and Esc closes it back onto its button", async () => {
    const button = page.getByTestId("send-and-set");
    await tabTo(button, "Send and set");
    await page.keyboard.press("Enter");
    await expectFocus(page.getByTestId("send-as-pending"), "the menu's first item");
    await check("the 'Send and set' menu open");
    await page.keyboard.press("ArrowDown");
    await expectFocus(page.getByTestId("send-as-on_hold"), "the menu's second item");
    await page.keyboard.press("Escape");
    await page.getByRole("menu").waitFor({ state: "detached" });
    await expectFocus(button, "Send and set, after Esc");
    // Esc closed the menu only: the ticket is still on screen.
    expect(new URL(page.url()).pathname).toBe(`/tickets/${ticket.ticketId}`);
  });

  it("solves the ticket and makes it urgent from its properties", async () => {
    const status = page.getByTestId("ticket-status");
    await tabTo(status, "the status");
    // A closed select picks the option its first letter starts.
    await page.keyboard.type("s");
    await page.locator('[data-testid="ticket-status-badge"][data-status="solved"]').waitFor();
    await expectFocus(status, "the status, once saved");
    await tabTo(page.getByTestId("ticket-priority"), "the priority");
    await page.keyboard.type("u");
    await page.locator('[data-testid="ticket-priority-badge"][data-priority="urgent"]').waitFor();
    await check("a solved, urgent ticket");
    // The badges change at once; the ticket once the API has saved it.
    await expect.poll(async () => (await withActor(owner, () => Ticket.get(ticket.ticketId))).ticket).toMatchObject({ status: "solved", priority: "urgent" });
  });

  it("opens the shortcuts and a confirmation; focus goes in, stays in, and Esc brings it back to the opener", async () => {
    const help = page.getByRole("button", { name: "Keyboard shortcuts" });
    await tabTo(help, "the keyboard shortcuts button", { back: true });
    await page.keyboard.press("Enter");
    const dialog = page.getByTestId("shortcuts-help");
    await dialog.waitFor();
    await check("the keyboard shortcuts dialog");
    const inDialog = () => dialog.evaluate((el) => el.contains(document.activeElement));
    expect(await inDialog(), await focused(page)).toBe(true);
    for (const key of ["Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
      await page.keyboard.press(key);
      expect(await inDialog(), `after ${key}: ${await focused(page)}`).toBe(true);
    }
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await expectFocus(help, "the keyboard shortcuts button, after Esc");

    const remove = page.getByTestId("delete");
    await tabTo(remove, "Delete");
    await page.keyboard.press("Enter");
    await expectFocus(page.getByTestId("confirm"), "the confirming button");
    await check("deleting a ticket, asked to confirm");
    await page.keyboard.press("Escape");
    await page.getByTestId("confirm-dialog").waitFor({ state: "detached" });
    await expectFocus(remove, "Delete, after Esc");
    expect((await withActor(owner, () => Ticket.get(ticket.ticketId))).ticket.deletedAt).toBeUndefined();
  });

  it("opens the notifications from the bell, and Esc closes them back onto the bell", async () => {
    const bell = page.getByTestId("bell");
    await tabTo(bell, "the notification bell", { back: true });
    await page.keyboard.press("Enter");
    const panel = page.getByTestId("notifications");
    await panel.getByTestId("notification").waitFor();
    expect(await bell.getAttribute("aria-expanded")).toBe("true");
    await check("the notifications open");
    await tabTo(panel.getByRole("link", { name: /is waiting/ }), "the notification's link");
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
    await expectFocus(bell, "the bell, after Esc");
    expect(await bell.getAttribute("aria-expanded")).toBe("false");
  });

  it("registers a ticket for an existing customer, picked from the list with the arrows", async () => {
    await page.keyboard.press("g");
    await page.keyboard.press("i");
    await page.locator('[data-testid="queue"][data-loaded]').waitFor();
    await tabTo(page.getByTestId("new-ticket"), "New ticket");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/tickets\/new$/);
    await page.getByTestId("new-ticket-form").waitFor();
    await check("a new ticket");

    // Who it is from: three ways, one radio group that the arrows move through, and one Tab stop.
    const find = page.getByRole("radio", { name: "Existing customer" });
    await tabTo(find, "the requester's first way");
    await page.keyboard.press("ArrowRight");
    const byEmail = page.getByTestId("requester-mode-email");
    await expectFocus(byEmail, "the second way, after →");
    expect(await byEmail.getAttribute("aria-checked")).toBe("true");
    await page.keyboard.press("ArrowLeft");
    await expectFocus(find, "the first way, after ←");
    expect(await find.getAttribute("aria-checked")).toBe("true");

    await page.keyboard.press("Tab");
    await expectFocus(page.locator("#customer-search"), "the customer search, one Tab after the radio group");
    await page.keyboard.type("Kim");
    await page.getByRole("option", { name: /Kim Customer/ }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.getByTestId("picked-customer").filter({ hasText: customer.name }).waitFor();

    await tabTo(page.getByLabel("Subject"), "the subject");
    await page.keyboard.type("Second invoice also misaddressed");
    await page.keyboard.press("Tab");
    await expectFocus(page.getByLabel("Description"), "the description");
    await page.keyboard.type("Kim called: the next invoice went to the old office too.");
    await tabTo(page.getByLabel("Impact"), "the impact");
    await page.keyboard.type("h");
    await page.keyboard.press("Tab");
    await expectFocus(page.getByLabel("Urgency"), "the urgency");
    await page.keyboard.type("h");
    expect(await page.getByTestId("matrix-priority").textContent()).toBe("Urgent");
    await check("a new ticket, filled in");
    await tabTo(page.getByTestId("create-ticket"), "Create ticket");
    await page.keyboard.press("Enter");

    await page.waitForURL(/\/tickets\/(?!new$)[^/?]+$/);
    await page.getByTestId("ticket-subject").filter({ hasText: "Second invoice also misaddressed" }).waitFor();
    const created = await withActor(owner, () => Ticket.get(new URL(page.url()).pathname.split("/").pop()!));
    expect(created.ticket).toMatchObject({ subject: "Second invoice also misaddressed", priority: "urgent", requester: expect.objectContaining({ email: customer.email }) });
  });

  it("renames the workspace in the settings and saves it", async () => {
    await tabTo(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }), "Admin in the top bar", { back: true });
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin$/);
    await page.getByTestId("admin-nav").waitFor();
    await check("the departments");
    await tabTo(page.getByTestId("admin-nav").getByRole("link", { name: "Settings" }), "Settings in the admin menu");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin\/settings$/);
    const name = page.getByLabel("Workspace name");
    await tabTo(name, "the workspace name");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Kim's Help Desk");
    await check("the settings, changed");
    await tabTo(page.getByTestId("save-settings"), "Save");
    await page.keyboard.press("Enter");
    await page.getByTestId("settings-status").filter({ hasText: "Saved." }).waitFor();
    // Save is disabled while it saves; the focus comes back to it, not to the top of the page.
    await expect.poll(() => focused(page)).toContain('data-testid="save-settings"');
    await page.getByTestId("workspace-name").filter({ hasText: "Kim's Help Desk" }).waitFor();
    expect((await Tenant.get(owner.tenantId)).name).toBe("Kim's Help Desk");
  });
});
