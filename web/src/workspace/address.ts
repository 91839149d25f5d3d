// The one place the console runs the core's code: a pure function with no imports but the transliteration library,
// so that the address suggested at sign-up and a department's address made by the API follow the same rules.
import { addressPartOf } from "@frontline/core/locale/latin";

/**
 * The workspace address (slug) as the sign-up form proposes it, and the inbound address it leads to.
 * The server stays the judge of what is valid; this only suggests and previews.
 */

/** Domain of inbound addresses; the API does not publish it yet, so the build may override the local default. */
export const INBOUND_DOMAIN: string = import.meta.env.VITE_INBOUND_DOMAIN || "frontline.localhost";

export function inboundAddressFor(slug: string): string {
  return `${slug}@${INBOUND_DOMAIN}`;
}

/** "Acme Support, Inc." -> "acme-support-inc"; "Ромашка" -> "romashka"; "Служба підтримки" -> "sluzhba-pidtrymky". */
export function suggestSlug(name: string, reader?: string): string {
  return addressPartOf(name, reader, 40);
}

/** What a person typed into the address field, made as close to valid as can be without guessing. */
export function normalizeSlugInput(value: string): string {
  return value.toLowerCase().replace(/\s+/g, "-");
}
