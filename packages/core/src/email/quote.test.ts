import { describe, expect, it } from "vitest";
import { Locales, wording } from "../locale";
import { trimQuoted } from "./quote";

describe("trimQuoted", () => {
  it.each([
    ["English", "Thanks, that works!\n\nOn Tue, Nov 3, 2026 at 10:00 AM Anna <anna@x.example> wrote:\n> Hello\n> try again", "Thanks, that works!"],
    ["Russian", "Спасибо, помогло.\n\n22.11.2026, 10:00, \"Анна\" <anna@x.example> пишет:\n> Здравствуйте", "Спасибо, помогло."],
    ["Ukrainian", "Дякую!\n\nпн, 23 лист. 2026 о 10:00 Анна <anna@x.example> написала:\n> Вітаю", "Дякую!"],
    ["Hungarian", "Köszönöm!\n\nAnna <anna@x.example> ezt írta (időpont: 2026. nov. 22., H 10:00):\n> Szia", "Köszönöm!"],
    ["Outlook", "Hi\n\n-----Original Message-----\nFrom: x\nSubject: y\n\nold", "Hi"],
    ...Locales.map((l) => [`our ${l} marker`, `Here is the answer\n\n${wording[l].replyMarker}\n\nAnna replied: ...`, "Here is the answer"] as [string, string, string]),
  ])("keeps only the new part of a %s reply", (_, text, shown) => {
    expect(trimQuoted(text)).toEqual({ shown, trimmed: true });
  });

  it("leaves a message without quotes alone", () => {
    expect(trimQuoted("Hello,\nmy printer is broken.\nIt smokes.")).toEqual({ shown: "Hello,\nmy printer is broken.\nIt smokes.", trimmed: false });
  });

  it("trims a sign-off and says so (the full text stays on the message)", () => {
    expect(trimQuoted("The fix works.\n\nSent from my iPhone")).toEqual({ shown: "The fix works.", trimmed: true });
  });

  it("does not take a sentence that merely ends in 'wrote:' for an attribution when no quote follows it", () => {
    const text = "Here is what my colleague wrote:\nThe invoice is wrong.\nPlease fix it.";
    expect(trimQuoted(text).shown).toBe(text);
  });

  it("stays fast on hostile input", () => {
    const started = performance.now();
    trimQuoted("a".repeat(300_000) + "\n" + "> ".repeat(100_000));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
