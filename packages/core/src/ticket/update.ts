import * as z from "zod";
import { Access } from "../access";
import { usePrincipal } from "../actor";
import { Department } from "../department";
import { appendToThread, letterIntent } from "../email/intent";
import { Conflict, Invalid, msg } from "../error";
import { Event } from "../event";
import { createId } from "../id";
import { Staff } from "../staff";
import { parse } from "../validation";
import { assertAssignable } from "./create";
import * as Lifecycle from "./lifecycle";
import { IdSchema, load, staleConflict, SubjectSchema, VersionSchema, view, type Info, type Record } from "./record";
import { commitChange, type MessageDraft } from "./write";
import { useClock } from "../port";

export const UpdateSchema = z
  .object({
    version: VersionSchema,
    subject: SubjectSchema.optional(),
    status: Lifecycle.StatusSchema.optional(),
    priority: Lifecycle.PrioritySchema.optional(),
    impact: Lifecycle.LevelSchema.optional(),
    urgency: Lifecycle.LevelSchema.optional(),
    type: Lifecycle.TypeSchema.optional(),
    departmentId: IdSchema.optional(),
    assigneeId: IdSchema.nullable().optional(),
    tags: Lifecycle.TagsSchema.optional(),
    /** Why the ticket is redirected or reassigned; required when it moves to another department. */
    reason: z.string().trim().min(1, "Say why").max(500).optional(),
  })
  .strict();
export type UpdateInput = z.input<typeof UpdateSchema>;

const CLASSIFICATION = ["subject", "priority", "impact", "urgency", "type", "tags"] as const;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Timestamps a status change sets or clears. */
export function statusStamps(from: Lifecycle.Status, to: Lifecycle.Status, at: string) {
  const set: Partial<Record> = {};
  const remove: (keyof Record)[] = [];
  if (to === "solved" && from !== "solved") set.solvedAt = at;
  if (to === "closed") set.closedAt = at;
  if (from === "solved" && to !== "solved" && to !== "closed") remove.push("solvedAt");
  return { set, remove };
}

/**
 * Changes a ticket's fields, on the version the change was based on (409 with the current ticket otherwise). Status
 * changes, assignment and redirection leave system entries in the thread; every change is an event. Solving a ticket
 * sends the requester "your request is solved" (by reaction, from the status entry's letter).
 */
export async function update(ticketId: string, raw: UpdateInput): Promise<Info> {
  const actor = usePrincipal();
  const input = parse(UpdateSchema, raw);
  const before = await load(ticketId);
  Access.assertTicket(actor, "work", before);
  if (input.version !== before.version) throw await staleConflict(ticketId, before);
  const by = Event.actorOf(actor);
  const at = useClock().now().toISOString();
  const set: Partial<Record> = {};
  const remove: (keyof Record)[] = [];
  const messages: MessageDraft[] = [];
  const events: Event.Draft[] = [];
  const target = { type: "ticket", id: ticketId, label: `#${before.number}` };
  const system = (action: string, from?: string, to?: string, reason?: string): MessageDraft => ({
    kind: "system",
    authorType: by.type === "staff" ? "staff" : "system",
    authorId: by.id,
    authorName: by.name,
    body: "",
    system: { action, from, to, reason },
  });

  if (before.status === "closed") throw new Conflict(Lifecycle.transitionError("closed", input.status ?? "open"));

  // Classification: subject, priority (from impact x urgency unless given), type, tags.
  const impact = input.impact ?? before.impact;
  const urgency = input.urgency ?? before.urgency;
  const priority = input.priority ?? (input.impact || input.urgency ? Lifecycle.priorityOf(impact, urgency) : before.priority);
  const classification: { [key: string]: unknown } = { subject: input.subject, impact: input.impact, urgency: input.urgency, type: input.type, tags: input.tags, priority };
  const classBefore: { [key: string]: unknown } = {};
  const classAfter: { [key: string]: unknown } = {};
  for (const key of CLASSIFICATION) {
    const value = classification[key];
    if (value === undefined || same(value, before[key])) continue;
    (set as { [key: string]: unknown })[key] = value;
    classBefore[key] = before[key] ?? null;
    classAfter[key] = value;
  }

  // Status.
  let statusEntry: MessageDraft | undefined;
  if (input.status && input.status !== before.status) {
    if (!Lifecycle.canTransition(before.status, input.status)) {
      throw Invalid.field("status", "transition", Lifecycle.transitionError(before.status, input.status));
    }
    set.status = input.status;
    const stamps = statusStamps(before.status, input.status, at);
    Object.assign(set, stamps.set);
    remove.push(...stamps.remove);
    classBefore.status = before.status;
    classAfter.status = input.status;
    statusEntry = system("status", before.status, input.status);
    messages.push(statusEntry);
  }
  if (Object.keys(classAfter).length) events.push({ action: "ticket.update", target, departmentId: before.departmentId, before: classBefore, after: classAfter });

  // Redirection to another department (the assignee follows only if they work there).
  let departmentId = before.departmentId;
  let assigneeId: string | null = before.assigneeId ?? null;
  if (input.departmentId && input.departmentId !== before.departmentId) {
    Access.assertTicket(actor, "redirect", before);
    if (!input.reason) throw Invalid.field("reason", "required", "Say why the ticket moves to another department");
    const department = await Department.requireOpen(input.departmentId);
    departmentId = input.departmentId;
    set.departmentId = departmentId;
    if (assigneeId && input.assigneeId === undefined) {
      const current = await Staff.find(assigneeId);
      if (!current || !Staff.worksIn(current, departmentId)) assigneeId = null;
    }
    messages.push(system("redirect", before.departmentId, departmentId, input.reason));
    events.push({
      action: "ticket.redirect",
      target,
      departmentId,
      before: { departmentId: before.departmentId },
      after: { departmentId: department.departmentId },
      reason: input.reason,
    });
  }

  // Assignment.
  if (input.assigneeId !== undefined) assigneeId = input.assigneeId;
  if ((assigneeId ?? null) !== (before.assigneeId ?? null)) {
    const scope = { departmentId: before.departmentId, assigneeId: before.assigneeId };
    if (input.assigneeId !== undefined && !Access.canAssign(actor, scope, input.assigneeId)) {
      Access.assertTicket(actor, "assign", before, msg("Only dispatchers, supervisors and admins assign tickets to others"));
    }
    if (assigneeId) await assertAssignable(assigneeId, departmentId, "assigneeId");
    if (assigneeId) set.assigneeId = assigneeId;
    else remove.push("assigneeId");
    if (before.status === "new" && assigneeId && !set.status) {
      set.status = "open";
      messages.push(system("status", "new", "open"));
    }
    messages.push(system("assign", before.assigneeId ?? undefined, assigneeId ?? undefined, input.reason));
    events.push({
      action: "ticket.assign",
      target,
      departmentId,
      before: { assigneeId: before.assigneeId ?? null },
      after: { assigneeId },
      reason: input.reason,
    });
  }

  if (!events.length) return view(before);
  if (set.status === "solved" && statusEntry) {
    statusEntry.messageId = createId();
    const letter = letterIntent(actor.tenantId, "ticket_solved", { ...before, ...set } as Record, statusEntry.messageId);
    if (letter) {
      statusEntry.letter = letter;
      set.mailThread = appendToThread(before.mailThread, letter.emailMessageId);
    }
  }
  const { after } = await commitChange({ before, set, remove, messages, events, by, at });
  return view(after);
}
