import { IntlMessageFormat } from "intl-messageformat";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { useDb } from "@frontline/core/db";
import { translationOf } from "@frontline/core/locale/errors";
import { Signup } from "@frontline/core/signup";
import { Staff } from "@frontline/core/staff";
import { Ticket } from "@frontline/core/ticket";
import type { Catalogue } from "../../web/src/i18n/en";
import { hu } from "../../web/src/i18n/hu";
import { kk } from "../../web/src/i18n/kk";
import { uk } from "../../web/src/i18n/uk";
import { startBrowserHarness, viewport, type BrowserHarness } from "../support/browser";
import { makeSignup } from "../support/factories";
import { actorOf } from "../support/workspace";

/**
 * The agent's main flow in Chromium in three more languages, two Cyrillic and one Latin: the browser's language picks
 * the console's, the agent signs in by the labels of that language, opens a ticket from the queue, is refused a ticket
 * without a subject in their words (the API's message, not only the page's), replies and solves it; every page passes
 * the axe check in that language.
 */
const PASSWORD = "a long enough passphrase";
/**
 * Dates and numbers as ICU's root locale writes them ("2026 M12 19", "-5 min"), which is what a browser without the
 * language's data shows unless the console borrows its neighbour's conventions (this Chromium has none for Kazakh:
 * web/src/i18n/format.ts).
 */
const ROOT_FORMATS = /\bM\d{1,2}\b|[+-]\d+ (s|min|hr|day)\b/;

/**
 * The selects among `selector` whose chosen option's words are wider than the room the select gives them (its width
 * less its padding, which holds the arrow): the reader sees them cut off.
 */
function cutShort(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((selects) => {
    const context = document.createElement("canvas").getContext("2d")!;
    return (selects as HTMLSelectElement[]).flatMap((select) => {
      const style = getComputedStyle(select);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.text ?? "";
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const needs = context.measureText(text).width;
      return needs > room + 0.5 ? [`${select.id || select.name}: "${text}" needs ${Math.ceil(needs)} px, has ${Math.floor(room)}`] : [];
    });
  });
}

let harness: BrowserHarness | undefined;

beforeAll(async () => {
  harness = await startBrowserHarness();
});

afterAll(async () => {
  await harness?.close();
});

const languages = [
  { locale: "uk" as const, browser: "uk-UA", zone: "Europe/Kyiv", catalogue: uk, agent: "Оксана Коваленко", subject: "Не проходить оплата карткою" },
  { locale: "kk" as const, browser: "kk-KZ", zone: "Asia/Almaty", catalogue: kk, agent: "Қайрат Сәрсенов", subject: "Картамен төлем өтпейді" },
  { locale: "hu" as const, browser: "hu-HU", zone: "Europe/Budapest", catalogue: hu, agent: "Kovács Eszter", subject: "Nem sikerül a kártyás fizetés" },
];

