import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { NagSuppressions } from "cdk-nag";
import type { StackContext } from "sst/constructs";
import type { Construct } from "constructs";
import { alertEmail } from "./config";
import { explainDeployHelpers } from "./nag";

/**
 * The "ops alerts" topic: every alarm of the app notifies it. ALERT_EMAIL (at deploy time, per stage) subscribes an
 * address; SNS asks it to confirm once.
 */
export function Alerts({ stack }: StackContext) {
  const topic = new Topic(stack, "OpsAlerts", { displayName: "Frontline ops alerts", enforceSSL: true });
  NagSuppressions.addResourceSuppressions(topic, [
    {
      id: "AwsSolutions-SNS2",
      reason:
        "CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed SNS key, and the alerts carry only alarm names and queue depths: no customer data.",
    },
  ]);
  const email = alertEmail();
  if (email) topic.addSubscription(new EmailSubscription(email));
  explainDeployHelpers(stack);
  stack.addOutputs({ OpsAlertsTopic: topic.topicArn });
  return { topic };
}

/**
 * A queue where something that failed for good ends (an event Lambda gave up on), and the alarm that tells the ops
 * alerts topic as soon as one arrives: a message there is work nobody will do unless a person looks. Encrypted, TLS
 * only, kept 14 days (SQS's longest).
 */
export function deadLetterQueue(scope: Construct, id: string, alerts: { topic: Topic }, holds: string): Queue {
  const queue = new Queue(scope, id, {
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
  NagSuppressions.addResourceSuppressions(queue, [
    { id: "AwsSolutions-SQS3", reason: "This queue is itself a dead-letter queue: nothing consumes it but a person, alerted by its alarm." },
  ]);
  const alarm = new Alarm(scope, `${id}Alarm`, {
    alarmDescription: `${holds}: a message is waiting in ${id} (see the README, "Deploy to AWS")`,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: "Maximum" }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    // SQS sends no data points for an idle queue: that is the normal state.
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new SnsAction(alerts.topic));
  return queue;
}
