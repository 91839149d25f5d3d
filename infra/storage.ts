import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table as DynamoTable, type Attribute } from "aws-cdk-lib/aws-dynamodb";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { NagSuppressions } from "cdk-nag";
import type { StackContext } from "sst/constructs";
import type { Construct } from "constructs";
import { Table, createTableInput } from "../packages/core/src/db/table";
import { isProd } from "./config";
import { explainDeployHelpers } from "./nag";
import { searchCollection } from "./search";

const ATTRIBUTE_TYPES: Record<string, AttributeType> = {
  S: AttributeType.STRING,
  N: AttributeType.NUMBER,
  B: AttributeType.BINARY,
};

/**
 * Key attributes as the core declares them: the names come from `Table`, their types from `createTableInput`
 * (the same input the local runtime sends to DynamoDB Local), so the AWS table and the local one cannot drift.
 */
function keyAttribute(name: string): Attribute {
  const definition = createTableInput("frontline").AttributeDefinitions?.find((a) => a.AttributeName === name);
  const type = definition?.AttributeType && ATTRIBUTE_TYPES[definition.AttributeType];
  if (!type) throw new Error(`The core's table definition has no key attribute type for "${name}"`);
  return { name, type };
}

/**
 * A bucket for access logs (S3 server access logs, CloudFront's standard logs), kept 90 days. Private, encrypted, TLS
 * only; CloudFront's standard logs need the bucket's ACLs, hence object-writer ownership. Like the mail bucket, it
 * outlives `sst remove` on prod.
 */
export function accessLogBucket(scope: Construct, id: string, prod: boolean): Bucket {
  const logs = new Bucket(scope, id, {
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    objectOwnership: ObjectOwnership.OBJECT_WRITER,
    lifecycleRules: [{ expiration: Duration.days(90) }],
    ...(prod ? { removalPolicy: RemovalPolicy.RETAIN } : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true }),
  });
  NagSuppressions.addResourceSuppressions(logs, [{ id: "AwsSolutions-S1", reason: "This is the access-log bucket: logging its own access would log forever." }]);
  return logs;
}

/**
 * The one DynamoDB table (pk/sk, the core's GSIs, TTL on expiresAt, the change stream with both images). Raw
 * aws-cdk-lib rather than SST's `Table`:
 * we never `bind` it (binding grants "dynamodb:*"), and the raw construct exposes PITR and deletion protection directly.
 */
export function Storage({ app, stack }: StackContext) {
  const prod = isProd(app.stage);
  const table = new DynamoTable(stack, "Table", {
    tableName: app.logicalPrefixedName("table"),
    partitionKey: keyAttribute(Table.partitionKey),
    sortKey: keyAttribute(Table.sortKey),
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: Table.timeToLiveAttribute,
    // The change stream every reaction runs from (infra/stream.ts), with the view the core reads (and the local runtime
    // asks DynamoDB Local for). Changing the view type later replaces the stream, and with it the ARN the Stream stack
    // imports: CloudFormation refuses to change an export in use, so that would take two deploys.
    stream: StreamViewType[Table.streamViewType],
    // On prod the table outlives `sst remove` and cannot be deleted by accident; other stages follow the app's
    // default (destroy, set in sst.config.ts).
    ...(prod ? { removalPolicy: RemovalPolicy.RETAIN, deletionProtection: true } : {}),
  });
  for (const [indexName, index] of Object.entries(Table.globalIndexes)) {
    table.addGlobalSecondaryIndex({
      indexName,
      partitionKey: keyAttribute(index.partitionKey),
      sortKey: keyAttribute(index.sortKey),
      projectionType: ProjectionType.ALL,
    });
  }
  // Raw mail as received, attachments and large mail HTML (the core's BlobStore). Private, encrypted, TLS only; on
  // prod it outlives `sst remove` like the table, elsewhere it is emptied and deleted with the stage.
  const logs = accessLogBucket(stack, "AccessLogs", prod);
  const bucket = new Bucket(stack, "Mail", {
    serverAccessLogsBucket: logs,
    serverAccessLogsPrefix: "mail/",
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    versioned: prod,
    ...(prod ? { removalPolicy: RemovalPolicy.RETAIN } : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true }),
  });
  // The search index (infra/search.ts): derived from the table, fed by its stream.
  const search = searchCollection(stack, app.stage, prod);
  explainDeployHelpers(stack);
  stack.addOutputs({ TableName: table.tableName, MailBucket: bucket.bucketName, SearchEndpoint: search.endpoint });
  return { table, bucket, search };
}
