/**
 * A button disabled while its work runs (Save, Send, Sign in) drops the keyboard's focus to the page when it is
 * disabled: the browser blurs it, and the next Tab starts again from the top. This gives the focus back to that
 * control when it is enabled again, if nothing else has taken the focus in the meantime. One listener for the whole
 * console, rather than each form minding its own button.
 */
export function keepFocus(document: Document): () => void {
  const lost = (element: HTMLElement) => {
    const watch = new MutationObserver(() => {
      if (!element.isConnected) return watch.disconnect();
      if ((element as HTMLButtonElement).disabled) return;
      watch.disconnect();
      const active = document.activeElement;
      if (!active || active === document.body) element.focus({ preventScroll: true });
    });
    watch.observe(element, { attributes: true, attributeFilter: ["disabled"] });
    // Whatever the person focuses next (a click, a Tab) ends the watch.
    document.addEventListener("focusin", () => watch.disconnect(), { once: true });
  };
  const onFocusOut = (event: FocusEvent) => {
    const element = event.target;
    if (event.relatedTarget !== null || !(element instanceof HTMLElement)) return;
    if ((element as HTMLButtonElement).disabled) lost(element);
  };
  document.addEventListener("focusout", onFocusOut, true);
  return () => document.removeEventListener("focusout", onFocusOut, true);
}
