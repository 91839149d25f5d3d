import { Counter } from "../counter";
import { defineReaction } from "../stream";
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

export const reactions = [queueCounts, highestNumber];
