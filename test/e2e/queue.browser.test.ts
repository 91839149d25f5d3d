import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { useDb } from "@frontline/core/db";
import { Signup } from "@frontline/core/signup";
import { Staff } from "@frontline/core/staff";
import { Ticket } from "@frontline/core/ticket";
import { Workspace } from "@frontline/core/workspace";
import type { Catalogue } from "../../web/src/i18n/en";
import { hu } from "../../web/src/i18n/hu";
import { kk } from "../../web/src/i18n/kk";
import { startBrowserHarness, type BrowserHarness } from "../support/browser";
import { makeSignup } from "../support/factories";
import { overflow } from "../support/layout";
import { actorOf, type StaffActor } from "../support/workspace";

/**
 * The queue in Chromium: rows checked by box, by "select all" and by x; a bulk status change of which one ticket
 * was changed meanwhile by someone else (the summary names it); a view saved from the filters and opened from the
 * sidebar with its count; and the queue with its check boxes fitting a phone (390 x 844) and wide screens in
 * Hungarian and Kazakh, subject visible, nothing past the viewport. Every state passes the axe check.
 *
 * Screenshots of each width go to test/screenshots/queue-layout/ (git-ignored) for a person to look at.
 */
const PASSWORD = "a long enough passphrase";
const SHOTS = join(resolve(dirname(fileURLToPath(import.meta.url)), "../screenshots"), "queue-layout");
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

let harness: BrowserHarness | undefined;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startBrowserHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** A workspace on Pro with a supervisor of its first department (in `locale`), and their actor. */
async function workspace(locale: "en" | "hu" | "kk", name: string) {
  const signup = makeSignup({ locale });
  const created = await Signup.signup(signup);
  const tenantId = created.tenant.tenantId;
  await useDb().entities.tenant.patch({ tenantId }).set({ planId: "pro" }).go();
  Workspace.changed(tenantId);
  const owner = actorOf(tenantId, created.staff);
  const email = `supervisor@${signup.slug}.example`;
  const info = await withActor(owner, () =>
    Staff.create({ name, email, role: "supervisor", departmentIds: created.staff.departmentIds, password: PASSWORD, locale }),
  );
  return { slug: signup.slug, owner, me: actorOf(tenantId, info), email, supportId: created.staff.departmentIds[0]! };
}

function ticket(by: StaffActor, subject: string, extra: Partial<Ticket.CreateInput> = {}) {
  return withActor(by, () => Ticket.create({ subject, body: "The card payment fails at the last step.", requester: { email: "kim@customer.example", name: "Kim Customer" }, ...extra }));
}

/** Waits until the queue shows the first page of `href` (the app marks the queue it has loaded). */
async function queueLoaded(page: Page, href: string) {
  await page.locator(`[data-testid="queue"][data-loaded="${href}"]`).waitFor();
}

describe("bulk actions and saved views in the queue", () => {
  let ws: Awaited<ReturnType<typeof workspace>>;
  let page: Page;
  const numbers: Record<string, number> = {};

  beforeAll(async () => {
    ws = await workspace("en", "Sam Supervisor");
    for (const subject of ["Refund one", "Refund two", "Refund three"]) {
      numbers[subject] = (await ticket(ws.me, subject, { tags: ["refund"] })).number;
    }
    await ticket(ws.me, "Unrelated question");
  });

  it("checks rows by box, by select all and by x, and sums up a bulk change of which one ticket changed meanwhile", async () => {
    page = await harness!.signedIn(ws.slug, ws.email, PASSWORD);
    await page.goto("/tickets?view=all&tag=refund");
    await queueLoaded(page, "/tickets?view=all&tag=refund");
    const rows = page.getByTestId("queue-row");
    expect(await rows.count()).toBe(3);

    // One box, then x on the focused row (j moves the focus), then all of the page.
    await rows.nth(0).getByTestId("row-check").check();
    await expect.poll(() => page.getByTestId("selected-count").innerText()).toBe("1 ticket selected");
    await page.locator("body").press("j");
    await page.keyboard.press("x");
    await expect.poll(() => page.getByTestId("selected-count").innerText()).toBe("2 tickets selected");
    expect(await rows.nth(1).getByTestId("row-check").isChecked()).toBe(true);
    await page.getByTestId("select-all").check();
    await expect.poll(() => page.getByTestId("selected-count").innerText()).toBe("3 tickets selected");
    await page.getByLabel("Action", { exact: true }).selectOption("status");
    await page.getByLabel("Status", { exact: true }).last().selectOption("pending");
    await harness!.axe(page, "the queue with three tickets checked and a bulk action chosen", ["phone", "dark"]);

    // Someone else changes the second ticket after the queue was loaded: it is left alone and named.
    const stale = (await withActor(ws.owner, () => Ticket.findByNumber(numbers["Refund two"]!)))!;
    await withActor(ws.owner, () => Ticket.update(stale.ticketId, { version: stale.version, priority: "high" }));
    await page.getByTestId("bulk-apply").click();
    const result = page.getByTestId("bulk-result");
    await result.waitFor();
    expect(await result.innerText()).toContain(`2 changed; 1 not: #${numbers["Refund two"]} changed by someone else`);
    // The queue is loaded again: the two are pending, the other is as the other person left it.
    await expect.poll(async () => (await page.getByTestId("queue-row").allInnerTexts()).filter((text) => text.includes("Pending")).length).toBe(2);
    expect(await page.getByTestId("row-check").evaluateAll((boxes) => boxes.filter((b) => (b as HTMLInputElement).checked).length)).toBe(0);
    const after = (await withActor(ws.owner, () => Ticket.findByNumber(numbers["Refund two"]!)))!;
    expect(after).toMatchObject({ status: "new", priority: "high" });
    await harness!.axe(page, "the queue after a bulk change with a partial failure");
  });

  it("saves the filters as a view, lists it with its count and opens it", async () => {
    await page.goto("/tickets?view=all&tag=refund&priority=normal");
    await queueLoaded(page, "/tickets?view=all&priority=normal&tag=refund");
    await page.getByTestId("save-view").click();
    const dialog = page.getByTestId("view-dialog");
    await dialog.waitFor();
    await harness!.axe(page, "the save view dialog");
    await dialog.getByLabel("Name").fill("Normal refunds");
    await dialog.getByTestId("view-submit").click();
    await dialog.waitFor({ state: "detached" });
    const saved = page.getByTestId("saved-view").filter({ hasText: "Normal refunds" });
    await saved.waitFor();
    // Two of the three refunds are still normal (one was raised to high).
    await expect.poll(() => saved.getByTestId("saved-view-count").innerText()).toBe("2");

    await page.goto("/tickets?view=mine");
    await queueLoaded(page, "/tickets");
    await saved.locator("a").click();
    await queueLoaded(page, "/tickets?view=all&priority=normal&tag=refund");
    expect(await saved.locator("a").getAttribute("aria-current")).toBe("page");
    expect(await page.getByTestId("queue-row").count()).toBe(2);
    await harness!.axe(page, "a saved view opened from the sidebar");

    // Renamed, then deleted.
    await saved.getByTestId("rename-view").click();
    await dialog.getByLabel("Name").fill("Refunds, normal");
    await dialog.getByTestId("view-submit").click();
    const renamed = page.getByTestId("saved-view").filter({ hasText: "Refunds, normal" });
    await renamed.waitFor();
    await renamed.getByTestId("delete-view").click();
    await page.getByTestId("confirm").click();
    await renamed.waitFor({ state: "detached" });
  });
});

