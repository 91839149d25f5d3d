import { readFileSync } from "node:fs";
import type { DynamoDBStreamEvent } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Counter } from "@frontline/core/counter";
import { useDb } from "@frontline/core/db";
import { Outbox } from "@frontline/core/email";
import { configurePorts } from "@frontline/core/port";
import { Signup } from "@frontline/core/signup";
import { Stream } from "@frontline/core/stream";
import { handler } from "../src/stream/handler";
import { testPorts, useTestTable } from "../../test/support/db";

/**
 * The stream function on AWS, given what Lambda's event source mapping delivers: a DynamoDB Streams event recorded
 * from a ticket opened in workspace "recorded-ws" (the customer, its address's claim, the day's count of new
 * tickets, the ticket, its number, its first message with the acknowledgement's intent, its event), in Lambda's own
 * JSON shape (marshalled images, epoch-second timestamps, sequence numbers as AWS writes them).
 */
const event = JSON.parse(readFileSync(new URL("./fixtures/stream-event.json", import.meta.url), "utf8")) as DynamoDBStreamEvent;
const owner = { type: "system", tenantId: "recorded-ws", reason: "test" } as const;
const clone = (e: DynamoDBStreamEvent) => JSON.parse(JSON.stringify(e)) as DynamoDBStreamEvent;

beforeAll(async () => {
  await useTestTable();
  await Signup.signup({ workspaceName: "Recorded Workspace", slug: "recorded-ws", ownerName: "Rita Owner", email: "rita@recorded.example", password: "a long enough passphrase" });
});

describe("the stream function on a recorded DynamoDB Streams event", () => {
  it("runs every reaction and answers with no item to retry; the same event again changes nothing", async () => {
    expect(event.Records.map((r) => [r.eventName, r.dynamodb?.NewImage?.__edb_e__?.S])).toEqual([
      ["INSERT", "customer"],
      ["INSERT", "customerEmail"],
      ["INSERT", "counter"],
      ["INSERT", "ticket"],
      ["INSERT", "ticketNumber"],
      ["INSERT", "message"],
      ["INSERT", "event"],
    ]);
    for (let delivery = 1; delivery <= 2; delivery++) {
      expect(await handler(clone(event))).toEqual({ batchItemFailures: [] });
      // The queue counts moved once: one new, unassigned ticket.
      const counts = await Counter.read("recorded-ws", "q#");
      expect(counts.get("q#t#open"), `delivery ${delivery}`).toBe(1);
      // The acknowledgement is queued once, under the id its thread entry gave it.
      const letters = await withActor(owner, () => Outbox.list({}));
      expect(letters.entries.map((e) => [e.kind, e.to, e.ticketNumber])).toEqual([["ticket_received", "ana@customer.example", 1]]);
      // The customer is findable (the search index), and the number sequence knows the ticket.
      const terms = await useDb().entities.customerTerm.query.byTerm({ tenantId: "recorded-ws" }).go();
      expect(terms.data.map((t) => t.term)).toContain("ana@customer.example");
      expect(await Counter.get("recorded-ws", "seq#ticket", { consistent: true })).toBe(1);
    }
  });

  it("names a change whose reaction fails, for Lambda to deliver again from it, and parks it after its deliveries", async () => {
    // The ticket as if a policy ran its first-response clock; the scheduler refuses to arm its timer.
    const failing = clone(event);
    const ticket = failing.Records.find((r) => r.dynamodb?.NewImage?.__edb_e__?.S === "ticket")!;
    const due = new Date(Date.now() + 3_600_000).toISOString();
    ticket.dynamodb!.NewImage!.sla = {
      M: {
        policyId: { S: "p1" },
        policyName: { S: "Fast" },
        targets: { M: { first_response: { M: { minutes: { N: "60" }, elapsedMs: { N: "0" }, since: { S: new Date().toISOString() }, dueAt: { S: due }, generation: { N: "1" } } } } },
      },
    };
    configurePorts({ scheduler: { arm: async () => Promise.reject(new Error("Scheduler throttled")), cancel: async () => undefined } });
    try {
      for (let delivery = 1; delivery < Stream.Failures.MAX_DELIVERIES; delivery++) {
        expect(await handler(clone(failing))).toEqual({ batchItemFailures: [{ itemIdentifier: ticket.dynamodb!.SequenceNumber }] });
      }
      // The last delivery parks the reaction with the change, and the batch goes through.
      expect(await handler(clone(failing))).toEqual({ batchItemFailures: [] });
    } finally {
      configurePorts({ scheduler: testPorts.scheduler });
    }
    const parked = await Stream.Failures.list({ status: "parked" });
    expect(parked.failures).toEqual([expect.objectContaining({ reaction: "sla.timers", workspaceId: "recorded-ws", entity: "ticket", attempts: Stream.Failures.MAX_DELIVERIES })]);
    expect(parked.failures[0]!.error).toContain("Scheduler throttled");
  });
});
