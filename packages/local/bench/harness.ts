import { performance } from "node:perf_hooks";
import { CapacityMeter } from "@frontline/core/db";

export interface Row {
  operation: string;
  ops: number;
  concurrency: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  readUnitsPerOp: number;
  writeUnitsPerOp: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/**
 * Runs `op` `total` times with `concurrency` callers in flight, timing each call and reading the DynamoDB capacity
 * consumed meanwhile. `op(i)` resolves to true on success.
 */
export async function measure(operation: string, total: number, concurrency: number, op: (i: number) => Promise<boolean>): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  CapacityMeter.reset();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const ok = await op(i).catch(() => false);
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
    ops: total,
    concurrency,
    opsPerSecond: total / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    readUnitsPerOp: readUnits / total,
    writeUnitsPerOp: writeUnits / total,
    errors,
  };
}

export function table(rows: Row[]): string {
  const header = ["operation", "ops", "conc", "ops/s", "p50 ms", "p99 ms", "RCU/op", "WCU/op", "errors"];
  const body = rows.map((r) => [
    r.operation,
    String(r.ops),
    String(r.concurrency),
    r.opsPerSecond.toFixed(1),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    r.readUnitsPerOp.toFixed(2),
    r.writeUnitsPerOp.toFixed(2),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ") + " |";
  return [line(header), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...body.map(line)].join("\n");
}
