/**
 * Puts `text` where the cursor of `field` is (over what is selected), hands the new value to `apply`, then puts the
 * cursor after the inserted text. A field that lost focus keeps its selection, so this works after a click elsewhere.
 */
export function insertAtCursor(field: HTMLInputElement | HTMLTextAreaElement, value: string, text: string, apply: (next: string) => void): void {
  const start = Math.min(field.selectionStart ?? value.length, value.length);
  const end = Math.min(field.selectionEnd ?? value.length, value.length);
  apply(value.slice(0, start) + text + value.slice(end));
  queueMicrotask(() => {
    field.focus();
    field.setSelectionRange(start + text.length, start + text.length);
  });
}
