import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { IntlMessageFormat } from "intl-messageformat";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Department } from "@frontline/core/department";
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
import { actorOf } from "../support/workspace";

/**
 * The ticket page fits the screen it is on, from a phone held upright to a wide monitor: nothing scrolls sideways,
 * nothing reaches past the viewport, and a long subject, a long address and long words wrap or are cut with their
 * whole text at hand. The ticket is the hard case: its customer has other tickets (the side panel lists them), its
 * subject and the customer's address are long, and it is read in Hungarian and Kazakh, whose words are long. Its
 * history tells each change as a sentence in the reader's language. Every state passes the axe check.
 *
 * Screenshots of each width go to test/screenshots/ticket-layout/ (git-ignored) for a person to look at.
 */
const PASSWORD = "a long enough passphrase";
const SHOTS = join(resolve(dirname(fileURLToPath(import.meta.url)), "../screenshots"), "ticket-layout");
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
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

const languages = [
  {
    locale: "hu" as const,
    catalogue: hu,
    agent: "Szentgyörgyváriné Kovács-Eszterházy Erzsébet",
    subject:
      "Megszentségteleníthetetlenségeskedéseitekért a bankkártyás visszatérítés nem érkezett meg, pedig a számlázási osztály háromszor is visszaigazolta",
    department: "Pénzügyi és számlázási ügyfélkapcsolati osztály",
    tag: "visszatérítés",
  },
  {
    locale: "kk" as const,
    catalogue: kk,
    agent: "Нұрсұлтанқызы Әйгерімхан Қайратбекқызы",
    subject: "Қанағаттандырылмағандықтарыңыздан төлем картасы арқылы жасалған қайтарым әлі күнге дейін шотыма түспеді, көмектесіңізші",
    department: "Қаржы және есеп айырысу жөніндегі қызмет бөлімі",
    tag: "қайтарым",
  },
];

