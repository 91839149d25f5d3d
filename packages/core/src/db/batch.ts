import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import { useConfig } from "../config";
import { useDynamo } from "./client";

/** An entity's read of one item by its key, as ElectroDB builds it (`entity.get(key)`). */
interface KeyedRead {
  params(): { Key?: { [key: string]: unknown }; TableName?: string };
}

interface Parser {
  parse(response: { Item?: { [key: string]: unknown } }): { data: unknown };
}

/**
 * Reads items of different entities in one request (BatchGetItem, strongly consistent): what a request needs at its
 * start, such as the session and the workspace's configuration stamp, costs one call instead of one each.
 */
export async function getTogether<A, B>(a: { read: KeyedRead; entity: Parser }, b: { read: KeyedRead; entity: Parser }): Promise<[A | undefined, B | undefined]> {
  const keys = [a.read.params().Key!, b.read.params().Key!];
  const table = useConfig().tableName;
  let pending: { [key: string]: unknown }[] = keys;
  const found: { [key: string]: unknown }[] = [];
  for (let attempt = 0; pending.length; attempt++) {
    const result = await useDynamo().send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }));
    found.push(...(result.Responses?.[table] ?? []));
    pending = (result.UnprocessedKeys?.[table]?.Keys as { [key: string]: unknown }[] | undefined) ?? [];
    if (pending.length) await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
  }
  const match = (key: { [key: string]: unknown }) => found.find((item) => Object.entries(key).every(([k, v]) => item[k] === v));
  const itemA = match(keys[0]!);
  const itemB = match(keys[1]!);
  return [itemA ? ((a.entity.parse({ Item: itemA }).data ?? undefined) as A) : undefined, itemB ? ((b.entity.parse({ Item: itemB }).data ?? undefined) as B) : undefined];
}
