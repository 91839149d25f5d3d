import { Counter } from "../counter";
import { PLATFORM_TENANT_ID } from "../db/keys";
import { useDb } from "../db/service";
import * as Queue from "./queue";
import type { Record } from "./record";

const DONE = "migrated#queue-groups-active";
const LEGACY = ["open", "pending", "hold"] as const;

/**
 * Tickets kept by a version that filed unsolved tickets in three index partitions (open, pending, hold) are filed in
 * the one "active" partition. Their version and update time stay as they were: nothing about the ticket changed.
 * Once per table (a platform counter says it is done); a kept local database goes through it when `npm start`
 * starts. Returns the tickets refiled.
 */
export async function regroupQueues(): Promise<number> {
  if (await Counter.get(PLATFORM_TENANT_ID, DONE, { consistent: true })) return 0;
  const db = useDb().entities;
  let moved = 0;
  let cursor: string | null = null;
  do {
    const page: { data: { workspaceId: string }[]; cursor: string | null } = await db.tenantIndex.query
      .byWorkspace({ tenantId: PLATFORM_TENANT_ID })
      .go({ limit: 100, cursor, attributes: ["workspaceId"] });
    cursor = page.cursor;
    for (const { workspaceId: tenantId } of page.data) {
      for (const queueGroup of LEGACY) {
        const tickets = await db.ticket.query.byTenant({ tenantId, queueGroup: queueGroup as never }).go({ pages: "all" });
        for (const t of tickets.data as Record[]) {
          await db.ticket
            .patch({ tenantId, ticketId: t.ticketId })
            .set({ ...Queue.queueAttributes(t), departmentId: t.departmentId, updatedAt: t.updatedAt })
            .go();
          moved++;
        }
      }
    }
  } while (cursor);
  await Counter.start(PLATFORM_TENANT_ID, DONE, 1);
  return moved;
}
