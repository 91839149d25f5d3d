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

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}
