import { createContext, createEffect, createMemo, createSignal, onCleanup, useContext, type JSX } from "solid-js";
import * as i18n from "@solid-primitives/i18n";
import { IntlMessageFormat } from "intl-messageformat";
import { en, type Catalogue } from "./en";
import { formatDate, formatDateTime, formatFileSize, formatMoney, formatRelative, formatShortDate, formatSignedMoney, formatTime } from "./format";

export type Locale = "en" | "ru" | "uk" | "kk" | "hu";
/** The languages of the console, in the order the language menu lists them. */
export const Locales: readonly Locale[] = ["en", "ru", "uk", "kk", "hu"];

/**
 * Each language but English is its own chunk, loaded when a reader chooses it: a page carries English (the shape and
 * the fallback) and the reader's language only.
 */
const loaders: Record<Exclude<Locale, "en">, () => Promise<Catalogue>> = {
  ru: () => import("./ru").then((m) => m.ru),
  uk: () => import("./uk").then((m) => m.uk),
  kk: () => import("./kk").then((m) => m.kk),
  hu: () => import("./hu").then((m) => m.hu),
};
const loaded = new Map<Locale, Catalogue>([["en", en]]);

/** A language's catalogue, loaded once. */
export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  const known = loaded.get(locale);
  if (known) return known;
  const catalogue = await loaders[locale as Exclude<Locale, "en">]();
  loaded.set(locale, catalogue);
  return catalogue;
}

const STORAGE_KEY = "frontline.locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (Locales as readonly string[]).includes(value);
}

/** The remembered choice, else the first of the browser's languages the console has, else English. */
export function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled (privacy modes); fall back to the browser's language.
  }
  const preferred = globalThis.navigator?.languages?.length ? globalThis.navigator.languages : [globalThis.navigator?.language ?? ""];
  for (const tag of preferred) {
    const language = tag.toLowerCase().split("-")[0];
    if (isLocale(language)) return language;
  }
  return "en";
}

/**
 * Formats an ICU message ("{count, plural, one {# day} other {# days}}") with its arguments in `locale`'s plural and
 * number rules. Parsed messages are kept: a page formats the same few hundred again and again.
 */
const parsed = new Map<string, IntlMessageFormat>();
export function formatMessage(message: string, locale: Locale, args?: Record<string, unknown>): string {
  if (!args) return message;
  const key = `${locale}\u0000${message}`;
  let format = parsed.get(key);
  if (!format) {
    format = new IntlMessageFormat(message, locale);
    parsed.set(key, format);
  }
  return String(format.format(args as Record<string, string | number>));
}

type FlatCatalogue = i18n.Flatten<Catalogue>;

export interface I18n {
  locale: () => Locale;
  setLocale: (locale: Locale) => void;
  t: i18n.Translator<FlatCatalogue>;
  /** A message by a key computed at run time (e.g. a server issue code); undefined when the catalogue has none. */
  lookup: (key: string) => string | undefined;
  money: (minor: number, currency: string) => string;
  signedMoney: (minor: number, currency: string) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  /** The time of day, e.g. "1:31 PM" / "13:31". */
  time: (iso: string) => string;
  /** A date in few characters, e.g. "Nov 22, 2026" / "22 нояб. 2026 г.". */
  shortDate: (iso: string) => string;
  /** How long ago, e.g. "5 minutes ago"; follows the clock (re-evaluated every half minute). */
  relative: (iso: string) => string;
  fileSize: (bytes: number) => string;
}

const I18nContext = createContext<I18n>();

/**
 * Gives the page its language. `locale` names a language whose catalogue is already loaded (`loadCatalogue`), as
 * `startI18n` and the tests do; a language chosen later shows once its chunk has arrived, the old one until then.
 */
export function I18nProvider(props: { locale?: Locale; children: JSX.Element }) {
  const first = props.locale ?? initialLocale();
  const [locale, setLocaleSignal] = createSignal<Locale>(loaded.has(first) ? first : "en");
  if (locale() !== first) void loadCatalogue(first).then(() => setLocaleSignal(first));
  const dict = createMemo(() => i18n.flatten(loaded.get(locale()) ?? en));
  const t = i18n.translator(dict, ((message: string, args?: Record<string, unknown>) => formatMessage(message, locale(), args)) as i18n.TemplateResolver);
  // One clock for every relative time on screen.
  const [now, setNow] = createSignal(Date.now());
  const clock = setInterval(() => setNow(Date.now()), 30_000);
  onCleanup(() => clearInterval(clock));

  const setLocale = (next: Locale) => {
    void loadCatalogue(next).then(() => setLocaleSignal(next));
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, still switched.
    }
  };

  createEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = locale();
  });

  const value: I18n = {
    locale,
    setLocale,
    t,
    lookup: (key) => {
      const found = (dict() as Record<string, unknown>)[key];
      return typeof found === "string" ? found : undefined;
    },
    money: (minor, currency) => formatMoney(minor, currency, locale()),
    signedMoney: (minor, currency) => formatSignedMoney(minor, currency, locale()),
    date: (iso) => formatDate(iso, locale()),
    dateTime: (iso) => formatDateTime(iso, locale()),
    time: (iso) => formatTime(iso, locale()),
    shortDate: (iso) => formatShortDate(iso, locale()),
    relative: (iso) => formatRelative(iso, now(), locale()),
    fileSize: (bytes) => formatFileSize(bytes, locale()),
  };
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n must be used inside <I18nProvider>");
  return context;
}
