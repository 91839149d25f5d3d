import { Signup } from "@frontline/core/signup";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { useDb } from "@frontline/core/db";
import { Staff } from "@frontline/core/staff";
import { Tenant } from "@frontline/core/tenant";
import { Ticket } from "@frontline/core/ticket";
import type { Variant } from "../support/axe";
import { startBrowserHarness, type BrowserHarness } from "../support/browser";
import { makeSignup } from "../support/factories";
import { actorOf, type StaffActor } from "../support/workspace";

/**
 * SLA end to end, in real Chromium against the real runtime and its real local scheduler: an owner sets a one-minute
 * first-response target (warning at half time, and on breach: notify the assignee, raise the priority) through the SLA
 * admin pages; a ticket assigned to an agent arrives; the agent's queue and ticket count down; the scheduler's timers
 * fire the warning at 30 s and the breach at 60 s, which the open ticket shows by itself (the breach history, the
 * raised priority, the system entries), the overdue view lists the ticket, and the agent's bell has the notification.
 * The waits follow the timers' instants; the test takes about as long as the one-minute target.
 */
const PASSWORD = "a long enough passphrase";

let harness: BrowserHarness | undefined;
const signup = makeSignup({ ownerName: "Olga Owner", password: PASSWORD });
let owner: StaffActor;
let agent: { email: string; actor: StaffActor };

function signedIn(email: string): Promise<Page> {
  return harness!.signedIn(signup.slug, email, PASSWORD);
}

/** The axe check of `page` as it is now (test/support/axe.ts). */
function axe(page: Page, state: string, variants?: Variant[]) {
  return harness!.axe(page, state, variants);
}

/** How long to wait for something that happens at `instant` (a timer firing), with room for the page to see it. */
const until = (instant: number, margin = 8_000) => Math.max(instant - Date.now(), 0) + margin;

beforeAll(async () => {
  harness = await startBrowserHarness();
  const created = await Signup.signup(signup);
  // On Pro, as test/support/workspace.ts: the Standard plan's seat and ticket limits are not what this test is about.
  await useDb().entities.tenant.patch({ tenantId: created.tenant.tenantId }).set({ planId: "pro" }).go();
  owner = actorOf(created.tenant.tenantId, created.staff);
  const supportId = created.staff.departmentIds[0]!;
  const email = `anna@${signup.slug}.example`;
  const info = await withActor(owner, () => Staff.create({ name: "Anna Agent", email, role: "agent", departmentIds: [supportId], password: PASSWORD }));
  agent = { email, actor: actorOf(owner.tenantId, info) };
});

afterAll(async () => {
  await harness?.close();
});

