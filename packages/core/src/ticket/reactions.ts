import { Counter } from "../counter";
import { isConditionFailure } from "../db/condition";
import { useDb } from "../db/service";
import { defineReaction, field } from "../stream";
import type { LinkRecord } from "./record";
import { mirrorOf } from "./link";
import { SEQUENCE } from "./number";
import * as Queue from "./queue";

type Placed = Queue.QueueState & { tenantId: string };

/**
 * The queue counts: each ticket change moves the counts of the queues it left and entered. Summed over a batch of
 * changes, one write per counter per batch; each change counted once however often it is delivered.
 */
export const queueCounts = defineReaction({
  name: "ticket.queue-counts",
  on: ["ticket"],
  async batch(changes) {
    await Counter.applyOnce(
      changes.map((change) => ({
        key: `queues#${change.id}`,
        tenantId: change.tenantId!,
        deltas: Counter.delta(change.before ? Queue.countKeys(change.before as unknown as Placed) : [], change.after ? Queue.countKeys(change.after as unknown as Placed) : []),
      })),
    );
  },
});

/** The highest ticket number of each workspace, where a process starts numbering from (number.ts). */
export const highestNumber = defineReaction({
  name: "ticket.highest-number",
  on: ["ticketNumber"],
  when: (change) => change.kind === "insert",
  async batch(changes) {
    const highest = new Map<string, number>();
    for (const c of changes) {
      const number = (c.after as { number: number }).number;
      highest.set(c.tenantId!, Math.max(highest.get(c.tenantId!) ?? 0, number));
    }
    await Promise.all([...highest].map(([tenantId, number]) => Counter.raise(tenantId, SEQUENCE, number)));
  },
});

/** Runs a conditioned write whose refused condition means there is nothing to do (done already, or stale). */
async function ifStill(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

type Merged = { ticketId: string; mergedInto?: string };

/**
 * A survivor's list of the tickets merged into it: a merge adds the merged ticket, undoing it takes it out. Set
 * additions and removals repeat harmlessly, and each is checked against the merged ticket as it is now, so a late
 * delivery of a merge that was undone since changes nothing. A survivor purged meanwhile is left alone.
 */
export const mergedFrom = defineReaction({
  name: "ticket.merged-from",
  on: ["ticket"],
  when: (change) => field(change, "mergedInto").changed,
  async each(change) {
    const tenantId = change.tenantId!;
    const ticketId = ((change.after ?? change.before) as Merged).ticketId;
    const left = (change.before as Merged | undefined)?.mergedInto;
    const joined = (change.after as Merged | undefined)?.mergedInto;
    const db = useDb().entities.ticket;
    const now = (await db.get({ tenantId, ticketId }).go({ consistent: true })).data;
    if (left && now?.mergedInto !== left) await ifStill(() => db.patch({ tenantId, ticketId: left }).delete({ mergedFrom: [ticketId] }).go());
    if (joined && now?.mergedInto === joined) await ifStill(() => db.patch({ tenantId, ticketId: joined }).add({ mergedFrom: [ticketId] }).go());
  },
});

/**
 * The other side of a link: a link made on one ticket is mirrored in the other's partition (only while the link still
 * exists, so a late delivery does not bring back a removed one), and removing either side removes the other (only the
 * one of the same link). Creating and deleting by key repeat harmlessly.
 */
export const linkMirror = defineReaction({
  name: "ticket.link-mirror",
  on: ["ticketLink"],
  when: (change) => change.kind !== "modify",
  async each(change) {
    const tenantId = change.tenantId!;
    const db = useDb().entities.ticketLink;
    if (change.kind === "insert") {
      const made = change.after as LinkRecord;
      const still = (await db.get({ tenantId, ticketId: made.ticketId, otherId: made.otherId }).go({ consistent: true })).data;
      if (still?.linkId !== made.linkId) return;
      const { tenantId: _, ...mirror } = mirrorOf(made);
      await ifStill(() => db.create({ tenantId, ...mirror }).go());
      return;
    }
    const gone = change.before as LinkRecord;
    await ifStill(() =>
      db
        .delete({ tenantId, ticketId: gone.otherId, otherId: gone.ticketId })
        .where((a, op) => op.eq(a.linkId, gone.linkId))
        .go(),
    );
  },
});

export const reactions = [queueCounts, highestNumber, mergedFrom, linkMirror];
