/**
 * The console's search box: the top bar's, or on the search page the page's own (each marked data-search-box). "/"
 * puts the keyboard there with its words selected, so that typing starts a new search and an arrow edits the old one.
 */
export function focusSearchBox(): boolean {
  const box = document.querySelector<HTMLInputElement>("input[data-search-box]");
  if (!box) return false;
  box.focus();
  box.select();
  return true;
}
