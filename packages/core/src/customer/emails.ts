import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { useDb } from "../db/service";
import { guarded, transact } from "../db/transaction";
import { Conflict, Invalid, msg, NotFound } from "../error";
import { Event } from "../event";
import { EmailSchema } from "../staff";
import { parse } from "../validation";
import type { CustomerEntity } from "./customer.entity";

type Record = EntityItem<typeof CustomerEntity>;

/** The most addresses one customer has (each is a claim, written with the customer's changes). */
export const MAX_EMAILS = 20;

/** Every address of a customer, the first one first. */
export function emailsOf(item: Pick<Record, "email" | "otherEmails">): string[] {
  return [...new Set([...(item.email ? [item.email] : []), ...(item.otherEmails ?? [])])];
}

export const EmailInputSchema = z.object({ email: EmailSchema }).strict();

/** The customer changed since it was read: nothing was written; the caller reads it again. */
export class CustomerChanged extends Conflict {
  constructor() {
    super("This customer was changed meanwhile; look again and retry");
  }
}

/** The address is another customer's: said on the field, with who has it (to merge the two, if they are one person). */
class EmailTaken extends Conflict {
  constructor(owner?: { customerId: string; name: string }) {
    super("This email address belongs to another customer", [{ path: "email", code: "taken", message: msg("This email address belongs to another customer") }], owner);
  }
}

async function readLive(customerId: string): Promise<Record> {
  const found = (await useDb().entities.customer.get({ tenantId: useTenantId(), customerId }).go({ consistent: true })).data;
  if (!found || found.mergedInto) throw new NotFound("Customer");
  return found;
}

/**
 * Gives a customer another email address: its claim (an address is one customer's in a workspace, so mail from it
 * finds them) and the customer, in one transaction. An address another customer has is refused on the field, naming
 * that customer. The first address a customer gets is the one their letters go to.
 */
export async function addEmail(customerId: string, raw: z.input<typeof EmailInputSchema>): Promise<void> {
  const actor = usePrincipal();
  Access.assertEditsCustomers(actor);
  const { email } = parse(EmailInputSchema, raw);
  const tenantId = useTenantId();
  const current = await readLive(customerId);
  const emails = emailsOf(current);
  if (emails.includes(email)) return;
  if (emails.length >= MAX_EMAILS) throw Invalid.field("email", "too_many", msg("A customer has at most {max} email addresses", { max: MAX_EMAILS }));
  const set: Partial<Record> = current.email ? { otherEmails: [...(current.otherEmails ?? []), email] } : { email };
  try {
    await transact((entities) => [
      guarded(
        entities.customerEmail
          .create({ tenantId, email, customerId, name: current.name, organizationId: current.organizationId, locale: current.locale })
          .commit(),
        () => new EmailTaken(),
      ),
      guarded(
        entities.customer
          .patch({ tenantId, customerId })
          .set(set)
          .where(({ updatedAt }, { eq }) => eq(updatedAt, current.updatedAt))
          .commit(),
        () => new CustomerChanged(),
      ),
      Event.write(entities, actor, {
        action: "customer.email.add",
        target: { type: "customer", id: customerId, label: current.name },
        before: { emails },
        after: { emails: [...emails, email] },
      }),
    ]);
  } catch (error) {
    if (!(error instanceof EmailTaken)) throw error;
    const claim = (await useDb().entities.customerEmail.get({ tenantId, email }).go({ consistent: true })).data;
    const owner = claim && (await useDb().entities.customer.get({ tenantId, customerId: claim.customerId }).go()).data;
    throw new EmailTaken(owner ? { customerId: owner.customerId, name: owner.name } : undefined);
  }
}

/**
 * Takes an address from a customer: its claim goes (mail from it opens a new customer again), and if it was the one
 * their letters go to, their next address takes its place.
 */
export async function removeEmail(customerId: string, raw: string): Promise<void> {
  const actor = usePrincipal();
  Access.assertEditsCustomers(actor);
  const { email } = parse(EmailInputSchema, { email: raw });
  const tenantId = useTenantId();
  const current = await readLive(customerId);
  const emails = emailsOf(current);
  if (!emails.includes(email)) throw new NotFound("Email address");
  const rest = emails.filter((e) => e !== email);
  const [first, ...others] = rest;
  await transact((entities) => {
    const patch = entities.customer.patch({ tenantId, customerId });
    const changed = first
      ? patch.set({ email: first, otherEmails: others })
      : patch.remove(["email", "otherEmails", "undeliverableAt", "undeliverableReason"]);
    return [
      guarded(changed.where(({ updatedAt }, { eq }) => eq(updatedAt, current.updatedAt)).commit(), () => new CustomerChanged()),
      guarded(
        entities.customerEmail
          .delete({ tenantId, email })
          .where(({ customerId: owner }, { eq }) => eq(owner, customerId))
          .commit(),
        () => new CustomerChanged(),
      ),
      Event.write(entities, actor, {
        action: "customer.email.remove",
        target: { type: "customer", id: customerId, label: current.name },
        before: { emails },
        after: { emails: rest },
      }),
    ];
  });
}
