import { onConfigChange } from "@frontline/core/config";
import { maintenanceTask, useDynamo } from "@frontline/core/db";

/**
 * "No request path scans" (DESIGN.md), enforced: once installed, every ScanCommand the core's DynamoDB client would
 * send is refused before it leaves the process (the request fails) and recorded, so that a bench run or a test can
 * fail loudly. The client is rebuilt when the configuration changes (a new runtime, a test table): the guard follows.
 */

interface Stack {
  add(middleware: unknown, options: { step: "initialize"; name: string; override?: boolean }): void;
}

const seen: { command: string; table?: string; index?: string; at: string }[] = [];
const guarded = new WeakSet<object>();
let installed = false;

export class ScanRefused extends Error {
  constructor(table: string | undefined, index: string | undefined) {
    super(`A ScanCommand was sent (table ${table ?? "?"}${index ? `, index ${index}` : ""}): no request path may scan`);
    this.name = "ScanRefused";
  }
}

function guard(client: { middlewareStack: unknown }): void {
  const stack = client.middlewareStack as Stack;
  if (guarded.has(stack as object)) return;
  guarded.add(stack as object);
  stack.add(
    (next: (args: { input: object }) => Promise<unknown>, context: { commandName?: string }) => async (args: { input: object }) => {
      // A scan inside a declared maintenance task (core/db/maintenance.ts) is not a request path's.
      if (context.commandName === "ScanCommand" && !maintenanceTask()) {
        const input = args.input as { TableName?: string; IndexName?: string };
        seen.push({ command: context.commandName, table: input.TableName, index: input.IndexName, at: new Error().stack ?? "" });
        throw new ScanRefused(input.TableName, input.IndexName);
      }
      return next(args);
    },
    { step: "initialize", name: "frontlineNoScan", override: true },
  );
}

export const NoScan = {
  /** Guards the core's client now and every client it builds after a configuration change. Idempotent. */
  install(): void {
    guard(useDynamo());
    if (installed) return;
    installed = true;
    onConfigChange(() => guard(useDynamo()));
  },
  /** Scans attempted since the last reset. */
  attempts() {
    return [...seen];
  },
  reset(): void {
    seen.length = 0;
  },
  /** Throws if any scan was attempted. */
  assertNone(): void {
    if (seen.length) {
      throw new Error(`${seen.length} ScanCommand(s) were attempted; the first from:\n${seen[0]!.at}`);
    }
  },
};
