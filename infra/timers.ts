import { ArnFormat, Stack } from "aws-cdk-lib";
import { PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { CfnScheduleGroup } from "aws-cdk-lib/aws-scheduler";
import { Rule, RuleTargetInput, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { PLATFORM_TENANT_ID } from "../packages/core/src/db/keys";
import { use, type StackContext } from "sst/constructs";
import { Alerts, deadLetterQueue } from "./alerts";
import { inboundDomain } from "./config";
import { appFunction } from "./functions";
import { explainDeployHelpers } from "./nag";
import { Storage } from "./storage";

export const TIMER_HANDLER = "functions/src/timer/handler.handler";

/**
 * Exact per-ticket timers (SLA targets, mail retries) on EventBridge Scheduler: the schedule group the core's
 * Scheduler adapter creates one-time schedules in, the one function they invoke, the role EventBridge Scheduler
 * assumes to invoke it (that function only), and the queue where a timer goes when all its retries failed.
 */
export function Timers({ app, stack }: StackContext) {
  const { table, bucket } = use(Storage);
  const group = new CfnScheduleGroup(stack, "Group", { name: app.logicalPrefixedName("timers") });
  const deadLetters = deadLetterQueue(stack, "DeadLetters", use(Alerts), "A timer or the daily billing run failed all its retries");
  // Named, so that its ARN is known before it exists: the function's own environment names it (a reference would be
  // a cycle), and the Scheduler's role may invoke exactly it.
  const functionName = app.logicalPrefixedName("timer");
  const functionArn = Stack.of(stack).formatArn({ service: "lambda", resource: "function", resourceName: functionName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  const role = new Role(stack, "SchedulerRole", {
    assumedBy: new ServicePrincipal("scheduler.amazonaws.com", { conditions: { StringEquals: { "aws:SourceAccount": Stack.of(stack).account } } }),
    description: "EventBridge Scheduler invokes the timer function, and nothing else",
  });
  role.addToPolicy(new PolicyStatement({ actions: ["lambda:InvokeFunction"], resources: [functionArn] }));
  role.addToPolicy(new PolicyStatement({ actions: ["sqs:SendMessage"], resources: [deadLetters.queueArn] }));

  const timers = { group: group.name!, roleArn: role.roleArn, deadLetterArn: deadLetters.queueArn, functionArn };
  const timer = appFunction(stack, "TimerFunction", { table, bucket, timers, inboundDomain: inboundDomain(app.stage) }, "objects, mail and timers", {
    handler: TIMER_HANDLER,
    functionName,
    memorySize: 512,
    timeout: 60,
  });
  // The daily billing run (core/billing runDaily): five past midnight UTC, through the same timer function. Each
  // workspace is charged once per date however often this fires, and a failed run is retried by EventBridge.
  const dailyBilling = new Rule(stack, "DailyBilling", {
    description: "Frontline's daily billing run",
    schedule: Schedule.cron({ minute: "5", hour: "0" }),
  });
  dailyBilling.addTarget(
    new LambdaFunction(timer, {
      event: RuleTargetInput.fromObject({ kind: "billing.daily", tenantId: PLATFORM_TENANT_ID }),
      retryAttempts: 2,
      deadLetterQueue: deadLetters,
    }),
  );

  explainDeployHelpers(stack);
  stack.addOutputs({ ScheduleGroup: group.name!, TimerDeadLetterQueue: deadLetters.queueUrl });
  return { timers, timer, group, deadLetters, schedulerRole: role, dailyBilling };
}
