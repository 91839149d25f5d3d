import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { inject } from "vitest";
import { beforeAll, describe, expect, it } from "vitest";
import { useConfig } from "@frontline/core/config";
import { useDynamo } from "@frontline/core/db";
import { defineReaction, Failures, streamHandler, type Change, type Reaction } from "@frontline/core/stream";
import { useTestTable } from "../../../test/support/db";
import { streamPoller } from "./stream";

/** Items of a made-up entity, written straight to the table: what the poller and the handler do with their changes. */
async function write(pk: string, n: number) {
  await useDynamo().send(
    new PutCommand({ TableName: useConfig().tableName, Item: { pk, sk: `i#${String(n).padStart(4, "0")}`, __edb_e__: "probe", tenantId: "probe", n } }),
  );
}

function recorder(name: string, fail: (change: Change, delivery: number) => boolean = () => false) {
  const seen: string[] = [];
  const deliveries = new Map<string, number>();
  const reaction: Reaction = defineReaction({
    name,
    on: ["probe"],
    async each(change) {
      const delivery = (deliveries.get(change.id) ?? 0) + 1;
      deliveries.set(change.id, delivery);
      if (fail(change, delivery)) throw new Error(`refused ${change.keys.sk} (delivery ${delivery})`);
      seen.push(`${change.keys.pk}/${change.keys.sk}`);
    },
  });
  return { reaction, seen, deliveries };
}

const poller = (reactions: Reaction[]) =>
  streamPoller({
    endpoint: inject("dynamoEndpoint"),
    tableName: useConfig().tableName,
    handler: streamHandler(reactions, { tries: 1 }),
    retryMs: 10,
    batchSize: 7,
  });

describe("the change stream, read from DynamoDB Local by the local poller", () => {
  beforeAll(async () => {
    await useTestTable();
  });

  it("hands every change to the reactions that read its entity, the changes of one item in order", async () => {
    const probe = recorder("order");
    const versions: { [item: string]: number[] } = {};
    const ordered = defineReaction({
      name: "versions",
      on: ["probe"],
      async each(change) {
        const key = `${change.keys.pk}/${change.keys.sk}`;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5)); // items in parallel, at their own pace
        (versions[key] ??= []).push(change.after!.v as number);
      },
    });
    const other = { ...recorder("other").reaction, name: "other-entity", on: ["ticket"] };
    const otherSeen: string[] = [];
    other.each = async (c) => void otherSeen.push(c.id);
    // Three items, each written seven times.
    for (let v = 0; v < 7; v++) {
      for (const pk of ["p#0", "p#1", "p#2"]) {
        await useDynamo().send(new PutCommand({ TableName: useConfig().tableName, Item: { pk, sk: "one", __edb_e__: "probe", tenantId: "probe", v } }));
      }
    }
    const p = poller([probe.reaction, ordered, other]);
    await p.settle();
    expect(probe.seen).toHaveLength(21);
    for (const pk of ["p#0", "p#1", "p#2"]) expect(versions[`${pk}/one`]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(otherSeen).toEqual([]);
    expect(p.stats().batches).toBeGreaterThanOrEqual(3); // batches of 7
    await p.stop();
  });

  it("goes on from where it stopped after a restart: nothing handled twice, nothing skipped", async () => {
    const first = recorder("restart-1");
    const a = poller([first.reaction]);
    await a.settle(); // what the previous test wrote
    for (let i = 0; i < 10; i++) await write("r#1", i);
    await a.settle();
    expect(first.seen).toHaveLength(10);
    await a.stop();
    for (let i = 10; i < 15; i++) await write("r#1", i);
    const second = recorder("restart-2");
    const b = poller([second.reaction]);
    await b.settle();
    expect(second.seen).toEqual([10, 11, 12, 13, 14].map((i) => `r#1/i#00${i}`));
    await b.stop();
  });

  it("delivers a failed change again, with what follows it, until it succeeds; what came before is not repeated", async () => {
    const flaky = recorder("flaky", (change, delivery) => change.keys.sk === "i#0003" && delivery <= 2);
    const p = poller([flaky.reaction]);
    await p.settle(); // earlier tests' changes
    flaky.seen.length = 0;
    flaky.deliveries.clear();
    for (let i = 0; i < 6; i++) await write("f#1", i);
    await p.settle();
    // Every change handled; those after the failed one may have been handled before it was delivered again.
    expect(new Set(flaky.seen)).toEqual(new Set(["f#1/i#0000", "f#1/i#0001", "f#1/i#0002", "f#1/i#0003", "f#1/i#0004", "f#1/i#0005"]));
    const bySk = [...flaky.deliveries.values()];
    expect(bySk.slice(0, 3)).toEqual([1, 1, 1]); // before the failure: once
    expect(Math.max(...bySk)).toBe(3); // the failed change: twice refused, then done
    expect(p.stats().failedBatches).toBe(2);
    // The failure that healed leaves no parked reaction behind.
    expect((await Failures.list({ status: "parked" })).failures.filter((f) => f.reaction === "flaky")).toEqual([]);
    await p.stop();
  });

  it("parks a reaction that keeps failing on a change, with the change, and goes on; the operator runs it again", async () => {
    let broken = true;
    const poison = recorder("poison", (change) => broken && change.keys.sk === "i#0002");
    const healthy = recorder("healthy");
    const p = poller([poison.reaction, healthy.reaction]);
    await p.settle();
    poison.seen.length = 0;
    healthy.seen.length = 0;
    for (let i = 0; i < 5; i++) await write("x#1", i);
    await p.settle();
    expect(new Set(poison.seen)).toEqual(new Set(["x#1/i#0000", "x#1/i#0001", "x#1/i#0003", "x#1/i#0004"]));
    expect(healthy.seen).toContain("x#1/i#0004");
    expect(p.stats().parked).toBe(1);
    const parked = (await Failures.list({ status: "parked" })).failures.filter((f) => f.reaction === "poison");
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ attempts: Failures.MAX_DELIVERIES, entity: "probe", keys: { pk: "x#1", sk: "i#0002" } });
    expect(parked[0]!.error).toContain("refused i#0002");

    // The operator asks for it again; the handler, which has every reaction, runs it.
    p.start();
    await expect(Failures.requestReprocess(parked[0]!.failureId, "operator")).rejects.toThrow(/failed again.*refused i#0002/);
    broken = false;
    const resolved = await Failures.requestReprocess(parked[0]!.failureId, "operator");
    expect(resolved).toMatchObject({ status: "resolved", resolvedBy: "operator" });
    expect(poison.seen).toContain("x#1/i#0002");
    await p.stop();
  });

  it("runs an aggregating reaction once per batch, and one change at a time when the batch fails", async () => {
    const batches: number[] = [];
    let refuse = "";
    const tally = defineReaction({
      name: "tally",
      on: ["probe"],
      async batch(changes) {
        if (changes.some((c) => c.keys.sk === refuse)) throw new Error("refused");
        batches.push(changes.length);
      },
    });
    const p = poller([tally]);
    await p.settle();
    batches.length = 0;
    for (let i = 0; i < 7; i++) await write("t#1", i);
    await p.settle();
    expect(batches).toEqual([7]);
    batches.length = 0;
    refuse = "i#0003";
    for (let i = 0; i < 3; i++) await write("t#2", i + 2); // i#0002..i#0004: the second is refused
    await p.settle();
    // The whole batch failed; one at a time, i#0002 went through, i#0003 was parked after its deliveries, then i#0004.
    expect(batches.filter((n) => n === 1).length).toBeGreaterThanOrEqual(2);
    expect(p.stats().parked).toBe(1);
    await p.stop();
  });
});
