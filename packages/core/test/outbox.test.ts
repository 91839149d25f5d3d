import { beforeAll, describe, expect, it } from "vitest";
import { useDb } from "@frontline/core/db";
import { Outbox } from "@frontline/core/email";
import { deliver } from "@frontline/core/email/send";
import { configurePorts, type Mailer } from "@frontline/core/port";
import { settle, testPorts, useTestTable } from "../../../test/support/db";
import { makeWorkspace, type TestWorkspace } from "../../../test/support/workspace";

beforeAll(useTestTable);
let offsetMs = 0;
configurePorts({ clock: { now: () => new Date(Date.now() + offsetMs) } });

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await makeWorkspace();
});

/** A letter queued in the outbox (what a reaction does), not yet sent. */
async function queued(outboxId: string): Promise<string> {
  const letter = Outbox.prepare(
    { kind: "low_balance", fromName: "Frontline", to: { address: "owner@company.example" }, subject: "Balance", text: "Top up.", references: [], automatic: true },
    outboxId,
    ws.tenantId,
  );
  await ws.as(ws.system, () => Outbox.queue(letter));
  return letter.messageId;
}

const entry = async (outboxId: string) => (await useDb().entities.outbox.get({ tenantId: ws.tenantId, outboxId }).go({ consistent: true })).data!;

/** A delivery claims the letter's attempt, then its process dies while the Mailer has the letter (it never returns). */
async function dieAfterClaim(outboxId: string, by: string): Promise<void> {
  let handed: () => void;
  const inMailer = new Promise<void>((resolve) => (handed = resolve));
  const stuck: Mailer = {
    send: () => {
      handed();
      return new Promise(() => undefined);
    },
  };
  configurePorts({ mailer: stuck });
  void deliver(ws.tenantId, outboxId, { by });
  await expect.poll(async () => (await entry(outboxId)).claimedBy).toBe(by);
  // The working mailer comes back only once the dying delivery holds the stuck one (it reads the port after its claim).
  await inMailer;
  configurePorts({ mailer: testPorts.mailer });
}

describe("sending a queued letter", () => {
  it("is finished by a redelivery of a delivery that died after its claim, and by no other", async () => {
    const messageId = await queued("letter-killed");
    await dieAfterClaim("letter-killed", "change-1");
    const before = testPorts.mailer.sent.length;

    // Another delivery (a different change) finds the attempt taken and leaves it.
    expect(await deliver(ws.tenantId, "letter-killed", { by: "change-2" })).toEqual({ status: "queued" });
    expect(testPorts.mailer.sent.length).toBe(before);

    // The stream delivers the same change again (with the image it had): it finds its own claim and sends, once.
    const image = { ...(await entry("letter-killed")), attempts: 0, claimedBy: undefined };
    expect(await deliver(ws.tenantId, "letter-killed", { queued: image, by: "change-1" })).toEqual({ status: "sent" });
    expect(await deliver(ws.tenantId, "letter-killed", { queued: image, by: "change-1" })).toEqual({ status: "sent" });
    const sent = testPorts.mailer.sent.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.raw.toString()).toContain(messageId);
    const done = await entry("letter-killed");
    expect(done).toMatchObject({ status: "sent", attempts: 1 });
    expect(done.claimedBy).toBeUndefined();
  });

  it("is sent once when two deliveries race for it", async () => {
    await queued("letter-raced");
    const before = testPorts.mailer.sent.length;
    const outcomes = await Promise.all(["change-a", "change-b", "change-c"].map((by) => deliver(ws.tenantId, "letter-raced", { by })));
    expect(outcomes.filter((o) => o.status === "sent").length).toBeGreaterThanOrEqual(1);
    expect(testPorts.mailer.sent.length - before).toBe(1);
    expect((await entry("letter-raced")).attempts).toBe(1);
  });
});

describe("a letter left queued by a delivery that died", () => {
  it("is sent again by an admin once it is stale, once, and not while a delivery may still be at work", async () => {
    await settle();
    const messageId = await queued("letter-stalled");
    await dieAfterClaim("letter-stalled", "change-gone");
    await settle(); // the stream's own delivery finds the claim taken: the letter stays queued
    expect((await entry("letter-stalled")).status).toBe("queued");

    const view = await ws.as(ws.owner, () => Outbox.list({ status: "queued" }));
    expect(view.entries.find((e) => e.outboxId === "letter-stalled")?.resendable).toBe(false);
    await expect(ws.as(ws.owner, () => Outbox.retry("letter-stalled", 0))).rejects.toThrow(/being sent/);

    offsetMs = Outbox.STALE_MS + 1_000;
    try {
      const before = testPorts.mailer.sent.length;
      expect((await ws.as(ws.owner, () => Outbox.list({ status: "queued" }))).entries.find((e) => e.outboxId === "letter-stalled")?.resendable).toBe(true);
      await ws.as(ws.owner, () => Outbox.retry("letter-stalled", 0));
      await settle();
      const sent = testPorts.mailer.sent.slice(before);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.raw.toString()).toContain(messageId);
      expect(await entry("letter-stalled")).toMatchObject({ status: "sent", attempts: 1 });
      await expect(ws.as(ws.owner, () => Outbox.retry("letter-stalled", 0))).rejects.toThrow(/this one is sent/);
    } finally {
      offsetMs = 0;
    }
  });
});
