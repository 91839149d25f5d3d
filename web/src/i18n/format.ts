/** Money and dates in the reader's locale. Amounts arrive in minor units (3000 USD = $30.00). */

/**
 * A browser may show a language it has no formatting data for: the Chromium this project tests with has none for
 * Kazakh and formats it by ICU's root locale ("2026 M12 19", "1,234.5", "KZT 30.00", "-5 min"). Such a language
 * borrows the numbers, numeric dates and currency signs of a locale whose conventions its country shares (Kazakhstan
 * writes 19.12.2026 and 1 234,5, as Russian does), and never that locale's words: its dates are numeric, and "5 minutes
 * ago" becomes the time itself.
 */
const CONVENTIONS: Partial<Record<string, string>> = { kk: "ru" };

/** The locale to borrow numbers and numeric dates from, when `december` (the month's long name) shows no data. */
export function borrowedConventions(locale: string, december: string): string | undefined {
  return /^M\d+$/.test(december) ? CONVENTIONS[locale] : undefined;
}

const borrowed = new Map<string, string | undefined>();
function standIn(locale: string): string | undefined {
  if (!borrowed.has(locale)) {
    const december = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(Date.UTC(2026, 11, 15));
    borrowed.set(locale, borrowedConventions(locale, december));
  }
  return borrowed.get(locale);
}

/** The locale whose numbers to write: `locale`'s own, or the one it borrows. */
const numbersOf = (locale: string): string => standIn(locale) ?? locale;
const NUMERIC_DATE = { day: "2-digit", month: "2-digit", year: "numeric" } as const;

const fractionDigits = (locale: string, currency: string): number =>
  new Intl.NumberFormat(numbersOf(locale), { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;

export function formatMoney(minor: number, currency: string, locale: string): string {
  // The currency decides where the decimal point goes (JPY has none), not a hard-coded 100.
  const digits = fractionDigits(locale, currency);
  return new Intl.NumberFormat(numbersOf(locale), { style: "currency", currency }).format(minor / 10 ** digits);
}

/** A signed amount for ledgers: "+$30.00" / "−$1.00". */
export function formatSignedMoney(minor: number, currency: string, locale: string): string {
  const digits = fractionDigits(locale, currency);
  return new Intl.NumberFormat(numbersOf(locale), { style: "currency", currency, signDisplay: "exceptZero" }).format(minor / 10 ** digits);
}

/** An amount as typed ("50", "49.90", "49,90") in minor units of `currency`; undefined unless a positive amount. */
export function parseMoney(text: string, currency: string, locale: string): number | undefined {
  const digits = fractionDigits(locale, currency);
  const match = text.trim().replace(/[\s\u00a0]/g, "").match(digits > 0 ? new RegExp(`^(\\d+)(?:[.,](\\d{1,${digits}}))?$`) : /^(\d+)$/);
  if (!match) return undefined;
  const minor = Number(match[1]) * 10 ** digits + Number((match[2] ?? "").padEnd(digits, "0") || 0);
  return Number.isSafeInteger(minor) && minor > 0 ? minor : undefined;
}

/**
 * The functions below that read a moment take the reader's time zone (an IANA name): the one in their profile, else
 * their workspace's (web/src/components/app-shell.tsx). Without one, the device's.
 */
export function formatDate(iso: string, locale: string, timeZone?: string): string {
  const other = standIn(locale);
  return new Intl.DateTimeFormat(other ?? locale, { ...(other ? NUMERIC_DATE : { dateStyle: "long" }), timeZone }).format(new Date(iso));
}

/** A calendar date (yyyy-mm-dd) as it reads, the same day wherever the reader is. */
export function formatDay(date: string, locale: string, style: "long" | "medium" = "long"): string {
  const other = standIn(locale);
  return new Intl.DateTimeFormat(other ?? locale, { ...(other ? NUMERIC_DATE : { dateStyle: style }), timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

export function formatShortDate(iso: string, locale: string, timeZone?: string): string {
  const other = standIn(locale);
  return new Intl.DateTimeFormat(other ?? locale, { ...(other ? NUMERIC_DATE : { dateStyle: "medium" }), timeZone }).format(new Date(iso));
}

export function formatTime(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(numbersOf(locale), { timeStyle: "short", timeZone }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  const other = standIn(locale);
  const options = other ? ({ ...NUMERIC_DATE, hour: "2-digit", minute: "2-digit" } as const) : ({ dateStyle: "medium", timeStyle: "short" } as const);
  return new Intl.DateTimeFormat(other ?? locale, { ...options, timeZone }).format(new Date(iso));
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.35],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago": how long ago `iso` was, seen at `now`. */
export function formatRelative(iso: string, now: number, locale: string, timeZone?: string): string {
  if (standIn(locale)) return formatDateTime(iso, locale, timeZone);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "long" });
  let value = (new Date(iso).getTime() - now) / 1000;
  if (Math.abs(value) < 45) return format.format(0, "second");
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit);
    value /= size;
  }
  return format.format(Math.round(value), "year");
}

/** "0.5 kB", "48 kB", "2.4 MB": a file's size for people. */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ["kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(numbersOf(locale), { style: "unit", unit: units[unit], unitDisplay: "short", maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
