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
    const problems: string[] = [];
    for (const { file, tags } of fixtures) {
      const sentBefore = testPorts.mailer.sent.length;
      const [outcome] = await Inbound.receive(readFileSync(join(dir, file)), { to: [to] });
      await settle(); // letters follow by reaction
      const answered = testPorts.mailer.sent.length > sentBefore;
      const say = (problem: string) => problems.push(`${file} [${tags.join(", ")}]: ${problem} (${outcome?.status}: ${outcome?.reason ?? ""})`);
      if (!outcome) {
        say("no outcome");
        continue;
      }
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
        else if (!ticket.data.automated && !answered) say("a person's new ticket was not acknowledged");
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
