import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Work that reads a whole table on purpose (filling a new search index), declared as such: no request path scans,
 * and the guard that enforces it (packages/local/bench/no-scan.ts, in every test and the bench) lets a scan through
 * only inside a task named here.
 */
const task = new AsyncLocalStorage<string>();

export function asMaintenance<T>(name: string, fn: () => Promise<T>): Promise<T> {
  return task.run(name, fn);
}

/** The maintenance task the current code runs in, if any. */
export function maintenanceTask(): string | undefined {
  return task.getStore();
}
