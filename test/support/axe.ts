import { AxeBuilder } from "@axe-core/playwright";
import axe, { type Result } from "axe-core";
import type { Page } from "playwright-core";

/**
 * axe-core in the Chromium tests. A test calls `check` once a page shows a state worth checking (after a navigation,
 * an error shown, a dialog open); a serious or critical finding fails it there, with a report a person can act on.
 * Every page a session of the audit visits is recorded, and `assertCovered` fails the file when one of them was
 * never checked, so a new page in a test cannot slip past the audit.
 */

/** WCAG 2.0 and 2.1, levels A and AA, and axe's best practices (landmarks, headings, focusable scroll areas...). */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** The impacts that fail a test; moderate and minor findings are not errors of the kind the issue forbids. */
const FAILING = new Set(["serious", "critical"]);

/** A phone held upright (an iPhone 12 to 15's viewport). */
export const PHONE = { width: 390, height: 844 };

/** Other conditions a state is checked in, besides the session's own: a phone's width, the system's dark mode. */
export type Variant = "phone" | "dark";

/**
 * The app's routes with a parameter, so that every ticket counts as one page: `/tickets/:id` is checked once, not
 * each ticket a test opens. Any other path counts as itself.
 */
const ROUTES: [RegExp, string][] = [
  [/^\/tickets\/(?!new$)[^/]+$/, "/tickets/:id"],
  [/^\/invite\/[^/]+$/, "/invite/:token"],
  [/^\/admin\/sla\/policies\/(?!new$)[^/]+$/, "/admin/sla/policies/:id"],
  [/^\/admin\/sla\/calendars\/(?!new$)[^/]+$/, "/admin/sla/calendars/:id"],
  [/^\/operator\/workspaces\/[^/]+$/, "/operator/workspaces/:id"],
];

/** Addresses that only send the reader on (`/` to the workspace, `/admin/mail` to the received mail): no page. */
const REDIRECTS = new Set(["/", "/admin/mail", "/admin/sla"]);

/** The page a URL shows, as `ROUTES` names it. */
export function pageOf(url: string): string {
  const path = new URL(url).pathname;
  return ROUTES.find(([pattern]) => pattern.test(path))?.[1] ?? path;
}

/** A finding as a person reads it: the rule, its impact, what it asks, and where. */
export function describeFinding(finding: Result): string {
  const nodes = finding.nodes.map((node) => {
    const target = node.target.map((t) => (Array.isArray(t) ? t.join(" >> ") : t)).join(" | ");
    const summary = (node.failureSummary ?? "").replace(/\s*\n\s*/g, " ").trim();
    return `      ${target}\n        ${summary}`;
  });
  return [`  ${finding.id} [${finding.impact}] ${finding.help}`, `    ${finding.helpUrl}`, ...nodes].join("\n");
}

export class AccessibilityAudit {
  /** Pages visited by the audit's sessions, and the pages checked. */
  private readonly visited = new Set<string>();
  private readonly checked = new Set<string>();

  /** Records every page `page` shows, whether loaded or reached by the app's own navigation. */
  watch(page: Page): void {
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame() || !frame.url().startsWith("http")) return;
      const shown = pageOf(frame.url());
      if (!REDIRECTS.has(shown)) this.visited.add(shown);
    });
  }

  /**
   * Runs axe on `page` as it is now (`state` names it in a report), then in each of `variants`, restoring the
   * session's viewport and colour scheme after; throws on a serious or critical finding.
   */
  async check(page: Page, state: string, variants: Variant[] = []): Promise<void> {
    const where = pageOf(page.url());
    this.checked.add(where);
    await this.analyse(page, `${where} (${state})`);
    for (const variant of variants) {
      if (variant === "phone") {
        const viewport = page.viewportSize();
        await page.setViewportSize(PHONE);
        try {
          await this.analyse(page, `${where} (${state}) at ${PHONE.width}x${PHONE.height}`);
        } finally {
          if (viewport) await page.setViewportSize(viewport);
        }
      } else {
        await page.emulateMedia({ colorScheme: "dark" });
        try {
          await followsDarkScheme(page);
          await this.analyse(page, `${where} (${state}) in dark mode`);
        } finally {
          await page.emulateMedia({ colorScheme: "light" });
        }
      }
    }
  }

  /** Throws when a page visited by the audit's sessions was never checked. */
  assertCovered(): void {
    const missed = [...this.visited].filter((page) => !this.checked.has(page));
    if (missed.length) throw new Error(`Pages visited without an axe check: ${missed.join(", ")}`);
  }

  private async analyse(page: Page, label: string): Promise<void> {
    await settled(page);
    const results = await audit(page);
    const failing = results.violations.filter((v) => FAILING.has(v.impact ?? ""));
    if (failing.length) {
      throw new Error(`axe: ${failing.length} serious or critical finding(s) on ${label}:\n${failing.map(describeFinding).join("\n")}`);
    }
  }
}

/** Fails unless the page is painted dark: a dark-mode check of a light page would prove nothing. */
async function followsDarkScheme(page: Page): Promise<void> {
  const background = await page.evaluate(() =>
    [document.body, document.documentElement].map((el) => getComputedStyle(el).backgroundColor).find((c) => !/^rgba\(.*, 0\)$/.test(c)) ?? "",
  );
  const [r = 255, g = 255, b = 255] = background.match(/\d+/g)?.map(Number) ?? [];
  if ((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 > 0.25) {
    throw new Error(`${pageOf(page.url())} did not follow prefers-color-scheme: dark (its background is ${background})`);
  }
}

/**
 * axe on the page's own document. AxeBuilder sends axe-core's 600 kB source with every call (twice in its legacy
 * mode), which took 0.5 s a time on this machine: the source goes in once per document here, and AxeBuilder is given
 * a no-op source to send. Legacy mode runs axe in the page alone: the app's only frame is a received mail's sandboxed
 * HTML, which is the sender's, not the app's (the frame element itself, its title, is checked in the page).
 */
async function audit(page: Page) {
  const loaded = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === "function");
  if (!loaded) await page.evaluate(axe.source);
  return new AxeBuilder({ page, axeSource: ";" })
    .options({ resultTypes: ["violations"], iframes: false })
    .withTags(AXE_TAGS)
    .setLegacyMode()
    .analyze();
}

/**
 * Waits two frames (for what the page does when its size or scheme changes: resize observers, media queries) and
 * then for its finite CSS transitions and animations to end (a colour still fading after a change of scheme, a dialog
 * still moving in): axe measures the colours and positions it sees at that instant.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    );
  });
}
