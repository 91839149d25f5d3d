import { withActor } from "../actor";
import { settleEach } from "../settle-each";
import { deliver, retryTimer } from "../email/send";
import { takeOver } from "../email/inbound";
import type { Sla } from "../sla";
import { Ticket } from "../ticket";
import { Billing } from "../billing";
import { usePorts, useClock, type TimerPayload } from "../port";
import { Invitation } from "../staff/invitation";

/**
 * What a timer does when it fires: the one target of EventBridge Scheduler on AWS and of the local scheduler. Timers
 * may fire late or twice; every handler re-reads what it acts on and does nothing if the moment has passed.
 */
export async function fire(payload: TimerPayload): Promise<void> {
  const { tenantId } = payload;
  await withActor({ type: "system", tenantId, reason: "timer" }, async () => {
    switch (payload.kind) {
      case "outbox.deliver":
        await deliver(tenantId, String(payload.outboxId), { by: retryTimer(String(payload.outboxId), Number(payload.attempt)) });
        return;
      case "sla":
        await Ticket.fireSla(payload as unknown as Sla.TimerPayloadSla);
        return;
      case "mail.lease":
        await takeOver(String(payload.mailId), Number(payload.attempt));
        return;
      case "invitation.expire":
        await Invitation.expire(tenantId, String(payload.invitationId));
        return;
      case "billing.daily": {
        const result = await Billing.runDaily(typeof payload.date === "string" ? payload.date : undefined);
        console.log(JSON.stringify({ level: "info", msg: "daily billing", ...result }));
        // The local scheduler chains the days; on AWS a cron rule starts each run and nothing is re-armed.
        if (payload.rearm === 1) await usePorts().scheduler.arm(DAILY_BILLING, nextBillingRun(), { kind: "billing.daily", tenantId, rearm: 1 });
        return;
      }
      default:
        throw new Error(`Unknown timer kind: ${payload.kind}`);
    }
  });
}

/**
 * Fires several timers at once (the local scheduler's burst of due timers): the tickets of SLA timers are read together,
 * a hundred per call, then every timer fires as `fire` would, a few at a time. Settles each: a failure is one timer's.
 */
export async function fireMany(payloads: readonly TimerPayload[], concurrency = 16): Promise<PromiseSettledResult<void>[]> {
  const known = new Map<string, Map<string, Ticket.Record>>();
  const sla = payloads.filter((p) => p.kind === "sla");
  for (const tenantId of new Set(sla.map((p) => p.tenantId))) {
    const ids = sla.filter((p) => p.tenantId === tenantId).map((p) => String(p.ticketId));
    const read = await withActor({ type: "system", tenantId, reason: "timer" }, () => Ticket.readMany(tenantId, ids)).catch(() => undefined);
    if (read) known.set(tenantId, read);
  }
  return settleEach(payloads, concurrency, async (payload) => {
    const tickets = payload.kind === "sla" ? known.get(payload.tenantId) : undefined;
    if (!tickets) return fire(payload);
    await withActor({ type: "system", tenantId: payload.tenantId, reason: "timer" }, () =>
      Ticket.fireSla(payload as unknown as Sla.TimerPayloadSla, tickets.get(String(payload.ticketId)) ?? null),
    );
  });
}

/** The name of the daily billing timer of the local scheduler. */
export const DAILY_BILLING = "billing-daily";

/** The next daily billing run: five minutes past midnight, UTC. */
export function nextBillingRun(now = useClock().now()): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 0, 5));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export * as Timers from "./index";
