import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { buildWeb, webBuildNeeded } from "../../packages/local/src/web-build";
import type { Runtime } from "../../packages/local/src/runtime";
import { MISSING_STRING } from "../../web/src/i18n/marker";
import { AccessibilityAudit, type Variant } from "./axe";
import { startTestRuntime } from "./runtime";

/**
 * Debian's Chromium, headless and quiet: no sandbox (CI runs as root), no GPU, nothing that reaches the network by
 * itself. Browser tests never download a browser.
 */
export const chromiumLaunch = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export const viewport = { width: 1280, height: 900 };

/**
 * Reports every Content-Security-Policy violation on a page to `seen`: the document's securitypolicyviolation events
 * (through a console message with a marker) and Chromium's own console errors about the policy.
 */
async function watchCsp(page: Page, seen: string[]): Promise<void> {
  const marker = "[csp-violation]";
  await page.addInitScript((m) => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`${m} ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  }, marker);
  page.on("console", (message) => {
    const text = message.text();
    if (text.startsWith(marker) || (message.type() === "error" && /Content Security Policy/i.test(text))) seen.push(`${page.url()}: ${text}`);
  });
}

/**
 * Reports every string a page asked for that its loaded areas lack (web/src/i18n/index.tsx says each once on the
 * console, with this marker): the page would show a blank where the words belong.
 */
function watchStrings(page: Page, seen: string[]): void {
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().startsWith(MISSING_STRING)) seen.push(`${page.url()}: ${message.text()}`);
  });
}

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const webDir = join(rootDir, "web");

/** The built web app served by a runtime in this process, and Chromium to drive it. */
export interface BrowserHarness {
  runtime: Runtime;
  browser: Browser;
  /** A new browser session (its own cookies) on the app's origin. */
  page(options?: { locale?: string; timeZone?: string }): Promise<Page>;
  /** A new browser session signed in to the workspace `slug` as `email`, on its workspace page. */
  signedIn(slug: string, email: string, password: string): Promise<Page>;
  /**
   * The axe check of `page` as it is now (see ./axe.ts): fails the test on a serious or critical finding. Every page a
   * session of the harness visits must be checked at least once, or the file fails when it closes.
   */
  axe(page: Page, state: string, variants?: Variant[]): Promise<void>;
  close(): Promise<void>;
}

/** Builds the web app when its sources changed, starts the runtime, and launches Chromium. */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  if (webBuildNeeded(webDir)) buildWeb(rootDir);
  const runtime = await startTestRuntime({ webDist: join(webDir, "dist") });
  const browser = await chromium.launch(chromiumLaunch).catch(async (error: unknown) => {
    await runtime.stop();
    throw error;
  });
  const contexts: BrowserContext[] = [];
  // The app must run under its Content-Security-Policy: a page that breaks it fails the test file when it closes.
  const cspViolations: string[] = [];
  const missingStrings: string[] = [];
  const audit = new AccessibilityAudit();
  // The sign-in page and the first workspace page are checked on the first sign-in, not on each of them.
  let signInChecked = false;
  const page = async (options: { locale?: string; timeZone?: string } = {}) => {
    const context = await browser.newContext({ baseURL: runtime.url, locale: options.locale ?? "en-US", timezoneId: options.timeZone, viewport });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const p = await context.newPage();
    await watchCsp(p, cspViolations);
    watchStrings(p, missingStrings);
    audit.watch(p);
    return p;
  };
  return {
    runtime,
    browser,
    page,
    async signedIn(slug, email, password) {
      const p = await page();
      await p.goto("/login");
      await p.getByLabel("Workspace address").fill(slug);
      if (!signInChecked) await audit.check(p, "sign-in form");
      await p.getByLabel("Email").fill(email);
      await p.getByLabel("Password").fill(password);
      await p.getByRole("button", { name: "Sign in" }).click();
      await p.waitForURL(/\/workspace$/);
      if (!signInChecked) {
        await p.getByTestId("inbound-address").waitFor();
        await audit.check(p, "workspace overview");
        signInChecked = true;
      }
      return p;
    },
    axe: (p, state, variants) => audit.check(p, state, variants),
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await runtime.stop();
      if (cspViolations.length) throw new Error(`The web app broke its Content-Security-Policy:\n${cspViolations.join("\n")}`);
      if (missingStrings.length) throw new Error(`Pages showed strings their areas do not load:\n${missingStrings.join("\n")}`);
      audit.assertCovered();
    },
  };
}
