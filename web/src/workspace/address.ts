/**
 * The workspace address (slug) as the sign-up form proposes it, and the inbound address it leads to.
 * The server stays the judge of what is valid; this only suggests and previews.
 */

/** Domain of inbound addresses; the API does not publish it yet, so the build may override the local default. */
export const INBOUND_DOMAIN: string = import.meta.env.VITE_INBOUND_DOMAIN || "frontline.localhost";

export function inboundAddressFor(slug: string): string {
  return `${slug}@${INBOUND_DOMAIN}`;
}

// Russian and Kazakh names are common here; transliterate them rather than drop every letter.
const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
  // Kazakh letters as the Kazakh Latin alphabet writes them, without its diacritics (ä ğ ñ ö ū ü ı).
  ә: "a", ғ: "g", қ: "q", ң: "n", ө: "o", ұ: "u", ү: "u", һ: "h", і: "i",
};

const MAX_LENGTH = 40;

/** "Acme Support, Inc." -> "acme-support-inc"; "Ромашка" -> "romashka". */
export function suggestSlug(name: string): string {
  const latin = [...name.toLowerCase()].map((ch) => CYRILLIC[ch] ?? ch).join("");
  return latin
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, "");
}

/** What a person typed into the address field, made as close to valid as can be without guessing. */
export function normalizeSlugInput(value: string): string {
  return value.toLowerCase().replace(/\s+/g, "-");
}
