import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Customer } from "@frontline/core/customer";
import { useDb } from "@frontline/core/db";
import { Signup } from "@frontline/core/signup";
import { Ticket } from "@frontline/core/ticket";
import { startBrowserHarness, type BrowserHarness } from "../support/browser";
import { makeSignup } from "../support/factories";
import { actorOf, type StaffActor } from "../support/workspace";

/**
 * The customer pages (#14) in Chromium against the real runtime: the list, a customer found by name, their page
 * (profile, tickets), an edit (phone, language, organization), an address another customer has refused beside its
 * field, an address added, the other record of the same person merged in (its addresses and tickets arrive), the
 * merged record's page pointing to the survivor, and the organization's page. Every state is checked by axe.
 */
let harness: BrowserHarness | undefined;
let owner: StaffActor;
let slug = "";
let ownerEmail = "";
const PASSWORD = "a long enough passphrase";
let survivorId = "";
let otherId = "";
let organizationName = "";

beforeAll(async () => {
  harness = await startBrowserHarness();
  const signup = makeSignup({ ownerName: "Olga Owner", password: PASSWORD });
  slug = signup.slug;
  ownerEmail = signup.email;
  const created = await Signup.signup(signup);
  await useDb().entities.tenant.patch({ tenantId: created.tenant.tenantId }).set({ planId: "pro" }).go();
  owner = actorOf(created.tenant.tenantId, created.staff);
  organizationName = `Northwind ${slug}`;
  await withActor(owner, async () => {
    // Anna's work address is the organization's: she and her tickets are its.
    await Customer.Organization.create({ name: organizationName, domains: [`${slug}.example`] });
    const work = await Ticket.create({ subject: "Invoice for March is missing", body: "Could you send it again?", requester: { email: `anna@${slug}.example`, name: "Anna Kovacs" } });
    await Ticket.create({ subject: "Change of billing address", body: "We moved.", requester: { email: `anna@${slug}.example` } });
    const home = await Ticket.create({ subject: "Parcel never arrived", body: "Ordered from home.", requester: { email: "anna.k@home.example", name: "Anna K" } });
    await Ticket.create({ subject: "Password help", body: "Locked out.", requester: { email: "bob@else.example", name: "Bob Brown" } });
    survivorId = work.requester.customerId;
    otherId = home.requester.customerId;
  });
  // Customers are found by their terms, which follow the table's change stream.
  const deadline = Date.now() + 20_000;
  while ((await withActor(owner, () => Customer.search({ q: "anna" }))).length < 2) {
    if (Date.now() > deadline) throw new Error("The customers never became findable");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const rows = (page: Page) => page.getByTestId("customer-row");

describe("customer pages", () => {
  it("lists, finds, shows, edits and merges a customer", { timeout: 180_000 }, async () => {
    const page = await harness!.signedIn(slug, ownerEmail, PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
    await page.waitForURL(/\/customers$/);
    await expect.poll(() => rows(page).count()).toBe(3);
    await harness!.axe(page, "customers list", ["phone", "dark"]);

    await page.getByLabel("Find a customer").fill("anna");
    await page.getByRole("button", { name: "Find", exact: true }).click();
    await page.waitForURL(/\/customers\?q=anna$/);
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.getByLabel("Find a customer").fill("zebra");
    await page.getByRole("button", { name: "Find", exact: true }).click();
    await page.getByTestId("customers-empty").waitFor();
    expect(await page.getByTestId("customers-empty").textContent()).toBe("No customers match “zebra”.");
    await harness!.axe(page, "no customer found");
    await page.goBack();
    await expect.poll(() => rows(page).count()).toBe(2);

    await page.getByRole("link", { name: "Anna Kovacs" }).click();
    await page.waitForURL(new RegExp(`/customers/${survivorId}$`));
    await page.getByTestId("customer-profile").waitFor();
    await expect.poll(() => page.getByTestId("customer-ticket").count()).toBe(2);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Anna Kovacs");
    await harness!.axe(page, "customer page", ["phone"]);

    // An edit: phone and language (the organization came with her address's domain).
    const edit = page.getByTestId("customer-edit");
    await edit.getByLabel("Phone").fill("not a phone");
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.locator("#phone-error").waitFor();
    expect(await edit.getByLabel("Phone").getAttribute("aria-invalid")).toBe("true");
    await harness!.axe(page, "edit refused on a field");
    await edit.getByLabel("Phone").fill("+36 1 555 0100");
    await edit.locator("#locale").selectOption("hu");
    expect(await edit.locator("#organizationId option:checked").textContent()).toBe(organizationName);
    await edit.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByTestId("customer-status").textContent()).toBe("Changes saved.");
    expect(await page.getByTestId("customer-phone").textContent()).toBe("+36 1 555 0100");
    expect(await page.getByTestId("customer-language").textContent()).toBe("Magyar");
    expect(await page.getByTestId("customer-organization").textContent()).toBe(organizationName);

    // An address another customer has is refused beside its field, naming them; a new one is added.
    await edit.getByLabel("Add an email address").fill("bob@else.example");
    await edit.getByTestId("customer-add-email").click();
    await edit.locator("#customer-new-email-error").waitFor();
    expect(await edit.locator("#customer-new-email-error").textContent()).toBe("This email address belongs to another customer");
    expect(await edit.getByTestId("customer-email-owner").textContent()).toContain("Bob Brown");
    await harness!.axe(page, "address of another customer refused");
    await edit.getByLabel("Add an email address").fill(`Anna.Kovacs@${slug}.example`);
    await edit.getByTestId("customer-add-email").click();
    await expect.poll(() => page.getByTestId("customer-emails").locator("li").count()).toBe(2);
    expect(await page.getByTestId("customer-status").textContent()).toBe(`anna.kovacs@${slug}.example added.`);

    // The other record of the same person merged in.
    const merge = page.getByTestId("customer-merge");
    await merge.getByLabel("Find the other record").fill("anna k");
    await merge.getByRole("button", { name: "Find", exact: true }).click();
    await merge.getByRole("button", { name: "Merge Anna K into this customer" }).click();
    const dialog = page.getByTestId("confirm-dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("All of Anna K’s email addresses and tickets become Anna Kovacs’s.");
    await harness!.axe(page, "merge confirmation");
    await dialog.getByRole("button", { name: "Merge" }).click();
    await expect.poll(() => page.getByTestId("customer-status").textContent()).toBe("Anna K merged into this customer; their tickets move here in a moment.");
    expect(await page.getByTestId("customer-emails").locator("a").allTextContents()).toEqual([`anna@${slug}.example`, `anna.kovacs@${slug}.example`, "anna.k@home.example"]);
    await expect.poll(() => page.getByTestId("customer-ticket").count(), { timeout: 15_000 }).toBe(3);
    expect(await page.getByTestId("customer-tickets").getByRole("link").allTextContents()).toContain("Parcel never arrived");
    await harness!.axe(page, "customer after the merge");

    // The merged record's page says where it went.
    await page.goto(`/customers/${otherId}`);
    await page.getByTestId("customer-merged").waitFor();
    expect(await page.getByTestId("customer-merged").textContent()).toContain("This record was merged into Anna Kovacs");
    await harness!.axe(page, "merged record");
    await page.getByTestId("customer-merged-link").click();
    await page.waitForURL(new RegExp(`/customers/${survivorId}$`));
    await page.getByTestId("customer-profile").waitFor();

    // The organization's page: its customers and tickets (the merged-in ticket took the survivor's organization).
    await page.getByTestId("customer-organization").click();
    await page.waitForURL(/\/organizations\//);
    await page.getByTestId("organization-tickets").waitFor();
    await expect.poll(() => page.getByTestId("customer-ticket").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId("organization-customers").getByRole("link").allTextContents()).toEqual(["Anna Kovacs"]);
    await harness!.axe(page, "organization page");
  });
});