const languages = [
  {
    locale: "hu" as const,
    catalogue: hu,
    agent: "Szentgyörgyváriné Kovács-Eszterházy Erzsébet",
    subject: "Megszentségteleníthetetlenségeskedéseitekért a bankkártyás visszatérítés nem érkezett meg, pedig a számlázási osztály visszaigazolta",
  },
  {
    locale: "kk" as const,
    catalogue: kk,
    agent: "Нұрсұлтанқызы Әйгерімхан Қайратбекқызы",
    subject: "Қанағаттандырылмағандықтарыңыздан төлем картасы арқылы жасалған қайтарым әлі күнге дейін шотыма түспеді, көмектесіңізші",
  },
];

describe.each(languages)("the queue's layout in $locale", ({ locale, catalogue, agent, subject }) => {
  const t = catalogue as Catalogue;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let page: Page;

  beforeAll(async () => {
    ws = await workspace(locale, agent);
    for (let i = 0; i < 3; i++) await ticket(ws.me, `${subject} (${i + 1})`, { priority: i === 0 ? "urgent" : "normal", tags: ["vip"] });
    page = await harness!.signedIn(ws.slug, ws.email, PASSWORD);
    await page.goto("/tickets?view=all");
    await queueLoaded(page, "/tickets?view=all");
    // A view in the sidebar, and a checked row, so that the bar's fields are on screen too.
    await page.getByTestId("save-view").click();
    await page.getByTestId("view-dialog").getByLabel(t.savedViews.name).fill(subject.slice(0, 80));
    await page.getByTestId("view-submit").click();
    await page.getByTestId("saved-view").waitFor();
    await page.getByTestId("row-check").first().check();
    await page.getByLabel(t.bulk.action, { exact: true }).selectOption("department");
  });

  it.each(WIDTHS)("fits at $width px with its check boxes, the subject visible", async (size) => {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const fit = await overflow(page);
    await page.screenshot({ path: join(SHOTS, `queue-${locale}-${size.width}.png`), fullPage: true });
    expect(fit.outside, `outside the viewport at ${size.width} px`).toEqual([]);
    expect(fit.scrollWidth, `document at ${size.width} px`).toBeLessThanOrEqual(fit.innerWidth);
    // No table scrolls sideways in its own box either: the queue itself fits.
    const wrap = await page.locator(".queue .table-wrap").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(wrap.scroll, `the queue's table at ${size.width} px`).toBeLessThanOrEqual(wrap.client + 1);
    const rows = page.getByTestId("queue-row");
    expect(await rows.count()).toBe(3);
    for (const row of await rows.all()) {
      await row.scrollIntoViewIfNeeded();
      for (const part of [row.locator(".queue-row__link"), row.getByTestId("row-check")]) {
        expect(await part.isVisible(), `a row's part at ${size.width} px`).toBe(true);
        const box = (await part.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width + 0.5);
      }
      // The subject is readable, not a sliver: a fifth of the row at least (nearly all of it on a phone), its whole text in the title.
      const link = row.locator(".queue-row__link");
      const linkBox = (await link.boundingBox())!;
      const rowBox = (await row.boundingBox())!;
      expect(linkBox.width / rowBox.width, `the subject's share of the row at ${size.width} px`).toBeGreaterThan(size.width < 640 ? 0.7 : 0.2);
      expect(await row.locator(".queue-table__subject").getAttribute("title")).toContain(subject);
    }
    for (const part of ["bulk-bar", "bulk-apply", "saved-view", "select-all"]) {
      const locator = page.getByTestId(part).first();
      await locator.scrollIntoViewIfNeeded();
      expect(await locator.isVisible(), `${part} at ${size.width} px`).toBe(true);
    }
    if (size.width === 390 || size.width === 1366) await harness!.axe(page, `the queue at ${size.width} px in ${locale}`);
  });
});
