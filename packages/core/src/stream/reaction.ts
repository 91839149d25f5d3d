import type { Change } from "./change";

/**
 * Something that happens because the table changed: a letter queued, a count moved, a timer armed. Reactions are the
 * only way one module acts on another's changes (the module that made the change never imports them), and each is
 * idempotent by a key derived from the change, so a change delivered twice has one effect.
 */
export interface Reaction {
  /** Stable and unique: names the reaction in dead letters and in its idempotency keys. */
  name: string;
  /** The entities whose changes it reads (ElectroDB entity names); nothing else reaches it. */
  on: readonly string[];
  /** Skips changes it has nothing to do with, before any work (cheap, synchronous). */
  when?: (change: Change) => boolean;
  /**
   * Reacts to one change. Changes of one item reach it in the order they were written; changes of different items
   * may be handled at the same time.
   */
  each?: (change: Change) => Promise<void>;
  /** Reacts to a whole batch at once (aggregations: one write per counter per batch). */
  batch?: (changes: Change[]) => Promise<void>;
}

export function defineReaction(reaction: Reaction): Reaction {
  if (!reaction.each === !reaction.batch) throw new Error(`Reaction ${reaction.name} needs exactly one of each and batch`);
  return reaction;
}
