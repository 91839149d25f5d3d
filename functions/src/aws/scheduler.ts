import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
  type SchedulerClient,
} from "@aws-sdk/client-scheduler";
import type { Scheduler, TimerPayload } from "@frontline/core/port";

export interface SchedulerTarget {
  /** The schedule group the timers live in. */
  group: string;
  /** The timer function EventBridge Scheduler invokes. */
  targetArn: string;
  /** The role it assumes to do so (allowed to invoke that function only). */
  roleArn: string;
  /** Where a timer goes when every retry failed. */
  deadLetterArn: string;
}

const NAME = /^[0-9a-zA-Z_.-]{1,64}$/;

/** `at(yyyy-mm-ddThh:mm:ss)` in UTC; a time already past becomes a few seconds from now (fire at once). */
export function atExpression(at: Date, now = new Date()): string {
  const when = at.getTime() < now.getTime() + 2000 ? new Date(now.getTime() + 2000) : at;
  return `at(${when.toISOString().slice(0, 19)})`;
}

/**
 * The Scheduler on EventBridge Scheduler: one one-time `at(...)` schedule per timer, in the app's group, exact (no
 * flexible window), deleted after it runs, retried, with a dead-letter queue. Arming a name that exists updates it;
 * cancelling one that has already run (and so was deleted) is not an error.
 */
export function eventBridgeScheduler(client: SchedulerClient, target: SchedulerTarget, now: () => Date = () => new Date()): Scheduler {
  const input = (name: string, at: Date, payload: TimerPayload): CreateScheduleCommandInput => ({
    Name: name,
    GroupName: target.group,
    ScheduleExpression: atExpression(at, now()),
    ScheduleExpressionTimezone: "UTC",
    FlexibleTimeWindow: { Mode: "OFF" },
    ActionAfterCompletion: "DELETE",
    State: "ENABLED",
    Target: {
      Arn: target.targetArn,
      RoleArn: target.roleArn,
      Input: JSON.stringify(payload),
      RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 10 },
      DeadLetterConfig: { Arn: target.deadLetterArn },
    },
  });
  return {
    async arm(name, at, payload) {
      if (!NAME.test(name)) throw new Error(`Timer names are 1-64 of [0-9a-zA-Z-_.]: ${name}`);
      try {
        await client.send(new CreateScheduleCommand(input(name, at, payload)));
      } catch (error) {
        if ((error as Error).name !== "ConflictException") throw error;
        await client.send(new UpdateScheduleCommand(input(name, at, payload)));
      }
    },
    async cancel(name) {
      try {
        await client.send(new DeleteScheduleCommand({ Name: name, GroupName: target.group }));
      } catch (error) {
        if ((error as Error).name !== "ResourceNotFoundException") throw error;
      }
    },
  };
}
