import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergePage, type MergeSource, type Positions } from "./queue-merge";

/** DynamoDB orders keys by bytes; for these ASCII keys that is code-unit order. */
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Item {
  key: string;
  keep: boolean;
}

/** A sorted in-memory source that reads like an index partition with a filter: `limit` items read, matches returned. */
function source(items: Item[], reads: { count: number }): MergeSource<Item> {
  const sorted = [...items].sort((a, b) => byKey(a.key, b.key));
  return {
    async read(after, limit) {
      reads.count++;
      const start = after === null ? 0 : sorted.findIndex((i) => i.key > after);
      const from = start < 0 ? sorted.length : start;
      const window = sorted.slice(from, from + limit);
      return {
        items: window.filter((i) => i.keep),
        more: from + limit < sorted.length,
        last: window.length ? window[window.length - 1]!.key : null,
      };
    },
  };
}

const options = (limit: number) => ({
  limit,
  compare: (a: Item, b: Item) => byKey(a.key, b.key),
  positionOf: (item: Item) => item.key,
});

async function allPages(sources: MergeSource<Item>[], limit: number) {
  const seen: Item[] = [];
  let positions: Positions | undefined;
  for (let page = 0; page < 1000; page++) {
    const result = await mergePage(sources, positions, options(limit));
    expect(result.items.length).toBeLessThanOrEqual(limit);
    seen.push(...result.items);
    positions = result.positions;
    if (result.done) return seen;
  }
  throw new Error("did not finish");
}

describe("mergePage", () => {
  it("pages through the sorted union of every source, filtered, skipping nothing and repeating nothing", async () => {
    const item = fc.record({ key: fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 6 }), keep: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uniqueArray(item, { selector: (i) => i.key, maxLength: 40 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 30 }),
        async (lists, limit) => {
          // Keys are unique across sources, as ticket ids are.
          const tagged = lists.map((list, s) => list.map((i) => ({ ...i, key: `${i.key}~${s}` })));
          const expected = tagged.flat().filter((i) => i.keep).map((i) => i.key).sort(byKey);
          const reads = { count: 0 };
          const got = await allPages(tagged.map((list) => source(list, reads)), limit);
          expect(got.map((i) => i.key)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads about one page's worth of items for a page, however long the sources are", async () => {
    const reads = { count: 0 };
    let read = 0;
    const long = (s: number): MergeSource<Item> => {
      const inner = source(Array.from({ length: 100_000 }, (_, i) => ({ key: `${String(i).padStart(6, "0")}~${s}`, keep: true })), reads);
      return { read: async (after, limit) => ((read += limit), inner.read(after, limit)) };
    };
    const result = await mergePage([long(0), long(1), long(2), long(3)], undefined, options(25));
    expect(result.items).toHaveLength(25);
    expect(read).toBeLessThanOrEqual(25 * 3);
  });
});
