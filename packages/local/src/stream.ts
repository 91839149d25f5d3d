import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  type _Record,
} from "@aws-sdk/client-dynamodb-streams";
import { localCredentials } from "@frontline/core/config";
import { fromRecord, Positions, type BatchResult, type Change } from "@frontline/core/stream";
import { streamArnOf } from "./dynamo";

/**
 * The local stand-in for Lambda's event source mapping: reads DynamoDB Local's own stream of the table through the
 * DynamoDB Streams API (shards, iterators, parents before children) and hands each batch to the same handler the
 * stream Lambda runs, with the same batch semantics: a batch is done up to its first failed change, which is read
 * again after a pause. Where it has read to is kept in the table (core/stream/position), so a restart goes on from
 * there; a change handled but not yet recorded as read is delivered again, which reactions take without a second
 * effect.
 */

export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  /** The stream's handler (core/stream), or anything that takes a batch the same way. */
  handler: (changes: readonly Change[]) => Promise<BatchResult>;
  /** Records per batch (GetRecords' limit). */
  batchSize?: number;
  /** Pause when there is nothing to read, in ms. */
  idleMs?: number;
  /** First pause before a failed batch is read again, in ms (doubling, up to 5 s). */
  retryMs?: number;
  /** While this says so, the poller waits (the runtime gives a burst of due timers the table first). */
  pauseWhile?: () => boolean;
}

export interface PollerStats {
  batches: number;
  changes: number;
  failedBatches: number;
  parked: number;
}

export interface StreamPoller {
  start(): void;
  /** Stops after the batch in hand. */
  stop(): Promise<void>;
  /** Resolves once every change written before the call, and every change those caused, has been handled. */
  settle(timeoutMs?: number): Promise<void>;
  /**
   * Marks every change written so far as handled, without handling it: for data loaded in bulk with what its
   * reactions would have written (the bench's seeded tenants), so that nothing is counted twice.
   */
  skip(): Promise<number>;
  stats(): PollerStats;
}

interface ShardState {
  shardId: string;
  parentId?: string;
  sequenceNumber?: string;
  done: boolean;
  iterator?: string;
  /** Failed batches in a row, for the pause before the next try. */
  failures: number;
  retryAt: number;
}

