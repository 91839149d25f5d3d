import { IntlMessageFormat } from "intl-messageformat";
import { en, type Wording } from "./en";
import { hu } from "./hu";
import { kk } from "./kk";
import { ru } from "./ru";
import { uk } from "./uk";

/**
 * The languages people read Frontline in, and what the server itself writes in them: the default letters, staff
 * alerts, letters about the workspace, and the names sign-up gives. Messages are ICU MessageFormat, formatted with
 * each language's plural rules; dates are formatted by `Intl` in the reader's time zone.
 */

export const Locales = ["en", "ru", "uk", "kk", "hu"] as const;
export type Locale = (typeof Locales)[number];

export const wording: Record<Locale, Wording> = { en, ru, uk, kk, hu };

export type { Wording };

/** A known language, else English. */
export function localeOf(value: string | undefined): Locale {
  return (Locales as readonly string[]).includes(value ?? "") ? (value as Locale) : "en";
}

const parsed = new Map<string, IntlMessageFormat>();

/** Formats an ICU message in `locale`. */
export function say(locale: Locale, message: string, args: Record<string, string | number> = {}): string {
  const key = `${locale}\u0000${message}`;
  let format = parsed.get(key);
  if (!format) {
    format = new IntlMessageFormat(message, locale);
    parsed.set(key, format);
  }
  return String(format.format(args));
}

/** A moment as its reader says it ("3 December 2026 at 14:05 CET"), in their language and time zone, named. */
export function sayTime(locale: Locale, iso: string, timeZone = "UTC"): string {
  const zone = isTimeZone(timeZone) ? timeZone : "UTC";
  const fields = { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" } as const;
  return new Intl.DateTimeFormat(locale, { ...fields, timeZone: zone }).format(new Date(iso));
}

/** A day as its reader says it ("3 December 2026"). */
export function sayDate(locale: Locale, iso: string, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: isTimeZone(timeZone) ? timeZone : "UTC" }).format(new Date(iso));
}

/** An amount in minor units as its reader writes it ("1 234,50 ₸"). */
export function sayMoney(locale: Locale, minor: number, currency: string): string {
  const format = new Intl.NumberFormat(locale, { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** Is `zone` an IANA time zone this runtime knows (Europe/Kyiv, Asia/Almaty)? */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The language a customer's text is written in, by the letters only some alphabets have: Kazakh (ә ғ қ ң ө ұ ү һ),
 * Ukrainian (є ї ґ, or і without Kazakh letters, or none of Russian's ы э ъ ё and words only Ukrainian has, as in
 * "Добрий день, дякую"), other Cyrillic as Russian, Hungarian (ő ű, or its common greetings); undefined when the text
 * does not say (the workspace's language is used).
 */
export function localeOfText(text: string): Locale | undefined {
  const sample = text.slice(0, 2000);
  const known = (locale: string) => ((Locales as readonly string[]).includes(locale) ? (locale as Locale) : undefined);
  if (/[әғқңөұүһӘҒҚҢӨҰҮҺ]/u.test(sample)) return known("kk") ?? known("ru");
  if (/[єїґЄЇҐіІ]/u.test(sample)) return known("uk") ?? known("ru");
  if (!/[ыэъёЫЭЪЁ]/u.test(sample) && /(^|[^\p{L}])(що|щоб|це|дякую|добрий|доброго|будь ласка)(?![\p{L}])/iu.test(sample)) return known("uk") ?? known("ru");
  if (/[\u0400-\u04ff]/u.test(sample)) return known("ru");
  if (/[őűŐŰ]/u.test(sample) || /(^|\s)(köszönöm|kérem|üdvözlettel|tisztelt|jó napot)(\s|[,.!]|$)/iu.test(sample)) return known("hu");
  return undefined;
}
