import * as z from "zod";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { useDb } from "../db/service";
import { guarded, transact } from "../db/transaction";
import { Invalid, msg, NotFound } from "../error";
import { Event } from "../event";
import { createId } from "../id";
import { useClock } from "../port";
import { parse } from "../validation";
import { LinkRoles, mirrorRole, type LinkRole } from "./link.entity";
import { byNumber } from "./read";
import { IdSchema, load, readRecord, type LinkRecord, type Record } from "./record";

export const LinkSchema = z
  .object({
    /** The other ticket, by id (a picker) or by number (typed). */
    other: IdSchema.optional(),
    otherNumber: z.number({ error: "A ticket number is a whole number" }).int("A ticket number is a whole number").min(1, "A ticket number is a whole number").optional(),
    /** What the other ticket is to this one. */
    role: z.enum(LinkRoles, { error: "Choose how the tickets are related" }),
  })
  .strict()
  .refine((input) => input.other !== undefined || input.otherNumber !== undefined, { message: "Choose the ticket to link", path: ["other"] });
export type LinkInput = z.input<typeof LinkSchema>;

/** A ticket's links, in its own partition: one query. */
export async function linksOf(ticketId: string): Promise<LinkRecord[]> {
  const result = await useDb().entities.ticketLink.query.byId({ tenantId: useTenantId(), ticketId }).go({ pages: "all", consistent: true });
  return result.data;
}

/**
 * Links a ticket to another: the other is its problem, one of its incidents, or related. Written on this ticket's side
 * with its event; the other ticket's side follows by reaction (reactions.ts). An incident has one problem.
 */
export async function link(ticketId: string, raw: LinkInput): Promise<LinkRecord> {
  const actor = usePrincipal();
  const tenantId = useTenantId();
  const input = parse(LinkSchema, raw);
  const field = input.other !== undefined ? "other" : "otherNumber";
  const ticket = await load(ticketId);
  Access.assertTicket(actor, "work", ticket);
  const other: Record | undefined = input.other !== undefined ? await readRecord(input.other, true) : await byNumber(input.otherNumber!);
  if (!other || !Access.can(actor, "view", other)) {
    throw Invalid.field(field, "not_found", input.other !== undefined ? msg("There is no such ticket") : msg("There is no ticket #{number}", { number: String(input.otherNumber) }));
  }
  const number = String(other.number);
  if (other.ticketId === ticketId) throw Invalid.field(field, "same_ticket", msg("A ticket cannot be linked to itself"));
  if (other.deletedAt) throw Invalid.field(field, "trashed", msg("Ticket #{number} is in the trash", { number }));
  const [mine, theirs] = await Promise.all([linksOf(ticketId), input.role === "incident" ? linksOf(other.ticketId) : Promise.resolve([])]);
  if (mine.some((l) => l.otherId === other.ticketId)) throw Invalid.field(field, "linked", msg("Ticket #{number} is linked to this one already", { number }));
  if (input.role === "problem" && mine.some((l) => l.role === "problem")) {
    throw Invalid.field("role", "one_problem", msg("This ticket has a problem already: an incident has one problem"));
  }
  if (input.role === "incident" && theirs.some((l) => l.role === "problem")) {
    throw Invalid.field("role", "one_problem", msg("Ticket #{number} has a problem already: an incident has one problem", { number }));
  }

  const by = Event.actorOf(actor);
  const item = {
    tenantId,
    ticketId,
    otherId: other.ticketId,
    role: input.role as LinkRole,
    linkId: createId(),
    createdAt: useClock().now().toISOString(),
    createdBy: by.id,
  };
  await transact((entities) => [
    guarded(entities.ticketLink.create(item).commit(), () => Invalid.field(field, "linked", msg("Ticket #{number} is linked to this one already", { number }))),
    Event.write(
      entities,
      by,
      {
        action: "ticket.link",
        target: { type: "ticket", id: ticketId, label: `#${ticket.number}` },
        departmentId: ticket.departmentId,
        after: { ticket: `#${other.number}`, role: input.role },
      },
      item.createdAt,
    ),
  ]);
  return item;
}

/** Removes a link, from either side: this side with its event; the other side follows by reaction. */
export async function unlink(ticketId: string, otherId: string): Promise<void> {
  const actor = usePrincipal();
  const tenantId = useTenantId();
  const ticket = await load(ticketId);
  Access.assertTicket(actor, "work", ticket);
  const found = (await useDb().entities.ticketLink.get({ tenantId, ticketId, otherId }).go({ consistent: true })).data;
  if (!found) throw new NotFound("Link");
  const other = await readRecord(otherId);
  const by = Event.actorOf(actor);
  await transact((entities) => [
    entities.ticketLink.delete({ tenantId, ticketId, otherId }).commit(),
    Event.write(entities, by, {
      action: "ticket.unlink",
      target: { type: "ticket", id: ticketId, label: `#${ticket.number}` },
      departmentId: ticket.departmentId,
      before: { ticket: other ? `#${other.number}` : otherId, role: found.role },
    }),
  ]);
}

/** The other side of a link: what its mirror in the other ticket's partition is. */
export function mirrorOf(link: LinkRecord): LinkRecord {
  return { ...link, ticketId: link.otherId, otherId: link.ticketId, role: mirrorRole(link.role), mirror: true };
}
