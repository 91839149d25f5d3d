import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";

/**
 * One change of the table, as its stream reports it: what kind of write, the item's keys, the item before and after
 * (the table's stream carries new and old images), and where it sits in its shard. The same shape whether it came
 * from a Lambda event (functions/src/stream) or from the local poller reading DynamoDB Local's stream
 * (packages/local/src/stream.ts).
 */
export type Item = { [attribute: string]: unknown };

export interface Change<T extends Item = Item> {
  /** The stream record's id: unique per record, the same when the record is delivered again. */
  id: string;
  /** Position in its shard, zero-padded to a fixed width so that positions compare as strings. */
  seq: string;
  /** The record's sequence number as the stream gave it (a Lambda partial batch response names it). */
  sequenceNumber: string;
  kind: "insert" | "modify" | "remove";
  /** The ElectroDB entity of the item (its `__edb_e__`); undefined for an item no entity owns. */
  entity?: string;
  /** The tenant the item belongs to (every entity has `tenantId`). */
  tenantId?: string;
  keys: { pk: string; sk: string };
  before?: T;
  after?: T;
}

/** A stream record as both the Lambda event and the DynamoDB Streams API give it (attribute values marshalled). */
export interface StreamRecord {
  eventID?: string;
  eventName?: "INSERT" | "MODIFY" | "REMOVE" | string;
  dynamodb?: {
    Keys?: { [key: string]: AttributeValue | LambdaAttributeValue };
    NewImage?: { [key: string]: AttributeValue | LambdaAttributeValue };
    OldImage?: { [key: string]: AttributeValue | LambdaAttributeValue };
    SequenceNumber?: string;
  };
}

/** The Lambda event's attribute values have the same JSON shape as the SDK's. */
type LambdaAttributeValue = { [type: string]: unknown };

const SEQ_WIDTH = 48;

/** Sequence numbers are decimal strings of varying length (21 to 40 digits on AWS): padded, they sort as numbers. */
export function padSequence(sequenceNumber: string): string {
  if (!/^\d{1,48}$/.test(sequenceNumber)) throw new Error(`Not a stream sequence number: ${sequenceNumber}`);
  return sequenceNumber.padStart(SEQ_WIDTH, "0");
}

const KINDS = { INSERT: "insert", MODIFY: "modify", REMOVE: "remove" } as const;

type Image = { [key: string]: AttributeValue | LambdaAttributeValue } | undefined;

function image(value: Image): Item | undefined {
  return value ? (unmarshall(value as { [key: string]: AttributeValue }) as Item) : undefined;
}

export function fromRecord(record: StreamRecord): Change {
  const data = record.dynamodb;
  const kind = KINDS[record.eventName as keyof typeof KINDS];
  if (!data?.SequenceNumber || !data.Keys || !kind || !record.eventID) throw new Error("A stream record without its id, kind, keys or sequence number");
  const keys = unmarshall(data.Keys as { [key: string]: AttributeValue }) as { pk: string; sk: string };
  const before = image(data.OldImage);
  const after = image(data.NewImage);
  const current = after ?? before;
  return {
    id: record.eventID,
    seq: padSequence(data.SequenceNumber),
    sequenceNumber: data.SequenceNumber,
    kind,
    entity: typeof current?.__edb_e__ === "string" ? current.__edb_e__ : undefined,
    tenantId: typeof current?.tenantId === "string" ? current.tenantId : undefined,
    keys,
    before,
    after,
  };
}

/** The value of an attribute before and after the change (undefined where the item did not exist). */
export function field<K extends string>(change: Change, name: K): { before: unknown; after: unknown; changed: boolean } {
  const before = change.before?.[name];
  const after = change.after?.[name];
  return { before, after, changed: JSON.stringify(before ?? null) !== JSON.stringify(after ?? null) };
}

/** The attributes whose values differ between the item before and after the change (all of them for an insert or a removal). */
export function changedAttributes(change: Change): Set<string> {
  const names = new Set([...Object.keys(change.before ?? {}), ...Object.keys(change.after ?? {})]);
  const changed = new Set<string>();
  for (const name of names) {
    if (JSON.stringify(change.before?.[name] ?? null) !== JSON.stringify(change.after?.[name] ?? null)) changed.add(name);
  }
  return changed;
}
