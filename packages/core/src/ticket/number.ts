import { onConfigChange } from "../config";
import { Counter } from "../counter";

/**
 * Ticket numbers without a read or a write of a shared item per ticket: each process hands out the next number it
 * believes free, and the ticket's transaction claims it (the ticketNumber item, created only if absent). A claim that
 * loses to another process's (several Lambda instances of one workspace) is taken again one higher, after learning
 * the highest number taken. The highest number is kept in the `seq#ticket` counter by a reaction to the claims
 * (reactions.ts), which is where a process starts from. Numbers stay unique and increasing; a number whose ticket
 * was refused (a limit) is given out again by the same process, so gaps are rare.
 */
export const SEQUENCE = "seq#ticket";

const last = new Map<string, number>();
onConfigChange(() => last.clear());

/** The next number to try for a new ticket of `tenantId`. */
export async function allocate(tenantId: string): Promise<number> {
  if (!last.has(tenantId)) {
    const highest = (await Counter.get(tenantId, SEQUENCE, { consistent: true })) ?? 0;
    last.set(tenantId, Math.max(last.get(tenantId) ?? 0, highest));
  }
  const next = last.get(tenantId)! + 1;
  last.set(tenantId, next);
  return next;
}

/** `number` was claimed by someone else: learn how far others have gone. */
export async function lost(tenantId: string, number: number): Promise<void> {
  const highest = (await Counter.get(tenantId, SEQUENCE, { consistent: true })) ?? 0;
  last.set(tenantId, Math.max(last.get(tenantId) ?? 0, highest, number));
}

/** `number` was not used after all (its ticket was refused): give it out again if nothing came after it. */
export function unused(tenantId: string, number: number): void {
  if (last.get(tenantId) === number) last.set(tenantId, number - 1);
}

/** Forgets what this process knows (tests that start a workspace's numbering over). */
export function forget(): void {
  last.clear();
}
