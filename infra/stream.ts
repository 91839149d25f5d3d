import { Duration } from "aws-cdk-lib";
import { StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { use, type StackContext } from "sst/constructs";
import { Alerts, deadLetterQueue } from "./alerts";
import { inboundDomain } from "./config";
import { appFunction } from "./functions";
import { explainDeployHelpers } from "./nag";
import { grantSearch } from "./search";
import { Storage } from "./storage";
import { Timers } from "./timers";

export const STREAM_HANDLER = "functions/src/stream/handler.handler";

/**
 * How the table's stream reaches the consumer (the AWS::Lambda::EventSourceMapping). Each of these bounds what a
 * failing change can cost: a batch that fails is split in two until the failing change is alone (bisect); each is
 * retried at most `retryAttempts` times and for at most `maxRecordAge`; then its batch's description goes to the
 * dead-letter queue and the shard moves on. The handler reports the changes that failed (ReportBatchItemFailures),
 * so Lambda retries from the first of them rather than the whole batch, and it parks a reaction that keeps failing
 * itself (core/stream) before these limits are reached.
 */
export const STREAM_CONSUMER = {
  /** From the oldest change still in the stream (24 hours): a change made before the mapping existed is not skipped. */
  startingPosition: StartingPosition.TRIM_HORIZON,
  batchSize: 200,
  bisectBatchOnError: true,
  retryAttempts: 10,
  /** Six hours, well inside the stream's 24-hour retention. */
  maxRecordAge: Duration.hours(6),
  reportBatchItemFailures: true,
} as const;

/**
 * The change stream's consumer on AWS: the table's stream (NEW_AND_OLD_IMAGES, infra/storage.ts) read by one function
 * running functions/src/stream/handler.ts, the same handler the local runtime's poller calls. Every reaction to a
 * change runs there (letters, counters, timers...), so the function has the same environment and permissions as the
 * others: it sends mail, arms and cancels timers and writes the table. Besides, the event source mapping grants it
 * reading the stream, the on-failure destination sending to its dead-letter queue, and infra/search.ts writing the
 * search index; nothing else.
 */
export function Stream({ app, stack }: StackContext) {
  const { table, bucket, search } = use(Storage);
  const { timers } = use(Timers);

  // Where Lambda describes a batch it gave up on (the shard, the sequence numbers: not the changes themselves, which
  // stay in the table).
  const deadLetters = deadLetterQueue(stack, "DeadLetters", use(Alerts), "A batch of table changes failed all its retries");

  const shared = { table, bucket, timers, inboundDomain: inboundDomain(app.stage) };
  const consumer = appFunction(stack, "StreamFunction", shared, "objects, mail and timers", {
    handler: STREAM_HANDLER,
    // Reactions render letters and write the table; the CPU share scales with memory.
    memorySize: 1024,
    // A batch of 200 changes and their reactions. A timeout counts as a failure of the whole batch (then bisected).
    timeout: 300,
  });
  consumer.addEventSource(new DynamoEventSource(table, { ...STREAM_CONSUMER, onFailure: new SqsDlq(deadLetters) }));
  // The search index's reaction: makes the indexes, puts and deletes documents (infra/search.ts).
  grantSearch(consumer, search, "write", app.stage);

  explainDeployHelpers(stack);
  stack.addOutputs({ StreamDeadLetterQueue: deadLetters.queueUrl });
  return { consumer, deadLetters };
}
