import type { Page } from "playwright-core";

/**
 * What does not fit: the document wider than the window, and every visible element whose box reaches past the
 * viewport's sides without a scrolling box between it and the page that holds it (a table that scrolls in its own
 * frame is fine; the page itself is not).
 */
export function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; outside: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const clipped = (element: Element): boolean => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX)) {
          const box = parent.getBoundingClientRect();
          if (box.left >= -0.5 && box.right <= width + 0.5) return true;
        }
      }
      return false;
    };
    const outside: string[] = [];
    for (const element of document.querySelectorAll("body *")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(element);
      if (style.visibility === "hidden" || style.position === "fixed") continue;
      // Visually hidden labels (a 1 px clipped box) are for screen readers.
      if (box.width <= 1 && box.height <= 1) continue;
      if ((box.left < -0.5 || box.right > width + 0.5) && !clipped(element)) {
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.className && typeof element.className === "string" ? `.${element.className.trim().split(/\s+/).join(".")}` : ""}`;
        outside.push(`${name} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, outside: outside.slice(0, 20) };
  });
}
