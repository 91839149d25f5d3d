import * as z from "zod";
import { AppError, Conflict, Forbidden, Invalid, NotFound } from "../error";
import { settleEach } from "../settle-each";
import { parse } from "../validation";
import * as Lifecycle from "./lifecycle";
import { IdSchema, load, VersionSchema, type Info } from "./record";
import { remove } from "./trash";
import { update, type UpdateInput } from "./update";

/**
 * Bulk actions on a selection of a queue: each ticket changes on its own, through the same use case as a single edit
 * (its own transaction, on its own version), so one refusal changes nothing of the others. The answer says, ticket by
 * ticket, whether it changed, and why not when it did not.
 */

const ReasonSchema = z.string().trim().min(1, "Say why").max(500);

export const BulkActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("assign"), assigneeId: IdSchema.nullable() }).strict(),
  z.object({ type: z.literal("status"), status: Lifecycle.StatusSchema }).strict(),
  z.object({ type: z.literal("priority"), priority: Lifecycle.PrioritySchema }).strict(),
  z.object({ type: z.literal("department"), departmentId: IdSchema, reason: ReasonSchema }).strict(),
  z
    .object({ type: z.literal("tags"), add: Lifecycle.TagsSchema.default([]), remove: Lifecycle.TagsSchema.default([]) })
    .strict()
    .refine((tags) => tags.add.length + tags.remove.length > 0, { path: ["add"], message: "Name a tag to add or remove" }),
  z.object({ type: z.literal("trash") }).strict(),
]);
export type BulkAction = z.output<typeof BulkActionSchema>;

export const BULK_LIMIT = 100;

export const BulkSchema = z
  .object({
    ticketIds: z.array(IdSchema).min(1).max(BULK_LIMIT),
    /** The version of each ticket the selection was made on: a ticket changed since is not changed again. */
    versions: z.record(IdSchema, VersionSchema).optional(),
    action: BulkActionSchema,
  })
  .strict();
export type BulkInput = z.input<typeof BulkSchema>;

/** Why a ticket of a bulk action was not changed. */
export type BulkReason = "not_found" | "no_access" | "changed" | "not_allowed" | "invalid";

export interface BulkOutcome {
  ticketId: string;
  /** The ticket's number, when the actor may see the ticket. */
  number?: number;
  outcome: "changed" | "unchanged" | "failed";
  reason?: BulkReason;
  /** The refusal, to be said in the reader's language. */
  error?: AppError;
  /** The ticket after the change. */
  ticket?: Info;
}

/** How many tickets change at once: a bulk action of 100 is not 100 concurrent transactions. */
const CONCURRENCY = 4;

/** The reason a refusal gives, or undefined for an error that is a bug (rethrown). */
function reasonOf(error: unknown): BulkReason | undefined {
  if (error instanceof NotFound) return "not_found";
  if (error instanceof Forbidden) return "no_access";
  // A stale version carries the ticket as it is now; any other conflict is the ticket's state (closed, trashed).
  if (error instanceof Conflict) return error.current !== undefined ? "changed" : "not_allowed";
  if (error instanceof Invalid) return error.issues.some((i) => i.code === "transition") ? "not_allowed" : "invalid";
  return undefined;
}

/** The single edit a bulk action makes of one ticket, or undefined when the ticket already is as asked. */
function editOf(action: BulkAction, ticket: { tags?: string[] | null }): Omit<UpdateInput, "version"> | undefined {
  switch (action.type) {
    case "assign":
      return { assigneeId: action.assigneeId };
    case "status":
      return { status: action.status };
    case "priority":
      return { priority: action.priority };
    case "department":
      return { departmentId: action.departmentId, reason: action.reason };
    case "tags": {
      const before = ticket.tags ?? [];
      const tags = [...before.filter((t) => !action.remove.includes(t)), ...action.add.filter((t) => !before.includes(t))];
      return tags.length === before.length && tags.every((t) => before.includes(t)) ? undefined : { tags };
    }
    case "trash":
      return undefined;
  }
}

/** Applies `action` to each ticket of the selection, one transaction a ticket; the outcomes are in the selection's order. */
export async function bulk(raw: BulkInput): Promise<BulkOutcome[]> {
  const input = parse(BulkSchema, raw);
  const ticketIds = [...new Set(input.ticketIds)];
  const outcomes: BulkOutcome[] = ticketIds.map((ticketId) => ({ ticketId, outcome: "unchanged" }));
  const settled = await settleEach(ticketIds, CONCURRENCY, async (ticketId) => {
    const outcome = outcomes[ticketIds.indexOf(ticketId)]!;
    const before = await load(ticketId);
    outcome.number = before.number;
    const version = input.versions?.[ticketId] ?? before.version;
    if (input.action.type === "trash") {
      if (before.deletedAt) return;
      outcome.ticket = await remove(ticketId, { version });
      outcome.outcome = "changed";
      return;
    }
    const edit = editOf(input.action, before);
    if (!edit) return;
    const after = await update(ticketId, { ...edit, version });
    outcome.ticket = after;
    outcome.outcome = after.version === before.version ? "unchanged" : "changed";
  });
  settled.forEach((result, index) => {
    if (result.status === "fulfilled") return;
    const reason = reasonOf(result.reason);
    if (!reason) throw result.reason;
    const outcome = outcomes[index]!;
    outcome.outcome = "failed";
    outcome.reason = reason;
    outcome.error = result.reason as AppError;
    // A ticket the actor may not see keeps its number to itself.
    if (reason === "not_found") delete outcome.number;
  });
  return outcomes;
}