describe.each(languages)("the agent's day in $locale, in Chromium", ({ locale, browser, zone, catalogue, agent, subject }) => {
  const t = catalogue as Catalogue;
  const say = (message: string, values: Record<string, string>) => String(new IntlMessageFormat(message, locale).format(values));
  let page: Page;
  let slug = "";
  let agentEmail = "";
  let ownerActor: ReturnType<typeof actorOf>;

  beforeAll(async () => {
    const signup = makeSignup({ locale });
    slug = signup.slug;
    const created = await Signup.signup(signup);
    await useDb().entities.tenant.patch({ tenantId: created.tenant.tenantId }).set({ planId: "pro" }).go();
    const owner = actorOf(created.tenant.tenantId, created.staff);
    ownerActor = owner;
    agentEmail = `agent@${slug}.example`;
    const info = await withActor(owner, () =>
      Staff.create({ name: agent, email: agentEmail, role: "agent", departmentIds: created.staff.departmentIds, password: PASSWORD, locale }),
    );
    await withActor(actorOf(created.tenant.tenantId, info), () =>
      Ticket.create({ subject, body: "…", requester: { email: `customer@${slug}.example`, name: "Petro" }, assigneeId: info.staffId }),
    );
  });

  it("signs in by the labels of the browser's language", async () => {
    // The device is in New York: the console must tell times in the zone the agent chooses, not the device's.
    page = await harness!.page({ locale: browser, timeZone: "America/New_York" });
    await page.goto("/login");
    await page.getByRole("heading", { name: t.login.title }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
    await harness!.axe(page, `the sign-in page in ${locale}`, ["phone"]);
    await page.getByLabel(t.login.slug).fill(slug);
    await page.getByLabel(t.login.email).fill(agentEmail);
    await page.getByLabel(t.login.password).fill(PASSWORD);
    await page.getByRole("button", { name: t.login.submit }).click();
    await page.waitForURL(/\/workspace$/);
    await page.getByTestId("inbound-address").waitFor();
    await page.getByTestId("trial-ends").waitFor();
    expect(await page.locator("main").innerText()).not.toMatch(ROOT_FORMATS);
    await harness!.axe(page, `the workspace page in ${locale}`);
  });

  it("sets the time zone the agent's mail tells times in, on their profile", async () => {
    await page.getByLabel(t.profile.timeZone).selectOption(zone);
    await page.getByTestId("save-profile").click();
    await page.getByTestId("profile-status").filter({ hasText: t.profile.saved }).waitFor();
    const staff = await withActor(ownerActor, () => Staff.list());
    expect(staff.find((s) => s.email === agentEmail)).toMatchObject({ locale, timeZone: zone });
  });

  it("opens the agent's ticket from the queue", async () => {
    await page.getByRole("navigation", { name: t.nav.label }).getByRole("link", { name: t.nav.tickets }).click();
    await page.locator('[data-testid="queue"][data-loaded="/tickets"]').waitFor();
    await page.getByTestId("queue-row").filter({ hasText: subject }).waitFor();
    await harness!.axe(page, `the queue in ${locale}`, ["phone", "dark"]);
    // Each filter shows its whole choice, on a desktop and on a phone.
    for (const width of [viewport.width, 390]) {
      await page.setViewportSize({ width, height: viewport.height });
      expect(await cutShort(page, ".filters select"), `filters cut short at ${width} px`).toEqual([]);
    }
    await page.setViewportSize(viewport);
    await page.getByRole("link", { name: subject }).click();
    await page.getByTestId("ticket-subject").filter({ hasText: subject }).waitFor();
    expect(await page.getByTestId("ticket-status-badge").textContent()).toBe(t.vocab.status.open);
    expect(await page.locator("main").innerText()).not.toMatch(ROOT_FORMATS);
    // The message's time is told in the agent's zone (chosen on the profile), not in New York's.
    const time = page.locator(".message__time").first();
    const at = (await time.getAttribute("datetime"))!;
    // The hour as the zone reads it, with or without a leading zero (Hungarian writes 0:24 where English writes 00:24).
    const clock = (timeZone: string) => {
      const [hour, minute] = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(new Date(at)).split(":");
      return new RegExp(`(^|\\D)0?${Number(hour)}:${minute}(\\D|$)`);
    };
    expect(await time.getAttribute("title")).toMatch(clock(zone));
    expect(await time.getAttribute("title")).not.toMatch(clock("America/New_York"));
    await harness!.axe(page, `an open ticket in ${locale}`, ["phone"]);
  });

  it("is told what a new ticket lacks in the same language, as the API says it", async () => {
    await page.getByRole("navigation", { name: t.nav.label }).getByRole("link", { name: t.nav.tickets }).click();
    await page.locator('[data-testid="queue"][data-loaded="/tickets"]').waitFor();
    await page.getByTestId("new-ticket").click();
    await page.waitForURL(/\/tickets\/new$/);
    await page.getByTestId("requester-mode-email").click();
    await page.locator("#requester-email").fill(`someone@${slug}.example`);
    await page.getByTestId("create-ticket").click();
    const error = page.locator("#subject-error");
    await error.waitFor();
    expect(await error.textContent()).toContain(translationOf(locale, "Enter a subject"));
    await harness!.axe(page, `a refused new ticket in ${locale}`);
  });

  it("replies and solves the ticket, and the history says so in the same language", async () => {
    await page.getByRole("navigation", { name: t.nav.label }).getByRole("link", { name: t.nav.tickets }).click();
    await page.getByRole("link", { name: subject }).click();
    await page.getByTestId("ticket-subject").filter({ hasText: subject }).waitFor();
    const replies = { uk: "Доброго дня! Платіж уже пройшов.", kk: "Сәлеметсіз бе! Төлем өтті.", hu: "Jó napot! A fizetés már sikerült." };
    await page.getByTestId("composer-text").fill(replies[locale]);
    await page.getByTestId("send-and-set").click();
    await page.getByTestId("send-as-solved").click();
    await page.locator('[data-testid="ticket-status-badge"][data-status="solved"]').waitFor();
    expect(await page.getByTestId("ticket-status-badge").textContent()).toBe(t.vocab.status.solved);
    const changed = say(t.ticket.system.status, { name: agent, from: t.vocab.status.open, to: t.vocab.status.solved });
    await page.getByTestId("system-entry").filter({ hasText: changed }).waitFor();
    await harness!.axe(page, `a solved ticket in ${locale}`, ["phone", "dark"]);
  });
});
