import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/**
 * The one table's shape. infra/storage.ts builds the AWS table from it and the local runtime creates the
 * DynamoDB Local table from it, so the two cannot drift.
 *
 * Every partition key, on the table and on each GSI, starts with `t#<tenantId>` (see the entities' key templates),
 * which lets the API's IAM policy narrow access to one tenant with `dynamodb:LeadingKeys`.
 */
export const Table = {
  partitionKey: "pk",
  sortKey: "sk",
  /**
   * Generic indexes, overloaded by several entities (each with its own key templates): gsi1 sessions by staff, ticket
   * queues by department, events by actor; gsi2 queues by assignee, events by target; gsi3 the tenant-wide queues;
   * gsi4 the unassigned tickets of a department (sparse); gsi5 tickets by requester.
   */
  globalIndexes: {
    gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    gsi2: { partitionKey: "gsi2pk", sortKey: "gsi2sk" },
    gsi3: { partitionKey: "gsi3pk", sortKey: "gsi3sk" },
    gsi4: { partitionKey: "gsi4pk", sortKey: "gsi4sk" },
    gsi5: { partitionKey: "gsi5pk", sortKey: "gsi5sk" },
  },
  /** Epoch seconds; DynamoDB deletes expired items lazily, so readers must also check it. */
  timeToLiveAttribute: "expiresAt",
  /** The change stream every reaction reads (core/stream): each change with the item before and after it. */
  streamViewType: "NEW_AND_OLD_IMAGES",
} as const;

export type GlobalIndexName = keyof typeof Table.globalIndexes;

export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyAttributes = [
    Table.partitionKey,
    Table.sortKey,
    ...Object.values(Table.globalIndexes).flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    StreamSpecification: { StreamEnabled: true, StreamViewType: Table.streamViewType },
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: "S" })),
    KeySchema: [
      { AttributeName: Table.partitionKey, KeyType: "HASH" },
      { AttributeName: Table.sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: Object.entries(Table.globalIndexes).map(([name, index]) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: "HASH" },
        { AttributeName: index.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
  };
}
