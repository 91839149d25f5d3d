import { queryString } from "../api/client";
import type { QueueQuery, QueueSort, QueueView, TicketPriority, TicketStatus, TicketType } from "../api/types";
import { Priorities, Sorts, Statuses, Types, Views } from "./lifecycle";

/** The overdue view is the console's own (GET /api/tickets/overdue, most overdue first), not one of the API's queues. */
export const OVERDUE = "overdue";
export type ConsoleView = QueueView | typeof OVERDUE;

/**
 * The queue's view, filters and sort live in the address (/tickets?view=pending&priority=urgent), so that a reload,
 * Back and a shared link all show the same queue. Unknown or malformed values are dropped, never sent to the API.
 */
export interface QueueState {
  view: ConsoleView;
  departmentId?: string;
  assigneeId?: string;
  status?: TicketStatus;
  priority?: TicketPriority;
  type?: TicketType;
  tag?: string;
  sort: QueueSort;
}

export const DEFAULT_VIEW: QueueView = "mine";
export const DEFAULT_SORT: QueueSort = "priority";

/** The filters (everything but the view and the sort), in the order of the filter bar. */
export const FILTERS = ["status", "priority", "type", "tag", "departmentId", "assigneeId"] as const;
export type Filter = (typeof FILTERS)[number];

type Search = Partial<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined): string | undefined => {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
};

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Ids as the API takes them: at most 64 characters. */
const idParam = (value: string | undefined) => (value && value.length <= 64 ? value : undefined);

export function parseQueue(search: Search): QueueState {
  const departmentId = idParam(first(search.departmentId));
  let view = oneOf<ConsoleView>([...Views, OVERDUE], first(search.view)) ?? DEFAULT_VIEW;
  // The department view is nothing without its department.
  if (view === "department" && !departmentId) view = DEFAULT_VIEW;
  const tag = first(search.tag)?.toLowerCase();
  return {
    view,
    departmentId,
    assigneeId: idParam(first(search.assigneeId)),
    status: oneOf(Statuses, first(search.status)),
    priority: oneOf(Priorities, first(search.priority)),
    type: oneOf(Types, first(search.type)),
    tag: tag && tag.length <= 40 ? tag : undefined,
    sort: oneOf(Sorts, first(search.sort)) ?? DEFAULT_SORT,
  };
}

/** The address of a queue: /tickets with only what differs from the defaults, in a stable order. */
export function queueHref(state: QueueState): string {
  return (
    "/tickets" +
    queryString({
      view: state.view === DEFAULT_VIEW ? undefined : state.view,
      departmentId: state.departmentId,
      status: state.status,
      priority: state.priority,
      type: state.type,
      tag: state.tag,
      assigneeId: state.assigneeId,
      sort: state.sort === DEFAULT_SORT ? undefined : state.sort,
    })
  );
}

/** The API query of a queue state (a page of it, after `cursor`); the overdue view has its own endpoint. */
export function queueQuery(state: QueueState & { view: QueueView }, cursor?: string): QueueQuery {
  return { ...state, cursor, limit: 25 };
}

/** A stable key of a state, to tell when the list must be loaded again. */
export const queueKey = (state: QueueState) => queueHref(state);

export function hasFilters(state: QueueState): boolean {
  // In the department view, the department is the view itself, not a filter.
  return FILTERS.some((key) => state[key] !== undefined && !(key === "departmentId" && state.view === "department"));
}

export function withoutFilters(state: QueueState): QueueState {
  return { view: state.view, sort: state.sort, departmentId: state.view === "department" ? state.departmentId : undefined };
}

const LAST_QUEUE_KEY = "frontline.queue";

/** Remembers the queue last shown, so that "back to the queue" (Esc, g i) returns to it with its filters. */
export function rememberQueue(href: string): void {
  try {
    globalThis.sessionStorage?.setItem(LAST_QUEUE_KEY, href);
  } catch {
    // Storage disabled: "back" goes to the default queue.
  }
}

export function lastQueueHref(): string {
  try {
    const href = globalThis.sessionStorage?.getItem(LAST_QUEUE_KEY);
    if (href && (href === "/tickets" || href.startsWith("/tickets?"))) return href;
  } catch {
    // As above.
  }
  return "/tickets";
}
