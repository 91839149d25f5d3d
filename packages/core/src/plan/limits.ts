import { Counter } from "../counter";
import { useDb } from "../db/service";
import { LimitReached, msg } from "../error";
import { useClock } from "../port";
import type { Info as Plan } from "./index";

/**
 * Limits that hold under concurrency: a counter (a guard, Counter.take) changed in the same transaction as what it
 * counts, under the condition that it is below the plan's limit. Twenty concurrent invitations against one free seat:
 * one transaction passes its condition, nineteen are refused.
 *
 * Seats are active staff plus pending invitations (an invitation holds its seat until accepted, revoked or expired).
 * New tickets are counted per UTC day.
 */

export const SEATS = "seats";
export const ticketsOn = (date: string) => `tickets#${date}`;
export const today = () => useClock().now().toISOString().slice(0, 10);

/** The error of a limit reached, naming the limit and what lifts it. */
export function seatLimit(plan: Plan): LimitReached {
  return new LimitReached(
    msg(
      "The {plan} plan includes {seats, plural, one {# staff seat} other {# staff seats}}, and all are taken (yours among them; each pending invitation holds one too). Deactivate someone, revoke an invitation, or move to the Pro plan for more seats.",
      { plan: plan.name, seats: plan.staffLimit ?? 0 },
    ),
    "staff_seats",
  );
}

export function ticketLimit(plan: Plan): LimitReached {
  return new LimitReached(
    msg(
      "The {plan} plan allows {tickets, plural, one {# new ticket} other {# new tickets}} a day (UTC), and today's are used. Replies to existing tickets are not limited. The Pro plan has no daily limit.",
      { plan: plan.name, tickets: plan.dailyTicketLimit ?? 0 },
    ),
    "daily_tickets",
  );
}

/** When a day's counter of new tickets may go (epoch seconds): a few days after the day. */
export function dayExpiry(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) + 3 * 86_400;
}

/**
 * The seats in use. A workspace made before seats were counted gets its counter from its staff and pending
 * invitations on first use.
 */
export async function seatsUsed(tenantId: string): Promise<number> {
  const db = useDb().entities;
  const counter = await db.counter.get({ tenantId, name: SEATS }).go({ consistent: true });
  if (counter.data) return counter.data.value;
  const [staff, invitations] = await Promise.all([
    db.staff.query.byId({ tenantId }).go({ pages: "all", attributes: ["status"] }),
    db.invitation.query.byId({ tenantId }).go({ pages: "all", attributes: ["status", "expiresAt"] }),
  ]);
  const now = useClock().now().toISOString();
  const used = staff.data.filter((s) => s.status === "active").length + invitations.data.filter((i) => i.status === "pending" && i.expiresAt > now).length;
  await Counter.start(tenantId, SEATS, used);
  return (await Counter.get(tenantId, SEATS, { consistent: true })) ?? used;
}

/** New tickets opened today (UTC). */
export async function ticketsToday(tenantId: string): Promise<number> {
  return (await Counter.get(tenantId, ticketsOn(today()))) ?? 0;
}
