import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { useDb } from "@frontline/core/db";
import { Signup } from "@frontline/core/signup";
import { Ticket } from "@frontline/core/ticket";
import { startBrowserHarness, type BrowserHarness } from "../support/browser";
import { makeSignup } from "../support/factories";
import { actorOf, type StaffActor } from "../support/workspace";

/**
 * Merging and linking tickets (#14) in Chromium against the real runtime: "Merge into…" refuses another customer's
 * ticket beside the number field, merges into one picked from the customer's tickets, the merged ticket names its
 * survivor and the survivor's thread shows its messages marked with its number; a problem is linked to an incident
 * by number and shows on both tickets, unlinked from the incident's side; the merge is undone from the survivor.
 * Every state is checked by axe.
 */
const PASSWORD = "a long enough passphrase";

let harness: BrowserHarness | undefined;
let owner: StaffActor;
let slug = "";
let ownerEmail = "";
let survivor: Ticket.Info;
let merged: Ticket.Info;
let incident: Ticket.Info;
let stranger: Ticket.Info;

beforeAll(async () => {
  harness = await startBrowserHarness();
  const signup = makeSignup({ ownerName: "Olga Owner", password: PASSWORD });
  slug = signup.slug;
  ownerEmail = signup.email;
  const created = await Signup.signup(signup);
  await useDb().entities.tenant.patch({ tenantId: created.tenant.tenantId }).set({ planId: "pro" }).go();
  owner = actorOf(created.tenant.tenantId, created.staff);
  const ann = { name: "Ann Archer", email: "ann.archer@customer.example" };
  await withActor(owner, async () => {
    survivor = await Ticket.create({ subject: "The VPN drops every hour", body: "Since Monday the VPN disconnects every hour.", requester: ann });
    merged = await Ticket.create({ subject: "VPN again", body: "It dropped again during a call.", requester: ann });
    incident = await Ticket.create({ subject: "Cannot reach the file server", body: "The file server is unreachable from home.", requester: { name: "Ben Brook", email: "ben.brook@customer.example" } });
    stranger = await Ticket.create({ subject: "Printer jam", body: "The printer jams.", requester: { name: "Cid Cole", email: "cid.cole@customer.example" } });
  });
}, 240_000);

afterAll(async () => {
  await harness?.close();
});

/** Opens a ticket's page and waits for it. */
async function openTicket(page: Page, ticketId: string): Promise<void> {
  await page.goto(`/tickets/${ticketId}`);
  await page.locator(`[data-testid="ticket-page"][data-ticket-id="${ticketId}"]`).waitFor();
}

/** Reloads a ticket's page until `testId` shows (what follows by reaction comes within a second or two). */
async function reloadUntil(page: Page, ticketId: string, testId: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await openTicket(page, ticketId);
    if (await page.getByTestId(testId).count()) return;
    if (Date.now() > deadline) throw new Error(`${testId} never showed on ticket ${ticketId}`);
    await page.waitForTimeout(300);
  }
}

