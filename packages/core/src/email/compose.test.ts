import fc from "fast-check";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { headerText } from "./address";
import { compose, type Letter } from "./compose";

/** Line breaks of every kind, and text that would be a header or a recipient if a break let it through. */
const breaks = fc.constantFrom("\r\n", "\n", "\r", "\u2028", "\u2029", "\u0085", "\r\n\t", "\u000b", "\u000c");
const payload = fc.constantFrom("Bcc: victim@evil.example", "To: victim@evil.example", "X-Injected: yes", "Content-Type: text/html", "", "Subject: again");
const hostile = fc
  .tuple(fc.string({ maxLength: 30 }), breaks, payload, fc.string({ maxLength: 30 }), fc.option(breaks), fc.string({ maxLength: 20 }))
  .map(([a, br, p, b, br2, c]) => `${a}${br}${p}${b}${br2 ?? ""}${c}`);

const EXPECTED_HEADERS = new Set([
  "from", "to", "reply-to", "subject", "message-id", "in-reply-to", "references", "date", "mime-version",
  "content-type", "content-transfer-encoding", "x-frontline-ticket", "x-loop", "auto-submitted", "x-auto-response-suppress",
]);

describe("compose", () => {
  it("puts exactly the intended headers and recipient in the message, whatever the fields contain", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, hostile, hostile, hostile, fc.boolean(), async (fromName, toName, subject, id, reply, ref, automatic) => {
        const letter: Letter = {
          from: { name: fromName, address: "acme@frontline.localhost" },
          to: { name: toName, address: "carla@customer.example" },
          replyTo: "acme+t1-abcdefghijkl@frontline.localhost",
          subject,
          text: `Body ${subject}`,
          messageId: `${id}@frontline.localhost`,
          inReplyTo: `${reply}@customer.example`,
          references: [`${ref}@customer.example`, "root@customer.example"],
          automatic,
          ticketNumber: 7,
        };
        const raw = await compose(letter);
        const parsed = await simpleParser(raw);
        const names = [...new Set(parsed.headerLines.map((h) => h.key))];
        expect(names.filter((n) => !EXPECTED_HEADERS.has(n))).toEqual([]);
        expect(parsed.headerLines.filter((h) => h.key === "to")).toHaveLength(1);
        expect(parsed.headerLines.filter((h) => h.key === "subject")).toHaveLength(1);
        const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : [];
        expect(to.map((a) => a.address)).toEqual(["carla@customer.example"]);
        expect(parsed.cc).toBeUndefined();
        expect(parsed.bcc).toBeUndefined();
        expect(parsed.from?.value.map((a) => a.address)).toEqual(["acme@frontline.localhost"]);
        expect(parsed.replyTo?.value.map((a) => a.address)).toEqual(["acme+t1-abcdefghijkl@frontline.localhost"]);
        expect(parsed.subject).toBe(headerText(subject, 250) || "(no subject)");
        expect(parsed.headers.get("auto-submitted")).toBe(automatic ? "auto-replied" : undefined);
      }),
      { numRuns: 300 },
    );
  });

  it("carries the threading and loop headers", async () => {
    const raw = await compose({
      from: { name: "Anna Agent via Acme", address: "acme@frontline.localhost" },
      to: { name: "Carla", address: "carla@customer.example" },
      replyTo: "acme+t7-abcdefghijkl@frontline.localhost",
      subject: "Re: [#7] Lamp",
      text: "Hello",
      messageId: "ours-1@frontline.localhost",
      inReplyTo: "theirs-1@customer.example",
      references: ["theirs-0@customer.example", "theirs-1@customer.example"],
      automatic: false,
      ticketNumber: 7,
    });
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe("<ours-1@frontline.localhost>");
    expect(parsed.inReplyTo).toBe("<theirs-1@customer.example>");
    expect(parsed.references).toEqual(["<theirs-0@customer.example>", "<theirs-1@customer.example>"]);
    expect(parsed.from?.value[0]?.name).toBe("Anna Agent via Acme");
    expect(parsed.headers.get("x-loop")).toBe("frontline");
    expect(parsed.headers.get("auto-submitted")).toBeUndefined();
  });
});
