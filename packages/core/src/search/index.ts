import { DateTime } from "luxon";
import * as z from "zod";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { Cursor } from "../cursor";
import { Invalid } from "../error";
import { usePorts, type SearchQuery } from "../port";
import { Ticket } from "../ticket";
import { parse } from "../validation";
import { Workspace } from "../workspace";
import { highlight, phoneDigits, queryWords, snippet, type Segment } from "./analyze";

/**
 * Search: tickets by the words of their subject and every message, by number, by their requester's name, address or
 * phone and by organization; customers and organizations by theirs. The engine behind the search port (SQLite FTS5
 * locally, OpenSearch on AWS) finds ids within the tenant and the departments the reader sees; the tickets shown are
 * then read from the table, so what the reader gets is current and checked again against their access.
 */

export type { Segment } from "./analyze";

const STATUSES = ["new", "open", "pending", "on_hold", "solved", "closed"] as const;
const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
const MAX_RESULTS = 1000;

/** A comma-separated list of values, each checked by `item`. */
function list<T extends z.ZodType<unknown, string>>(item: T, most: number) {
  return z
    .string()
    .max(2000)
    .transform((text) => [...new Set(text.split(",").map((part) => part.trim()).filter(Boolean))])
    .pipe(z.array(item).max(most))
    .optional();
}

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-12-05").refine((day) => DateTime.fromISO(day).isValid, "Use a date such as 2026-12-05");
const Id = z.string().trim().min(1).max(64);

export const QuerySchema = z
  .object({
    q: z.string().trim().max(200, "Search for at most 200 characters").optional(),
    status: list(z.enum(STATUSES), STATUSES.length),
    departmentId: list(Id, 50),
    assigneeId: list(Id, 50),
    priority: list(z.enum(PRIORITIES), PRIORITIES.length),
    tag: list(z.string().toLowerCase().max(40), 10),
    customerId: Id.optional(),
    organizationId: Id.optional(),
    from: Day.optional(),
    to: Day.optional(),
    sort: z.enum(["relevance", "updated"]).default("relevance"),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "The end date is before the start date" });
export type Query = z.output<typeof QuerySchema>;

export interface TicketResult {
  ticket: Ticket.Info;
  /** The ticket whose number was searched for. */
  exact?: true;
  subject: Segment[];
  message?: { messageId: string; authorName: string; createdAt: string; segments: Segment[] };
}

export interface Results {
  tickets: TicketResult[];
  total: number;
  cursor: string | null;
  customers: { customerId: string; name: Segment[]; email?: Segment[]; phone?: string }[];
  organizations: { organizationId: string; name: Segment[]; domains: string[] }[];
}

const PageState = z.object({ o: z.number().int().min(0).max(MAX_RESULTS) });

