import { withActor } from "../actor";
import * as Outbox from "../email/outbox";
import type { Sla } from "../sla";
import { Ticket } from "../ticket";
import type { TimerPayload } from "../port";

/**
 * What a timer does when it fires: the one target of EventBridge Scheduler on AWS and of the local scheduler. Timers
 * may fire late or twice; every handler re-reads what it acts on and does nothing if the moment has passed.
 */
export async function fire(payload: TimerPayload): Promise<void> {
  const { tenantId } = payload;
  await withActor({ type: "system", tenantId, reason: "timer" }, async () => {
    switch (payload.kind) {
      case "outbox.deliver":
        await Outbox.deliver(tenantId, String(payload.outboxId));
        return;
      case "sla":
        await Ticket.fireSla(payload as unknown as Sla.TimerPayloadSla);
        return;
      default:
        throw new Error(`Unknown timer kind: ${payload.kind}`);
    }
  });
}

export * as Timers from "./index";
