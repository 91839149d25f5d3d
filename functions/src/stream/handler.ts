import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { changeHandler } from "@frontline/core/reactions";
import { fromRecord, type StreamRecord } from "@frontline/core/stream";
import { configureAwsPorts } from "../aws/ports";

configureAwsPorts();
const handle = changeHandler();

/**
 * The table's stream on AWS: the event source mapping delivers a batch of one shard's records in order; every reaction
 * runs on it (core/stream/handler.ts). The response names the changes to deliver again (ReportBatchItemFailures):
 * Lambda checkpoints before the first of them and retries from there, bisecting a batch that keeps failing; what still
 * fails after the mapping's retries goes to its dead-letter queue. A reaction that keeps failing is parked by the
 * handler itself (with the change, for the operator console) before that happens.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const changes = event.Records.map((record) => fromRecord(record as StreamRecord));
  const result = await handle(changes);
  return { batchItemFailures: result.failed.map((change) => ({ itemIdentifier: change.sequenceNumber })) };
}