/** Searches the workspace as the signed-in reader may see it. */
export async function search(raw: unknown): Promise<Results> {
  const input = parse(QuerySchema, raw);
  const actor = usePrincipal();
  const tenantId = useTenantId();
  const filtered = Boolean(
    input.status || input.departmentId || input.assigneeId || input.priority || input.tag || input.customerId || input.organizationId || input.from || input.to,
  );
  if (!input.q && !filtered) throw Invalid.field("q", "required", "Type something to search for, or choose a filter");

  const text = input.q ?? "";
  const number = /^#?(\d{1,9})$/.exec(text)?.[1];
  const phone = /^\+?[\d ()\-.]{5,}$/.test(text) && phoneDigits(text).length >= 5 ? phoneDigits(text) : undefined;
  const words = phone ? [[phone]] : queryWords(text);
  if (text && !words.length && !number) throw Invalid.field("q", "invalid", "Type letters or digits to search for");

  const list = Cursor.list("search", { ...input, cursor: undefined });
  const offset = (await Cursor.open(tenantId, list, input.cursor, PageState))?.o ?? 0;
  // The reader's time zone only where a date filter needs it (the configuration is cached, but not free).
  const zone = input.from || input.to ? await readerZone() : "UTC";
  const me = actor.type === "staff" ? actor.staffId : undefined;
  const query: SearchQuery = {
    tenantId,
    words: number ? [] : words,
    departments: Access.visibleDepartments(actor),
    deleted: "exclude",
    statuses: input.status,
    departmentIds: input.departmentId,
    assigneeIds: input.assigneeId?.map((id) => (id === "me" && me ? me : id)),
    priorities: input.priority,
    tags: input.tag,
    requesterId: input.customerId,
    organizationId: input.organizationId,
    createdFrom: input.from ? DateTime.fromISO(input.from, { zone }).startOf("day").toUTC().toISO()! : undefined,
    createdTo: input.to ? DateTime.fromISO(input.to, { zone }).plus({ days: 1 }).startOf("day").toUTC().toISO()! : undefined,
    sort: input.sort,
    offset,
    limit: Math.min(input.limit, MAX_RESULTS - offset),
    people: offset === 0 && text && !number ? 5 : 0,
  };
  // A number alone is a ticket number first, and then whatever has those digits in its words.
  const [answer, exact] = await Promise.all([
    query.limit > 0 ? usePorts().search.query(number ? { ...query, words: [[number]] } : query) : undefined,
    number && offset === 0 ? Ticket.findByNumber(Number(number)) : undefined,
  ]);
  const hits = (answer?.tickets ?? []).filter((hit) => hit.ticketId !== exact?.ticketId);
  const records = await Ticket.readMany(tenantId, hits.map((hit) => hit.ticketId));
  const highlightWords = number ? [[number]] : words;
  const tickets: TicketResult[] = [];
  if (exact && matchesFilters(exact, input, me)) tickets.push({ ticket: exact, exact: true, subject: highlight(exact.subject, []) });
  for (const hit of hits) {
    const record = records.get(hit.ticketId);
    // The index follows the table within a second or two: a ticket trashed or moved out of sight since is left out.
    if (!record || record.deletedAt || !Access.can(actor, "view", record)) continue;
    const ticket = Ticket.view(record);
    tickets.push({
      ticket,
      subject: highlight(ticket.subject, highlightWords),
      message: hit.message && {
        messageId: hit.message.messageId,
        authorName: hit.message.authorName,
        createdAt: hit.message.createdAt,
        segments: snippet(hit.message.text, highlightWords),
      },
    });
  }
  const total = Math.min(MAX_RESULTS, (answer?.total ?? 0) + (tickets[0]?.exact ? 1 : 0));
  const next = answer && offset + query.limit < Math.min(answer.total, MAX_RESULTS) ? { o: offset + query.limit } : null;
  return {
    tickets,
    total,
    cursor: await Cursor.seal(tenantId, list, next),
    customers: (answer?.customers ?? []).map((c) => ({
      customerId: c.customerId,
      name: highlight(c.name, words),
      email: c.email ? highlight(c.email, words) : undefined,
      phone: c.phone,
    })),
    organizations: (answer?.organizations ?? []).map((o) => ({ organizationId: o.organizationId, name: highlight(o.name, words), domains: o.domains })),
  };
}

/** The ticket found by its number passes the filters the reader chose too. */
function matchesFilters(t: Ticket.Info, q: Query, me: string | undefined): boolean {
  const assignee = t.assigneeId ?? "none";
  return (
    (!q.status || q.status.includes(t.status as (typeof STATUSES)[number])) &&
    (!q.departmentId || q.departmentId.includes(t.departmentId)) &&
    (!q.assigneeId || q.assigneeId.some((id) => (id === "me" ? me : id) === assignee)) &&
    (!q.priority || q.priority.includes(t.priority as (typeof PRIORITIES)[number])) &&
    (!q.tag || q.tag.every((tag) => t.tags.includes(tag))) &&
    (!q.customerId || q.customerId === t.requester.customerId) &&
    (!q.organizationId || q.organizationId === t.organizationId)
  );
}

/** The reader's time zone (their own, else the workspace's), in which the date filters' days begin and end. */
async function readerZone(): Promise<string> {
  const actor = usePrincipal();
  const config = await Workspace.config();
  const staff = actor.type === "staff" ? config.staff.find((s) => s.staffId === actor.staffId) : undefined;
  return staff?.timeZone ?? config.tenant?.timeZone ?? "UTC";
}

export { rebuild } from "./rebuild";
export * as Search from "./index";
