import { Signup } from "@frontline/core/signup";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { useDb } from "@frontline/core/db";
import { Staff } from "@frontline/core/staff";
import { Ticket } from "@frontline/core/ticket";
import { startBrowserHarness, type BrowserHarness } from "../support/browser";
import { makeSignup } from "../support/factories";
import { actorOf, type StaffActor } from "../support/workspace";

/**
 * Staff notifications in real Chromium against the real runtime and its stream: an agent sets which notifications
 * she gets on her profile page; a ticket assigned to her and a colleague's note that @mentions her ring her bell
 * (the runtime's stream reacts to the changes); the mention is marked in the note, and she follows the ticket from
 * its page, after which a colleague's reply rings the bell as "a ticket you follow". Every state is checked by axe.
 */
const PASSWORD = "a long enough passphrase";

let harness: BrowserHarness | undefined;
const signup = makeSignup({ ownerName: "Olga Owner", password: PASSWORD });
let owner: StaffActor;
let agent: { email: string; actor: StaffActor };

beforeAll(async () => {
  harness = await startBrowserHarness();
  const created = await Signup.signup(signup);
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

/** Opens the bell until it lists a notification of `kind` (its reaction follows the change within a moment). */
async function bellShows(page: Page, kind: string) {
  const item = page.locator(`[data-testid="notification"][data-kind="${kind}"]`);
  await expect
    .poll(
      async () => {
        if (await page.getByTestId("notifications").isVisible()) await page.getByTestId("bell").click(); // closes
        await page.getByTestId("bell").click(); // opens, and reads the notifications at once
        return item.first().waitFor({ timeout: 1_000 }).then(
          () => true,
          () => false,
        );
      },
      { timeout: 15_000, interval: 300 },
    )
    .toBe(true);
  return item.first();
}

describe("staff notifications in the console, in Chromium", () => {
  it("keeps her choices, rings the bell for an assignment, a mention and a followed ticket, and marks the mention", { timeout: 120_000 }, async () => {
    const page = await harness!.signedIn(signup.slug, agent.email, PASSWORD);

    // Her preferences, on her own profile page: the defaults first.
    const form = page.getByTestId("notification-preferences");
    await form.getByTestId("notify-assigned-bell").waitFor();
    expect(await form.getByTestId("notify-assigned-mail").isChecked()).toBe(true);
    expect(await form.getByTestId("notify-queue-mail").isChecked()).toBe(false);
    expect(await form.getByTestId("notify-follow-bell").isChecked()).toBe(true);
    await harness!.axe(page, "the notification preferences", ["phone", "dark"]);
    // Labelled per kind and channel: the keyboard and a screen reader reach each one by name.
    await page.getByRole("checkbox", { name: "A ticket waits in my department: Mail" }).check();
    await page.getByRole("checkbox", { name: "A ticket waits in my department: Bell" }).uncheck();
    await form.getByTestId("save-notify-prefs").click();
    await form.getByTestId("notify-prefs-status").filter({ hasText: "Saved." }).waitFor();
    await harness!.axe(page, "the notification preferences saved");
    await page.reload();
    await form.getByTestId("notify-queue-mail").waitFor();
    expect(await form.getByTestId("notify-queue-mail").isChecked()).toBe(true);
    expect(await form.getByTestId("notify-queue-bell").isChecked()).toBe(false);

    // A ticket assigned to her by the owner rings her bell.
    const ticket = await withActor(owner, () =>
      Ticket.create({ subject: "The invoice is wrong", body: "It says 100 instead of 10.", requester: { email: "payer@customer.example", name: "Paula Payer" }, assigneeId: agent.actor.staffId }),
    );
    const assigned = await bellShows(page, "assigned");
    expect(await assigned.textContent()).toContain("Olga Owner assigned a ticket to you");
    expect(await assigned.textContent()).toContain(`#${ticket.number} The invoice is wrong`);
    await harness!.axe(page, "the bell with an assignment");
    await page.keyboard.press("Escape");

    // The owner mentions her in a note: the bell has it, and the note marks the mention.
    await withActor(owner, () => Ticket.note(ticket.ticketId, { body: "@Anna Agent please check the amount with billing." }));
    const mention = await bellShows(page, "mention");
    expect(await mention.textContent()).toContain("Olga Owner mentioned you in a note");
    await harness!.axe(page, "the bell with a mention");
    await mention.locator("a").click();
    await page.waitForURL((url) => url.pathname === `/tickets/${ticket.ticketId}`);
    const marked = page.getByTestId("thread").getByTestId("mention");
    await marked.waitFor();
    expect(await marked.textContent()).toBe("@Anna Agent");

    // She follows the ticket from its page (a toggle button), and it stays followed.
    const follow = page.getByRole("button", { name: "Follow" });
    await expect.poll(() => follow.getAttribute("aria-pressed")).toBe("false");
    await harness!.axe(page, "a ticket with a mention in a note");
    await follow.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => follow.getAttribute("aria-pressed")).toBe("true");
    await harness!.axe(page, "a followed ticket", ["phone"]);
    await page.reload();
    await expect.poll(() => page.getByRole("button", { name: "Follow" }).getAttribute("aria-pressed")).toBe("true");

    // The owner moves the ticket on hold: she hears it as its follower (not of her own doing).
    const current = await withActor(owner, () => Ticket.get(ticket.ticketId));
    await withActor(owner, () => Ticket.update(ticket.ticketId, { version: current.ticket.version, status: "on_hold" }));
    const followed = await bellShows(page, "follow");
    expect(await followed.textContent()).toContain("Olga Owner set a ticket you follow to “On hold”");
    await harness!.axe(page, "the bell with a followed ticket's change", ["dark"]);
  });
});
