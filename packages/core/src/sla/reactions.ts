import { useDb } from "../db/service";
import { isConditionFailure } from "../db/condition";
import { defineReaction, field } from "../stream";
import { overdueSince } from "./clock";
import { asState, cancelTimers, armTimers, timerChanges } from "./index";
import { useClock } from "../port";

type TicketItem = { ticketId: string; departmentId: string; sla?: unknown; deletedAt?: string };
type AlertEntry = {
  ticketId: string;
  messageId: string;
  createdAt: string;
  alert?: { kind: "warning" | "breach"; target: string; generation: number; dueAt: string; policyName: string; actions?: string[] };
};

/**
 * Each SLA target of each ticket has one named timer: a change that moves a ticket's SLA clock arms the timers it
 * needs and cancels those it made stale. Arming and cancelling by name are idempotent, and a stale timer that fires
 * anyway re-reads the ticket and does nothing.
 */
export const slaTimers = defineReaction({
  name: "sla.timers",
  on: ["ticket"],
  when: (change) => field(change, "sla").changed,
  async each(change) {
    const ticket = (change.after ?? change.before) as TicketItem;
    const { arm, cancel } = timerChanges(change.before?.sla, change.after?.sla);
    await armTimers(change.tenantId!, ticket.ticketId, arm);
    // A timer already due has fired or is firing (and, stale, does nothing): only those still ahead are cancelled.
    const now = useClock().now().getTime();
    await cancelTimers(change.tenantId!, ticket.ticketId, cancel.filter((t) => Date.parse(t.at) > now));
  },
});

/**
 * The overdue list: a ticket with a breached target not yet met is on it, from the breach until the target is met,
 * except while it is in the trash (its SLA record stays with it, and it comes back on restore).
 */
export const overdueList = defineReaction({
  name: "sla.overdue",
  on: ["ticket"],
  when: (change) => field(change, "sla").changed || field(change, "departmentId").changed || field(change, "deletedAt").changed,
  async each(change) {
    const tenantId = change.tenantId!;
    const ticket = (change.after ?? change.before) as TicketItem;
    const since = change.after && !(change.after as TicketItem).deletedAt ? overdueSince(asState(change.after.sla)) : undefined;
    const db = useDb().entities.overdue;
    if (since) await db.put({ tenantId, ticketId: ticket.ticketId, departmentId: ticket.departmentId, since }).go();
    else if (change.before && overdueSince(asState(change.before.sla))) await db.delete({ tenantId, ticketId: ticket.ticketId }).go();
  },
});

/** The ticket's breach history (shown on the ticket page), from the thread entries that record a warning or a breach. */
export const slaHistory = defineReaction({
  name: "sla.history",
  on: ["message"],
  when: (change) => change.kind === "insert" && Boolean((change.after as AlertEntry).alert),
  async each(change) {
    const entry = change.after as AlertEntry;
    const alert = entry.alert!;
    try {
      await useDb()
        .entities.slaEvent.create({
          tenantId: change.tenantId!,
          ticketId: entry.ticketId,
          key: `${alert.target}#${alert.kind}#${alert.generation}`,
          target: alert.target,
          kind: alert.kind,
          policyName: alert.policyName,
          dueAt: alert.dueAt,
          at: entry.createdAt,
          actions: alert.actions ?? [],
        })
        .go();
    } catch (error) {
      if (!isConditionFailure(error)) throw error; // recorded by an earlier delivery
    }
  },
});

export const reactions = [slaTimers, overdueList, slaHistory];
