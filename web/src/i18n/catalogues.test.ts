import { flatten } from "@solid-primitives/i18n";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { ru } from "./ru";
import { formatDay, formatFileSize, formatMoney, formatRelative, parseMoney } from "./format";

/** Every leaf of a catalogue: "a.b.c" -> its value. */
function leaves(catalogue: object): Map<string, unknown> {
  const flat = flatten(catalogue as Record<string, unknown>) as Record<string, unknown>;
  return new Map(Object.entries(flat).filter(([, value]) => typeof value !== "object" || value === null));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("catalogues", () => {
  const english = leaves(en);
  const russian = leaves(ru);

  it("have exactly the same keys", () => {
    expect([...russian.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("agree on the kind of every value and on template placeholders", () => {
    for (const [key, value] of english) {
      const other = russian.get(key);
      expect(typeof other, key).toBe(typeof value);
      if (typeof value === "string") {
        expect(value.trim(), key).not.toBe("");
        expect((other as string).trim(), key).not.toBe("");
        expect(placeholders(other as string), key).toEqual(placeholders(value));
      }
    }
  });

  it("pluralise Russian day counts", () => {
    expect(ru.workspace.coversDays(1)).toContain("1 день");
    expect(ru.workspace.coversDays(3)).toContain("3 дня");
    expect(ru.workspace.coversDays(30)).toContain("30 дней");
    expect(en.workspace.coversDays(1)).toContain("1 day ");
  });
});

describe("formatMoney", () => {
  it("reads minor units by the currency's own decimals", () => {
    expect(formatMoney(3000, "USD", "en")).toBe("$30.00");
    expect(formatMoney(3000, "USD", "ru")).toMatch(/^30,00\s\$$/);
    expect(formatMoney(500, "JPY", "en")).toBe("¥500");
  });
});

describe("parseMoney", () => {
  it("reads an amount as typed into minor units, with a point or a comma", () => {
    expect(parseMoney("50", "USD", "en")).toBe(5000);
    expect(parseMoney(" 49,9 ", "USD", "ru")).toBe(4990);
    expect(parseMoney("1 000.05", "USD", "en")).toBe(100005);
    expect(parseMoney("500", "JPY", "en")).toBe(500);
    for (const wrong of ["", "0", "0.00", "-5", "4.999", "fifty", "5.5.5", "12.5", "1e3"]) {
      expect(parseMoney(wrong, wrong === "12.5" ? "JPY" : "USD", "en"), wrong).toBeUndefined();
    }
  });
});

describe("formatDay", () => {
  it("gives a calendar date the same day wherever the reader is", () => {
    expect(formatDay("2026-03-04", "en")).toBe("March 4, 2026");
  });
});

describe("formatRelative", () => {
  const now = Date.parse("2026-03-10T12:00:00Z");
  const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

  it("says how long ago, in the reader's language", () => {
    expect(formatRelative(ago(10), now, "en")).toBe("now");
    expect(formatRelative(ago(5 * 60), now, "en")).toBe("5 minutes ago");
    expect(formatRelative(ago(3 * 3600), now, "en")).toBe("3 hours ago");
    expect(formatRelative(ago(26 * 3600), now, "en")).toBe("yesterday");
    expect(formatRelative(ago(15 * 86400), now, "en")).toBe("2 weeks ago");
    expect(formatRelative(ago(5 * 60), now, "ru")).toBe("5 минут назад");
  });
});

describe("formatFileSize", () => {
  it("uses the unit that reads best", () => {
    expect(formatFileSize(512, "en")).toBe("0.5 kB");
    expect(formatFileSize(48_200, "en")).toBe("48 kB");
    expect(formatFileSize(2_400_000, "en")).toBe("2.4 MB");
  });
});
