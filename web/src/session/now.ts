import { createSignal, onCleanup, type Accessor } from "solid-js";

/**
 * The time now, ticking once a second, for countdowns. However many countdowns are on screen, one interval drives
 * them all; it runs only while at least one component uses it.
 */
const [now, setNow] = createSignal(Date.now());
let users = 0;
let interval: ReturnType<typeof setInterval> | undefined;

export const TICK_MS = 1000;

export function useNow(): Accessor<number> {
  if (users++ === 0) {
    setNow(Date.now());
    interval = setInterval(() => setNow(Date.now()), TICK_MS);
  }
  onCleanup(() => {
    if (--users === 0) {
      clearInterval(interval);
      interval = undefined;
    }
  });
  return now;
}
