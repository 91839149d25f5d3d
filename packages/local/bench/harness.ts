import { performance } from "node:perf_hooks";
import { CapacityMeter, type CallCount } from "@frontline/core/db";

/**
 * What the API requests of a measurement asked of DynamoDB, as the runtime's meter reports them (startRuntime's
 * meterRequests): calls per request, and the items of each transaction.
 */
export const RequestMeter = {
  requests: 0,
  calls: 0,
  transactions: [] as number[],
  record(count: CallCount) {
    RequestMeter.requests++;
    RequestMeter.calls += count.calls;
    RequestMeter.transactions.push(...count.transactionItems);
  },
  reset() {
    RequestMeter.requests = 0;
    RequestMeter.calls = 0;
    RequestMeter.transactions = [];
  },
};

export interface Row {
  operation: string;
  /** Tickets in the tenant the operation ran against (ticket rows). */
  tickets?: number;
  ops: number;
  concurrency: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  readUnitsPerOp: number;
  writeUnitsPerOp: number;
  /** DynamoDB calls per API request, and items per transaction (mean), when the runtime's meter saw requests. */
  callsPerRequest?: number;
  itemsPerTransaction?: number;
  errors: number;
  /** The first failure, when an operation threw one. */
  firstError?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/**
 * Runs `op` `total` times with `concurrency` callers in flight, timing each call and reading the DynamoDB capacity
 * consumed meanwhile. `op(i)` resolves to true on success.
 */
export async function measure(
  operation: string,
  total: number,
  concurrency: number,
  op: (i: number) => Promise<boolean>,
  options: { tickets?: number } = {},
): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  CapacityMeter.reset();
  RequestMeter.reset();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const ok = await op(i).catch((error: unknown) => {
          firstError ??= error instanceof Error ? error.message : String(error);
          return false;
        });
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const { readUnits, writeUnits } = CapacityMeter.read();
  latencies.sort((a, b) => a - b);
  return {
    operation,
    ...(options.tickets === undefined ? {} : { tickets: options.tickets }),
    ops: total,
    concurrency,
    opsPerSecond: total / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    readUnitsPerOp: readUnits / total,
    writeUnitsPerOp: writeUnits / total,
    ...(RequestMeter.requests ? { callsPerRequest: RequestMeter.calls / RequestMeter.requests } : {}),
    ...(RequestMeter.transactions.length ? { itemsPerTransaction: RequestMeter.transactions.reduce((a, b) => a + b, 0) / RequestMeter.transactions.length } : {}),
    errors,
    ...(firstError === undefined ? {} : { firstError }),
  };
}

/** "1k", "100k", "2.5k", "300". */
export function size(tickets: number): string {
  if (tickets >= 1_000_000 && tickets % 100_000 === 0) return `${tickets / 1_000_000}M`;
  if (tickets >= 1000 && tickets % 100 === 0) return `${tickets / 1000}k`;
  return String(tickets);
}

export function table(rows: Row[]): string {
  const sized = rows.some((r) => r.tickets !== undefined);
  const header = ["operation", ...(sized ? ["tickets"] : []), "ops", "conc", "ops/s", "p50 ms", "p99 ms", "calls/req", "items/tx", "RCU/op", "WCU/op", "errors"];
  const body = rows.map((r) => [
    r.operation,
    ...(sized ? [r.tickets === undefined ? "" : size(r.tickets)] : []),
    String(r.ops),
    String(r.concurrency),
    r.opsPerSecond.toFixed(1),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    r.callsPerRequest === undefined ? "" : r.callsPerRequest.toFixed(2),
    r.itemsPerTransaction === undefined ? "" : r.itemsPerTransaction.toFixed(1),
    r.readUnitsPerOp.toFixed(2),
    r.writeUnitsPerOp.toFixed(2),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ") + " |";
  return [line(header), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...body.map(line)].join("\n");
}
