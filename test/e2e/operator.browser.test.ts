import { Signup } from "@frontline/core/signup";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Billing } from "@frontline/core/billing";
import { useDb } from "@frontline/core/db";
import { Operator } from "@frontline/core/operator";
import { Plan } from "@frontline/core/plan";
import { configurePorts, useClock } from "@frontline/core/port";
import { Failures, padSequence, type Change } from "@frontline/core/stream";
import { Tenant } from "@frontline/core/tenant";
import type { Variant } from "../support/axe";
import { assertFocusVisible } from "../support/focus";
import { startBrowserHarness, type BrowserHarness } from "../support/browser";
import { makeSignup } from "../support/factories";
import { actorOf } from "../support/workspace";

/**
 * The operator console in real Chromium against the real runtime: a workspace driven into suspension by the billing
 * rules shows as suspended; the operator signs in (a wrong password is told plainly), records a payment and the
 * workspace is active at once with the top-up in its ledger; a plan's daily price is changed; each action is in the
 * operators' log; a reaction the change stream parked is run again and resolved. A workspace's staff session opens
 * nothing of it, and a signed-out visitor is sent to its sign-in.
 */

const operator = { email: "olena@frontline.localhost", name: "Olena Operator", password: "operator passphrase" };
const suspended = makeSignup({ workspaceName: "Initech Help" });
const grace = makeSignup({ workspaceName: "Globex Desk" });
const healthy = makeSignup({ workspaceName: "Acme Support" });
const billing = { type: "system", id: "test", name: "Test" } as const;

let harness: BrowserHarness | undefined;
let page: Page;
/** The bearer token of the healthy workspace's owner: an admin's session, as scripts use it. */
let ownerToken = "";
/** A reaction parked on a change of the healthy workspace. */
let parkedId = "";

/** The axe check of the operator's page as it is now (test/support/axe.ts). */
function axe(state: string, variants?: Variant[]) {
  return harness!.axe(page, state, variants);
}

/** Takes the balance below zero by an adjustment: the grace period starts today. */
async function overdraw(tenantId: string) {
  const { balanceMinor } = await withActor({ type: "system", tenantId, reason: "test" }, () => Billing.account());
  await Billing.adjust(tenantId, { amountMinor: -(balanceMinor + 450), reason: "Test: spent" }, billing);
}

/** Runs the billing rules as they will run when the grace period is over: the workspace is suspended. */
async function afterGrace(tenantId: string) {
  const clock = useClock();
  configurePorts({ clock: { now: () => new Date(Date.now() + Billing.GRACE_DAYS * 86_400_000) } });
  try {
    await Billing.reconsider(tenantId);
  } finally {
    configurePorts({ clock });
  }
}

/** A reaction to a change of a customer of `tenantId`, failed as often as the stream parks it; its failure's id. */
async function parkReaction(tenantId: string): Promise<string> {
  const sequenceNumber = "4200000000000000000001";
  const change: Change = {
    id: "e2e-parked-change",
    seq: padSequence(sequenceNumber),
    sequenceNumber,
    kind: "insert",
    entity: "customer",
    tenantId,
    keys: { pk: `t#${tenantId}#cust`, sk: "cust#parked" },
    after: { __edb_e__: "customer", tenantId, customerId: "01PARKEDCUSTOMER0000000000", name: "Parked Customer", email: "parked@example.com" },
  };
  const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    for (let i = 0; i < Failures.MAX_DELIVERIES; i++) await Failures.recordFailure("customer.terms", change, new Error("Throughput exceeds the current capacity"));
  } finally {
    quiet.mockRestore();
  }
  return `customer.terms#${change.id}`;
}

const planStatus = async (tenantId: string) => (await useDb().entities.tenant.get({ tenantId }).go({ consistent: true })).data!.planStatus;

/** The row of the workspace `slug` in the list, once it is there. */
async function listRow(slug: string) {
  const row = page.locator(`[data-testid="workspace-row"][data-workspace="${slug}"]`);
  await row.waitFor();
  return row;
}

