/**
 * What an agent is writing on each ticket, kept in this tab's sessionStorage: it survives a reload, a trip to the
 * queue and a refused send (a 409), and is cleared when the message is sent. A reply and a note are separate drafts.
 */
export type ComposerMode = "reply" | "note";

export interface Draft {
  mode: ComposerMode;
  reply: string;
  note: string;
}

const PREFIX = "frontline.draft.";
const EMPTY: Draft = { mode: "reply", reply: "", note: "" };

// Kept in memory too, for browsers whose storage is disabled or full.
const memory = new Map<string, Draft>();

export function loadDraft(ticketId: string): Draft {
  try {
    const stored = globalThis.sessionStorage?.getItem(PREFIX + ticketId);
    if (stored) {
      const parsed = JSON.parse(stored) as Partial<Draft>;
      return {
        mode: parsed.mode === "note" ? "note" : "reply",
        reply: typeof parsed.reply === "string" ? parsed.reply : "",
        note: typeof parsed.note === "string" ? parsed.note : "",
      };
    }
  } catch {
    // Unreadable: fall back to memory.
  }
  return memory.get(ticketId) ?? { ...EMPTY };
}

export function saveDraft(ticketId: string, draft: Draft): void {
  const empty = !draft.reply && !draft.note && draft.mode === "reply";
  if (empty) memory.delete(ticketId);
  else memory.set(ticketId, { ...draft });
  try {
    if (empty) globalThis.sessionStorage?.removeItem(PREFIX + ticketId);
    else globalThis.sessionStorage?.setItem(PREFIX + ticketId, JSON.stringify(draft));
  } catch {
    // Kept in memory.
  }
}
