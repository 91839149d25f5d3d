import EmailReplyParser from "email-reply-parser";

/**
 * The new part of a reply, without the quoted history below it. The full text stays on the message (and the raw mail
 * in the blob store); this is what the thread shows first.
 */

/**
 * "On ... wrote:" in the languages of the product's users (English, Russian, Ukrainian, Kazakh, Hungarian) and a few
 * neighbours; the library below knows English and Western European forms, not these.
 */
const ATTRIBUTION = /^.{0,200}(wrote|пишет|писал|писала|написал|написала|пише|написав|написала|жазды|írta|schrieb|a écrit|escribió|napisał|napsal)\s*(\([^)]*\))?\s*:\s*$/iu;

const parser = new EmailReplyParser();
/** The reply parser's regular expressions see at most this much text (they are not linear on hostile input). */
const PARSER_INPUT = 50_000;

export function trimQuoted(text: string): { shown: string; trimmed: boolean } {
  const normalised = text.replace(/\r\n/g, "\n");
  const lines = normalised.split("\n");
  let cut = lines.findIndex((line) => line.includes("##- ") && line.includes(" -##"));
  if (cut < 0) {
    cut = lines.findIndex((line, i) => {
      if (!ATTRIBUTION.test(line.trim())) return false;
      const rest = lines.slice(i + 1).filter((l) => l.trim());
      return rest.length === 0 || rest.filter((l) => l.startsWith(">")).length >= rest.length / 2;
    });
  }
  let shown = cut >= 0 ? lines.slice(0, cut).join("\n") : normalised;
  if (shown.length <= PARSER_INPUT) {
    const parsed = parser.parseReply(shown);
    if (parsed.trim()) shown = parsed;
  }
  shown = shown.replace(/\s+$/, "");
  return { shown: shown || normalised.trim(), trimmed: shown.trim() !== normalised.trim() };
}
