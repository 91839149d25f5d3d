import { flatten } from "@solid-primitives/i18n";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { en, type Catalogue } from "./en";
import { hu } from "./hu";
import { formatMessage, Locales, type Locale } from "./index";
import { kk } from "./kk";
import { ru } from "./ru";
import { uk } from "./uk";
import { formatDay, formatFileSize, formatMoney, formatRelative, parseMoney } from "./format";

/** Every leaf of a catalogue: "a.b.c" -> its value. */
function leaves(catalogue: object): Map<string, unknown> {
  const flat = flatten(catalogue as Record<string, unknown>) as Record<string, unknown>;
  return new Map(Object.entries(flat).filter(([, value]) => typeof value !== "object" || value === null));
}

/** The parser's node types this test reads (intl-messageformat's AST). */
const TYPE = { literal: 0, plural: 6, pound: 7 } as const;

type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }>; children?: Node[] };

/** The arguments an ICU message uses, and the plural arms of each plural argument ("count:few,many,one,other"). */
function shapeOf(message: string, locale: Locale): { args: string[]; plurals: Map<string, string[]> } {
  const args = new Set<string>();
  const plurals = new Map<string, string[]>();
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.type === TYPE.literal || node.type === TYPE.pound) continue;
      if (node.value) args.add(node.value);
      if (node.type === TYPE.plural && node.value) plurals.set(node.value, Object.keys(node.options ?? {}).sort());
      for (const option of Object.values(node.options ?? {})) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as Node[]);
  return { args: [...args].sort(), plurals };
}

const english = leaves(en);
const catalogues: Record<Locale, Catalogue> = { en, ru, uk, kk, hu };
const others = Locales.filter((l) => l !== "en");

describe.each(others)("the %s catalogue", (locale) => {
  const catalogue = leaves(catalogues[locale]);

  it("has exactly the keys English has", () => {
    expect([...catalogue.keys()].filter((key) => !english.has(key)), "keys English does not have").toEqual([]);
    expect([...english.keys()].filter((key) => !catalogue.has(key)), "keys missing").toEqual([]);
  });

  it("says every message, with the arguments English gives it and every plural form its language needs", () => {
    const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const [key, value] of english) {
      const other = catalogue.get(key);
      expect(typeof other, key).toBe(typeof value);
      if (typeof value !== "string") continue;
      expect((other as string).trim(), key).not.toBe("");
      const theirs = shapeOf(other as string, locale);
      expect(theirs.args, key).toEqual(shapeOf(value, "en").args);
      for (const [argument, arms] of theirs.plurals) {
        for (const form of forms) expect(arms, `${key}: ${argument} lacks "${form}"`).toContain(form);
      }
    }
  });
});

describe("messages", () => {
  it("parse as ICU in English", () => {
    for (const [key, value] of english) if (typeof value === "string") expect(() => shapeOf(value, "en"), key).not.toThrow();
  });

  it("follow each language's plural rules", () => {
    expect(formatMessage(en.standing.coversDays, "en", { days: 1 })).toContain("1 day ");
    expect(formatMessage(en.standing.coversDays, "en", { days: 2 })).toContain("2 days ");
    expect(formatMessage(ru.standing.coversDays, "ru", { days: 1 })).toContain("1 день");
    expect(formatMessage(ru.standing.coversDays, "ru", { days: 3 })).toContain("3 дня");
    expect(formatMessage(ru.standing.coversDays, "ru", { days: 30 })).toContain("30 дней");
    expect(formatMessage(ru.slaAdmin.calendars.holidayCount, "ru", { count: 0 })).toBe("Нет");
  });

  it("are shown as written when they take no arguments", () => {
    expect(formatMessage("It’s {not} a template", "en")).toBe("It’s {not} a template");
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
