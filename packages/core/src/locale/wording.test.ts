import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LetterKinds, renderTemplate } from "../email/letters";
import { Locales, localeOf, localeOfText, say, sayMoney, sayTime, wording, type Locale } from "./index";

/** Every leaf: "a.b" -> its text. */
function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof inner === "string") out.set(path, inner);
    else for (const [k, v] of leaves(inner, path)) out.set(k, v);
  }
  return out;
}

type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }> };
const PLURAL = 6;

/** The arguments of an ICU message, and the arms of its plurals. */
function shapeOf(message: string, locale: Locale) {
  const args = new Set<string>();
  const plurals: string[][] = [];
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.type !== 0 && node.type !== 7 && node.value) args.add(node.value);
      if (node.type === PLURAL) plurals.push(Object.keys(node.options ?? {}));
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as Node[]);
  return { args: [...args].sort(), plurals };
}

const english = leaves(wording.en);

describe.each(Locales)("the server's %s wording", (locale) => {
  const theirs = leaves(wording[locale]);

  it("has exactly the keys English has, none empty", () => {
    expect([...theirs.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of theirs) expect(text.trim(), key).not.toBe("");
  });

  it("says each message with English's arguments and every plural form the language has", () => {
    const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const [key, text] of english) {
      if (key.startsWith("letters.")) continue;
      const shape = shapeOf(theirs.get(key)!, locale);
      expect(shape.args, key).toEqual(shapeOf(text, "en").args);
      for (const arms of shape.plurals) for (const form of forms) expect(arms, `${key} lacks ${form}`).toContain(form);
    }
  });

  it.each(LetterKinds)("renders the default %s letter with every variable filled", async (kind) => {
    const sample = wording[locale].sample;
    const letter = await renderTemplate(
      wording[locale].letters[kind],
      {
        workspace: { name: "Acme" },
        customer: { name: sample.customer, email: "anna@example.com" },
        ticket: { number: 1042, subject: sample.subject, status: "solved" },
        agent: { name: "Olena" },
        message: sample.message,
        solved: true,
      },
      locale,
    );
    expect(letter.subject).toContain("#1042");
    expect(letter.body.startsWith(wording[locale].replyMarker)).toBe(true);
    expect(letter.body).toContain("Acme");
    expect(letter.body).not.toMatch(/\{\{|\{%|undefined/);
    if (kind === "agent_reply") expect(letter.body).toContain(sample.message);
    else expect(letter.body).toContain(sample.customer);
  });
});

describe("say", () => {
  it("follows each language's plural rules", () => {
    const days = (locale: Locale, n: number) => say(locale, wording[locale].workspace.low_balance.subject, { workspace: "Acme", days: n });
    expect(days("en", 1)).toBe("Acme: the balance runs out in 1 day");
    expect(days("en", 5)).toBe("Acme: the balance runs out in 5 days");
    expect(days("ru", 1)).toContain("1 день");
    expect(days("ru", 3)).toContain("3 дня");
    expect(days("ru", 11)).toContain("11 дней");
  });

  it("tells the time in the reader's zone, naming it", () => {
    expect(sayTime("en", "2026-12-03T13:05:00Z", "Europe/Budapest")).toMatch(/December 3, 2026.*14:05.*GMT\+1/);
    expect(sayTime("ru", "2026-12-03T13:05:00Z", "Not/AZone")).toMatch(/3 декабря 2026.*13:05.*UTC/);
  });

  it("writes money by the currency's own decimals", () => {
    expect(sayMoney("en", 123450, "USD")).toBe("$1,234.50");
    expect(sayMoney("en", 500, "JPY")).toBe("¥500");
  });
});

describe("a customer's language", () => {
  it("is read from the letters only some alphabets have", () => {
    const known = (l: string) => ((Locales as readonly string[]).includes(l) ? l : "ru");
    expect(localeOfText("Здравствуйте, не приходит счёт")).toBe("ru");
    expect(localeOfText("Добрий день, не приходить рахунок, дякую")).toBe(known("uk"));
    expect(localeOfText("Добрый день, не приходит счет, спасибо")).toBe("ru");
    expect(localeOfText("Сәлеметсіз бе, шот келмеді")).toBe(known("kk"));
    expect(localeOfText("Hello, the invoice did not arrive")).toBeUndefined();
    expect(localeOfText("Jó napot, nem érkezett meg a számla")).toBe((Locales as readonly string[]).includes("hu") ? "hu" : undefined);
  });

  it("is English when it is not one the product has", () => {
    expect(localeOf("de")).toBe("en");
    expect(localeOf(undefined)).toBe("en");
  });
});
