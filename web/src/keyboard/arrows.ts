/**
 * Arrow keys in a group that is one Tab stop, as ARIA's radio group and tab list patterns have them: the arrows move
 * the choice (and the focus) to the next or previous item, wrapping at either end.
 */

/** The step `key` takes: ←/↑ back, →/↓ on (↑/↓ only where `upDown`, as in a radio group); none for other keys. */
export function arrowStep(key: string, upDown = true): -1 | 1 | undefined {
  if (key === "ArrowRight" || (upDown && key === "ArrowDown")) return 1;
  if (key === "ArrowLeft" || (upDown && key === "ArrowUp")) return -1;
  return undefined;
}

/** The item `step` places from `current` in `items`, wrapping round. */
export function stepped<T>(items: readonly T[], current: T, step: number): T {
  const index = Math.max(items.indexOf(current), 0);
  return items[(index + step + items.length) % items.length]!;
}
