import { describe, expect, it } from "vitest";
import { marshall } from "@aws-sdk/util-dynamodb";
import { transactionWriteUnits } from "./capacity";

/** An item of about 2.5 KB held by all five indexes (like a ticket). */
const ticketLike = (i: number) => {
  const item: { [name: string]: unknown } = { pk: `t#x#tk#${i}`, sk: "ticket", body: "b".repeat(2500), version: 3 };
  for (let g = 1; g <= 5; g++) Object.assign(item, { [`gsi${g}pk`]: `t#x#q${g}`, [`gsi${g}sk`]: `${i}` });
  return item;
};

describe("the capacity meter's sizing of a transaction", () => {
  it("bills each write by its size, on the table and each index holding it, doubled", () => {
    // 3 KB on the table and five indexes, doubled: what DynamoDB Local itself reports for one such put.
    expect(transactionWriteUnits([{ Put: { Item: ticketLike(1) } }])).toBe(36);
    expect(transactionWriteUnits(Array.from({ length: 25 }, (_, i) => ({ Put: { Item: ticketLike(i) } })))).toBe(900);
    expect(transactionWriteUnits([{ Put: { Item: { pk: "t#x#a", sk: "small" } } }])).toBe(2);
  });

  it("reads marshalled requests the same, sizes an update by its key and new values, and a delete as one unit", () => {
    expect(transactionWriteUnits([{ Put: { Item: marshall(ticketLike(1)) as { [name: string]: unknown } } }])).toBe(36);
    const update = {
      Update: {
        Key: { pk: "t#x#tk#1", sk: "ticket" },
        ExpressionAttributeNames: { "#a": "subject", "#b": "gsi1pk", "#c": "gsi1sk" },
        ExpressionAttributeValues: { ":a": "s".repeat(1500), ":b": "t#x#q1", ":c": "1" },
      },
    };
    expect(transactionWriteUnits([update])).toBe(2 * 2 * 2);
    expect(transactionWriteUnits([{ Delete: { Key: { pk: "t#x#a", sk: "b" } } }, { ConditionCheck: { Key: { pk: "t#x#c", sk: "d" } } }])).toBe(4);
  });
});
