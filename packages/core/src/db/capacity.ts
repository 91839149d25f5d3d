import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/**
 * Counts the capacity units DynamoDB reports as consumed, for the benchmarks. When enabled, every request asks for
 * `ReturnConsumedCapacity: TOTAL` (DynamoDB Local reports it too) and the totals are summed here.
 */
let enabled = false;
let readUnits = 0;
let writeUnits = 0;

type Capacity = { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number };

function add(entry: Capacity | undefined, kind: "read" | "write", factor: number) {
  if (!entry) return;
  const read = entry.ReadCapacityUnits ?? (kind === "read" ? entry.CapacityUnits : 0) ?? 0;
  const write = entry.WriteCapacityUnits ?? (kind === "write" ? entry.CapacityUnits : 0) ?? 0;
  readUnits += read * factor;
  writeUnits += write * factor;
}

const transactional = new Set(["TransactWriteItemsCommand", "TransactGetItemsCommand"]);

const writeCommands = new Set([
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "TransactWriteItemsCommand",
  "BatchWriteItemCommand",
]);

export const CapacityMeter = {
  enable() {
    enabled = true;
  },
  reset() {
    readUnits = 0;
    writeUnits = 0;
  },
  read() {
    return { readUnits, writeUnits };
  },
  /**
   * `local`: the client talks to DynamoDB Local, which reports transactional items at the standard rate, while AWS
   * bills them double; the meter doubles them so that the figures are what AWS would charge.
   */
  attach(client: DynamoDBClient, local = false) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (!enabled) return next(args);
        const input = args.input as Record<string, unknown>;
        input.ReturnConsumedCapacity ??= "TOTAL";
        const result = await next(args);
        const output = result.output as { ConsumedCapacity?: Capacity | Capacity[] };
        const kind = writeCommands.has(context.commandName ?? "") ? "write" : "read";
        const consumed = output.ConsumedCapacity;
        const factor = local && transactional.has(context.commandName ?? "") ? 2 : 1;
        for (const entry of Array.isArray(consumed) ? consumed : [consumed]) add(entry, kind, factor);
        return result;
      },
      { step: "initialize", name: "frontlineCapacityMeter" },
    );
  },
};
