/** Money and dates in the reader's locale. Amounts arrive in minor units (3000 USD = $30.00). */

const fractionDigits = (locale: string, currency: string): number =>
  new Intl.NumberFormat(locale, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;

export function formatMoney(minor: number, currency: string, locale: string): string {
  // The currency decides where the decimal point goes (JPY has none), not a hard-coded 100.
  const digits = fractionDigits(locale, currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minor / 10 ** digits);
}

/** A signed amount for ledgers: "+$30.00" / "−$1.00". */
export function formatSignedMoney(minor: number, currency: string, locale: string): string {
  const digits = fractionDigits(locale, currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency, signDisplay: "exceptZero" }).format(minor / 10 ** digits);
}

/** An amount as typed ("50", "49.90", "49,90") in minor units of `currency`; undefined unless a positive amount. */
export function parseMoney(text: string, currency: string, locale: string): number | undefined {
  const digits = fractionDigits(locale, currency);
  const match = text.trim().replace(/[\s\u00a0]/g, "").match(digits > 0 ? new RegExp(`^(\\d+)(?:[.,](\\d{1,${digits}}))?$`) : /^(\d+)$/);
  if (!match) return undefined;
  const minor = Number(match[1]) * 10 ** digits + Number((match[2] ?? "").padEnd(digits, "0") || 0);
  return Number.isSafeInteger(minor) && minor > 0 ? minor : undefined;
}

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date(iso));
}

/** A calendar date (yyyy-mm-dd) as it reads, the same day wherever the reader is. */
export function formatDay(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

export function formatShortDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
}

export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
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
export function formatRelative(iso: string, now: number, locale: string): string {
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
  return new Intl.NumberFormat(locale, { style: "unit", unit: units[unit], unitDisplay: "short", maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
