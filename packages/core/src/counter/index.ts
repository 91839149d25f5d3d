import { useDb } from "../db/service";

/**
 * Takes the next value of a tenant's sequence (1, 2, 3...) with one atomic increment, outside any transaction so that
 * concurrent writers never conflict on it. A value taken by a write that then fails is skipped, never reused: numbers
 * are unique and increasing, with rare gaps.
 */
export async function next(tenantId: string, name: string): Promise<number> {
  const result = await useDb()
    .entities.counter.update({ tenantId, name })
    .add({ value: 1 })
    .go({ response: "updated_new" });
  return result.data.value ?? 1;
}

/** Current values of the counters whose names start with `prefix`, by name (missing counters are 0). */
export async function read(tenantId: string, prefix: string): Promise<Map<string, number>> {
  const result = await useDb()
    .entities.counter.query.byName({ tenantId })
    .between({ name: prefix }, { name: `${prefix}\uffff` }) // not begins_with: DynamoDB Local scans the partition for it
    .go({ pages: "all" });
  return new Map(result.data.map((c) => [c.name, c.value]));
}

/** The change of each counter between two sets of counted keys (+1 for keys entered, -1 for keys left). */
export function delta(before: readonly string[], after: readonly string[]): Map<string, number> {
  const changes = new Map<string, number>();
  for (const key of before) changes.set(key, (changes.get(key) ?? 0) - 1);
  for (const key of after) changes.set(key, (changes.get(key) ?? 0) + 1);
  for (const [key, value] of changes) if (value === 0) changes.delete(key);
  return changes;
}

export * as Counter from "./index";
