import { PLATFORM_TENANT_ID } from "../db/keys";
import { asMaintenance } from "../db/maintenance";
import { useDb } from "../db/service";
import { usePorts } from "../port";
import { IndexGroups } from "../ticket/lifecycle";
import { customerDoc, isSearchedMessage, messageDoc, organizationDoc, ticketDoc, type CustomerItem, type MessageItem, type OrganizationItem, type TicketItem } from "./documents";

export interface RebuildCounts {
  tickets: number;
  messages: number;
  customers: number;
  organizations: number;
}

export interface RebuildOptions {
  /** Only these workspaces (default: every workspace on the platform's list). */
  tenantIds?: readonly string[];
  /** How many tickets' threads are read at once (default 8). */
  concurrency?: number;
  onProgress?: (indexed: number) => void;
}

/**
 * Puts everything searchable into the index again: for a new index (a data folder from before search, a new
 * OpenSearch collection) or one that was lost, whole or for some workspaces. It goes workspace by workspace through
 * queries the table already serves, never a scan: the platform's list of workspaces, each workspace's customers and
 * organizations (its partition), its tickets (the workspace's queue index, every group, trash included) and each
 * ticket's thread (the ticket's partition). Queries cost what they read on AWS, and DynamoDB Local answers them in
 * time linear in the table, where its scans of a 100,000-ticket table failed or slowed with every page. It is still a
 * maintenance task, never a request path; the puts are the reaction's own, so running it while the stream is being
 * consumed, or twice, leaves the index as the stream would.
 */
export function rebuild(options: RebuildOptions = {}): Promise<RebuildCounts> {
  return asMaintenance("search.rebuild", () => fill(options));
}

async function fill(options: RebuildOptions): Promise<RebuildCounts> {
  const counts: RebuildCounts = { tickets: 0, messages: 0, customers: 0, organizations: 0 };
  const progress = () => options.onProgress?.(counts.tickets + counts.messages + counts.customers + counts.organizations);
  for await (const tenantId of workspaces(options.tenantIds)) {
    await fillWorkspace(tenantId, counts, options.concurrency ?? 8, progress);
  }
  return counts;
}

async function* workspaces(only: readonly string[] | undefined): AsyncGenerator<string> {
  if (only) return yield* only;
  let cursor: string | null = null;
  do {
    const page: { data: { workspaceId: string }[]; cursor: string | null } = await useDb()
      .entities.tenantIndex.query.byWorkspace({ tenantId: PLATFORM_TENANT_ID })
      .go({ limit: 100, cursor, attributes: ["workspaceId"] });
    for (const { workspaceId } of page.data) yield workspaceId;
    cursor = page.cursor;
  } while (cursor);
}

async function fillWorkspace(tenantId: string, counts: RebuildCounts, concurrency: number, progress: () => void): Promise<void> {
  const db = useDb().entities;
  const search = usePorts().search;
  for (const customer of (await db.customer.query.byId({ tenantId }).go({ pages: "all" })).data) {
    // A record merged into another is found as that customer, as the stream's reaction leaves it (search/reactions.ts).
    if (customer.mergedInto) continue;
    await search.putCustomer(customerDoc(customer as CustomerItem));
    counts.customers++;
  }
  for (const organization of (await db.organization.query.byId({ tenantId }).go({ pages: "all" })).data) {
    await search.putOrganization(organizationDoc(organization as OrganizationItem));
    counts.organizations++;
  }
  progress();
  for (const queueGroup of IndexGroups) {
    let cursor: string | null = null;
    do {
      const page: { data: unknown[]; cursor: string | null } = await db.ticket.query.byTenant({ tenantId, queueGroup }).go({ limit: 200, cursor });
      cursor = page.cursor;
      const tickets = page.data as TicketItem[];
      // Each ticket with its thread, a few tickets at a time: the thread is one query of the ticket's partition.
      for (let i = 0; i < tickets.length; i += concurrency) {
        await Promise.all(
          tickets.slice(i, i + concurrency).map(async (ticket) => {
            await search.putTicket(ticketDoc(ticket));
            counts.tickets++;
            const thread = await db.message.query.byId({ tenantId, ticketId: ticket.ticketId }).go({ pages: "all" });
            for (const message of thread.data as MessageItem[]) {
              if (!isSearchedMessage(message)) continue;
              await search.putMessage(messageDoc(message));
              counts.messages++;
            }
          }),
        );
      }
      progress();
    } while (cursor);
  }
}
