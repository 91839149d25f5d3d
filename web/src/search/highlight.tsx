import { For, Show } from "solid-js";
import type { Segment } from "../api/types";

/**
 * Text as the search returns it, with the words it found in <mark>. Built from the segments as text nodes only: a
 * subject or a message is the customer's writing, and never reaches the page as HTML.
 */
export function Highlighted(props: { segments: readonly Segment[] }) {
  return (
    <For each={props.segments}>
      {(segment) => (
        <Show when={segment.match} fallback={segment.text}>
          <mark class="hit">{segment.text}</mark>
        </Show>
      )}
    </For>
  );
}

/** The segments' text as one string (for a title, a name in a label). */
export const plainText = (segments: readonly Segment[]): string => segments.map((segment) => segment.text).join("");
