import type { TimerPayload } from "@frontline/core/port";
import { Timers } from "@frontline/core/timer";
import { configureAwsPorts } from "../aws/ports";

configureAwsPorts();

/**
 * The target of every EventBridge Scheduler timer: the schedule's Input is the payload. A failure throws, so the
 * Scheduler retries (then dead-letters); handlers re-read what they act on, so a late or repeated firing is harmless.
 */
export async function handler(payload: TimerPayload): Promise<void> {
  await Timers.fire(payload);
}
