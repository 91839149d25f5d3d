import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

/**
 * A named number of a tenant: the ticket-number sequence, and the count of tickets in each queue, which changes in
 * the same transaction as the tickets it counts.
 */
export const CounterEntity = new Entity({
  model: { entity: "counter", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    name: { type: "string", required: true, readOnly: true },
    value: { type: "number", required: true, default: 0 },
    /** For counters of a time window (per-sender mail rates): DynamoDB deletes them after this (epoch seconds). */
    expiresAt: { type: "number" },
  },
  indexes: {
    byName: { pk: tenantPartition, sk: sortKey("counter", ["name"]) },
  },
});
