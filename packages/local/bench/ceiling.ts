import { TransactWriteItemsCommand } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { useConfig } from "@frontline/core/config";
import { useDynamo } from "@frontline/core/db";

/**
 * DynamoDB Local's own ceiling, measured in the same run as what is compared with it: transactions sent straight to
 * the table, without the API or the core.
 */

/** A TransactWriteItems of `items` new items shaped like a new ticket's (straight to the table, no API, no core). */
export async function rawTransaction(i: number, items: number): Promise<boolean> {
  const tenantId = "bench-ceiling";
  const pad = "x".repeat(400);
  await useDynamo().send(
    new TransactWriteCommand({
      TransactItems: Array.from({ length: items }, (_, k) => ({
        Put: {
          TableName: useConfig().tableName,
          Item: { pk: `t#${tenantId}#raw#${i}`, sk: `item#${k}`, gsi1pk: `t#${tenantId}#q#${k}`, gsi1sk: `${i}`, body: pad, n: i },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      })),
    }),
  );
  return true;
}

export type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteItemsCommand>[0]["TransactItems"]>;

export const sortKey = (item: { [name: string]: unknown } | undefined) => {
  const sk = item?.sk as string | { S?: string } | undefined;
  return typeof sk === "string" ? sk : sk?.S;
};

/**
 * Watches the TransactWriteItems sent from now until `stop()`, which gives what `keep` took of each that `match`
 * accepted (by default a copy, as sent: marshalled, at the serialize step). Keep no more than needed: it runs on the
 * measured path.
 */
export function watchTransactions<T = TransactItems>(match: (items: TransactItems) => boolean, keep: (items: TransactItems) => T = (items) => structuredClone(items) as T): { stop(): T[] } {
  const seen: T[] = [];
  const name = `benchWatchTransactions${Math.random().toString(36).slice(2)}`;
  const stack = useDynamo().middlewareStack;
  stack.add(
    (next, context) => async (args) => {
      const items = (args.input as { TransactItems?: TransactItems }).TransactItems;
      if (context.commandName === "TransactWriteItemsCommand" && items && match(items)) seen.push(keep(items));
      return next(args);
    },
    { step: "serialize", name },
  );
  return {
    stop() {
      stack.remove(name);
      return seen;
    },
  };
}

/** The first TransactWriteItems that `fn` sends (through the in-process API) and `match` accepts, if it is all puts. */
export async function captureTransaction(fn: () => Promise<unknown>, match: (items: TransactItems) => boolean): Promise<TransactItems | undefined> {
  const watch = watchTransactions(match);
  let captured: TransactItems | undefined;
  try {
    await fn();
  } finally {
    captured = watch.stop()[0];
  }
  // Only a transaction of puts can be sent again under new keys.
  return captured?.every((w) => w.Put) ? captured : undefined;
}

/** A captured transaction of puts sent again, each item under a new partition key (its other attributes as they were). */
export async function replay(items: TransactItems, i: number): Promise<boolean> {
  const rekeyed = items.map((w) => {
    const item = { ...w.Put!.Item! };
    const pk = item.pk as { S: string };
    item.pk = { S: `${pk.S}#ceiling-${i}` };
    return { Put: { ...w.Put!, Item: item } };
  });
  await useDynamo().send(new TransactWriteItemsCommand({ TransactItems: rekeyed }));
  return true;
}
