import { AsyncLocalStorage } from "node:async_hooks";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Table } from "./table";

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
        if (local && context.commandName === "TransactWriteItemsCommand") {
          // DynamoDB Local reports a whole transaction as one of its writes (1, 2, 4 or 25 like puts: the same
          // units), so the meter sizes the writes itself.
          writeUnits += transactionWriteUnits(input.TransactItems as TransactItem[] | undefined);
          return result;
        }
        const consumed = output.ConsumedCapacity;
        const factor = local && transactional.has(context.commandName ?? "") ? 2 : 1;
        for (const entry of Array.isArray(consumed) ? consumed : [consumed]) add(entry, kind, factor);
        return result;
      },
      { step: "initialize", name: "frontlineCapacityMeter" },
    );
  },
};

type TransactItem = { [kind: string]: { Item?: { [name: string]: unknown }; Key?: { [name: string]: unknown }; ExpressionAttributeValues?: { [name: string]: unknown } } };

const MARSHALLED = new Set(["S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"]);

/** An attribute value's size as DynamoDB counts it (UTF-8 bytes of strings, about half a byte a digit, 3 bytes a map or list). */
function valueSize(value: unknown): number {
  if (value === null || value === undefined || typeof value === "boolean") return 1;
  if (typeof value === "string") return Buffer.byteLength(value);
  if (typeof value === "number" || typeof value === "bigint") return Math.ceil(String(value).replace(/[-.]/g, "").length / 2) + 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + valueSize(v), 0);
  if (value instanceof Set) return [...value].reduce((n: number, v) => n + valueSize(v), 0);
  const entries = Object.entries(value as { [key: string]: unknown });
  // A marshalled value ({ S: "..." }) as the client's middleware may see it.
  if (entries.length === 1 && MARSHALLED.has(entries[0]![0])) {
    const [type, inner] = entries[0]!;
    if (type === "N") return valueSize(Number(inner));
    if (type === "M") return 3 + Object.entries(inner as object).reduce((n, [k, v]) => n + Buffer.byteLength(k) + valueSize(v), 0);
    if (type === "L") return 3 + (inner as unknown[]).reduce((n: number, v) => n + 1 + valueSize(v), 0);
    return valueSize(inner);
  }
  return 3 + entries.reduce((n, [k, v]) => n + Buffer.byteLength(k) + valueSize(v), 0);
}

/**
 * Write units of a TransactWriteItems as AWS bills them: per write, its size in KB rounded up, on the table and on
 * each index whose keys it holds, doubled for a transaction. A Put is sized by its item, an Update by its key and new
 * values (the item's other attributes are not in the request), a Delete or ConditionCheck as one unit.
 */
export function transactionWriteUnits(items: readonly TransactItem[] = []): number {
  let units = 0;
  for (const entry of items) {
    const [kind, op] = Object.entries(entry)[0] ?? [];
    if (!op) continue;
    if (kind !== "Put" && kind !== "Update") {
      units += 2;
      continue;
    }
    const attributes = kind === "Put" ? (op.Item ?? {}) : { ...op.Key, ...op.ExpressionAttributeValues };
    const size = Object.entries(attributes).reduce((n, [k, v]) => n + Buffer.byteLength(k) + valueSize(v), 0);
    const perCopy = Math.max(1, Math.ceil(size / 1024));
    const names = kind === "Put" ? new Set(Object.keys(attributes)) : undefined;
    const values = kind === "Update" ? JSON.stringify(op) : "";
    const indexes = Object.values(Table.globalIndexes).filter((index) =>
      names ? names.has(index.partitionKey) && names.has(index.sortKey) : values.includes(`"${index.partitionKey}"`),
    ).length;
    units += 2 * perCopy * (1 + indexes);
  }
  return units;
}

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
