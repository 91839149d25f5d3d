import { For, Show } from "solid-js";
import { split } from "@frontline/core/notification/mention";
import { useDirectory } from "../session/directory";

/**
 * A note's text with its @mentions of colleagues marked, as the server reads them (the same rules: full name, the
 * local part of the address, or a first name no colleague shares): the people a note told are plain to see.
 */
export function MentionText(props: { body: string }) {
  const directory = useDirectory();
  const parts = () => split(props.body, (directory.staff.latest ?? []).filter((s) => s.status === "active"));
  return (
    <For each={parts()}>
      {(part) => (
        <Show when={part.staffId} fallback={part.text}>
          <mark class="mention" data-testid="mention">
            {part.text}
          </mark>
        </Show>
      )}
    </For>
  );
}
