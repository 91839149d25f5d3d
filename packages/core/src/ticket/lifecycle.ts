import * as z from "zod";
import { msg, type Message } from "../error";

/**
 * The vocabulary of a ticket: statuses and their lifecycle, ITIL request types, channels, and priority from
 * impact x urgency. Pure data and functions, shared by the core, the API schemas and (as types) the web app.
 */

export const Statuses = ["new", "open", "pending", "on_hold", "solved", "closed"] as const;
export type Status = (typeof Statuses)[number];

export const Priorities = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof Priorities)[number];

export const Levels = ["low", "medium", "high"] as const;
export type Level = (typeof Levels)[number];

export const Types = ["incident", "service_request", "information_request", "documentation_request", "change_request"] as const;
export type Type = (typeof Types)[number];

export const Channels = ["agent", "email", "portal", "api"] as const;
export type Channel = (typeof Channels)[number];

/** How a request registered by an agent reached them. */
export const Origins = ["phone", "in_person", "chat", "other"] as const;
export type Origin = (typeof Origins)[number];

export const StatusSchema = z.enum(Statuses);
export const PrioritySchema = z.enum(Priorities);
export const LevelSchema = z.enum(Levels);
export const TypeSchema = z.enum(Types);

/**
 * The priority matrix (ITIL): impact is how much of the business is affected, urgency how soon it hurts.
 *
 *   impact \ urgency   high     medium   low
 *   high               urgent   high     normal
 *   medium             high     normal   low
 *   low                normal   low      low
 */
const MATRIX: Record<Level, Record<Level, Priority>> = {
  high: { high: "urgent", medium: "high", low: "normal" },
  medium: { high: "high", medium: "normal", low: "low" },
  low: { high: "normal", medium: "low", low: "low" },
};

export function priorityOf(impact: Level, urgency: Level): Priority {
  return MATRIX[impact][urgency];
}

/** Sort rank of a priority: urgent first. A string, because it leads the queue indexes' sort keys. */
export function priorityRank(priority: Priority): string {
  return String(3 - Priorities.indexOf(priority));
}

export const PRIORITY_RANKS = ["0", "1", "2", "3"] as const;

/**
 * Which status changes a staff member may make. Closed is final: a later message opens a linked follow-up. A ticket
 * is closed only after it was solved; `new` is only where a ticket starts.
 */
export function canTransition(from: Status, to: Status): boolean {
  if (from === to) return true;
  if (from === "closed" || to === "new") return false;
  if (to === "closed") return from === "solved";
  return true;
}

export function transitionError(from: Status, to: Status): Message {
  if (from === "closed") return msg("This ticket is closed; closed tickets are final (a new message opens a follow-up)");
  if (to === "new") return msg("A ticket cannot be set back to new");
  if (to === "closed") return msg("Solve the ticket before closing it");
  return msg(
    "A ticket cannot go from {from, select, new {new} open {open} pending {pending} on_hold {on hold} solved {solved} closed {closed} other {{from}}} to {to, select, new {new} open {open} pending {pending} on_hold {on hold} solved {solved} closed {closed} other {{to}}}",
    { from, to },
  );
}

export const UNSOLVED: readonly Status[] = ["new", "open", "pending", "on_hold"];

/**
 * The queue a ticket counts towards: new and open tickets are "open", solved and closed are "solved", and a ticket in
 * the trash is "trash" whatever its status (the queue counters are kept per group).
 */
export const Groups = ["open", "pending", "hold", "solved", "trash"] as const;
export type Group = (typeof Groups)[number];

export function groupOf(status: Status, deleted: boolean): Group {
  if (deleted) return "trash";
  switch (status) {
    case "new":
    case "open":
      return "open";
    case "pending":
      return "pending";
    case "on_hold":
      return "hold";
    case "solved":
    case "closed":
      return "solved";
  }
}

/**
 * The partition of the queue indexes a ticket is filed in: every unsolved ticket is "active" (so a view of unsolved
 * tickets reads one partition per scope), solved and closed tickets are "solved", deleted ones "trash".
 */
export const IndexGroups = ["active", "solved", "trash"] as const;
export type IndexGroup = (typeof IndexGroups)[number];

export function indexGroupOf(status: Status, deleted: boolean): IndexGroup {
  if (deleted) return "trash";
  return status === "solved" || status === "closed" ? "solved" : "active";
}

/** Normalises tags: trimmed, lowercase, spaces as hyphens, unique, in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().toLowerCase().replace(/\s+/g, "-");
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export const TagsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, "A tag cannot be empty")
      .max(40, "A tag has at most 40 characters")
      .regex(/^[\p{L}\p{N}_\- ]+$/u, "Use letters, digits, spaces, hyphens and underscores in tags"),
  )
  .max(20, "At most 20 tags")
  .transform(normaliseTags);
