/**
 * A page of the merge of several sorted sources (index partitions), reading about a page's worth of items in all.
 *
 * Each source is read in chunks from a position (null: its start); an item becomes that source's new position once it
 * is on the page. A page ends when it is full, when every source is exhausted, or when a source could not produce an
 * item within its read budget (a filter that matches little): the page is then shorter, and the next page goes on
 * from the positions reached, so nothing is skipped and nothing shown twice.
 */

export interface Chunk<T> {
  items: T[];
  /** False when the source has nothing after what was read. */
  more: boolean;
  /** The position after the last item read, matched by a filter or not (so that reading makes progress). */
  last: string | null;
}

export interface MergeSource<T> {
  read(after: string | null, limit: number): Promise<Chunk<T>>;
}

/** Where each source stands: null (not started), a position, or 0 (done). */
export type Positions = (string | null | 0)[];

export interface MergeOptions<T> {
  limit: number;
  /** Negative when `a` comes before `b` on the page. */
  compare: (a: T, b: T) => number;
  /** The position just after `item` in its source. */
  positionOf: (item: T) => string;
  /** Reading rounds at most, so that a sparse filter cannot make one page expensive. */
  maxRounds?: number;
}

interface State<T> {
  source: MergeSource<T>;
  position: string | null | 0;
  buffer: T[];
  more: boolean;
}

export async function mergePage<T>(
  sources: readonly MergeSource<T>[],
  positions: Positions | undefined,
  options: MergeOptions<T>,
): Promise<{ items: T[]; positions: Positions; done: boolean }> {
  const { limit, compare, positionOf } = options;
  const maxRounds = options.maxRounds ?? 8;
  const states: State<T>[] = sources.map((source, i) => {
    const position = positions?.[i] ?? null;
    return { source, position, buffer: [], more: position !== 0 };
  });
  const chunk = Math.max(4, Math.ceil(limit / Math.max(1, sources.length)) + 2);
  const items: T[] = [];

  for (let round = 0; round < maxRounds && items.length < limit; round++) {
    const empty = states.filter((s) => s.buffer.length === 0 && s.more);
    await Promise.all(
      empty.map(async (s) => {
        const result = await s.source.read(s.position === 0 ? null : s.position, round === 0 ? chunk : chunk * 2);
        s.buffer = result.items;
        s.more = result.more;
        if (!result.items.length && result.last) s.position = result.last;
      }),
    );
    // A source that still has more but produced nothing (its filter matched none of what it read) must be read again
    // before anything can be placed: an item of it could come first.
    const starved = states.some((s) => s.buffer.length === 0 && s.more);
    if (starved) continue;
    while (items.length < limit) {
      let best: State<T> | undefined;
      for (const s of states) {
        if (s.buffer.length && (!best || compare(s.buffer[0]!, best.buffer[0]!) < 0)) best = s;
      }
      if (!best) break;
      const item = best.buffer.shift()!;
      items.push(item);
      best.position = positionOf(item);
      if (best.buffer.length === 0 && best.more) break; // refill this source before comparing again
    }
    if (states.every((s) => s.buffer.length === 0 && !s.more)) break;
  }

  const next: Positions = states.map((s) => (s.buffer.length === 0 && !s.more ? 0 : s.position));
  return { items, positions: next, done: next.every((p) => p === 0) };
}
