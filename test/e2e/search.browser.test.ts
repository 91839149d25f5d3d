import { mkdirSync } from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { useDb } from "@frontline/core/db";
import { Search } from "@frontline/core/search";
import { Signup } from "@frontline/core/signup";
import { Staff } from "@frontline/core/staff";
import { Ticket } from "@frontline/core/ticket";
import type { Catalogue } from "../../web/src/i18n/en";
import { en } from "../../web/src/i18n/en";
import { uk } from "../../web/src/i18n/uk";
import { PHONE } from "../support/axe";
import { startBrowserHarness, viewport, type BrowserHarness } from "../support/browser";
import { makeSignup } from "../support/factories";
import { actorOf, type StaffActor } from "../support/workspace";

/**
 * The console's search (#14) in Chromium against the real runtime, in English and in Ukrainian: "/" from any page,
 * a word in another form than the ticket's ("платіж" finds "платежі"), the words marked in the subject and the
 * message, a ticket opened from its result; a status filter that Back undoes and a reload keeps; a customer found by
 * name narrowing the search to their tickets; nothing found; a refused range beside its field; and a phone's width
 * without sideways scrolling. Every state is checked by axe.
 */
const PASSWORD = "a long enough passphrase";
const SHOTS = "/tmp/search-shots";

let harness: BrowserHarness | undefined;
let owner: StaffActor;
let slug = "";
let ownerEmail = "";
let agentEmail = "";

/** The tickets, written as customers write: in Ukrainian, Russian and Hungarian. */
const tickets = {
  payments: {
    subject: "Не проходять платежі карткою",
    body: "Добрий день! Уже третій день усі мої платежі карткою відхиляє банк. Що робити?",
    requester: { name: "Оксана Мельник", email: "oksana.melnyk@customer.example" },
  },
  refund: {
    subject: "Повернення коштів за замовлення",
    body: "Прошу повернути платіж за замовлення 1042, товар не прийшов.",
    requester: { name: "Петро Коваль", email: "petro.koval@customer.example" },
  },
  invoice: {
    subject: "Не пришёл счёт за март",
    body: "Здравствуйте! Мы так и не получили счета за март, пришлите, пожалуйста, ещё раз.",
    requester: { name: "Иван Петров", email: "ivan.petrov@customer.example" },
  },
  számla: {
    subject: "Nem érkezett meg a számla",
    body: "Jó napot! A márciusi számláinkat még mindig nem kaptuk meg.",
    requester: { name: "Kovács Eszter", email: "kovacs.eszter@customer.example" },
  },
};
let ids: Record<keyof typeof tickets, string>;
let numbers: Record<keyof typeof tickets, number>;
let statuses: Record<keyof typeof tickets, Ticket.Info["status"]>;

/** Waits until the index (which follows the table's change stream) finds what the test needs. */
async function indexed(q: string, count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = await withActor(owner, () => Search.search({ q }));
    if (found.tickets.length >= count) return;
    if (Date.now() > deadline) throw new Error(`The index never found ${count} tickets for "${q}" (it found ${found.tickets.length})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startBrowserHarness();
  const signup = makeSignup({ ownerName: "Olga Owner" });
  slug = signup.slug;
  ownerEmail = signup.email;
  const created = await Signup.signup(signup);
  await useDb().entities.tenant.patch({ tenantId: created.tenant.tenantId }).set({ planId: "pro" }).go();
  owner = actorOf(created.tenant.tenantId, created.staff);
  const made = await withActor(owner, async () => {
    const entries = [];
    for (const [key, t] of Object.entries(tickets)) entries.push([key, await Ticket.create({ subject: t.subject, body: t.body, requester: t.requester })] as const);
    return Object.fromEntries(entries) as Record<keyof typeof tickets, Ticket.Info>;
  });
  // The refund is solved: the status filter finds it alone.
  await withActor(owner, () => Ticket.update(made.refund.ticketId, { version: made.refund.version, status: "solved" }));
  ids = Object.fromEntries(Object.entries(made).map(([key, t]) => [key, t.ticketId])) as typeof ids;
  numbers = Object.fromEntries(Object.entries(made).map(([key, t]) => [key, t.number])) as typeof numbers;
  statuses = Object.fromEntries(Object.entries(made).map(([key, t]) => [key, t.status])) as typeof statuses;
  agentEmail = `oksana@${slug}.example`;
  await withActor(owner, () => Staff.create({ name: "Оксана Коваленко", email: agentEmail, role: "agent", departmentIds: created.staff.departmentIds, password: PASSWORD, locale: "uk" }));
  await indexed("платіж", 2);
  await indexed("Kovács", 1);
  // The customers are in the index too (they are found by name).
  const deadline = Date.now() + 20_000;
  while ((await withActor(owner, () => Search.search({ q: "Мельник" }))).customers.length === 0) {
    if (Date.now() > deadline) throw new Error("The index never found the customer Оксана Мельник");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

afterAll(async () => {
  await harness?.close();
});

/** Waits until the search page shows the first page of `href`'s search. */
async function searched(page: Page, href: string): Promise<void> {
  await page.locator(`[data-testid="search-results"][data-loaded="${href.replace(/"/g, '\\"')}"]`).waitFor();
}

