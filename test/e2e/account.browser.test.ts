import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signupVia, type Workspace } from "../support/api";
import { startBrowserHarness, type BrowserHarness } from "../support/browser";

/**
 * A forgotten password and a new workspace address, in Chromium against the real runtime: "Forgot password?" on the
 * sign-in page, the letter as the local outbox keeps it, the link's page, a new password and signing in with it, the
 * spent link; then the owner gives the workspace a new address in the settings, and signs in with the old one. Every
 * state visited is checked with axe.
 */
let harness: BrowserHarness | undefined;
let ws: Workspace;
const NEW_PASSWORD = "a new passphrase for the owner";

beforeAll(async () => {
  harness = await startBrowserHarness();
  const runtime = harness.runtime;
  ws = await signupVia((path, init) => fetch(runtime.url + path, init));
});

afterAll(async () => {
  await harness?.close();
});

async function text(page: Page, testId: string): Promise<string> {
  const locator = page.getByTestId(testId);
  await locator.waitFor();
  return ((await locator.textContent()) ?? "").trim();
}

/** The letters the runtime has sent to `address` (its outbox folder keeps each as sent), newest last. */
async function lettersTo(address: string): Promise<ParsedMail[]> {
  const dir = harness!.runtime.outboxDir;
  const files = (() => {
    try {
      return readdirSync(dir).filter((f) => f.endsWith(".eml")).sort();
    } catch {
      return [];
    }
  })();
  const parsed = await Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, f)))));
  return parsed.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address));
}

async function waitForLetter(address: string, count: number): Promise<ParsedMail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const letters = await lettersTo(address);
    if (letters.length >= count) return letters.at(-1)!;
    if (Date.now() > deadline) throw new Error(`no letter to ${address}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a forgotten password, in Chromium", () => {
  it("asks for a link, gets the letter, chooses a new password and signs in with it; the link then says it is spent", async () => {
    const page = await harness!.page();
    await page.goto("/login");
    await page.getByLabel("Workspace address").fill(ws.slug);
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.waitForURL(/\/forgot-password\?slug=/);
    await page.getByRole("heading", { name: "Reset your password" }).waitFor();
    expect(await page.getByLabel("Workspace address").inputValue()).toBe(ws.slug);
    await harness!.axe(page, "forgot password", ["phone", "dark"]);

    // A bad address is refused on its field.
    await page.getByLabel("Email").fill("not an address");
    await page.getByRole("button", { name: "Send the link" }).click();
    await page.getByText("Enter a valid email address").waitFor();
    await harness!.axe(page, "forgot password, a wrong email");

    await page.getByLabel("Email").fill(ws.email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await page.getByRole("heading", { name: "Check your mail" }).waitFor();
    await harness!.axe(page, "reset link asked for", ["phone"]);

    const letter = await waitForLetter(ws.email, 1);
    expect(letter.subject).toMatch(/^Choose a new password for /);
    expect(letter.text).toContain("the link works once");
    const link = /(http\S+\/reset-password\/flr\.\S+)/.exec(letter.text ?? "")?.[1];
    expect(link).toBeDefined();

    await page.goto(new URL(link!).pathname);
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    expect(await text(page, "reset-email")).toBe(ws.email);
    await harness!.axe(page, "choosing a new password", ["phone", "dark"]);
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Save and sign in" }).click();
    await page.getByText("Use at least 10 characters").waitFor();
    await harness!.axe(page, "a new password too short");
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Save and sign in" }).click();
    await page.waitForURL(/\/tickets$/);
    await page.getByTestId("user-name").waitFor();
    await harness!.axe(page, "signed in by a new password, on the queue");
    expect((await page.request.get("/api/me")).status()).toBe(200);
    // Every other session of the account has ended: the token from signing up is refused.
    expect((await fetch(`${harness!.runtime.url}/api/me`, { headers: { authorization: `Bearer ${ws.token}` } })).status).toBe(401);

    // Once only.
    await page.goto(new URL(link!).pathname);
    await page.getByRole("heading", { name: "This link has been used" }).waitFor();
    await harness!.axe(page, "a spent reset link", ["phone"]);
    await page.getByRole("link", { name: "Ask for a new link" }).click();
    await page.waitForURL(/\/forgot-password$/);

    // The new password signs in; the old one does not.
    const fresh = await harness!.signedIn(ws.slug, ws.email, NEW_PASSWORD);
    expect(await text(fresh, "user-role")).toBe("Owner");
  });
});

describe("a new workspace address, in Chromium", () => {
  it("shows the address, refuses a bad one on its field, changes it, lists the old one, and signs in with either", async () => {
    const page = await harness!.signedIn(ws.slug, ws.email, NEW_PASSWORD);
    await page.goto("/admin/settings");
    expect(await text(page, "settings-slug")).toBe(ws.slug);
    await expect(page.getByTestId("settings-aliases").count()).resolves.toBe(0);
    await harness!.axe(page, "settings with the workspace address", ["phone", "dark"]);

    await page.getByLabel("New address").fill("no");
    await page.getByRole("button", { name: "Change address" }).click();
    await page.getByText("Use at least 3 characters").waitFor();
    await harness!.axe(page, "a workspace address refused");

    const next = `${ws.slug}-new`;
    await page.getByLabel("New address").fill(next);
    await page.getByRole("button", { name: "Change address" }).click();
    expect(await text(page, "address-changed")).toBe(`The workspace address is now ${next}.`);
    expect(await text(page, "settings-slug")).toBe(next);
    expect(await text(page, "settings-aliases")).toBe(ws.slug);
    expect(await text(page, "settings-inbound-address")).toBe(`${next}@frontline.localhost`);
    await harness!.axe(page, "the workspace address changed", ["phone", "dark"]);

    for (const slug of [ws.slug, next]) {
      const other = await harness!.signedIn(slug, ws.email, NEW_PASSWORD);
      expect(await text(other, "inbound-address")).toBe(`${next}@frontline.localhost`);
    }
  });
});
