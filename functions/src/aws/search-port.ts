import { configurePorts, type Ports } from "@frontline/core/port";
import { openSearchClient, openSearchIndex } from "./opensearch-search";

/**
 * The search port on AWS: the OpenSearch Serverless collection at SEARCH_ENDPOINT, its indexes named after
 * SEARCH_INDEX_PREFIX. infra/search.ts gives both to the functions that search (the API) or feed the index (the stream
 * function), and to no other: those go without, and using the port there is the port's own clear error.
 *
 * Apart from ports.ts so that the API, which plugs in only what it uses, can take it without the SES and Scheduler
 * clients.
 */
export const SearchEnv = ["SEARCH_ENDPOINT", "SEARCH_INDEX_PREFIX"] as const;

export const DEFAULT_INDEX_PREFIX = "frontline";

/** `{ search }` when SEARCH_ENDPOINT is set, else nothing (the local or in-memory index stays in place). */
export function searchPort(env: NodeJS.ProcessEnv = process.env): Partial<Pick<Ports, "search">> {
  const endpoint = env.SEARCH_ENDPOINT?.trim();
  if (!endpoint) return {};
  return { search: openSearchIndex(openSearchClient(endpoint), { prefix: env.SEARCH_INDEX_PREFIX?.trim() || DEFAULT_INDEX_PREFIX }) };
}

/** Plugs the search port in when SEARCH_ENDPOINT is set; true if it did. */
export function configureSearchPort(env: NodeJS.ProcessEnv = process.env): boolean {
  const port = searchPort(env);
  if (!port.search) return false;
  configurePorts(port);
  return true;
}