beforeAll(async () => {
  harness = await startBrowserHarness();
  await Operator.ensure(operator);
  await Signup.signup(suspended);
  const graceOwner = (await Signup.signup(grace)).staff;
  ownerToken = (await Signup.signup(healthy)).session.token;
  await overdraw(suspended.slug);
  await afterGrace(suspended.slug);
  await overdraw(grace.slug);
  await withActor(actorOf(grace.slug, graceOwner), () => Billing.requestTopUp({ amountMinor: 2_000, note: "Paying by card today" }));
  expect(await planStatus(suspended.slug)).toBe("suspended");
  expect(await planStatus(grace.slug)).toBe("trial");
  parkedId = await parkReaction(healthy.slug);
  page = await harness.page();
});

afterAll(async () => {
  await harness?.close();
});

describe("the operator console, in Chromium", () => {
  it("sends a signed-out visitor to its sign-in, says plainly when the password is wrong, then goes where asked", async () => {
    await page.goto(`/operator/workspaces/${suspended.slug}`);
    await page.waitForURL(/\/operator\/login\?next=/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Operator sign-in");

    await page.getByLabel("Email").fill(operator.email);
    await page.getByLabel("Password").fill("not the passphrase");
    await page.getByRole("button", { name: "Sign in" }).click();
    expect(await page.getByRole("alert").textContent()).toBe("Wrong email or password");
    await axe("operator sign-in, a wrong password", ["phone", "dark"]);
    expect(page.url()).toMatch(/\/operator\/login/);

    await page.getByLabel("Password").fill(operator.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(new RegExp(`/operator/workspaces/${suspended.slug}$`));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Initech Help");
    expect(await page.getByTestId("operator-topbar").textContent()).toContain("Olena Operator");
    await axe("a suspended workspace", ["phone", "dark"]);
  });

  it("lists every workspace with its plan, balance and standing, and finds one by its address", async () => {
    await page.getByRole("navigation", { name: "Operator console" }).getByRole("link", { name: "Workspaces" }).click();
    const row = await listRow(suspended.slug);
    expect(await row.getByTestId("workspace-status").textContent()).toBe("Suspended");
    expect(await row.getByTestId("workspace-plan").textContent()).toBe("Standard");
    expect(await row.getByTestId("workspace-balance").textContent()).toBe("-$4.50");
    expect(await (await listRow(grace.slug)).getByTestId("workspace-status").textContent()).toBe("Grace period");
    expect(await (await listRow(healthy.slug)).getByTestId("workspace-status").textContent()).toBe("Trial");
    await axe("every workspace", ["phone", "dark"]);
    await assertFocusVisible(page, "every workspace", ["light", "dark"]);

    await page.getByLabel("Search").fill(healthy.slug);
    await expect.poll(() => page.getByTestId("workspace-row").count()).toBe(1);
    await page.getByLabel("Search").fill("");
    await page.getByLabel("Status").selectOption("suspended");
    await expect.poll(() => page.getByTestId("workspace-row").count()).toBe(1);
    expect(await page.getByTestId("workspace-slug").textContent()).toBe(suspended.slug);
  });

  it("records a payment: the suspended workspace is active at once and its ledger has the top-up", async () => {
    await page.getByTestId("workspace-link").click();
    await page.waitForURL(new RegExp(`/operator/workspaces/${suspended.slug}$`));
    expect(await page.getByTestId("workspace-status").textContent()).toBe("Suspended");

    const payment = page.getByRole("form", { name: "Record a payment" });
    await payment.getByLabel("Amount (USD)").fill("50");
    await payment.getByLabel("Reference").fill("Bank transfer 2211");
    await payment.getByRole("button", { name: "Record payment" }).click();

    await expect.poll(() => page.getByTestId("workspace-status").textContent()).toBe("Active");
    expect(await page.getByTestId("workspace-balance").textContent()).toBe("$45.50");
    const top = page.getByTestId("ledger-row").first();
    await expect.poll(() => top.getAttribute("data-kind")).toBe("top_up");
    expect(await top.getByTestId("ledger-amount").textContent()).toBe("+$50.00");
    expect(await top.getByTestId("ledger-reference").textContent()).toBe("Reference: Bank transfer 2211");
    expect(await planStatus(suspended.slug)).toBe("active");
    await axe("a payment recorded");

    await page.getByRole("link", { name: "All workspaces" }).click();
    expect(await (await listRow(suspended.slug)).getByTestId("workspace-status").textContent()).toBe("Active");
  });

  it("answers a workspace's top-up request from the list of open requests", async () => {
    await page.getByRole("link", { name: "Top-up requests" }).click();
    const row = page.locator(`[data-testid="top-up-request-row"][data-workspace="${grace.slug}"]`);
    expect(await row.getByTestId("top-up-request-amount").textContent()).toBe("$20.00");
    expect(await row.textContent()).toContain("Paying by card today");
    await axe("one open top-up request", ["phone"]);
    await row.getByRole("link", { name: `Open workspace ${grace.slug}` }).click();
    await page.waitForURL(new RegExp(`/operator/workspaces/${grace.slug}\\?request=`));

    const payment = page.getByRole("form", { name: "Record a payment" });
    await expect.poll(() => payment.getByLabel("Amount (USD)").inputValue()).toBe("20.00");
    expect(await payment.getByTestId("payment-answers").textContent()).toContain("Answers the top-up request of $20.00");
    await payment.getByLabel("Reference").fill("Card payment 7781");
    await payment.getByRole("button", { name: "Record payment" }).click();
    await expect.poll(() => page.getByTestId("request-status").first().textContent()).toBe("Paid");
    expect(await page.getByTestId("workspace-status").textContent()).toBe("Trial");
    expect(await page.getByTestId("workspace-balance").textContent()).toBe("$15.50");

    await page.getByRole("link", { name: "Top-up requests" }).click();
    expect(await page.getByTestId("top-up-requests-empty").textContent()).toBe("No open top-up requests.");
    await axe("no open top-up request");
  });

  it("changes a plan's daily price", async () => {
    await page.getByRole("link", { name: "Plans" }).click();
    const standard = page.getByRole("form", { name: "The Standard plan" });
    expect(await standard.getByLabel("Price per day (USD)", { exact: true }).inputValue()).toBe("1.00");
    await axe("the plans", ["phone", "dark"]);
    await standard.getByLabel("Price per day (USD)", { exact: true }).fill("1.25");
    await standard.getByRole("button", { name: "Save plan" }).click();
    const card = page.locator('[data-testid="plan-card"][data-plan="standard"]');
    await expect.poll(() => card.getByTestId("plan-price").textContent()).toBe("$1.25 / day");
    expect((await Plan.get("standard")).pricePerDayMinor).toBe(125);

    await page.reload();
    expect(await page.getByRole("form", { name: "The Standard plan" }).getByLabel("Price per day (USD)", { exact: true }).inputValue()).toBe("1.25");
  });

  it("keeps each action in the operators' log", async () => {
    await page.getByRole("link", { name: "Event log" }).click();
    const rows = page.getByTestId("event-row");
    await rows.first().waitFor();
    const entries = await rows.evaluateAll((trs) =>
      trs.map((tr) => ["event-operator", "event-action", "event-target", "event-details"].map((id) => tr.querySelector(`[data-testid="${id}"]`)?.textContent ?? "")),
    );
    expect(entries).toContainEqual(["Olena Operator", "Plan changed", "Standard", "Price per day: $1.00 → $1.25"]);
    expect(entries).toContainEqual(["Olena Operator", "Payment recorded", suspended.slug, "Amount: +$50.00Reference: Bank transfer 2211"]);
    expect(entries).toContainEqual(["Olena Operator", "Signed in", operator.email, ""]);
    expect(entries[0]![1]).toBe("Plan changed");
    await axe("the operators' log", ["phone", "dark"]);
  });

  it("runs a parked reaction again from Failed reactions, and it is resolved", async () => {
    await page.getByRole("navigation", { name: "Operator console" }).getByRole("link", { name: "Failed reactions" }).click();
    await page.waitForURL(/\/operator\/reactions$/);
    expect(await page.getByLabel("Status").inputValue()).toBe("parked");
    const row = page.locator(`[data-testid="reaction-row"][data-failure="${parkedId}"]`);
    await row.waitFor();
    expect(await row.getByTestId("reaction-name").textContent()).toBe("customer.terms");
    expect(await row.getByTestId("reaction-workspace").textContent()).toBe(healthy.slug);
    expect(await row.getByTestId("reaction-change").textContent()).toBe("customerCreated");
    expect(await row.getByTestId("reaction-attempts").textContent()).toBe(String(Failures.MAX_DELIVERIES));
    expect(await row.getByTestId("reaction-status").textContent()).toBe("Parked");
    expect(await row.getByTestId("reaction-error").locator(".cell-line").textContent()).toBe("Error: Throughput exceeds the current capacity");
    await axe("a parked reaction", ["phone", "dark"]);

    // By keyboard: the button says what it runs again, and the keyboard stays on the row once it is resolved.
    const button = row.getByRole("button", { name: `Run again: customer.terms on the customer change in ${healthy.slug}` });
    await button.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("reactions-outcome").textContent()).toBe("customer.terms ran successfully: the failure is resolved.");
    await expect.poll(() => row.getByTestId("reaction-status").textContent()).toBe("Resolved");
    expect(await row.getByRole("button").count()).toBe(0);
    expect(await row.getByTestId("reaction-resolved-by").textContent()).toMatch(/^by Olena Operator, /);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("reaction-status");
    await axe("a reaction run again and resolved");

    const resolved = (await Failures.list({ status: "resolved" })).failures.find((f) => f.failureId === parkedId);
    expect(resolved).toMatchObject({ status: "resolved", resolvedBy: operator.name });
    await page.getByLabel("Status").selectOption("resolved");
    await expect.poll(() => page.locator(`[data-testid="reaction-row"][data-failure="${parkedId}"]`).getAttribute("data-status")).toBe("resolved");
    await page.getByLabel("Status").selectOption("parked");
    expect(await page.getByTestId("reactions-empty").textContent()).toBe("No parked reactions: every change has been handled.");
    await axe("no parked reaction");
  });

  it("signs out, and the console is closed again", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/operator\/login$/);
    await page.goto("/operator/plans");
    await page.waitForURL(/\/operator\/login\?next=%2Foperator%2Fplans$/);
    expect((await page.request.get("/api/operator/workspaces")).status()).toBe(401);
  });

  it("opens nothing of the operator API to a workspace's staff session", async () => {
    const staff = await harness!.signedIn(healthy.slug, healthy.email, healthy.password);
    expect((await staff.request.get("/api/me")).status()).toBe(200);
    expect((await staff.request.get("/api/operator/workspaces")).status()).toBe(401);
    expect((await staff.request.get(`/api/operator/workspaces/${healthy.slug}`)).status()).toBe(401);
    const csrf = (await staff.context().cookies()).find((c) => c.name === "fl_csrf")?.value ?? "";
    const pay = await staff.request.post(`/api/operator/workspaces/${healthy.slug}/payments`, {
      data: { amountMinor: 100_000, reference: "free money" },
      headers: { "x-csrf-token": csrf },
    });
    expect([401, 403]).toContain(pay.status());
    const bearer = await staff.request.put("/api/operator/plans/standard", { data: { pricePerDayMinor: 1 }, headers: { authorization: `Bearer ${ownerToken}` } });
    expect([401, 403]).toContain(bearer.status());
    expect((await Plan.get("standard")).pricePerDayMinor).toBe(125);

    await staff.goto("/operator");
    await staff.waitForURL(/\/operator\/login$/);
  });
});
