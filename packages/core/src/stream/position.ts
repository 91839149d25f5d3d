import { useDb } from "../db/service";
import { PLATFORM_TENANT_ID } from "../db/keys";
import { useClock } from "../port";

/** The local poller's position in each shard of a stream (see position.entity.ts). */
export interface ShardPosition {
  shardId: string;
  sequenceNumber?: string;
  done?: boolean;
}

const tenantId = PLATFORM_TENANT_ID;

export async function positions(streamArn: string): Promise<Map<string, ShardPosition>> {
  const result = await useDb()
    .entities.streamPosition.query.byShard({ tenantId, streamArn })
    .go({ pages: "all" });
  return new Map(result.data.map((p) => [p.shardId, { shardId: p.shardId, sequenceNumber: p.sequenceNumber, done: p.done }]));
}

export async function savePosition(streamArn: string, position: ShardPosition): Promise<void> {
  await useDb()
    .entities.streamPosition.put({
      tenantId,
      streamArn,
      shardId: position.shardId,
      sequenceNumber: position.sequenceNumber,
      done: position.done,
      updatedAt: useClock().now().toISOString(),
    })
    .go();
}
