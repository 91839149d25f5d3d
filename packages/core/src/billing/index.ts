import type { EntityItem } from "electrodb";
import { useTenantId } from "../actor";
import { useDb } from "../db/service";
import { NotFound } from "../error";
import type { BillingAccountEntity } from "./billing-account.entity";
import type { LedgerEntryEntity } from "./ledger-entry.entity";

export interface Account {
  balanceMinor: number;
  currency: string;
  trialCreditMinor: number;
}

export type LedgerEntry = Omit<EntityItem<typeof LedgerEntryEntity>, "tenantId">;

export function accountView(item: EntityItem<typeof BillingAccountEntity>): Account {
  return { balanceMinor: item.balanceMinor, currency: item.currency, trialCreditMinor: item.trialCreditMinor };
}

export async function account(): Promise<Account> {
  const result = await useDb().entities.billingAccount.get({ tenantId: useTenantId() }).go();
  if (!result.data) throw new NotFound("Billing account");
  return accountView(result.data);
}

/** The balance history, newest first. */
export async function ledger(options: { limit?: number } = {}): Promise<LedgerEntry[]> {
  const result = await useDb()
    .entities.ledgerEntry.query.byEntry({ tenantId: useTenantId() })
    .go({ order: "desc", limit: options.limit ?? 50 });
  return result.data.map(({ tenantId: _tenantId, ...entry }) => entry);
}

export * as Billing from "./index";
