import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

export const LedgerKinds = ["trial_credit", "top_up", "daily_charge", "adjustment"] as const;

/** One change of a billing balance. Append-only; entry ids are ULIDs so the history lists in time order. */
export const LedgerEntryEntity = new Entity({
  model: { entity: "ledgerEntry", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    entryId: { type: "string", required: true, readOnly: true },
    kind: { type: LedgerKinds, required: true, readOnly: true },
    amountMinor: { type: "number", required: true, readOnly: true },
    balanceAfterMinor: { type: "number", required: true, readOnly: true },
    currency: { type: "string", required: true, readOnly: true },
    description: { type: "string", required: true, readOnly: true },
    /** Who made the entry: the daily run, the operator (with the payment's reference), sign-up. */
    by: { type: "string", readOnly: true },
    reference: { type: "string", readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byEntry: { pk: tenantPartition, sk: sortKey("ledger", ["entryId"]) },
  },
});
