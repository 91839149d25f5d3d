import { AsyncLocalStorage } from "node:async_hooks";
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

/** What one piece of work (a request, say) asked of DynamoDB: calls by command, and the size of each transaction. */
export interface CallCount {
  calls: number;
  byCommand: { [command: string]: number };
  /** Items in each TransactWriteItems, in order. */
  transactionItems: number[];
  /** The keys of each TransactWriteItems' items, with the kind of write (for tests of what a change touches). */
  transactions: { kind: "Put" | "Update" | "Delete" | "ConditionCheck"; key: { [name: string]: unknown }; conditional: boolean }[][];
}

const counting = new AsyncLocalStorage<CallCount>();

/**
 * Counts the DynamoDB calls made inside `fn` (and what it awaits), for the benchmark's calls-per-request column and
 * for tests of the request paths' budgets.
 */
export const CallMeter = {
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; count: CallCount }> {
    const count: CallCount = { calls: 0, byCommand: {}, transactionItems: [], transactions: [] };
    const result = await counting.run(count, fn);
    return { result, count };
  },
  attach(client: DynamoDBClient) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const count = counting.getStore();
        if (count) {
          const command = (context.commandName ?? "unknown").replace(/Command$/, "");
          count.calls++;
          count.byCommand[command] = (count.byCommand[command] ?? 0) + 1;
          if (command === "TransactWriteItems") {
            const items = ((args.input as { TransactItems?: { [kind: string]: { Key?: object; Item?: { pk: unknown; sk: unknown }; ConditionExpression?: string } }[] }).TransactItems ?? []);
            count.transactionItems.push(items.length);
            count.transactions.push(
              items.map((entry) => {
                const [kind, op] = Object.entries(entry)[0]! as ["Put" | "Update" | "Delete" | "ConditionCheck", { Key?: { [name: string]: unknown }; Item?: { [name: string]: unknown }; ConditionExpression?: string }];
                const key = op.Key ?? { pk: op.Item?.pk, sk: op.Item?.sk };
                return { kind, key, conditional: Boolean(op.ConditionExpression) };
              }),
            );
          }
        }
        return next(args);
      },
      { step: "initialize", name: "frontlineCallMeter" },
    );
  },
};
