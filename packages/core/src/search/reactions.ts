import { usePorts } from "../port";
import { defineReaction } from "../stream";
import {
  customerDoc,
  isSearchedMessage,
  messageDoc,
  organizationDoc,
  ticketDoc,
  type CustomerItem,
  type MessageItem,
  type OrganizationItem,
  type TicketItem,
} from "./documents";

/**
 * The search index follows the table: every ticket, message, customer and organization written is put into it, and
 * every one removed is taken out. Putting is idempotent (a ticket or customer older than the indexed one changes
 * nothing; a message is written once by its id), so a replayed or reordered delivery leaves the index as it was.
 */
export const indexed = defineReaction({
  name: "search.index",
  on: ["ticket", "message", "customer", "organization"],
  when: (change) => change.entity !== "message" || change.kind === "remove" || isSearchedMessage(change.after as { kind: string }),
  async each(change) {
    const search = usePorts().search;
    const item = change.after;
    // A customer merged into another is gone from search as if deleted.
    if (!item || (change.entity === "customer" && (item as { mergedInto?: string }).mergedInto)) {
      const gone = (change.before ?? item) as { tenantId: string; [id: string]: unknown };
      const id = { ticket: "ticketId", message: "messageId", customer: "customerId", organization: "organizationId" }[change.entity as "ticket"];
      await search.remove(gone.tenantId, change.entity as "ticket", String(gone[id]));
      return;
    }
    switch (change.entity) {
      case "ticket":
        return search.putTicket(ticketDoc(item as unknown as TicketItem));
      case "message":
        return search.putMessage(messageDoc(item as unknown as MessageItem));
      case "customer":
        return search.putCustomer(customerDoc(item as unknown as CustomerItem));
      case "organization":
        return search.putOrganization(organizationDoc(item as unknown as OrganizationItem));
    }
  },
});

export const reactions = [indexed];
