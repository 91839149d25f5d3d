import { Duration, Stack } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Rule, RuleTargetInput, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { EmailIdentity, Identity, ReceiptRuleSet, TlsPolicy } from "aws-cdk-lib/aws-ses";
import { LambdaInvocationType, Lambda as LambdaAction, S3 as S3Action } from "aws-cdk-lib/aws-ses-actions";
import { use, type StackContext } from "sst/constructs";
import { Alerts, deadLetterQueue } from "./alerts";
import { inboundDomain } from "./config";
import { appFunction } from "./functions";
import { explainDeployHelpers } from "./nag";
import { Storage } from "./storage";
import { Timers } from "./timers";

export const INBOUND_HANDLER = "functions/src/mail/inbound.handler";
export const INBOUND_FAILURES_HANDLER = "functions/src/mail/inbound-failures.handler";
export const INBOUND_SWEEP_HANDLER = "functions/src/mail/inbound-sweep.handler";
/**
 * Where SES stores each received message in the mail bucket (functions/src/mail/inbound.ts reads it there, and removes
 * it once the mail is taken in: what stays there is mail not taken in yet).
 */
export const INBOUND_PREFIX = "incoming/";

/** How often the sweep looks under incoming/ for mail left there 15 minutes and more (inbound-sweep.ts). */
export const SWEEP_EVERY = Duration.minutes(15);

/** How the failures queue's consumer takes a failed mail again: one at a time, 3 receives, then InboundParked. */
export const RETRY = { timeout: Duration.seconds(60), maxReceiveCount: 3, batchSize: 1 } as const;

/**
 * Mail on SES. Receiving: a receipt rule for the inbound domain stores each message in the mail bucket, then invokes
 * the inbound function with the envelope (the same core entry point as the local SMTP server). Sending: the domain is
 * an SES identity (DKIM), so letters go out as `<workspace>@<domain>`.
 *
 * SES invokes the function asynchronously: Lambda retries a failed invocation twice, then sends the event (the
 * message's id, envelope and verdicts) to the failures queue, whose consumer takes the mail in again the same way; one
 * that fails 3 more times is parked in InboundParked, whose alarm tells the ops alerts topic. A message SES stored that
 * nothing took in (the function never invoked, its failure lost) is found by the sweep, every 15 minutes, under
 * incoming/; a sweep that cannot take one in fails, and its errors alarm tells the topic. Taking in is idempotent, so
 * any two of these may meet on one mail.
 *
 * After the first deploy: point the domain's MX record at inbound-smtp.<region>.amazonaws.com, publish the DKIM
 * records (outputs), and make the rule set active (README): SES has one active rule set per account and region.
 */
export function Email({ app, stack }: StackContext) {
  const { table, bucket } = use(Storage);
  const { timers } = use(Timers);
  const domain = inboundDomain(app.stage);

  const shared = { table, bucket, timers, inboundDomain: domain };
  const inbound = appFunction(stack, "InboundFunction", shared, "objects", {
    handler: INBOUND_HANDLER,
    memorySize: 1024,
    // Parsing is bounded at 15 s (core/email/parse.ts); the rest is a few table writes.
    timeout: 60,
  });

  const alerts = use(Alerts);
  const parked = deadLetterQueue(stack, "InboundParked", alerts, "A received mail failed its attempts and 3 more from the failures queue: it is not a ticket yet");
  const failures = new Queue(stack, "InboundFailures", {
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    // Six times the consumer's timeout, as Lambda advises for an SQS event source.
    visibilityTimeout: Duration.seconds(6 * RETRY.timeout.toSeconds()),
    deadLetterQueue: { queue: parked, maxReceiveCount: RETRY.maxReceiveCount },
  });
  inbound.configureAsyncInvoke({ onFailure: new SqsDestination(failures), retryAttempts: 2, maxEventAge: Duration.hours(6) });

  // The failures queue's consumer: the same path as the inbound function, with the event SES gave.
  const retry = appFunction(stack, "InboundRetryFunction", shared, "objects", { handler: INBOUND_FAILURES_HANDLER, memorySize: 1024, timeout: RETRY.timeout.toSeconds() });
  retry.addEventSource(new SqsEventSource(failures, { batchSize: RETRY.batchSize, reportBatchItemFailures: true }));

  // The sweep: lists incoming/ (and nothing else of the bucket), takes in what was left there.
  const sweep = appFunction(stack, "InboundSweepFunction", shared, "objects", {
    handler: INBOUND_SWEEP_HANDLER,
    memorySize: 1024,
    timeout: 300,
    permissions: [new PolicyStatement({ actions: ["s3:ListBucket"], resources: [bucket.bucketArn], conditions: { StringLike: { "s3:prefix": [`${INBOUND_PREFIX}*`] } } })],
  });
  // A failed run is not retried: the next one, 15 minutes later, is the retry, and the alarm below tells a person.
  sweep.configureAsyncInvoke({ retryAttempts: 0 });
  new Rule(stack, "InboundSweep", { description: "Frontline: take in received mail left under incoming/", schedule: Schedule.rate(SWEEP_EVERY) }).addTarget(
    new LambdaFunction(sweep, { event: RuleTargetInput.fromObject({ olderThanMinutes: 15 }) }),
  );
  new Alarm(stack, "InboundSweepErrors", {
    alarmDescription: "The sweep of incoming/ could not take in some received mail, or failed: see its log (README, \"Deploy to AWS\")",
    metric: sweep.metricErrors({ period: SWEEP_EVERY, statistic: "Sum" }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  }).addAlarmAction(new SnsAction(alerts.topic));

  const identity = new EmailIdentity(stack, "Domain", { identity: Identity.domain(domain) });

  const ruleSet = new ReceiptRuleSet(stack, "Inbound", { receiptRuleSetName: app.logicalPrefixedName("inbound") });
  ruleSet.addRule("Workspaces", {
    recipients: [domain],
    scanEnabled: true,
    tlsPolicy: TlsPolicy.OPTIONAL,
    actions: [
      new S3Action({ bucket, objectKeyPrefix: INBOUND_PREFIX }),
      new LambdaAction({ function: inbound, invocationType: LambdaInvocationType.EVENT }),
    ],
  });

  explainDeployHelpers(stack);
  stack.addOutputs({
    InboundFailuresQueue: failures.queueUrl,
    InboundParkedQueue: parked.queueUrl,
    InboundDomain: domain,
    MxRecord: `10 inbound-smtp.${Stack.of(stack).region}.amazonaws.com`,
    ReceiptRuleSet: ruleSet.receiptRuleSetName,
    DkimRecords: identity.dkimRecords.map((r) => `${r.name} CNAME ${r.value}`).join(" | "),
  });
  return { inbound, failures, parked, retry, sweep, identity, ruleSet };
}
