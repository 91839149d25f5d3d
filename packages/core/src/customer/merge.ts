import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { useDb } from "../db/service";
import { guarded, transact } from "../db/transaction";
import { Invalid, msg, NotFound } from "../error";
import { Event } from "../event";
import { useClock } from "../port";
import { parse } from "../validation";
import type { CustomerEntity } from "./customer.entity";
import { CustomerChanged, emailsOf, MAX_EMAILS } from "./emails";

type Record = EntityItem<typeof CustomerEntity>;

/** The other record, merged into the one named by the path. */
export const MergeSchema = z.object({ customerId: z.string().trim().min(1, "Choose the customer to merge").max(64) }).strict();

/**
 * Merges two records of one person: `customerId` stays and takes the other's email addresses, its phone and
 * organization and language where it has none; the other becomes a tombstone that points to it. One transaction
 * writes both records and moves each of the other's address claims to the survivor, each on the state it was read
 * at, so an address is one customer's throughout and mail from it finds the survivor from then on.
 *
 * The other's tickets are not written here: each ticket is its own aggregate, and the ticket module moves them to the
 * survivor by a reaction to the tombstone (ticket/requester-merged.ts); the search index follows both records.
 */
export async function merge(customerId: string, raw: z.input<typeof MergeSchema>): Promise<void> {
  const actor = usePrincipal();
  Access.assertMergesCustomers(actor);
  const input = parse(MergeSchema, raw);
  const tenantId = useTenantId();
  const db = useDb().entities;
  const [survivor, other] = await Promise.all(
    [customerId, input.customerId].map(async (id) => (await db.customer.get({ tenantId, customerId: id }).go({ consistent: true })).data),
  );
  if (!survivor || survivor.mergedInto) throw new NotFound("Customer");
  if (input.customerId === customerId) throw Invalid.field("customerId", "same", "Choose another customer than this one");
  if (!other) throw Invalid.field("customerId", "not_found", "There is no such customer");
  if (other.mergedInto) throw Invalid.field("customerId", "merged", "This customer was merged into another already");
  const moved = emailsOf(other);
  const emails = [...new Set([...emailsOf(survivor), ...moved])];
  if (emails.length > MAX_EMAILS) {
    throw Invalid.field("customerId", "too_many", msg("Together they would have more than {max} email addresses", { max: MAX_EMAILS }));
  }
  const [first, ...rest] = emails;
  const set: Partial<Record> = {
    ...(first ? { email: first, otherEmails: rest } : {}),
    ...(!survivor.phone && other.phone ? { phone: other.phone } : {}),
    ...(!survivor.organizationId && other.organizationId ? { organizationId: other.organizationId } : {}),
    ...(!survivor.locale && other.locale ? { locale: other.locale } : {}),
  };
  const after = { ...survivor, ...set } as Record;
  const at = useClock().now().toISOString();
  const by = actor.type === "staff" ? { mergedBy: actor.staffId, mergedByName: actor.name } : { mergedBy: "system", mergedByName: "system" };
  const claim = { customerId, name: after.name, ...(after.organizationId ? { organizationId: after.organizationId } : {}), ...(after.locale ? { locale: after.locale } : {}) };
  await transact((entities) => [
    guarded(
      (Object.keys(set).length ? entities.customer.patch({ tenantId, customerId }).set(set) : entities.customer.patch({ tenantId, customerId }).set({ name: survivor.name }))
        .where(({ updatedAt, mergedInto }, { eq, notExists }) => `${eq(updatedAt, survivor.updatedAt)} AND ${notExists(mergedInto)}`)
        .commit(),
      () => new CustomerChanged(),
    ),
    guarded(
      entities.customer
        .patch({ tenantId, customerId: other.customerId })
        .set({ mergedInto: customerId, mergedAt: at, ...by })
        .remove(["email", "otherEmails"])
        .where(({ updatedAt, mergedInto }, { eq, notExists }) => `${eq(updatedAt, other.updatedAt)} AND ${notExists(mergedInto)}`)
        .commit(),
      () => new CustomerChanged(),
    ),
    ...moved.map((email) =>
      guarded(
        entities.customerEmail
          .patch({ tenantId, email })
          .set(claim)
          .where(({ customerId: owner }, { eq }) => eq(owner, other.customerId))
          .commit(),
        () => new CustomerChanged(),
      ),
    ),
    Event.write(
      entities,
      actor,
      {
        action: "customer.merge",
        target: { type: "customer", id: customerId, label: survivor.name },
        before: { merged: { customerId: other.customerId, name: other.name, emails: moved }, emails: emailsOf(survivor) },
        after: { emails },
      },
      at,
    ),
  ]);
}
