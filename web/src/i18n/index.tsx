import { createContext, createEffect, createMemo, createSignal, lazy, onCleanup, useContext, type Component, type JSX } from "solid-js";
import * as i18n from "@solid-primitives/i18n";
import { IntlMessageFormat } from "intl-messageformat";
import type { Catalogue } from "./en";
import { MISSING_STRING } from "./marker";
import { formatDate, formatDateTime, formatFileSize, formatMoney, formatRelative, formatShortDate, formatSignedMoney, formatTime } from "./format";

export type Locale = "en" | "ru" | "uk" | "kk" | "hu";
/** The languages of the console, in the order the language menu lists them. */
export const Locales: readonly Locale[] = ["en", "ru", "uk", "kk", "hu"];

/**
 * The console's strings come in areas, each a chunk per language (./areas/<area>/<language>.ts): a page loads the
 * areas it shows in its reader's language only. "base" is what every page shows (the frame, common words, errors),
 * loaded before the first paint; a route names the others it needs (`withStrings`), and they load before it renders.
 */
export const Areas = ["base", "auth", "workspace", "tickets", "mail", "admin", "operator", "search", "customers"] as const;
export type Area = (typeof Areas)[number];

type AreaStrings = Record<string, unknown>;
const chunks = import.meta.glob<{ default: AreaStrings }>("./areas/*/*.ts");
const loaded = new Map<string, AreaStrings>();
const chunkOf = (area: Area, locale: Locale) => `./areas/${area}/${locale}.ts`;
/** Bumped when an area arrives, so that a page already showing reads it. */
const [arrivals, setArrivals] = createSignal(0);
/** The areas some page has needed: a change of language loads them all before it shows. */
const wanted = new Set<Area>(["base"]);
/** The languages shown (one in the console; a test may show several side by side). */
const shown = new Set<Locale>();

/** Loads `areas` in `locale`, each once. */
export async function loadAreas(locale: Locale, areas: readonly Area[]): Promise<void> {
  const missing = areas.filter((area) => !loaded.has(chunkOf(area, locale)));
  if (!missing.length) return;
  await Promise.all(
    missing.map(async (area) => {
      const load = chunks[chunkOf(area, locale)];
      if (!load) throw new Error(`No strings for ${area} in ${locale}`);
      loaded.set(chunkOf(area, locale), (await load()).default);
    }),
  );
  setArrivals((n) => n + 1);
}

/** Loads `areas` in every language shown, and keeps them for a change of language. */
export function needAreas(areas: readonly Area[]): Promise<void> {
  for (const area of areas) wanted.add(area);
  return Promise.all([...shown].map((locale) => loadAreas(locale, areas))).then(() => undefined);
}

/** A route's component that renders once the strings of `areas` are loaded (with its own code, when `load` imports it). */
export function withStrings<P extends object>(areas: readonly Area[], load: () => Promise<Component<P>> | Component<P>): Component<P> {
  return lazy(async () => {
    const [component] = await Promise.all([load(), needAreas(areas)]);
    return { default: component };
  });
}

/** A string a page asked for that its areas do not have: said once on the console, where the browser tests look. */
const reported = new Set<string>();
function reportMissing(locale: Locale, key: string): void {
  if (reported.has(`${locale}:${key}`)) return;
  reported.add(`${locale}:${key}`);
  console.error(`${MISSING_STRING} ${locale} ${key}`);
}

const STORAGE_KEY = "frontline.locale";

/** A zone this browser can tell times in (an unknown one would make every date on the page throw). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

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
  /** The reader's time zone, in which every date and time below is told; undefined: the device's. */
  timeZone: () => string | undefined;
  setTimeZone: (zone: string | undefined) => void;
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
 * Gives the page its language: `locale`, or the reader's (`initialLocale`). Its base strings are loaded before the
 * first paint (../index.tsx; the tests load every area); a language chosen later shows once the areas the console has
 * needed have arrived in it, the old one until then.
 */
export function I18nProvider(props: { locale?: Locale; children: JSX.Element }) {
  const [locale, setLocaleSignal] = createSignal<Locale>(props.locale ?? initialLocale());
  shown.add(locale());
  void loadAreas(locale(), [...wanted]);
  const dict = createMemo(() => {
    arrivals();
    const areas = Areas.map((area) => loaded.get(chunkOf(area, locale())) ?? {});
    return i18n.flatten(Object.assign({}, ...areas) as Catalogue);
  });
  const translate = i18n.translator(dict, ((message: string, args?: Record<string, unknown>) => formatMessage(message, locale(), args)) as i18n.TemplateResolver);
  const t = ((key: string, ...args: unknown[]) => {
    const value = (translate as (key: string, ...args: unknown[]) => unknown)(key, ...args);
    if (value === undefined) reportMissing(locale(), key);
    return value;
  }) as typeof translate;
  const [timeZone, setTimeZone] = createSignal<string | undefined>();
  // One clock for every relative time on screen.
  const [now, setNow] = createSignal(Date.now());
  const clock = setInterval(() => setNow(Date.now()), 30_000);
  onCleanup(() => clearInterval(clock));

  const setLocale = (next: Locale) => {
    shown.add(next);
    void loadAreas(next, [...wanted]).then(() => setLocaleSignal(next));
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
    timeZone,
    setTimeZone: (zone) => setTimeZone(zone && isTimeZone(zone) ? zone : undefined),
    date: (iso) => formatDate(iso, locale(), timeZone()),
    dateTime: (iso) => formatDateTime(iso, locale(), timeZone()),
    time: (iso) => formatTime(iso, locale(), timeZone()),
    shortDate: (iso) => formatShortDate(iso, locale(), timeZone()),
    relative: (iso) => formatRelative(iso, now(), locale(), timeZone()),
    fileSize: (bytes) => formatFileSize(bytes, locale()),
  };
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n must be used inside <I18nProvider>");
  return context;
}
