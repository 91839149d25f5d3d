import type { SearchQuery, SearchSort, TicketPriority, TicketStatus } from "../api/types";
import { Priorities, Statuses } from "../tickets/lifecycle";

/**
 * A search lives in the address (/search?q=платіж&status=open,pending&sort=updated), so that a reload, Back and
 * Forward and a shared link all show the same search. Lists are comma-separated, as the API takes them; unknown or
 * malformed values are dropped, never sent.
 */
export interface SearchState {
  /** The words typed ("" for none). */
  q: string;
  status: TicketStatus[];
  departmentId: string[];
  /** Staff ids, UNASSIGNED and ME. */
  assigneeId: string[];
  priority: TicketPriority[];
  tag: string[];
  customerId?: string;
  organizationId?: string;
  /** yyyy-mm-dd: the first and the last day the tickets were created on, both included. */
  from?: string;
  to?: string;
  sort: SearchSort;
}

export const UNASSIGNED = "none";
export const ME = "me";
export const DEFAULT_SEARCH_SORT: SearchSort = "relevance";
export const SEARCH_PAGE_SIZE = 20;
/** The longest query the API takes. */
export const QUERY_MAX_LENGTH = 200;
/** The API counts results up to this many: a total of this many means "this many or more". */
export const TOTAL_CAP = 1000;

type Search = Partial<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** A comma-separated list, each item trimmed, empty ones and repeats dropped, kept when `keep` says so. */
function listOf(value: string | string[] | undefined, keep: (item: string) => boolean): string[] {
  const items = (Array.isArray(value) ? value.join(",") : (value ?? "")).split(",").map((item) => item.trim());
  return [...new Set(items.filter((item) => item && keep(item)))];
}

const isId = (value: string) => value.length <= 64;
const isDay = (value: string | undefined): value is string =>
  value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export function emptySearch(): SearchState {
  return { q: "", status: [], departmentId: [], assigneeId: [], priority: [], tag: [], sort: DEFAULT_SEARCH_SORT };
}

export function parseSearch(search: Search): SearchState {
  const customerId = first(search.customerId)?.trim();
  const organizationId = first(search.organizationId)?.trim();
  const from = first(search.from)?.trim();
  const to = first(search.to)?.trim();
  return {
    q: (first(search.q) ?? "").trim().slice(0, QUERY_MAX_LENGTH),
    status: listOf(search.status, (s) => (Statuses as readonly string[]).includes(s)) as TicketStatus[],
    departmentId: listOf(search.departmentId, isId),
    assigneeId: listOf(search.assigneeId, isId),
    priority: listOf(search.priority, (p) => (Priorities as readonly string[]).includes(p)) as TicketPriority[],
    tag: listOf(search.tag?.toString().toLowerCase(), (t) => t.length <= 40),
    customerId: customerId && isId(customerId) ? customerId : undefined,
    organizationId: organizationId && isId(organizationId) ? organizationId : undefined,
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
    sort: first(search.sort) === "updated" ? "updated" : DEFAULT_SEARCH_SORT,
  };
}

/** A query parameter, with a list's commas left as they are (status=open,pending reads better than open%2Cpending). */
const param = (key: string, value: string | string[]) =>
  `${key}=${Array.isArray(value) ? value.map(encodeURIComponent).join(",") : encodeURIComponent(value)}`;

/** The address of a search: /search with only what is set, in a stable order. */
export function searchHref(state: SearchState): string {
  const parts: string[] = [];
  if (state.q) parts.push(param("q", state.q));
  for (const key of ["status", "departmentId", "assigneeId", "priority", "tag"] as const) {
    if (state[key].length) parts.push(param(key, state[key]));
  }
  for (const key of ["customerId", "organizationId", "from", "to"] as const) {
    const value = state[key];
    if (value) parts.push(param(key, value));
  }
  if (state.sort !== DEFAULT_SEARCH_SORT) parts.push(param("sort", state.sort));
  return parts.length ? `/search?${parts.join("&")}` : "/search";
}

/** The API's query for a search (a page of it, after `cursor`). */
export function searchQuery(state: SearchState, cursor?: string): SearchQuery {
  const list = (values: string[]) => (values.length ? values.join(",") : undefined);
  return {
    q: state.q || undefined,
    status: list(state.status),
    departmentId: list(state.departmentId),
    assigneeId: list(state.assigneeId),
    priority: list(state.priority),
    tag: list(state.tag),
    customerId: state.customerId,
    organizationId: state.organizationId,
    from: state.from,
    to: state.to,
    sort: state.sort === DEFAULT_SEARCH_SORT ? undefined : state.sort,
    cursor,
    limit: SEARCH_PAGE_SIZE,
  };
}

/** A stable key of a search, to tell when its results must be loaded again. */
export const searchKey = (state: SearchState) => searchHref(state);

/** Is anything but the words and the sort chosen? */
export function hasSearchFilters(state: SearchState): boolean {
  return (
    state.status.length + state.departmentId.length + state.assigneeId.length + state.priority.length + state.tag.length > 0 ||
    Boolean(state.customerId || state.organizationId || state.from || state.to)
  );
}

/** Is there anything to search for (the API wants words or a filter)? */
export const canSearch = (state: SearchState) => state.q !== "" || hasSearchFilters(state);

/** The same words and sort, without a filter. */
export function withoutSearchFilters(state: SearchState): SearchState {
  return { ...emptySearch(), q: state.q, sort: state.sort };
}

/** Tags as typed in the filter ("billing, VIP") as the API takes them. */
export function parseTags(text: string): string[] {
  return listOf(text.toLowerCase(), (t) => t.length <= 40);
}