describe("merging and linking tickets in the console", () => {
  it("merges a ticket into another of its customer's, shows the joined thread, links a problem and an incident, and undoes both", async () => {
    const page = await harness!.signedIn(slug, ownerEmail, PASSWORD);

    // The ticket to merge.
    await openTicket(page, merged.ticketId);
    await harness!.axe(page, "a ticket with no links");
    await page.getByTestId("merge").click();
    const dialog = page.getByTestId("merge-dialog");
    await dialog.getByTestId("merge-candidate").first().waitFor();
    // The customer's other open ticket is offered; another customer's is not.
    expect(await dialog.getByTestId("merge-candidate").evaluateAll((items) => items.map((i) => Number(i.getAttribute("data-number"))))).toEqual([survivor.number]);
    await harness!.axe(page, "the merge dialog");

    // Another customer's ticket by number: refused beside the number field, in words.
    await dialog.getByLabel("Or the ticket's number").fill(String(stranger.number));
    await dialog.getByRole("button", { name: "Merge", exact: true }).click();
    const refusal = dialog.locator("#merge-into-number-error");
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`#${stranger.number} is another customer's`);
    expect(await dialog.getByLabel("Or the ticket's number").getAttribute("aria-invalid")).toBe("true");
    await harness!.axe(page, "the merge dialog with a refusal");

    // The customer's ticket, picked by keyboard: the radio is a labelled control.
    await dialog.getByLabel("Or the ticket's number").fill("");
    await dialog.getByRole("radio", { name: new RegExp(`#${survivor.number} The VPN drops every hour`) }).check();
    await page.keyboard.press("Tab");
    await dialog.getByRole("button", { name: "Merge", exact: true }).press("Enter");
    await page.getByTestId("merged-into").waitFor();
    expect(await page.getByTestId("merge-dialog").count()).toBe(0);
    expect(await page.getByTestId("merged-into").textContent()).toContain(`This ticket was merged into #${survivor.number}.`);
    expect(await page.getByTestId("ticket-status-badge").textContent()).toMatch(/closed/i);
    expect(await page.getByTestId("merge").count()).toBe(0);
    await harness!.axe(page, "a merged ticket");

    // The survivor: the merged ticket listed, its message in the thread in time order, marked with its number.
    await page.getByTestId("merged-into-link").click();
    await page.locator(`[data-testid="ticket-page"][data-ticket-id="${survivor.ticketId}"]`).waitFor();
    await reloadUntil(page, survivor.ticketId, "merged-from");
    expect(await page.getByTestId("merged-from-item").getAttribute("data-number")).toBe(String(merged.number));
    const customerMessages = page.getByTestId("message-customer");
    expect(await customerMessages.count()).toBe(2);
    expect(await customerMessages.nth(1).textContent()).toContain("It dropped again during a call.");
    expect(await customerMessages.nth(1).getByTestId("message-from-ticket").textContent()).toBe(`from #${merged.number}`);
    expect(await customerMessages.nth(0).getByTestId("message-from-ticket").count()).toBe(0);
    await harness!.axe(page, "a survivor of a merge");

    // Link the survivor (a problem) to an incident by its number.
    const links = page.getByTestId("links-panel");
    await links.getByLabel("The other ticket is").selectOption("incident");
    await links.getByLabel("Ticket number").fill(String(incident.number));
    await links.getByRole("button", { name: "Link", exact: true }).click();
    await links.locator(`[data-testid="links-incident"] [data-number="${incident.number}"]`).waitFor();
    expect(await links.getByTestId("link-item").textContent()).toContain("Cannot reach the file server");
    await harness!.axe(page, "a problem with its incident");

    // The incident shows its problem (mirrored by reaction), and unlinks it.
    await reloadUntil(page, incident.ticketId, "links-problem");
    const incidentLinks = page.getByTestId("links-panel");
    expect(await incidentLinks.getByTestId("link-item").getAttribute("data-number")).toBe(String(survivor.number));
    await harness!.axe(page, "an incident with its problem");
    await incidentLinks.getByRole("button", { name: `Unlink #${survivor.number}` }).click();
    await incidentLinks.getByText("No linked tickets.").waitFor();
    await harness!.axe(page, "an incident unlinked");
    await reloadUntil(page, survivor.ticketId, "merged-from");
    const deadline = Date.now() + 15_000;
    while (await page.getByTestId("link-item").count()) {
      if (Date.now() > deadline) throw new Error("The problem kept its link after the incident unlinked it");
      await page.waitForTimeout(300);
      await openTicket(page, survivor.ticketId);
    }

    // Undo the merge from the survivor: the merged ticket's messages leave its thread, and it is open again.
    await page.getByRole("button", { name: `Undo the merge of #${merged.number}` }).click();
    await page.getByTestId("merged-from").waitFor({ state: "detached" });
    expect(await page.getByTestId("message-from-ticket").count()).toBe(0);
    expect(await page.getByTestId("message-customer").count()).toBe(1);
    await harness!.axe(page, "a survivor after the merge was undone");
    await openTicket(page, merged.ticketId);
    expect(await page.getByTestId("merged-into").count()).toBe(0);
    expect(await page.getByTestId("ticket-status-badge").textContent()).toMatch(/new/i);
    await harness!.axe(page, "a ticket whose merge was undone");
  });
});
