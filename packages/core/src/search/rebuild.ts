import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { useConfig } from "../config";
import { useDynamo } from "../db/client";
import { asMaintenance } from "../db/maintenance";
import { usePorts } from "../port";
import { customerDoc, isSearchedMessage, messageDoc, organizationDoc, ticketDoc, type CustomerItem, type MessageItem, type OrganizationItem, type TicketItem } from "./documents";

/**
 * Puts everything searchable in the table into the index again: for a new index (a data folder from before search,
 * a new OpenSearch collection) or one that was lost. It reads the whole table in parallel segments, so it is a
 * maintenance task, never a request path; the puts are the reaction's own, so running it while the stream is being
 * consumed, or twice, leaves the index as the stream would.
 */
export function rebuild(options: { segments?: number; onProgress?: (indexed: number) => void } = {}): Promise<{ tickets: number; messages: number; customers: number; organizations: number }> {
  return asMaintenance("search.rebuild", () => fill(options));
}

async function fill(options: { segments?: number; onProgress?: (indexed: number) => void }) {
  const counts = { tickets: 0, messages: 0, customers: 0, organizations: 0 };
  const segments = options.segments ?? 2;
  const search = usePorts().search;
  const table = useConfig().tableName;
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await persistently(() => useDynamo().send(
          new ScanCommand({
            TableName: table,
            Segment: segment,
            TotalSegments: segments,
            ExclusiveStartKey: start,
            FilterExpression: "#e IN (:t, :m, :c, :o)",
            ExpressionAttributeNames: { "#e": "__edb_e__" },
            ExpressionAttributeValues: { ":t": "ticket", ":m": "message", ":c": "customer", ":o": "organization" },
          }),
        ));
        for (const item of page.Items ?? []) {
          switch (item.__edb_e__) {
            case "ticket":
              await search.putTicket(ticketDoc(item as TicketItem));
              counts.tickets++;
              break;
            case "message":
              if (!isSearchedMessage(item as MessageItem)) break;
              await search.putMessage(messageDoc(item as MessageItem));
              counts.messages++;
              break;
            case "customer":
              await search.putCustomer(customerDoc(item as CustomerItem));
              counts.customers++;
              break;
            case "organization":
              await search.putOrganization(organizationDoc(item as OrganizationItem));
              counts.organizations++;
              break;
          }
        }
        options.onProgress?.(counts.tickets + counts.messages + counts.customers + counts.organizations);
        start = page.LastEvaluatedKey;
      } while (start);
    }),
  );
  return counts;
}

/**
 * A page of a long scan is tried again, from where it stopped, when the engine fails it (DynamoDB Local answers a
 * heavy scan with InternalFailure now and then, past the SDK's own retries): a fill of a large table is not begun
 * again for one bad page.
 */
async function persistently<T>(read: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}
