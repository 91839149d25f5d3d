import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { localMailer } from "./mailer.js";

const letter = (id: string, body = "Hello") =>
  Buffer.from(`Message-ID: <${id}>\r\nFrom: a@desk.example\r\nTo: b@customer.example\r\nSubject: Hi\r\n\r\n${body}\r\n`);

describe("the local mailer", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes each Message-ID once, also for a mailer started later on the same folder", async () => {
    dir = mkdtempSync(join(tmpdir(), "outbox-"));
    const first = localMailer({ outboxDir: dir });
    await first.send({ raw: letter("one@desk.example"), envelopeFrom: "a@desk.example", recipients: ["b@customer.example"] });
    await first.send({ raw: letter("one@desk.example"), envelopeFrom: "a@desk.example", recipients: ["b@customer.example"] });
    const second = localMailer({ outboxDir: dir });
    const again = await second.send({ raw: letter("one@desk.example"), envelopeFrom: "a@desk.example", recipients: ["b@customer.example"] });
    expect(again.providerMessageId).toMatch(/^already accepted/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".eml"))).toHaveLength(1);
  });

  it("never shows a letter under its name before it is whole, so a killed process leaves no half letter counted as sent", async () => {
    dir = mkdtempSync(join(tmpdir(), "outbox-"));
    const sender = localMailer({ outboxDir: dir });
    const raw = letter("large@desk.example", "x".repeat(16 * 1024 * 1024));
    // Look at the folder between each chunk of the write: every .eml seen must already be whole.
    const seen: number[] = [];
    let writing = true;
    const look = () => {
      for (const f of readdirSync(dir)) if (f.endsWith(".eml")) seen.push(statSync(join(dir, f)).size);
      if (writing) setImmediate(look);
    };
    look();
    await sender.send({ raw, envelopeFrom: "a@desk.example", recipients: ["b@customer.example"] });
    writing = false;
    expect(seen.every((size) => size === raw.length)).toBe(true);
    expect(readdirSync(dir).filter((f) => !f.endsWith(".eml"))).toEqual([]);

    // A temporary file left by a killed process is not a letter sent: the letter is written when handed over again.
    writeFileSync(join(dir, ".writing-99999-1"), "Message-ID: <cut@de");
    const restarted = localMailer({ outboxDir: dir });
    await restarted.send({ raw: letter("cut@desk.example", "Whole"), envelopeFrom: "a@desk.example", recipients: ["b@customer.example"] });
    const written = readdirSync(dir).filter((f) => f.endsWith(".eml")).map((f) => readFileSync(join(dir, f), "latin1"));
    expect(written.some((text) => text.includes("<cut@desk.example>") && text.includes("Whole"))).toBe(true);
  });
});
