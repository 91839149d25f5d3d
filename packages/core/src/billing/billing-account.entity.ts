import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition, timestamps } from "../db/keys";

/** A tenant's prepaid balance, in minor units. Changed only together with a LedgerEntry, in one transaction. */
export const BillingAccountEntity = new Entity({
  model: { entity: "billingAccount", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    balanceMinor: { type: "number", required: true },
    currency: { type: "string", required: true },
    trialCreditMinor: { type: "number", required: true },
    /** The date (UTC) the balance went below zero: the grace period counts from it. */
    negativeSince: { type: "string" },
    /** The date the owner was last told the balance runs low (one letter a day at most), and how many days it had left. */
    lowBalanceWarnedOn: { type: "string" },
    lowBalanceDays: { type: "number" },
    ...timestamps,
  },
  indexes: {
    byTenant: { pk: tenantPartition, sk: sortKey("billing", []) },
  },
});
