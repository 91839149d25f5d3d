/**
 * Runs `task` on every item, `concurrency` at a time (a slow one holds up one worker, not a group), and settles each:
 * a failure is that item's alone. The results are in the items' order.
 */
export async function settleEach<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<PromiseSettledResult<void>[]> {
  const results: PromiseSettledResult<void>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      results[i] = await task(items[i]!).then(
        () => ({ status: "fulfilled", value: undefined }) as const,
        (reason: unknown) => ({ status: "rejected", reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
