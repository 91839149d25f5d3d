import type { Page } from "playwright-core";

/**
 * Visible focus (WCAG 2.4.7, with 2.4.11's contrast): axe cannot see a focus ring, so this walks the page with Tab
 * as a keyboard user does and looks at each element it lands on.
 */

/** What the keyboard landed on, and how its ring looks. */
interface Landing {
  element: string;
  /** The ring's width in px, 0 when there is none. */
  width: number;
  /** Its contrast against what is behind it. */
  contrast: number;
  /** Focus has come round to the first element again. */
  again: boolean;
}

/** The first element of a walk, kept in the page to know when focus comes round to it. */
const FIRST = "__focusWalkFirst";

/**
 * Presses Tab from the top of `page` until focus comes round again (at most 80 times), in each of `schemes`, and
 * fails on any element that shows no ring at least 2 px wide, on itself or on the box of the compound control it is
 * in, in a colour of at least 3:1 against the background next to the ring.
 */
export async function assertFocusVisible(page: Page, state: string, schemes: ("light" | "dark")[] = ["light"]): Promise<void> {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    try {
      await walk(page, `${state}, ${scheme}`);
    } finally {
      await page.emulateMedia({ colorScheme: "light" });
    }
  }
}

async function walk(page: Page, state: string, max = 80): Promise<void> {
  await page.evaluate((first) => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.getSelection()?.removeAllRanges();
    delete (window as unknown as Record<string, unknown>)[first];
  }, FIRST);
  const landings: Landing[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const landing = await page.evaluate(ringOf, FIRST);
    if (!landing) continue;
    if (landing.again) break;
    landings.push(landing);
  }
  if (landings.length === 0) throw new Error(`Focus: Tab reached nothing on ${page.url()} (${state})`);
  const unseen = landings.filter((l) => l.width < 2 || l.contrast < 3);
  if (unseen.length) {
    const lines = unseen.map((l) => `  ${l.element}: ${l.width ? `${l.width}px ring at ${l.contrast.toFixed(2)}:1` : "no ring"}`);
    throw new Error(`Focus not visible on ${new URL(page.url()).pathname} (${state}), ${unseen.length} of ${landings.length} stops:\n${lines.join("\n")}`);
  }
}

/** Runs in the page: the focused element and its ring (its own outline, or the nearest of three ancestors'). */
function ringOf(first: string): Landing | undefined {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || focused === document.body || focused.tagName === "IFRAME") return undefined;
  const walk = window as unknown as Record<string, unknown>;
  if (walk[first] === focused) return { element: "", width: 0, contrast: 0, again: true };
  walk[first] ??= focused;

  type Rgba = [number, number, number, number];
  const parse = (value: string): Rgba => {
    const n = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, value.startsWith("rgba") ? (n[3] ?? 1) : 1];
  };
  const over = (top: Rgba, under: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
  };
  /** The colour painted at `from`, its own background over its ancestors'. */
  const backgroundAt = (from: Element | null): Rgba => {
    const layers: Rgba[] = [];
    for (let el = from; el; el = el.parentElement) {
      const colour = parse(getComputedStyle(el).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    return layers.reduceRight<Rgba>((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  const luminance = ([r, g, b]: Rgba) => {
    const f = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (a: Rgba, b: Rgba) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
    return (x + 0.05) / (y + 0.05);
  };

  const name = (el: HTMLElement) => {
    const id = el.id ? `#${el.id}` : "";
    const testId = el.dataset.testid ? `[data-testid="${el.dataset.testid}"]` : "";
    const text = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${id}${testId}${text ? ` "${text}"` : ""}`;
  };
  let ringed: HTMLElement | null = focused;
  for (let depth = 0; ringed && depth < 4; depth++, ringed = ringed.parentElement) {
    const style = getComputedStyle(ringed);
    const width = style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth);
    if (width === 0) continue;
    // An outline drawn inside the element sits on its own background; outside, on its parent's.
    const behind = parseFloat(style.outlineOffset) < 0 ? backgroundAt(ringed) : backgroundAt(ringed.parentElement);
    const ring = over(parse(style.outlineColor), behind);
    return { element: name(focused), width, contrast: contrast(ring, behind), again: false };
  }
  return { element: name(focused), width: 0, contrast: 0, again: false };
}
