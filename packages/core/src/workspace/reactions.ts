import { changedAttributes, defineReaction, type Change } from "../stream";
import { CONFIG_ENTITIES, raiseStamps } from "./index";

/**
 * Attributes whose changes say nothing about the configuration. A staff member's last sign-in is not one of them: the
 * staff page reads it from the configuration, which would otherwise keep the time it was loaded at ("Never" for
 * someone who signs in every day). A sign-in is rare next to requests, so the reload it costs is small.
 */
const BOOKKEEPING = new Set(["updatedAt", "__edb_e__", "__edb_v__"]);

function configurationChanged(change: Change): boolean {
  if (!change.tenantId) return false;
  for (const name of changedAttributes(change)) if (!BOOKKEEPING.has(name)) return true;
  return false;
}

/** When a change was written, from the item's own time (ms), if it carries one. */
function writtenAt(change: Change): number | undefined {
  if (change.kind === "remove") return undefined; // the image is of the last write, not of the removal
  const image = change.after;
  const at = image?.updatedAt ?? image?.createdAt;
  const time = typeof at === "string" ? Date.parse(at) : NaN;
  return Number.isNaN(time) ? undefined : time;
}

/** A workspace's configuration changed: every process drops its copy (here, and by the stamp elsewhere). */
export const configChanged = defineReaction({
  name: "workspace.config-changed",
  on: CONFIG_ENTITIES,
  when: configurationChanged,
  async batch(changes) {
    await raiseStamps(changes.map((c) => ({ tenantId: c.tenantId!, writtenAt: writtenAt(c) })));
  },
});

export const reactions = [configChanged];
