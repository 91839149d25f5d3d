import { createSignal, onCleanup, onMount, type JSX } from "solid-js";

/**
 * The box a wide table scrolls in on a narrow screen. While it scrolls it is a named region in the Tab order, so that
 * a keyboard can scroll it too (arrow keys) and a screen reader says what it holds; while the table fits, it is a
 * plain box and no extra Tab stop.
 */
export function TableScroll(props: { children: JSX.Element } & ({ label: string; labelledBy?: never } | { labelledBy: string; label?: never })) {
  let box!: HTMLDivElement;
  const [scrolls, setScrolls] = createSignal(false);
  onMount(() => {
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth);
    measure();
    // Absent in some test DOMs: the box is then measured once.
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    onCleanup(() => observer.disconnect());
  });
  return (
    <div
      ref={box}
      class="table-wrap"
      role={scrolls() ? "region" : undefined}
      aria-label={scrolls() ? props.label : undefined}
      aria-labelledby={scrolls() ? props.labelledBy : undefined}
      tabindex={scrolls() ? 0 : undefined}
    >
      {props.children}
    </div>
  );
}