/** The search page's address for `params`, as the console writes it (lists with their commas). */
function href(params: Record<string, string>): string {
  const parts = Object.entries(params).map(([key, value]) => `${key}=${value.split(",").map(encodeURIComponent).join(",")}`);
  return `/search?${parts.join("&")}`;
}

/** The subjects of the results on screen, in order. */
function subjects(page: Page): Promise<string[]> {
  return page.getByTestId("search-result-link").allTextContents();
}

/** How far the page scrolls sideways (0: it fits). */
function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The elements that reach furthest past the window's right edge, for a report. */
function widest(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("body *")]
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter(({ right }) => right > document.documentElement.clientWidth + 1)
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map(({ el, right }) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(right)})`)
      .join(", "),
  );
}

/**
 * The top bar as laid out: the search box's width, what of it is cut off (a link or a name wider than its room, the
 * nav scrolled), and which of its parts overlap.
 */
function topBar(page: Page): Promise<{ box: number; clipped: string[]; overlaps: string[] }> {
  return page.evaluate(() => {
    const part = (selector: string) => document.querySelector<HTMLElement>(`.topbar ${selector}`)!;
    const parts = { brand: part(".topbar__brand"), nav: part(".topnav"), search: part(".topbar__search"), end: part(".topbar__end") };
    const clipped = [...document.querySelectorAll<HTMLElement>(".topnav, .topnav__link, .topbar__end > *")]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.className || el.tagName);
    const boxes = Object.entries(parts).map(([name, el]) => [name, el.getBoundingClientRect()] as const);
    const overlaps: string[] = [];
    for (const [i, [a, ra]] of boxes.entries()) {
      for (const [b, rb] of boxes.slice(i + 1)) {
        if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1) overlaps.push(`${a}/${b}`);
      }
    }
    return { box: parts.search.getBoundingClientRect().width, clipped, overlaps };
  });
}

/** The owner reads the console in English; Oksana, an agent, in Ukrainian (her profile's language and her browser's). */
const languages = [
  { locale: "en" as const, catalogue: en as Catalogue },
  { locale: "uk" as const, catalogue: uk as Catalogue },
];

/** A new browser session signed in as Oksana, in Ukrainian, in Kyiv. */
async function signedInAsOksana(t: Catalogue): Promise<Page> {
  const page = await harness!.page({ locale: "uk-UA", timeZone: "Europe/Kyiv" });
  await page.goto("/login");
  await page.getByLabel(t.login.slug).fill(slug);
  await page.getByLabel(t.login.email).fill(agentEmail);
  await page.getByLabel(t.login.password).fill(PASSWORD);
  await page.getByRole("button", { name: t.login.submit }).click();
  await page.waitForURL(/\/workspace$/);
  await page.getByTestId("inbound-address").waitFor();
  return page;
}

describe.each(languages)("the console's search in $locale, in Chromium", ({ locale, catalogue: t }) => {
  const say = (message: string, values: Record<string, string | number>) => String(new IntlMessageFormat(message, locale).format(values));
  let page: Page;

  it("goes to the search box with /, finds a word in another form, marks it and opens the ticket", async () => {
    page = locale === "en" ? await harness!.signedIn(slug, ownerEmail, PASSWORD) : await signedInAsOksana(t);
    const box = page.getByRole("searchbox", { name: t.searchBox.label });
    await box.waitFor();
    await page.keyboard.press("/");
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await box.inputValue()).toBe("");
    // The ticket says "платежі" and "платіж"; the reader types the word as it comes.
    await page.keyboard.type("платіж");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/search");
    await searched(page, href({ q: "платіж" }));
    expect(await page.getByTestId("search-count").textContent()).toBe(say(t.search.count, { count: 2 }));
    expect(new Set(await subjects(page))).toEqual(new Set([tickets.payments.subject, tickets.refund.subject]));

    const result = page.getByTestId("search-result").filter({ hasText: tickets.payments.subject });
    expect(await result.getByTestId("search-result-link").locator("mark").allTextContents()).toEqual(["платежі"]);
    expect(await result.getByTestId("search-snippet").locator("blockquote mark").allTextContents()).toEqual(["платежі"]);
    expect(await result.getByTestId("search-snippet").locator("figcaption").textContent()).toContain(tickets.payments.requester.name);
    expect(await result.textContent()).toContain(`#${numbers.payments}`);
    expect(await result.locator(`[data-status="${statuses.payments}"]`).textContent()).toBe(t.vocab.status[statuses.payments]);
    await harness!.axe(page, `results in ${locale}`, ["phone", "dark"]);
    await page.screenshot({ path: `${SHOTS}/${locale}-results-desktop.png`, fullPage: true });

    await result.getByTestId("search-result-link").click();
    await page.waitForURL((url) => url.pathname === `/tickets/${ids.payments}`);
    await page.getByTestId("ticket-subject").filter({ hasText: tickets.payments.subject }).waitFor();
    await harness!.axe(page, `a ticket opened from the search, in ${locale}`);
    await page.goBack();
    await searched(page, href({ q: "платіж" }));
  });

  it("filters by status; Back undoes the filter, Forward and a reload keep it", async () => {
    await page.getByTestId("search-status").getByLabel(t.vocab.status.solved, { exact: true }).check();
    await searched(page, href({ q: "платіж", status: "solved" }));
    expect(await subjects(page)).toEqual([tickets.refund.subject]);
    expect(await page.getByTestId("search-count").textContent()).toBe(say(t.search.count, { count: 1 }));
    await harness!.axe(page, `results filtered by status, in ${locale}`);

    await page.goBack();
    await searched(page, href({ q: "платіж" }));
    expect(await subjects(page)).toHaveLength(2);
    expect(await page.getByTestId("search-status").getByLabel(t.vocab.status.solved, { exact: true }).isChecked()).toBe(false);
    await page.goForward();
    await searched(page, href({ q: "платіж", status: "solved" }));
    await page.reload();
    await searched(page, href({ q: "платіж", status: "solved" }));
    expect(await subjects(page)).toEqual([tickets.refund.subject]);
    expect(await page.getByLabel(t.search.query).inputValue()).toBe("платіж");
    expect(await page.getByTestId("search-status").getByLabel(t.vocab.status.solved, { exact: true }).isChecked()).toBe(true);
  });

  it("narrows the search to a customer it found by name, shown as a filter that can be removed", async () => {
    const query = page.getByLabel(t.search.query);
    await query.fill("Kovács");
    await query.press("Enter");
    // The words are new; the status filter stays, and her ticket is not solved.
    await searched(page, href({ q: "Kovács", status: "solved" }));
    await page.getByTestId("search-clear").click();
    await searched(page, href({ q: "Kovács" }));
    const customer = page.getByTestId("search-customer").filter({ hasText: tickets.számla.requester.name });
    expect(await customer.locator("mark").allTextContents()).toEqual(["Kovács"]);
    await harness!.axe(page, `a customer found, in ${locale}`, ["dark"]);
    await customer.click();
    await page.waitForURL((url) => url.searchParams.has("customerId") && !url.searchParams.has("q"));
    const customerId = new URL(page.url()).searchParams.get("customerId")!;
    await searched(page, href({ customerId }));
    expect(await subjects(page)).toEqual([tickets.számla.subject]);
    const chip = page.getByTestId("search-chip-customer");
    await chip.filter({ hasText: say(t.search.customerChip, { name: tickets.számla.requester.name }) }).waitFor();
    await harness!.axe(page, `the tickets of one customer, in ${locale}`, ["phone"]);
    await page.screenshot({ path: `${SHOTS}/${locale}-customer-filter.png`, fullPage: true });
    await chip.click();
    await searched(page, "/search");
    await page.getByText(t.search.prompt).waitFor();
    await harness!.axe(page, `the search page with nothing to search for, in ${locale}`);
  });

  it("says when nothing matches, and shows a refused range beside its field", async () => {
    const query = page.getByLabel(t.search.query);
    await query.fill("жирафа");
    await query.press("Enter");
    await searched(page, href({ q: "жирафа" }));
    await page.getByTestId("search-empty").filter({ hasText: say(t.search.emptyQuery, { query: "жирафа" }) }).waitFor();
    await harness!.axe(page, `nothing found, in ${locale}`);

    await page.goto(href({ q: "платіж", from: "2026-03-10", to: "2026-03-01" }));
    const to = page.locator("#search-to");
    await page.locator('#search-to[aria-invalid="true"]').waitFor();
    const said = await page.locator(`#${await to.getAttribute("aria-describedby")}`).textContent();
    // The API says it in the reader's language; the page shows it where the date is.
    expect(said).toBe(locale === "en" ? "The end date is before the start date" : "Кінцева дата раніша за початкову");
    expect(await page.locator("#search-q").getAttribute("aria-invalid")).toBeNull();
    await harness!.axe(page, `a refused date range, in ${locale}`);
  });

  it("keeps the top bar's box whole beside the navigation at every desktop width, in every language", async () => {
    await page.goto("/tickets");
    await page.locator('[data-testid="queue"][data-loaded]').waitFor();
    // The other languages' words are as long or longer (Russian, Kazakh, Hungarian): the agent reads the console in
    // each in turn, through the language menu, and back in their own.
    const shown = locale === "uk" ? (["ru", "kk", "hu", "uk"] as const) : (["en"] as const);
    try {
      for (const language of shown) {
        if ((await page.evaluate(() => document.documentElement.lang)) !== language) {
          await page.locator(".locale-switcher__select").selectOption(language);
          await page.waitForFunction((l) => document.documentElement.lang === l, language);
        }
        for (const width of [1280, 1024, 880]) {
          await page.setViewportSize({ width, height: viewport.height });
          await page.locator(".topbar").screenshot({ path: `${SHOTS}/${language}-topbar-${width}.png` });
          const where = `${language} at ${width} px`;
          expect(await sideways(page), `sideways, ${where}: ${await widest(page)}`).toBe(0);
          const layout = await topBar(page);
          expect(layout.box, `the box, ${where}`).toBeGreaterThanOrEqual(140);
          expect(layout.clipped, `cut off, ${where}`).toEqual([]);
          expect(layout.overlaps, `overlapping, ${where}`).toEqual([]);
        }
      }
    } finally {
      await page.setViewportSize(viewport);
    }
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
  });

  it("fits a phone's width: the top bar's box, the folded filters and the results scroll only up and down", async () => {
    await page.setViewportSize(PHONE);
    try {
      await page.goto("/tickets");
      await page.locator('[data-testid="queue"][data-loaded]').waitFor();
      const box = page.getByRole("searchbox", { name: t.searchBox.label });
      expect((await box.boundingBox())!.width).toBeGreaterThan(300);
      expect(await sideways(page)).toBe(0);
      await harness!.axe(page, `the queue at a phone's width with the search box, in ${locale}`);
      await page.screenshot({ path: `${SHOTS}/${locale}-phone-topbar.png` });

      await box.fill("платіж");
      await box.press("Enter");
      await searched(page, href({ q: "платіж" }));
      expect(await page.getByTestId("search-result").count()).toBe(2);
      expect(await sideways(page)).toBe(0);
      await page.screenshot({ path: `${SHOTS}/${locale}-phone-results.png`, fullPage: true });
      // The filters fold away behind a button on a phone.
      const toggle = page.getByTestId("search-filters-toggle");
      expect(await toggle.getAttribute("aria-expanded")).toBe("false");
      await toggle.click();
      await page.getByTestId("search-status").waitFor();
      expect(await sideways(page)).toBe(0);
      await harness!.axe(page, `the search's filters at a phone's width, in ${locale}`);
      await page.screenshot({ path: `${SHOTS}/${locale}-phone-filters.png`, fullPage: true });
    } finally {
      await page.setViewportSize(viewport);
    }
  });
});
