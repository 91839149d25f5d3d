import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useDb } from "@frontline/core/db";
import { Inbound } from "@frontline/core/email/inbound";
import { settle, testPorts, useTestTable } from "../../../test/support/db";
import { makeWorkspace } from "../../../test/support/workspace";

/**
 * Every real-world message of test/fixtures/mail (see its INDEX.md: 123 mails from the test suites of public mail
 * projects) is received without a crash and ends as a ticket, a reply, a note or an ignored record with the right
 * reason; bounces, automatic replies and reports are never answered.
 */
const dir = join(import.meta.dirname, "../../../test/fixtures/mail");
const fixtures = readFileSync(join(dir, "INDEX.md"), "utf8")
  .split("\n")
  .filter((line) => line.startsWith("| `"))
  .map((line) => {
    const cells = line.split("|").map((c) => c.trim());
    return { file: cells[1]!.replace(/`/g, ""), tags: cells[3]!.split(",").map((t) => t.trim()) };
  });

beforeAll(useTestTable);

describe("the real-world mail corpus", () => {
  it("has all 123 messages", () => {
    expect(fixtures).toHaveLength(123);
  });

  it("receives every message to a sensible outcome, and never answers bounces, automatic replies or reports", async () => {
    const ws = await makeWorkspace();
    const to = `${ws.tenantId}@frontline.localhost`;
    await settle();
    testPorts.mailer.sent.length = 0;
    const received: { file: string; tags: string[]; outcome: Awaited<ReturnType<typeof Inbound.receive>>[number] | undefined }[] = [];
    for (const { file, tags } of fixtures) {
      const [outcome] = await Inbound.receive(readFileSync(join(dir, file)), { to: [to] });
      received.push({ file, tags, outcome });
    }
    // Letters follow by reaction: wait for them all, then tell which mail each answers by its ticket number.
    await settle();
    const letters = (await useDb().entities.outbox.query.byId({ tenantId: ws.tenantId }).go({ pages: "all" })).data;
    const answeredTicket = (n: number | undefined) => n !== undefined && letters.some((l) => l.ticketNumber === n && l.status === "sent");
    // A sender's fourth new conversation in an hour is not acknowledged (the cap on acknowledgements); it says so.
    const capped = (n: number | undefined) => letters.some((l) => l.ticketNumber === n && l.status === "suppressed" && /^Over 3 acknowledgements an hour/.test(l.lastError ?? ""));
    const problems: string[] = [];
    for (const { file, tags, outcome } of received) {
      const say = (problem: string) => problems.push(`${file} [${tags.join(", ")}]: ${problem} (${outcome?.status}: ${outcome?.reason ?? ""})`);
      if (!outcome) {
        say("no outcome");
        continue;
      }
      const answered = outcome.status === "ticket_created" && !outcome.duplicate && answeredTicket(outcome.ticketNumber);
      if (!["ticket_created", "reply_added", "note_added", "ignored"].includes(outcome.status)) say("unexpected status");
      const silent = ["bounce", "auto-reply", "feedback-report", "read-receipt"].some((t) => tags.includes(t));
      if (silent && answered) say("was answered");
      if (tags.includes("bounce") && !(outcome.status === "ignored" && /bounce|delivery|no sender/i.test(outcome.reason ?? ""))) say("not handled as a bounce");
      if ((tags.includes("feedback-report") || tags.includes("read-receipt")) && outcome.status !== "ignored") say("a report made a ticket");
      if (tags.includes("auto-reply") && outcome.status === "ticket_created") {
        const ticket = await useDb().entities.ticket.get({ tenantId: ws.tenantId, ticketId: outcome.ticketId! }).go();
        if (!ticket.data?.automated) say("an automatic mail made an ordinary ticket");
      }
      if (outcome.status === "ticket_created" && !outcome.duplicate && !silent) {
        const ticket = await useDb().entities.ticket.get({ tenantId: ws.tenantId, ticketId: outcome.ticketId! }).go();
        if (!ticket.data) say("the ticket is missing");
        else if (!ticket.data.automated && !answered && !capped(outcome.ticketNumber)) say("a person's new ticket was not acknowledged");
      }
    }
    // Nothing is answered but new tickets of people: no letter to a bounce, a report, an automatic reply.
    const acknowledged = received.filter((r) => r.outcome?.status === "ticket_created" && !r.outcome.duplicate && answeredTicket(r.outcome.ticketNumber));
    expect(letters.filter((l) => l.status === "sent")).toHaveLength(acknowledged.length);
    expect(letters.filter((l) => l.status !== "sent").every((l) => capped(l.ticketNumber))).toBe(true);
    expect(testPorts.mailer.sent).toHaveLength(acknowledged.length);
    expect(problems).toEqual([]);
  }, 180_000);
});
