import { describe, expect, it } from "vitest";
import type { LetterKind, LetterLocale, MailStatus, OutboxStatus } from "../api/types";
import { LetterKinds, LetterLocales, MailStatuses, OutboxStatuses, reprocessable } from "./vocabulary";

/**
 * The core's email modules pull in the data layer, which does not load in happy-dom, so the console's copies of their
 * lists are checked against the core's types: each list must name every value (`satisfies` in vocabulary.ts already
 * refuses a value the core does not have). A value the core adds fails the type check of this file.
 */
type Complete<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const complete: [
  Complete<MailStatus, (typeof MailStatuses)[number]>,
  Complete<OutboxStatus, (typeof OutboxStatuses)[number]>,
  Complete<LetterKind, (typeof LetterKinds)[number]>,
  Complete<LetterLocale, (typeof LetterLocales)[number]>,
] = [true, true, true, true];

describe("the console's email vocabulary", () => {
  it("lists every value the core has, once", () => {
    expect(complete).toEqual([true, true, true, true]);
    for (const list of [MailStatuses, OutboxStatuses, LetterKinds, LetterLocales]) expect(new Set(list).size).toBe(list.length);
  });

  it("offers processing again only for mail that failed, was held, or stalled", () => {
    expect(MailStatuses.filter((status) => reprocessable({ status }))).toEqual(["held", "unprocessable"]);
    expect(reprocessable({ status: "processing", stale: true })).toBe(true);
    expect(reprocessable({ status: "processing" })).toBe(false);
  });
});
