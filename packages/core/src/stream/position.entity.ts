import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

/**
 * How far the local poller has read each shard of the table's stream (on AWS, Lambda's event source mapping keeps
 * this itself). Kept in the table, under the platform tenant, so that a restart goes on where the last run stopped.
 */
export const StreamPositionEntity = new Entity({
  model: { entity: "streamPosition", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    streamArn: { type: "string", required: true, readOnly: true },
    shardId: { type: "string", required: true, readOnly: true },
    /** The sequence number of the last change handled (as the stream gave it). */
    sequenceNumber: { type: "string" },
    /** The shard is closed and read to its end: its children may start. */
    done: { type: "boolean" },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byShard: { pk: tenantPartition, sk: sortKey("streampos", ["streamArn", "shardId"]) },
  },
});
