import { defineReaction } from "../stream";
import { useDb } from "../db/service";
import { termsOf } from "./index";

type Named = { name: string; email?: string; otherEmails?: string[]; phone?: string; mergedInto?: string; customerId: string };

/**
 * The customer search index: a customer's terms (their name and its later words, each address, the phone's digits)
 * follow their changes; a merged record's go. Putting a term that is there and deleting one that is gone are both harmless to repeat.
 */
export const customerTerms = defineReaction({
  name: "customer.terms",
  on: ["customer"],
  async each(change) {
    const before = change.before ? new Set(termsOf(change.before as Named)) : new Set<string>();
    const after = change.after ? new Set(termsOf(change.after as Named)) : new Set<string>();
    const customerId = ((change.after ?? change.before) as Named).customerId;
    const tenantId = change.tenantId!;
    const db = useDb().entities.customerTerm;
    await Promise.all([
      ...[...before].filter((t) => !after.has(t)).map((term) => db.delete({ tenantId, term, customerId }).go()),
      ...[...after].filter((t) => !before.has(t)).map((term) => db.put({ tenantId, term, customerId }).go()),
    ]);
  },
});

export const reactions = [customerTerms];
