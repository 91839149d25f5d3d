import { ArnFormat, Stack } from "aws-cdk-lib";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { Bucket } from "aws-cdk-lib/aws-s3";
import { NagSuppressions } from "cdk-nag";
import { Function as SstFunction, type FunctionProps } from "sst/constructs";
import type { Construct } from "constructs";
import { LAMBDA_ARCHITECTURE, LAMBDA_NODEJS, LAMBDA_RUNTIME } from "./lambda";

/** The DynamoDB actions the core uses (ElectroDB gets/puts/updates/deletes/queries, batches and transactions). */
export const TABLE_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:Query",
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:TransactWriteItems",
  "dynamodb:TransactGetItems",
  "dynamodb:ConditionCheckItem",
] as const;

export const BLOB_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"] as const;
export const SCHEDULE_ACTIONS = ["scheduler:CreateSchedule", "scheduler:UpdateSchedule", "scheduler:DeleteSchedule"] as const;

/** What every function of the app shares: the table, the mail bucket, the timers, the mail domain. */
export interface Shared {
  table: Table;
  bucket: Bucket;
  inboundDomain: string;
  timers: { group: string; roleArn: string; deadLetterArn: string; functionArn: string };
}

/**
 * What an entry point's own code does on AWS, besides reading and writing the table:
 *   "objects"                    the mail bucket's objects only: the API and inbound mail, whose further effects
 *                                (letters, timers) are reactions run by the stream function
 *   "objects, mail and timers"   also sending as the inbound domain and arming timers: the stream function's
 *                                reactions, and the timers (a letter's retry sends, an escalation re-arms)
 */
export type Reach = "objects" | "objects, mail and timers";

/**
 * A Lambda of the app, with the environment the core's AWS adapters read (functions/src/aws/ports.ts) and only the
 * permissions its reach needs: the table's actions on the table and its indexes, objects in the mail bucket; for
 * "objects, mail and timers" also sending raw mail as the inbound domain, the timers' schedules in their group, and
 * passing the scheduler's role to the Scheduler. Never `bind`: SST would grant "dynamodb:*" and "s3:*".
 */
export function appFunction(scope: Construct, id: string, shared: Shared, reach: Reach, props: FunctionProps): SstFunction {
  const stack = Stack.of(scope);
  const { table, bucket, timers } = shared;
  const arn = (service: string, resource: string, resourceName: string) =>
    stack.formatArn({ service, resource, resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  const mailAndTimers =
    reach === "objects, mail and timers"
      ? [
          new PolicyStatement({ actions: ["ses:SendRawEmail"], resources: [arn("ses", "identity", shared.inboundDomain)] }),
          new PolicyStatement({ actions: [...SCHEDULE_ACTIONS], resources: [arn("scheduler", "schedule", `${timers.group}/*`)] }),
          new PolicyStatement({
            actions: ["iam:PassRole"],
            resources: [timers.roleArn],
            conditions: { StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" } },
          }),
        ]
      : [];
  const fn = new SstFunction(scope, id, {
    // Every function of the app on the one runtime and architecture (infra/lambda.ts; test/infra/app.test.ts checks
    // every function in the synthesised templates).
    runtime: LAMBDA_RUNTIME,
    architecture: LAMBDA_ARCHITECTURE,
    logRetention: "one_month",
    ...props,
    nodejs: { ...LAMBDA_NODEJS, ...props.nodejs },
    environment: {
      TABLE_NAME: table.tableName,
      INBOUND_DOMAIN: shared.inboundDomain,
      MAIL_BUCKET: bucket.bucketName,
      SCHEDULE_GROUP: timers.group,
      SCHEDULER_ROLE_ARN: timers.roleArn,
      TIMER_DLQ_ARN: timers.deadLetterArn,
      TIMER_FUNCTION_ARN: timers.functionArn,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      // Links in letters (invitations, alerts). From the deploy environment: the site's own URL would be a cycle.
      ...(process.env.APP_URL ? { APP_URL: process.env.APP_URL } : {}),
      ...props.environment,
    },
    permissions: [
      new PolicyStatement({ actions: [...TABLE_ACTIONS], resources: [table.tableArn, `${table.tableArn}/index/*`] }),
      new PolicyStatement({ actions: [...BLOB_ACTIONS], resources: [bucket.arnForObjects("*")] }),
      ...mailAndTimers,
      ...((props.permissions as PolicyStatement[] | undefined) ?? []),
    ],
  });
  NagSuppressions.addResourceSuppressions(
    fn,
    [
      {
        id: "AwsSolutions-IAM4",
        reason: "AWSLambdaBasicExecutionRole: writing the function's own logs, which is all that managed policy grants.",
        appliesTo: ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
      },
      {
        id: "AwsSolutions-IAM5",
        reason:
          "Wildcards on resources only, each bounded: the table's indexes (<table>/index/*), the mail bucket's objects (<bucket>/*), " +
          "the timers' schedules in their own group (<group>/*), and X-Ray tracing, whose actions take no resource (SST's default).",
        appliesTo: [
          { regex: "/^Resource::.*\\/index\\/\\*$/" },
          { regex: "/^Resource::.*\\.Arn>\\/\\*$/" },
          { regex: "/^Resource::arn:.*:schedule\\/.*\\/\\*$/" },
          "Resource::*",
        ],
      },
      {
        id: "AwsSolutions-L1",
        reason: "nodejs22.x on purpose (infra/lambda.ts): a runtime Lambda supports, the one the bundles target; nodejs24.x needs its own check.",
      },
    ],
    true,
  );
  return fn;
}
