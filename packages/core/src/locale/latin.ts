import transliterate from "@sindresorhus/transliterate";

/**
 * Names in Latin letters, for addresses made from them: a department's plus address here, a workspace's address
 * suggested at sign-up in the console (web/src/workspace/address.ts imports this file, and nothing else of the core
 * but types: keep it free of other imports).
 */

/** The languages whose names we write in Latin letters by their own rules; anything else by the library's defaults. */
export type NameLanguage = "ru" | "uk" | "kk" | "hu";

/**
 * Ukrainian by the official romanisation (Cabinet of Ministers resolution no. 55, 2010, the one passports use):
 * г is h, и is y, х is kh, щ is shch; є ї й ю я are ye yi y yu ya at the start of a word, ie i i iu ia inside it;
 * the soft sign and the apostrophe are not written.
 */
const UKRAINIAN: [string, string][] = [
  ["зг", "zgh"], ["г", "h"], ["ґ", "g"], ["є", "ie"], ["и", "y"], ["і", "i"], ["ї", "i"], ["й", "i"], ["х", "kh"],
  ["ц", "ts"], ["щ", "shch"], ["ь", ""], ["ю", "iu"], ["я", "ia"], ["'", ""], ["’", ""], ["ʼ", ""],
];
const UKRAINIAN_WORD_START: Record<string, string> = { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya" };

/** Kazakh letters as the Kazakh Latin alphabet (2021) writes them, without its diacritics (ä ğ q ñ ö ū ü h ı). */
const KAZAKH: [string, string][] = [
  ["ә", "a"], ["ғ", "g"], ["қ", "q"], ["ң", "n"], ["ө", "o"], ["ұ", "u"], ["ү", "u"], ["һ", "h"], ["і", "i"],
];

/** Russian as passports write it (щ is shch, not the library's German-looking sch); the rest is the library's. */
const RUSSIAN: [string, string][] = [["щ", "shch"]];

/**
 * The language a name is written in, by the letters only one language has (Kazakh ә ғ қ ң ө ұ ү һ; Ukrainian і ї є ґ;
 * Hungarian's accented vowels), else the reader's language where it writes that script, else Russian for Cyrillic.
 */
export function nameLanguage(name: string, reader?: string): NameLanguage | undefined {
  const text = name.toLowerCase();
  if (/[әғқңөұүһ]/.test(text)) return "kk";
  if (/[їєґ]/.test(text)) return "uk";
  if (/[\u0400-\u04ff]/.test(text)) return reader === "uk" || reader === "kk" ? reader : /і/.test(text) ? "uk" : "ru";
  // ö and ü are o and u as Hungarian writes them without accents, not German's oe and ue (ours is not a German audience).
  if (/[áéíóöúüőű]/.test(text)) return "hu";
  return undefined;
}

/**
 * A name in lowercase Latin letters, by its language's own rules ("Служба підтримки" → "sluzhba pidtrymky", "Қолдау"
 * → "qoldau", "Árvíztűrő" → "arvizturo"). @sindresorhus/transliterate does the letters every language writes alike,
 * its Hungarian rules (ö and ü as o and u, not the German oe and ue) and every other script; the tables above give
 * what it lacks (Ukrainian and Kazakh) or writes otherwise (Russian щ).
 */
export function latinOf(name: string, reader?: string): string {
  const language = nameLanguage(name, reader);
  let text = name.toLowerCase();
  if (language === "uk") text = text.replace(/(^|[^\p{L}'’ʼ])([єїйюя])/gu, (_, before: string, letter: string) => before + UKRAINIAN_WORD_START[letter]);
  const customReplacements = language === "uk" ? UKRAINIAN : language === "kk" ? KAZAKH : language === "ru" ? RUSSIAN : [];
  return transliterate(text, { customReplacements, ...(language === "hu" ? { locale: "hu" } : {}) }).toLowerCase();
}

/** A name as an address's local part: "Служба підтримки" → "sluzhba-pidtrymky", "Payments & Refunds" → "payments-refunds". */
export function addressPartOf(name: string, reader?: string, max = 40): string {
  return latinOf(name, reader)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}
