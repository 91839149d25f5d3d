import { useTenantId } from "../actor";
import { Customer } from "../customer";
import { useDb } from "../db/service";
import { Conflict } from "../error";
import { defineReaction } from "../stream";
import { readRecord, type Record } from "./record";
import { commitChange } from "./write";

type Tombstone = { customerId: string; name: string; mergedInto?: string; mergedBy?: string; mergedByName?: string };

/** Tickets moved per read of the merged customer's tickets. */
const PAGE = 25;

/**
 * A customer merged into another (customer/merge.ts): each of the merged record's tickets gets the survivor as its
 * requester, one ticket per transaction (each ticket is its own aggregate), written in the name of whoever merged,
 * a page of tickets at a time until none is left. A ticket moved already is passed over, so a change delivered again
 * (or a run cut short) finishes what is left; a ticket changed meanwhile is read again.
 */
export const requesterMerged = defineReaction({
  name: "ticket.requester-merged",
  on: ["customer"],
  when: (change) => Boolean((change.after as Tombstone | undefined)?.mergedInto) && !(change.before as Tombstone | undefined)?.mergedInto,
  async each(change) {
    const merged = change.after as Tombstone;
    const survivor = await Customer.get(merged.mergedInto!);
    const by = merged.mergedBy && merged.mergedBy !== "system"
      ? { type: "staff" as const, id: merged.mergedBy, name: merged.mergedByName ?? merged.mergedBy }
      : { type: "system" as const, id: "system", name: "customer merge" };
    const tickets = useDb().entities.ticket;
    let cursor: string | null = null;
    do {
      const page: { data: Record[]; cursor: string | null } = await tickets.query
        .byRequester({ tenantId: useTenantId(), requesterId: merged.customerId })
        .go({ limit: PAGE, cursor });
      for (const found of page.data) await moveTicket(found.ticketId, merged, survivor, by);
      cursor = page.cursor;
    } while (cursor);
  },
});

async function moveTicket(ticketId: string, merged: Tombstone, survivor: Customer.Info, by: Parameters<typeof commitChange>[0]["by"]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const before = await readRecord(ticketId, true);
    if (!before || before.requesterId !== merged.customerId) return;
    try {
      await commitChange({
        before,
        set: {
          requesterId: survivor.customerId,
          requesterName: survivor.name,
          ...(survivor.organizationId ? { organizationId: survivor.organizationId } : {}),
        },
        events: [
          {
            action: "ticket.requester",
            target: { type: "ticket", id: ticketId, label: `#${before.number}` },
            departmentId: before.departmentId,
            before: { requester: { customerId: merged.customerId, name: before.requesterName } },
            after: { requester: { customerId: survivor.customerId, name: survivor.name } },
          },
        ],
        by,
      });
      return;
    } catch (error) {
      if (error instanceof Conflict && error.current && attempt < 5) continue;
      throw error;
    }
  }
}
