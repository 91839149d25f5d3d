import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "../index";
import { en, type ErrorKey } from "./en";
import { hu } from "./hu";
import { kk } from "./kk";
import { ru } from "./ru";
import { uk } from "./uk";

/**
 * What the API says when it refuses something, in its reader's language. The code writes each message in English as
 * an ICU MessageFormat source: a plain string where it has no values ("Enter a subject"), `msg(source, values)` where
 * it has ("At most {max} characters"). That source is the key of every language's catalogue (gettext style), so the
 * call sites keep reading as English and a new message is caught by the catalogue test (./catalogue.test.ts).
 */

export const ErrorLocales = ["en", "ru", "uk", "kk", "hu"] as const;
export type ErrorLocale = (typeof ErrorLocales)[number];

/** Every language the product speaks has its error catalogue: this stops compiling when `Locales` gains one that has not. */
const everyLocaleSaysErrors: Locale extends ErrorLocale ? true : never = true;
void everyLocaleSaysErrors;

export type Values = Record<string, string | number>;

/** A message as written: its English ICU source and the values it is said with. Reads as English (logs, tests). */
export class Message {
  constructor(
    readonly source: string,
    readonly values: Values = {},
  ) {}
  toString(): string {
    return sayError("en", this);
  }
}

/**
 * A message with values, e.g. `msg("{name} is archived", { name })`. Give a number that is not a quantity (a ticket's
 * number) as a string, so that it is not grouped ("#1042", not "#1,042").
 */
export function msg(source: string, values: Values = {}): Message {
  return new Message(source, values);
}

type Catalogue = Readonly<Record<ErrorKey, string>>;
const catalogues: Record<Exclude<ErrorLocale, "en">, Catalogue> = { ru, uk, kk, hu };
const english = new Set<string>(en);

/** Is `source` in the catalogues (else it is said in English, as written)? */
export function catalogued(source: string): boolean {
  return english.has(source);
}

/** The translation of `source` in `locale` (English: the source itself), if the catalogue has it. */
export function translationOf(locale: ErrorLocale, source: string): string | undefined {
  if (!english.has(source)) return undefined;
  return locale === "en" ? source : catalogues[locale][source as ErrorKey];
}

const parsed = new Map<string, IntlMessageFormat>();

/**
 * Says `message` in `locale`. One without a translation, or whose values do not fit its source, is said in English as
 * written; never an exception, because this runs while answering another failure.
 */
export function sayError(locale: ErrorLocale, message: Message | string): string {
  const { source, values } = typeof message === "string" ? new Message(message) : message;
  const translated = translationOf(locale, source);
  if (translated !== undefined) {
    const key = `${locale}\u0000${source}`;
    let format = parsed.get(key);
    if (!format) {
      format = new IntlMessageFormat(translated, locale, undefined, { ignoreTag: true });
      parsed.set(key, format);
    }
    const said = attempt(() => format.format(values));
    if (said !== undefined) return said;
  }
  if (locale !== "en") return sayError("en", new Message(source, values));
  return attempt(() => new IntlMessageFormat(source, "en", undefined, { ignoreTag: true }).format(values)) ?? source;
}

function attempt(say: () => unknown): string | undefined {
  try {
    return String(say());
  } catch {
    return undefined;
  }
}

/**
 * Who reads an answer: the language of their profile if they have one we speak, else the first language of the
 * request's Accept-Language (by its q-values) that we speak, else English.
 */
export function readerLocale(profile: string | undefined, acceptLanguage: string | undefined): ErrorLocale {
  if (isErrorLocale(profile)) return profile;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isErrorLocale) ?? "en";
}

function isErrorLocale(value: string | undefined): value is ErrorLocale {
  return (ErrorLocales as readonly string[]).includes(value ?? "");
}
