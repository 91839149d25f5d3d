import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as hungarian } from "@orama/stemmers/hungarian";
import { stemmer as russian } from "@orama/stemmers/russian";
import { stemmer as ukrainian } from "@orama/stemmers/ukrainian";

/**
 * Text analysis for search, the same for every engine: a word becomes its stems in each language that could have
 * written it (Cyrillic: Russian and Ukrainian; Latin: English and Hungarian) and itself, so that no language has to
 * be guessed from a short text. A query word is analysed the same way and matches an indexed term that starts with
 * any of its forms: "платежі" (uk) and "платежами" (ru) meet at "платеж", "számlát" finds "számla", and Kazakh, which
 * has no stemmer, is found by its prefix ("төлем" finds "төлемдер").
 */

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const WORD = /[\p{L}\p{N}]+/gu;
/** Longer runs are cut: nobody types them, and they would only bloat the index. */
const MAX_WORD = 40;
/** A stem shorter than this is dropped as a prefix (it would match nearly everything); the word itself stays. */
const MIN_STEM = 3;

/** Lowercase, composed, ё as е, and apostrophes inside words removed ("кур'єр", "O’Brien"). */
export function normalise(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/(?<=[\p{L}\p{N}])['’ʼ`](?=[\p{L}\p{N}])/gu, "");
}

/** The words of a text, normalised, in order. */
export function words(text: string): string[] {
  return (normalise(text).match(WORD) ?? []).map((word) => word.slice(0, MAX_WORD));
}

const cache = new Map<string, readonly string[]>();

/**
 * Vowels that come and go inside Slavic stems, which the stemmers leave alone: Ukrainian і in a closed last syllable
 * is е or о when the word grows ("платіж" / "платежу", "рік" / "року"), and a fleeting о or е before a final к drops
 * ("рахунок" / "рахунку", "звонок" / "звонка"). The other shape is added as one more form.
 */
function alternations(word: string): string[] {
  const found: string[] = [];
  const closed = /^(.*[^аеєиіїоуюяыэё])і([^аеєиіїоуюяыэёйь]{1,2})$/u.exec(word);
  if (closed && word.length >= 4) found.push(`${closed[1]}е${closed[2]}`, `${closed[1]}о${closed[2]}`);
  const fleeting = /^(.{3,})[ое]к$/u.exec(word);
  if (fleeting) found.push(`${fleeting[1]}к`);
  return found;
}

/** A word's forms: itself and its stems, distinct. */
export function forms(word: string): readonly string[] {
  const known = cache.get(word);
  if (known) return known;
  const found = new Set([word]);
  const stemmers = CYRILLIC.test(word) ? [russian, ukrainian] : LATIN.test(word) ? [english, hungarian] : [];
  for (const stem of stemmers) {
    const stemmed = stem(word);
    if (stemmed.length >= MIN_STEM || stemmed === word) found.add(stemmed);
  }
  if (CYRILLIC.test(word)) for (const other of alternations(word)) found.add(other);
  const result = [...found];
  if (cache.size > 50_000) cache.clear();
  cache.set(word, result);
  return result;
}

/** The terms an engine indexes for a text: every form of every word, space-separated. */
export function terms(...texts: (string | undefined)[]): string {
  const all = new Set<string>();
  for (const text of texts) if (text) for (const word of words(text)) for (const form of forms(word)) all.add(form);
  return [...all].join(" ");
}

/** A phone number's digits: indexed whole, so that a number typed with or without spaces is found. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, "");
}

/** A query's words, each with the forms any of which will do (at most 12 words). */
export function queryWords(query: string): string[][] {
  const distinct = [...new Set(words(query))].slice(0, 12);
  return distinct.map((word) => [...forms(word)].sort((a, b) => a.length - b.length).filter((form, i, all) => !all.slice(0, i).some((shorter) => form.startsWith(shorter))));
}

/** A piece of text, marked when it is a word the query matched. */
export interface Segment {
  text: string;
  match?: true;
}

/** Does a word of the text answer one of the query's words? (What the engines do: a form starts with a query form.) */
function matches(word: string, query: readonly string[][]): boolean {
  const own = forms(word.slice(0, MAX_WORD));
  return query.some((alternatives) => alternatives.some((q) => own.some((form) => form.startsWith(q))));
}

/** `text` cut into segments with the words the query matched marked (for `<mark>`, never as HTML). */
export function highlight(text: string, query: readonly string[][]): Segment[] {
  const composed = text.normalize("NFC");
  if (!query.length) return composed ? [{ text: composed }] : [];
  const segments: Segment[] = [];
  let last = 0;
  for (const found of composed.matchAll(/[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu)) {
    const word = found[0];
    if (!matches(normalise(word), query)) continue;
    if (found.index > last) segments.push({ text: composed.slice(last, found.index) });
    segments.push({ text: word, match: true });
    last = found.index + word.length;
  }
  if (last < composed.length) segments.push({ text: composed.slice(last) });
  return segments;
}

/**
 * A short passage of `text` around its first matched word (about `width` characters, cut at word boundaries, with
 * an ellipsis where it was cut), highlighted.
 */
export function snippet(text: string, query: readonly string[][], width = 220): Segment[] {
  const flat = text.replace(/\s+/g, " ").trim();
  const whole = highlight(flat, query);
  if (flat.length <= width) return whole;
  let offset = 0;
  let first = 0;
  for (const segment of whole) {
    if (segment.match) {
      first = offset;
      break;
    }
    offset += segment.text.length;
  }
  let start = Math.max(0, first - Math.floor(width / 3));
  if (start > 0) {
    const space = flat.indexOf(" ", start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(" ", end);
    end = space > first ? space : end;
  }
  const passage = `${start > 0 ? "…" : ""}${flat.slice(start, end)}${end < flat.length ? "…" : ""}`;
  return highlight(passage, query);
}
