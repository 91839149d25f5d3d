import { onCleanup } from "solid-js";

const STACKED = "topbar__inner--stacked";
const COMPACT = "topbar__inner--compact";
/** Narrower than this, the search box is too short for a word and a half: it takes a row of its own instead. */
const SEARCH_MIN_WIDTH = 160;

/**
 * Whether the top bar's parts fit one row depends on the window and on the words: Russian and Hungarian ones are long,
 * so are some names. No breakpoint can know them, so the bar is measured: one row that would overflow (or squeeze the
 * search box) becomes two ("stacked": the brand and the person above, the navigation and the search box below), and
 * two still too full show the person by their initials and leave out the workspace's name ("compact"). A phone's
 * layout (styles.css, ≤ 860 px) has rows of its own.
 */
export function fitTopbar(row: HTMLElement): void {
  row.classList.remove(STACKED, COMPACT);
  if (!tooWide(row)) return;
  row.classList.add(STACKED);
  if (tooWide(row)) row.classList.add(COMPACT);
}

function tooWide(row: HTMLElement): boolean {
  if (row.scrollWidth > row.clientWidth + 1) return true;
  const search = row.querySelector<HTMLElement>(".topbar__search");
  if (search && search.getBoundingClientRect().width < SEARCH_MIN_WIDTH) return true;
  // Two rows that wrapped into three: the person below the brand, or the search box below the navigation.
  const top = (selector: string) => row.querySelector<HTMLElement>(selector)?.getBoundingClientRect().top;
  const [brand, end, nav] = [top(".topbar__brand"), top(".topbar__end"), top(".topnav")];
  const below = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && a > b + 20;
  return row.classList.contains(STACKED) && (below(end, brand) || (search !== null && below(search.getBoundingClientRect().top, nav)));
}

/**
 * Keeps `row` fitted while it lives: when the window's width changes, and when its words do (another language, the
 * unassigned count, the search box left out on the search page). Both observers report before the next paint.
 */
export function keepTopbarFitted(row: HTMLElement): void {
  if (typeof ResizeObserver === "undefined" || typeof MutationObserver === "undefined") return;
  let width = -1;
  const resized = new ResizeObserver(() => {
    // Stacking changes the row's height only; a change of width is what can change the fit.
    if (row.clientWidth === width) return;
    width = row.clientWidth;
    fitTopbar(row);
  });
  const changed = new MutationObserver(() => fitTopbar(row));
  resized.observe(row);
  changed.observe(row, { childList: true, subtree: true, characterData: true });
  onCleanup(() => {
    resized.disconnect();
    changed.disconnect();
  });
}
