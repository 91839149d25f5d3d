import * as z from "zod";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { guarded, transact } from "../db/transaction";
import { useDb } from "../db/service";
import { Conflict } from "../error";
import { Event } from "../event";
import { parse } from "../validation";
import { load, staleConflict, VersionSchema, view, type Info } from "./record";
import { commitChange } from "./write";
import { useClock } from "../port";

const TrashSchema = z.object({ version: VersionSchema.optional() }).strict();

/** Moves a ticket to the trash: out of every queue but the trash, restorable by an admin. */
export async function remove(ticketId: string, raw: z.input<typeof TrashSchema> = {}): Promise<Info> {
  const actor = usePrincipal();
  const input = parse(TrashSchema, raw);
  const before = await load(ticketId);
  Access.assertTicket(actor, "delete", before);
  if (input.version !== undefined && input.version !== before.version) throw await staleConflict(ticketId, before);
  const by = Event.actorOf(actor);
  const at = useClock().now().toISOString();
  const { after } = await commitChange({
    before,
    set: { deletedAt: at, deletedBy: by.id },
    messages: [{ kind: "system", authorType: "staff", authorId: by.id, authorName: by.name, body: "", system: { action: "delete" } }],
    events: [{ action: "ticket.delete", target: { type: "ticket", id: ticketId, label: `#${before.number}` }, departmentId: before.departmentId }],
    by,
    at,
  });
  return view(after);
}

/** Takes a ticket out of the trash, back into its queues. */
export async function restore(ticketId: string): Promise<Info> {
  const actor = usePrincipal();
  const before = await load(ticketId);
  Access.assertTicket(actor, "restore", before);
  const by = Event.actorOf(actor);
  const { after } = await commitChange({
    before,
    set: {},
    remove: ["deletedAt", "deletedBy"],
    messages: [{ kind: "system", authorType: "staff", authorId: by.id, authorName: by.name, body: "", system: { action: "restore" } }],
    events: [{ action: "ticket.restore", target: { type: "ticket", id: ticketId, label: `#${before.number}` }, departmentId: before.departmentId }],
    by,
  });
  return view(after);
}

/**
 * Deletes a ticket in the trash for good: its thread, its number, the ticket. The event records what was purged and
 * by whom. The thread goes first, so an interrupted purge leaves the ticket in the trash to purge again; its counts
 * follow by reaction to the ticket's removal.
 */
export async function purge(ticketId: string): Promise<void> {
  const actor = usePrincipal();
  const tenantId = useTenantId();
  const before = await load(ticketId);
  Access.assertTicket(actor, "purge", before);
  const db = useDb();
  const entries = await db.entities.message.query.byId({ tenantId, ticketId }).go({ pages: "all", attributes: ["messageId"] });
  if (entries.data.length) {
    await db.entities.message.delete(entries.data.map((m) => ({ tenantId, ticketId, messageId: m.messageId }))).go({ concurrent: 4 });
  }
  const by = Event.actorOf(actor);
  await transact((entities) => [
    guarded(
      entities.ticket
        .delete({ tenantId, ticketId })
        .where(({ version }, { eq }) => eq(version, before.version))
        .commit(),
      () => new Conflict("The ticket changed while it was being purged; try again"),
    ),
    entities.ticketNumber.delete({ tenantId, number: before.number }).commit(),
    Event.write(entities, by, {
      action: "ticket.purge",
      target: { type: "ticket", id: ticketId, label: `#${before.number}` },
      departmentId: before.departmentId,
      before: { number: before.number, subject: before.subject, requester: before.requesterId, messages: entries.data.length },
    }),
  ]);
}
