/**
 * Amounts as operators type them ("50", "49.90", "-12,5") and as the API keeps them (minor units: 4990). The currency
 * decides how many decimals there are (USD 2, JPY 0), as in the i18n money formatter.
 */

export function decimalsOf(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Minor units from what was typed: digits with an optional sign, spaces between groups, and "." or "," before at most
 * the currency's decimals. Anything else (letters, "1,000.5", too many decimals) is undefined.
 */
export function parseAmount(text: string, currency: string): number | undefined {
  const digits = decimalsOf(currency);
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace("\u2212", "-");
  const match = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(compact);
  if (!match) return undefined;
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > digits) return undefined;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(minor)) return undefined;
  return sign === "-" ? -minor : minor;
}

/** Minor units as an editable amount: 4990 USD → "49.90", 500 JPY → "500". */
export function formatAmountInput(minor: number, currency: string): string {
  const digits = decimalsOf(currency);
  return (minor / 10 ** digits).toFixed(digits);
}
