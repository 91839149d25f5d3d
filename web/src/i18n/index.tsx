import { createContext, createEffect, createMemo, createSignal, onCleanup, useContext, type JSX } from "solid-js";
import * as i18n from "@solid-primitives/i18n";
import { en, type Catalogue } from "./en";
import { ru } from "./ru";
import { formatDate, formatDateTime, formatFileSize, formatMoney, formatRelative, formatShortDate, formatSignedMoney, formatTime } from "./format";

export type Locale = "en" | "ru";
export const Locales: readonly Locale[] = ["en", "ru"];
export const catalogues: Record<Locale, Catalogue> = { en, ru };

const STORAGE_KEY = "frontline.locale";

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (Locales as readonly string[]).includes(value);
}

/** The remembered choice, else the browser's language (any Russian variant gives Russian), else English. */
export function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled (privacy modes); fall back to the browser's language.
  }
  const language = globalThis.navigator?.language?.toLowerCase() ?? "";
  return language.startsWith("ru") ? "ru" : "en";
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

export function I18nProvider(props: { locale?: Locale; children: JSX.Element }) {
  const [locale, setLocaleSignal] = createSignal<Locale>(props.locale ?? initialLocale());
  const dict = createMemo(() => i18n.flatten(catalogues[locale()]));
  const t = i18n.translator(dict, i18n.resolveTemplate);
  // One clock for every relative time on screen.
  const [now, setNow] = createSignal(Date.now());
  const clock = setInterval(() => setNow(Date.now()), 30_000);
  onCleanup(() => clearInterval(clock));

  const setLocale = (next: Locale) => {
    setLocaleSignal(next);
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