describe("SLA in the console, in Chromium", () => {
  it("counts a one-minute first response down, warns, breaches, escalates and notifies, as the scheduler fires", { timeout: 150_000 }, async () => {
    const [ownerPage, agentPage] = await Promise.all([signedIn(signup.email), signedIn(agent.email)]);

    // The owner sets the policy up through the admin pages.
    await ownerPage.getByRole("link", { name: "Admin" }).click();
    await ownerPage.getByTestId("departments-table").waitFor();
    await axe(ownerPage, "the departments");
    await ownerPage.getByTestId("admin-nav").getByRole("link", { name: "Policies" }).click();
    await ownerPage.getByTestId("policies-empty").waitFor();
    await axe(ownerPage, "no SLA policy yet", ["phone"]);
    await ownerPage.getByTestId("new-policy").click();
    await ownerPage.waitForURL(/\/admin\/sla\/policies\/new$/);
    await ownerPage.getByLabel("Name").fill("One-minute first response");
    await ownerPage.getByLabel("First response").fill("1");
    expect(await ownerPage.getByTestId("target-first_response-hours").textContent()).toBe("= 1 min");
    // No business calendar yet: the clock counts calendar hours.
    expect(await ownerPage.getByLabel("Calendar hours (24/7)").isChecked()).toBe(true);
    await ownerPage.getByLabel("Warn at (% of a target)").fill("50");
    await ownerPage.getByTestId("add-rule").click();
    const rule = ownerPage.getByTestId("rule");
    expect(await rule.getByTestId("rule-on").inputValue()).toBe("breach");
    await rule.getByTestId("rule-target").selectOption("first_response");
    expect(await rule.getByTestId("action-type").inputValue()).toBe("notify_assignee");
    await rule.getByTestId("add-action").click();
    await rule.getByTestId("action-type").nth(1).selectOption("raise_priority");
    await axe(ownerPage, "a new policy with an escalation rule", ["phone", "dark"]);
    await ownerPage.getByTestId("save-policy").click();
    await ownerPage.waitForURL(/\/admin\/sla\/policies$/);
    const row = ownerPage.getByTestId("policy-row");
    await row.filter({ hasText: "One-minute first response" }).waitFor();
    expect(await row.textContent()).toContain("First response 1 min");
    expect(await row.textContent()).toContain("Calendar hours (24/7)");
    await axe(ownerPage, "one SLA policy");

    // A request arrives for the agent.
    const ticket = await withActor(owner, () =>
      Ticket.create({
        subject: "Our checkout is down",
        body: "Nobody can pay since this morning.",
        requester: { email: "cto@customer.example", name: "Carla Customer" },
        assigneeId: agent.actor.staffId,
      }),
    );
    expect(ticket.priority).toBe("normal");
    const warnAt = Date.parse(ticket.sla!.targets.first_response!.warnAt!);
    const dueAt = Date.parse(ticket.sla!.targets.first_response!.dueAt!);
    expect(dueAt - Date.parse(ticket.createdAt)).toBe(60_000);

    // The agent's queue counts it down, second by second.
    await agentPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tickets" }).click();
    const countdown = agentPage.getByTestId("queue-row").filter({ hasText: "Our checkout is down" }).getByTestId("sla-countdown");
    await countdown.waitFor();
    expect(await countdown.getAttribute("data-sla")).toBe("running");
    const first = await countdown.textContent();
    expect(first).toMatch(/^in (\d+ s|1 min)$/);
    await expect.poll(() => countdown.textContent(), { timeout: 3_000 }).not.toBe(first);
    await axe(agentPage, "the queue with a running countdown", ["phone"]);

    // And so does the ticket.
    await agentPage.getByRole("link", { name: "Our checkout is down" }).click();
    await agentPage.waitForURL((url) => url.pathname === `/tickets/${ticket.ticketId}`);
    const header = agentPage.getByTestId("ticket-sla");
    expect(await header.textContent()).toMatch(/^First response in \d+ s$/);
    expect(await agentPage.getByTestId("sla-target").getAttribute("data-sla")).toBe("running");
    expect(await agentPage.getByTestId("sla-policy").textContent()).toBe("Policy: One-minute first response");
    expect(await agentPage.getByTestId("ticket-priority-badge").getAttribute("data-priority")).toBe("normal");
    await axe(agentPage, "a ticket with a running SLA target", ["phone"]);

    // At half time the scheduler fires the warning; the page reads the ticket again and shows it.
    await agentPage.locator('[data-testid="sla-event"][data-kind="warning"]').waitFor({ timeout: until(warnAt) });
    expect(Date.now()).toBeGreaterThanOrEqual(warnAt);
    expect(await header.getAttribute("data-sla")).toBe("warning");
    await agentPage.getByTestId("system-entry").filter({ hasText: "SLA warning: First response is due soon (One-minute first response)" }).waitFor();
    // No escalation on a warning: the priority is as it was.
    expect(await agentPage.getByTestId("ticket-priority-badge").getAttribute("data-priority")).toBe("normal");

    // At the minute, the breach: recorded, escalated, shown.
    const breach = agentPage.locator('[data-testid="sla-event"][data-kind="breach"]');
    await breach.waitFor({ timeout: until(dueAt) });
    expect(Date.now()).toBeGreaterThanOrEqual(dueAt);
    expect(await breach.textContent()).toContain("notified the assignee, raised the priority");
    await agentPage.locator('[data-testid="ticket-priority-badge"][data-priority="high"]').waitFor();
    expect(await header.getAttribute("data-sla")).toBe("breached");
    expect(await header.textContent()).toMatch(/^First response overdue \d+ s$/);
    const entries = await agentPage.getByTestId("system-entry").allTextContents();
    expect(entries).toContainEqual(expect.stringContaining("SLA breached: First response is overdue (One-minute first response)"));
    expect(entries).toContainEqual(expect.stringContaining("SLA changed priority from Normal to High"));
    expect(await agentPage.getByTestId("ticket-priority").inputValue()).toBe("high");
    await axe(agentPage, "a ticket whose SLA target is breached", ["dark"]);

    // The bell has the notification (the page saw the breach arrive and asked at once), after the assignment's.
    await agentPage.locator('[data-testid="bell-count"]').filter({ hasText: /^2$/ }).waitFor();
    await agentPage.getByTestId("bell").click();
    const notification = agentPage.locator('[data-testid="notification"][data-kind="sla_breach"]');
    await notification.waitFor();
    expect(await agentPage.getByTestId("notification").evaluateAll((items) => items.map((item) => item.getAttribute("data-kind")))).toEqual(["sla_breach", "assigned"]);
    await axe(agentPage, "the notifications panel open");
    expect(await notification.textContent()).toContain(`#${ticket.number} Our checkout is down`);
    expect(await notification.locator("a").getAttribute("href")).toBe(`/tickets/${ticket.ticketId}`);
    await agentPage.getByTestId("mark-all-read").click();
    await agentPage.getByTestId("bell-count").waitFor({ state: "detached" });
    // Esc closes the panel, and only the panel.
    await agentPage.keyboard.press("Escape");
    await agentPage.getByTestId("notifications").waitFor({ state: "detached" });
    expect(new URL(agentPage.url()).pathname).toBe(`/tickets/${ticket.ticketId}`);

    // The overdue view lists it, with its count, still counting up.
    await agentPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tickets" }).click();
    await agentPage.getByTestId("view-overdue").click();
    await agentPage.locator('[data-testid="queue"][data-loaded="/tickets?view=overdue"]').waitFor();
    expect(await agentPage.getByTestId("queue-row").locator(".queue-row__link").allTextContents()).toEqual(["Our checkout is down"]);
    expect(await agentPage.getByTestId("overdue-count").textContent()).toBe("1");
    const overdue = agentPage.getByTestId("queue-row").getByTestId("sla-countdown");
    expect(await overdue.getAttribute("data-sla")).toBe("breached");
    expect(await overdue.textContent()).toMatch(/^overdue \d+ s$/);
    await axe(agentPage, "the overdue view", ["dark"]);
  });

  it("keeps a business calendar: the week's hours edited per day, a holiday, refused with the day's problem, saved", async () => {
    const page = await signedIn(signup.email);
    await page.goto("/admin/sla/calendars");
    await page.getByTestId("calendars-empty").waitFor();
    await axe(page, "no business calendar yet");
    await page.getByTestId("new-calendar").click();
    await page.waitForURL(/\/admin\/sla\/calendars\/new$/);
    await page.getByLabel("Name").fill("Kyiv office");
    await axe(page, "the calendar editor", ["phone", "dark"]);

    // An interval that ends before it starts is refused where it is.
    const monday = page.getByTestId("day-mon");
    await monday.getByTestId("interval-end").first().fill("08:00");
    await page.getByTestId("save-calendar").click();
    await monday.locator(".interval__error").waitFor();
    await axe(page, "the calendar editor refusing an interval", ["phone"]);

    await monday.getByTestId("interval-end").first().fill("18:00");
    await page.getByTestId("save-calendar").click();
    await page.waitForURL(/\/admin\/sla\/calendars$/);
    await page.locator('[data-testid="calendar-row"][data-calendar="Kyiv office"]').waitFor();
    await axe(page, "one business calendar");
    await page.getByRole("link", { name: "Kyiv office" }).click();
    await page.waitForURL(/\/admin\/sla\/calendars\/(?!new$)[^/]+$/);
    expect(await page.getByLabel("Name").inputValue()).toBe("Kyiv office");
    await axe(page, "a saved calendar, opened again");
  });
});
