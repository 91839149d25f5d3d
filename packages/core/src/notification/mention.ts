/**
 * @mentions in a note: "@Anna Petrova", "@anna.petrova" (the local part of her address) or "@Anna" (her first name,
 * when no colleague shares it). Pure, so the console marks the same mentions the server notifies.
 */

export interface Mentionable {
  staffId: string;
  name: string;
  email: string;
}

export interface Part {
  text: string;
  /** The person this part mentions (its text is the "@handle"). */
  staffId?: string;
}

const WORD = /[\p{L}\p{N}_-]/u;

/** The lower-cased handles each person answers to, longest first (so "@anna.petrova" wins over "@anna"). */
function handles(staff: readonly Mentionable[]): [string, string][] {
  const out = new Map<string, string>();
  const firstNames = new Map<string, number>();
  for (const person of staff) {
    const first = person.name.trim().split(/\s+/)[0]?.toLocaleLowerCase();
    if (first) firstNames.set(first, (firstNames.get(first) ?? 0) + 1);
  }
  for (const person of staff) {
    const name = person.name.trim().replace(/\s+/g, " ").toLocaleLowerCase();
    const local = person.email.split("@")[0]!.toLocaleLowerCase();
    const first = name.split(" ")[0]!;
    for (const handle of [name, local, ...(firstNames.get(first) === 1 ? [first] : [])]) {
      if (handle && !out.has(handle)) out.set(handle, person.staffId);
    }
  }
  return [...out].sort((a, b) => b[0].length - a[0].length);
}

/** The note's text cut into plain parts and mentions. */
export function split(body: string, staff: readonly Mentionable[]): Part[] {
  const known = handles(staff);
  const parts: Part[] = [];
  let plain = "";
  let i = 0;
  while (i < body.length) {
    const at = body[i] === "@" && (i === 0 || !WORD.test(body[i - 1]!) && body[i - 1] !== ".");
    const found = at ? known.find(([handle]) => {
      const candidate = body.slice(i + 1, i + 1 + handle.length);
      const next = body[i + 1 + handle.length];
      return candidate.toLocaleLowerCase() === handle && (next === undefined || !WORD.test(next));
    }) : undefined;
    if (!found) {
      plain += body[i];
      i++;
      continue;
    }
    if (plain) parts.push({ text: plain });
    plain = "";
    const length = 1 + found[0].length;
    parts.push({ text: body.slice(i, i + length), staffId: found[1] });
    i += length;
  }
  if (plain) parts.push({ text: plain });
  return parts;
}

/** Who a note mentions, each once. */
export function mentioned(body: string, staff: readonly Mentionable[]): string[] {
  return [...new Set(split(body, staff).flatMap((p) => (p.staffId ? [p.staffId] : [])))];
}