const OWN = new Set(["streamPosition"]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function streamPoller(options: StreamPollerOptions): StreamPoller {
  const batchSize = options.batchSize ?? 200;
  const idleMs = options.idleMs ?? 100;
  const retryMs = options.retryMs ?? 250;
  const client = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: "us-east-1",
    credentials: localCredentials(),
    maxAttempts: 2,
  });
  const stats: PollerStats = { batches: 0, changes: 0, failedBatches: 0, parked: 0 };
  let streamArn: string | undefined;
  const shards = new Map<string, ShardState>();
  let stopped = true;
  let loop: Promise<void> = Promise.resolve();
  let cycles = 0;
  let quietCycle = -1;
  let wake: (() => void) | undefined;

  async function init() {
    streamArn = await streamArnOf(options.endpoint, options.tableName);
    const saved = await Positions.positions(streamArn);
    for (const [shardId, position] of saved) {
      shards.set(shardId, { shardId, sequenceNumber: position.sequenceNumber, done: Boolean(position.done), failures: 0, retryAt: 0 });
    }
  }

  async function describe() {
    const found: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await client.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
      found.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    for (const shard of found) {
      const known = shards.get(shard.ShardId!);
      if (known) known.parentId = shard.ParentShardId;
      else shards.set(shard.ShardId!, { shardId: shard.ShardId!, parentId: shard.ParentShardId, done: false, failures: 0, retryAt: 0 });
    }
  }

  /** Shards to read now: not finished, and whose parent (if the stream still lists it) is finished. */
  function readable(): ShardState[] {
    return [...shards.values()].filter((s) => {
      if (s.done) return false;
      const parent = s.parentId ? shards.get(s.parentId) : undefined;
      return !parent || parent.done;
    });
  }

  async function iteratorOf(shard: ShardState): Promise<string | undefined> {
    if (shard.iterator) return shard.iterator;
    const result = await client.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard.shardId,
        ...(shard.sequenceNumber ? { ShardIteratorType: "AFTER_SEQUENCE_NUMBER", SequenceNumber: shard.sequenceNumber } : { ShardIteratorType: "TRIM_HORIZON" }),
      }),
    );
    shard.iterator = result.ShardIterator;
    return shard.iterator;
  }

  /** Reads and handles one batch of a shard; returns how many records it read. */
  async function readShard(shard: ShardState): Promise<number> {
    if (shard.retryAt > Date.now()) return -1;
    let records: _Record[];
    let next: string | undefined;
    try {
      const iterator = await iteratorOf(shard);
      if (!iterator) {
        shard.done = true;
        await Positions.savePosition(streamArn!, { shardId: shard.shardId, sequenceNumber: shard.sequenceNumber, done: true });
        return 0;
      }
      const result = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: batchSize }));
      records = result.Records ?? [];
      next = result.NextShardIterator;
    } catch (error) {
      const name = (error as Error).name;
      if (name === "ExpiredIteratorException") {
        shard.iterator = undefined;
        return -1;
      }
      if (name === "TrimmedDataAccessException") {
        // What the position points at is gone from the stream (older than its retention): start from what is left.
        shard.iterator = undefined;
        shard.sequenceNumber = undefined;
        return -1;
      }
      throw error;
    }
    if (!records.length) {
      shard.iterator = next;
      if (!next) {
        shard.done = true;
        await Positions.savePosition(streamArn!, { shardId: shard.shardId, sequenceNumber: shard.sequenceNumber, done: true });
      }
      return 0;
    }
    const changes: Change[] = records.map((r) => fromRecord(r as Parameters<typeof fromRecord>[0]));
    const result = await options.handler(changes);
    stats.batches++;
    stats.parked += result.parked;
    const meaningful = changes.some((c) => !c.entity || !OWN.has(c.entity));
    if (result.failed.length) {
      // Done up to the first failed change: read again from there after a pause.
      stats.failedBatches++;
      const first = result.failed[0]!.seq;
      const doneBefore = changes.filter((c) => c.seq < first);
      stats.changes += doneBefore.length;
      if (doneBefore.length) {
        shard.sequenceNumber = doneBefore[doneBefore.length - 1]!.sequenceNumber;
        await Positions.savePosition(streamArn!, { shardId: shard.shardId, sequenceNumber: shard.sequenceNumber });
      }
      shard.iterator = undefined;
      shard.failures++;
      shard.retryAt = Date.now() + Math.min(5000, retryMs * 2 ** (shard.failures - 1));
      return records.length;
    }
    stats.changes += changes.length;
    shard.failures = 0;
    shard.sequenceNumber = changes[changes.length - 1]!.sequenceNumber;
    shard.iterator = next;
    // Recording the position is itself a change of the table: a batch of nothing but positions is not recorded, or
    // the poller would read its own writes for ever.
    if (meaningful) await Positions.savePosition(streamArn!, { shardId: shard.shardId, sequenceNumber: shard.sequenceNumber });
    if (!next) {
      shard.done = true;
      await Positions.savePosition(streamArn!, { shardId: shard.shardId, sequenceNumber: shard.sequenceNumber, done: true });
    }
    return records.length;
  }

  /** One pass over the readable shards. Quiet when nothing was read and nothing waits for a retry. */
  async function cycle(): Promise<{ read: number; waiting: boolean }> {
    if (!streamArn) await init();
    if (!readable().length || cycles % 50 === 0) await describe();
    cycles++;
    let read = 0;
    let waiting = false;
    const results = await Promise.all(readable().map(readShard));
    for (const n of results) {
      if (n < 0) waiting = true;
      else read += n;
    }
    return { read, waiting };
  }

  async function run() {
    while (!stopped) {
      if (options.pauseWhile?.()) {
        await sleep(50);
        continue;
      }
      const started = cycles;
      try {
        const { read, waiting } = await cycle();
        if (!read && !waiting) quietCycle = started;
        if (read >= batchSize) continue;
      } catch (error) {
        if ((error as Error).name === "ResourceNotFoundException") {
          // The table is gone (a test dropped it): nothing more to read.
          stopped = true;
          break;
        }
        console.error(JSON.stringify({ level: "error", msg: "stream poll failed", error: String((error as Error)?.message ?? error) }));
        await sleep(1000);
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, idleMs);
      });
      wake = undefined;
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      loop = run();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      client.destroy();
    },
    async settle(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      if (stopped) {
        // Not running: drive it here until a pass reads nothing.
        for (;;) {
          const { read, waiting } = await cycle();
          if (!read && !waiting) return;
          if (Date.now() > deadline) throw new Error("The stream did not settle in time");
          if (waiting) await sleep(50);
        }
      }
      const after = cycles;
      wake?.();
      while (quietCycle < after) {
        if (Date.now() > deadline) throw new Error("The stream did not settle in time");
        await sleep(10);
        wake?.();
      }
    },
    async skip() {
      if (!stopped) throw new Error("Stop the poller before skipping");
      if (!streamArn) await init();
      await describe();
      let skipped = 0;
      for (let shards = readable(); shards.length; shards = readable()) {
        for (const shard of shards) {
          for (;;) {
            const iterator = await iteratorOf(shard);
            if (!iterator) {
              shard.done = true;
              break;
            }
            const result = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
            const records = result.Records ?? [];
            skipped += records.length;
            if (records.length) shard.sequenceNumber = records[records.length - 1]!.dynamodb!.SequenceNumber;
            shard.iterator = result.NextShardIterator;
            if (!result.NextShardIterator) shard.done = true;
            if (!records.length || shard.done) break;
          }
          await Positions.savePosition(streamArn!, { shardId: shard.shardId, sequenceNumber: shard.sequenceNumber, done: shard.done });
        }
        if (shards.every((s) => !s.done)) break; // open shards read to their end
      }
      return skipped;
    },
    stats: () => ({ ...stats }),
  };
}