describe.each(languages)("the ticket page in $locale", ({ locale, catalogue, agent, subject, department, tag }) => {
  const t = catalogue as Catalogue;
  const say = (message: string, values: Record<string, string | number>) => String(new IntlMessageFormat(message, locale).format(values));
  let slug = "";
  let agentEmail = "";
  let ticketId = "";
  let page: Page;
  const email = `nagyon.hosszu.ugyfelszolgalati.cim.${locale}.megkereseshez@kulonlegesen-hosszu-tartomanynev-${locale}.example`;

  beforeAll(async () => {
    const signup = makeSignup({ locale });
    slug = signup.slug;
    const created = await Signup.signup(signup);
    const tenantId = created.tenant.tenantId;
    await useDb().entities.tenant.patch({ tenantId }).set({ planId: "pro" }).go();
    Workspace.changed(tenantId);
    const owner = actorOf(tenantId, created.staff);
    const payments = await withActor(owner, () => Department.create({ name: department }));
    agentEmail = `agent@${slug}.example`;
    const info = await withActor(owner, () =>
      Staff.create({ name: agent, email: agentEmail, role: "supervisor", departmentIds: [...created.staff.departmentIds, payments.departmentId], password: PASSWORD, locale }),
    );
    const me = actorOf(tenantId, info);
    const requester = { email, name: "Marta Customer" };
    // The customer's other tickets, which the side panel lists.
    for (const other of [`${subject} (1)`, `${subject} (2)`, "Rövid"]) {
      await withActor(me, () => Ticket.create({ subject: other, body: "…", requester }));
    }
    let ticket = await withActor(me, () => Ticket.create({ subject, body: `${subject}\n\n${"Hosszúszóhosszúszóhosszúszóhosszúszóhosszúszóhosszúszó ".repeat(3)}`, requester }));
    ticketId = ticket.ticketId;
    ticket = await withActor(me, () => Ticket.update(ticketId, { version: ticket.version, priority: "urgent", tags: ["vip", tag] }));
    ticket = await withActor(me, () => Ticket.update(ticketId, { version: ticket.version, departmentId: payments.departmentId, reason: subject }));
    await withActor(me, () => Ticket.update(ticketId, { version: ticket.version, assigneeId: owner.staffId }));
  });

  it("tells the ticket's history as sentences in the reader's language", async () => {
    page = await harness!.signedIn(slug, agentEmail, PASSWORD);
    await page.goto(`/tickets/${ticketId}`);
    await page.getByTestId("ticket-subject").filter({ hasText: subject }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
    await page.getByTestId("history").locator("summary").click();
    const items = page.getByTestId("history-item");
    await items.nth(3).waitFor();
    const told = (await items.allInnerTexts()).join("\n");
    const raised = say(t.eventText.priorityRaised, { name: agent, from: t.vocab.priority.normal, to: t.vocab.priority.urgent });
    expect(told).toContain(raised);
    expect(told).toContain(say(t.eventText.tagsAdded, { name: agent, count: 2, tags: `vip, ${tag}` }));
    expect(told).toContain(say(t.eventText.reason, { reason: subject }));
    expect(told).toContain(department);
    expect(told).toContain("Olga Owner");
    // Sentences, not codes, ids or data.
    expect(told).not.toMatch(/ticket\.|assigneeId|departmentId|[{}]|urgent\b/);
    for (const id of [ticketId]) expect(told).not.toContain(id);
    await harness!.axe(page, `a ticket's history in ${locale}`, ["phone", "dark"]);
  });

  it.each(WIDTHS)("fits at $width px, with the subject, composer, status and customer panel at hand", async (size) => {
    await page.setViewportSize(size);
    await page.getByTestId("requester-panel").locator(".mini-list__item").nth(2).waitFor();
    // Let the layout settle at the new width.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const fit = await overflow(page);
    await page.screenshot({ path: join(SHOTS, `ticket-${locale}-${size.width}.png`), fullPage: true });
    expect(fit.outside, `outside the viewport at ${size.width} px`).toEqual([]);
    expect(fit.scrollWidth, `document at ${size.width} px`).toBeLessThanOrEqual(fit.innerWidth);
    // The parts a person works with are there and within reach.
    for (const part of ["ticket-subject", "composer-text", "requester-panel", "history"]) {
      const locator = page.getByTestId(part).first();
      await locator.scrollIntoViewIfNeeded();
      expect(await locator.isVisible(), `${part} at ${size.width} px`).toBe(true);
      const box = (await locator.boundingBox())!;
      expect(box.x, `${part} left at ${size.width} px`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${part} right at ${size.width} px`).toBeLessThanOrEqual(size.width + 0.5);
    }
    const status = page.getByLabel(t.ticket.status, { exact: true });
    await status.scrollIntoViewIfNeeded();
    expect(await status.isVisible()).toBe(true);
    // The whole subject and address are there to read: wrapped, or in the title of what cuts them short.
    const subjectText = await page.getByTestId("ticket-subject").innerText();
    expect(subjectText.replace(/\s+/g, " ")).toContain(subject);
    const address = page.getByTestId("requester-panel").locator(`a[href="mailto:${email}"]`);
    expect((await address.innerText()).includes(email) || (await address.getAttribute("title")) === email).toBe(true);
    // A select too narrow for its choice has the whole choice in its title.
    expect(await page.locator(`select[title="${department}"]`).count(), `the department's select at ${size.width} px`).toBe(1);
    const others = page.getByTestId("requester-panel").locator(".mini-list__link");
    for (const link of await others.all()) {
      const shown = await link.evaluate((element) => ({ cut: element.scrollWidth > element.clientWidth + 1, title: element.getAttribute("title"), text: element.textContent ?? "" }));
      if (shown.cut) expect(shown.title, `a cut-off ticket title at ${size.width} px`).toBeTruthy();
    }
    if (size.width === 390 || size.width === 1366) await harness!.axe(page, `the ticket page at ${size.width} px in ${locale}`);
  });
});
