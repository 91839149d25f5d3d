import * as z from "zod";
import { createConversions } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { Counter } from "../counter";
import { Cursor } from "../cursor";
import { useDb } from "../db/service";
import { Invalid, NotFound } from "../error";
import { usePorts } from "../port";
import { paging, parse } from "../validation";
import * as Queue from "./queue";
import { mergePage, type MergeSource, type Positions } from "./queue-merge";
import type * as Lifecycle from "./lifecycle";
import type { LinkRole } from "./link.entity";
import { load, messageView, permissions, readRecord, view, type Info, type LinkRecord, type MessageInfo, type MessageRecord, type Record } from "./record";
import { TicketEntity } from "./ticket.entity";

export interface SlaEventInfo {
  target: string;
  kind: "warning" | "breach";
  policyName: string;
  dueAt: string;
  at: string;
  actions: string[];
}

/** Another ticket as a ticket page names it: merged into this one, or linked to it. */
export interface TicketRef {
  ticketId: string;
  number: number;
  subject: string;
  status: Lifecycle.Status;
}

export interface LinkInfo extends TicketRef {
  /** What the other ticket is to this one. */
  role: LinkRole;
  createdAt: string;
}

export interface Detail {
  ticket: Info;
  /** The thread; a survivor's holds the messages of the tickets merged into it, in time order, each marked `fromTicket`. */
  messages: MessageInfo[];
  permissions: ReturnType<typeof permissions>;
  /** The ticket's SLA warnings and breaches, oldest first. */
  slaEvents: SlaEventInfo[];
  /** The tickets merged into this one (those the reader may see), with when each was merged. */
  mergedFrom: (TicketRef & { mergedAt: string })[];
  /** The tickets linked to this one (those the reader may see): its problem, its incidents, related tickets. */
  links: LinkInfo[];
}

export interface Thread {
  ticket: Record;
  messages: MessageRecord[];
  slaEvents: SlaEventInfo[];
  links: LinkRecord[];
}

/** A ticket with its thread and SLA history, in one query of its partition (the "thread" collection). */
export async function thread(ticketId: string, options: { consistent?: boolean } = {}): Promise<Thread | undefined> {
  const result = await useDb()
    .collections.thread({ tenantId: useTenantId(), ticketId })
    .go({ pages: "all", consistent: options.consistent ?? false });
  const ticket = result.data.ticket[0];
  if (!ticket) return undefined;
  const messages = result.data.message.sort((a, b) => (a.messageId < b.messageId ? -1 : 1));
  const slaEvents = result.data.slaEvent
    .map(({ target, kind, policyName, dueAt, at, actions }) => ({ target, kind, policyName, dueAt, at, actions: actions ?? [] }))
    .sort((a, b) => (a.at < b.at ? -1 : 1));
  return { ticket, messages, slaEvents, links: result.data.ticketLink };
}

const refOf = (t: Record): TicketRef => ({ ticketId: t.ticketId, number: t.number, subject: t.subject, status: t.status });

/**
 * A ticket's page: the ticket, its thread and, for a survivor of merges, the merged tickets' messages joined in time
 * order (read here from their own threads, one query each, so undoing a merge takes them out at once); its links with
 * the linked tickets' number, subject and status (one batch read). A ticket with neither costs nothing more.
 */
export async function detail(t: Thread): Promise<Detail> {
  const actor = usePrincipal();
  const tenantId = useTenantId();
  const merged = (
    await Promise.all(
      (t.ticket.mergedFrom ?? []).map(async (id) => {
        const other = await thread(id);
        // Only a ticket still merged into this one (the list follows by reaction) and that the reader may see.
        return other && other.ticket.mergedInto === t.ticket.ticketId && Access.can(actor, "view", other.ticket) ? other : undefined;
      }),
    )
  ).filter((m): m is Thread => Boolean(m));
  const joined = [
    ...t.messages.map(messageView),
    ...merged.flatMap((m) =>
      m.messages.filter((e) => e.kind !== "system").map((e) => ({ ...messageView(e), fromTicket: { ticketId: m.ticket.ticketId, number: m.ticket.number } })),
    ),
  ];
  if (merged.length) joined.sort((a, b) => (a.createdAt === b.createdAt ? (a.messageId < b.messageId ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));

  let links: LinkInfo[] = [];
  if (t.links.length) {
    const others = await useDb()
      .entities.ticket.get(t.links.map((l) => ({ tenantId, ticketId: l.otherId })))
      .go();
    const byId = new Map(others.data.map((o) => [o.ticketId, o]));
    links = t.links
      .map((l) => ({ link: l, other: byId.get(l.otherId) }))
      .filter((x): x is { link: LinkRecord; other: Record } => Boolean(x.other && Access.can(actor, "view", x.other)))
      .map(({ link, other }) => ({ ...refOf(other), role: link.role, createdAt: link.createdAt }))
      .sort((a, b) => a.number - b.number);
  }
  return {
    ticket: view(t.ticket),
    messages: joined,
    permissions: permissions(actor, t.ticket),
    slaEvents: t.slaEvents,
    mergedFrom: merged.map((m) => ({ ...refOf(m.ticket), mergedAt: m.ticket.mergedAt ?? m.ticket.updatedAt })).sort((a, b) => a.number - b.number),
    links,
  };
}

/** A ticket with its whole thread, for the ticket page: one query. */
export async function get(ticketId: string): Promise<Detail> {
  const found = await thread(ticketId);
  if (!found || !Access.can(usePrincipal(), "view", found.ticket)) throw new NotFound("Ticket");
  return detail(found);
}

/** A message of a ticket the actor may see. */
async function loadMessage(ticketId: string, messageId: string): Promise<MessageRecord> {
  await load(ticketId);
  const result = await useDb().entities.message.get({ tenantId: useTenantId(), ticketId, messageId }).go();
  if (!result.data) throw new NotFound("Message");
  return result.data;
}

/** An attachment of a ticket's message: its name, type and bytes (from the blob store). */
export async function attachment(ticketId: string, attachmentId: string): Promise<{ filename: string; contentType: string; content: Buffer }> {
  await load(ticketId);
  const entries = await useDb()
    .entities.message.query.byId({ tenantId: useTenantId(), ticketId })
    .go({ pages: "all", attributes: ["attachments"] });
  const found = entries.data.flatMap((m) => m.attachments ?? []).find((a) => a.attachmentId === attachmentId);
  if (!found) throw new NotFound("Attachment");
  const content = await usePorts().blobs.get(found.blobKey);
  if (!content) throw new NotFound("Attachment");
  return { filename: found.filename, contentType: found.contentType, content };
}

/**
 * A mail message's sanitised HTML, with its embedded images (cid:) pointing at the attachment download, for the
 * console's sandboxed frame.
 */
export async function messageHtml(ticketId: string, messageId: string): Promise<string> {
  const message = await loadMessage(ticketId, messageId);
  let html = message.html;
  if (!html && message.htmlKey) html = (await usePorts().blobs.get(message.htmlKey))?.toString("utf8");
  if (!html) throw new NotFound("HTML");
  const byCid = new Map((message.attachments ?? []).filter((a) => a.contentId).map((a) => [a.contentId!, a.attachmentId]));
  return html.replace(/(src=["'])cid:([^"']+)(["'])/gi, (whole, open: string, cid: string, close: string) => {
    const id = byCid.get(cid);
    return id ? `${open}/api/tickets/${encodeURIComponent(ticketId)}/attachments/${encodeURIComponent(id)}${close}` : whole;
  });
}

/** The ticket with this number, if the actor may see it. */
export async function findByNumber(number: number): Promise<Info | undefined> {
  const claim = await useDb().entities.ticketNumber.get({ tenantId: useTenantId(), number }).go();
  if (!claim.data) return undefined;
  const ticket = await readRecord(claim.data.ticketId);
  return ticket && Access.can(usePrincipal(), "view", ticket) ? view(ticket) : undefined;
}

/** The ticket with this number, whoever asks (inbound mail). */
export async function byNumber(number: number): Promise<Record | undefined> {
  const claim = await useDb().entities.ticketNumber.get({ tenantId: useTenantId(), number }).go();
  return claim.data ? readRecord(claim.data.ticketId, true) : undefined;
}

export const RequesterQuerySchema = z.object(paging(25));

/** A requester's tickets, newest first, that the actor may see (deleted ones only for those who see the trash). */
export async function forRequester(customerId: string, raw: z.input<typeof RequesterQuerySchema> = {}) {
  const input = parse(RequesterQuerySchema, raw);
  const actor = usePrincipal();
  const tenantId = useTenantId();
  const list = Cursor.list("requester-tickets", { customerId });
  const result = await useDb()
    .entities.ticket.query.byRequester({ tenantId, requesterId: customerId })
    .go({ order: "desc", limit: input.limit, cursor: await Cursor.open(tenantId, list, input.cursor) });
  return {
    tickets: result.data.filter((t) => Access.can(actor, "view", t)).map(view),
    cursor: await Cursor.seal(tenantId, list, result.cursor),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Queues

/** Keys and cursors from a ticket's attributes (schema only, no client). */
const ticketConversions = createConversions(TicketEntity);

const QueueCursor = z.object({ n: z.number().int(), p: z.array(z.union([z.string(), z.null(), z.literal(0)])) });

type TicketQuery = {
  where: (fn: (attributes: { [key: string]: unknown }, operations: { [key: string]: (...args: unknown[]) => string }) => string) => TicketQuery;
  between: (start: { prioRank: string }, end: { prioRank: string }) => TicketQuery;
  go: (options: object) => Promise<{ data: Record[]; cursor: string | null }>;
};

function queueReader(tenantId: string, source: Queue.Source, query: Queue.Query): MergeSource<Record> {
  const entity = useDb().entities.ticket;
  const conversions = ticketConversions.byAccessPattern[source.index];
  const skField = { byDepartment: "gsi1sk", byAssignee: "gsi2sk", byTenant: "gsi3sk", unassignedByDepartment: "gsi4sk" }[source.index];
  return {
    async read(after, limit) {
      let q = (entity.query[source.index] as unknown as (key: object) => TicketQuery)({ tenantId, ...source.key });
      // A closed range rather than begins_with: equal cost on DynamoDB, and DynamoDB Local reads the whole partition
      // for begins_with on a sort key, which made local queue pages slow down as a queue grew.
      if (source.rank) q = q.between({ prioRank: source.rank }, { prioRank: `${source.rank}#\uffff` });
      if (source.statuses) {
        const statuses = source.statuses;
        q = q.where((a, op) => `(${statuses.map((s) => op.eq!(a.status, s)).join(" OR ")})`);
      }
      if (query.type) q = q.where((a, op) => op.eq!(a.type, query.type));
      if (query.tag) q = q.where((a, op) => op.contains!(a.tags, query.tag));
      if (source.departments) {
        const departments = source.departments;
        q = q.where((a, op) => (departments.length ? `(${departments.map((d) => op.eq!(a.departmentId, d)).join(" OR ")})` : op.notExists!(a.ticketId)));
      }
      let cursor: string | null = null;
      if (after) {
        const [prioRank, updatedAt, ticketId] = after.split("#");
        cursor = conversions.fromComposite.toCursor({ tenantId, ...source.key, prioRank, updatedAt, ticketId } as never);
      }
      const result = await q.go({ order: query.sort === "priority" ? "asc" : "desc", limit, cursor });
      const last = result.cursor ? (conversions.fromCursor.toKeys(result.cursor) as { [key: string]: string })[skField] ?? null : null;
      return { items: result.data, more: Boolean(result.cursor), last };
    },
  };
}

const queuePosition = (t: Record) => `${t.prioRank}#${t.updatedAt}#${t.ticketId}`;
const byPriority = (a: Record, b: Record) => {
  const x = queuePosition(a);
  const y = queuePosition(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
const byUpdate = (a: Record, b: Record) => {
  const x = `${a.updatedAt}#${a.ticketId}`;
  const y = `${b.updatedAt}#${b.ticketId}`;
  return x < y ? 1 : x > y ? -1 : 0;
};

/**
 * A page of a queue: a view (mine, unassigned, department, pending, on hold, solved, trash, all) with filters, sorted
 * by priority or by update time, for the current actor. Reads about a page's worth of items whatever the tenant's size.
 */
export async function list(raw: z.input<typeof Queue.QuerySchema>): Promise<{ tickets: Info[]; cursor: string | null }> {
  const actor = usePrincipal();
  const query = parse(Queue.QuerySchema, raw);
  const tenantId = useTenantId();
  const me = actor.type === "staff" ? actor.staffId : undefined;
  const sources = Queue.sourcesFor(actor, query, me);
  if (!sources.length) return { tickets: [], cursor: null };
  const list = Cursor.list("queue", query);
  let positions: Positions | undefined;
  const state = await Cursor.open(tenantId, list, query.cursor, QueueCursor);
  if (state) {
    // The view's partitions changed since (the actor's departments): the positions no longer fit them.
    if (state.n !== sources.length) throw Invalid.field("cursor", "invalid_cursor", "This view has changed since this cursor; start from the first page");
    positions = state.p;
  }
  const page = await mergePage(
    sources.map((source) => queueReader(tenantId, source, query)),
    positions,
    { limit: query.limit, compare: query.sort === "priority" ? byPriority : byUpdate, positionOf: queuePosition },
  );
  return {
    tickets: page.items.map(view),
    cursor: page.done ? null : await Cursor.seal(tenantId, list, { n: sources.length, p: page.positions }),
  };
}

/** How many tickets each view holds for the current actor, and each visible department's unsolved tickets. */
export async function counts(): Promise<{ views: { [view: string]: number }; departments: { [departmentId: string]: number } }> {
  const actor = usePrincipal();
  const me = actor.type === "staff" ? actor.staffId : undefined;
  const values = await Counter.read(useTenantId(), "q#");
  const sum = (keys: string[]) => keys.reduce((total, key) => total + Math.max(0, values.get(key) ?? 0), 0);
  const views = Object.fromEntries(Object.entries(Queue.viewCountKeys(actor, me)).map(([name, keys]) => [name, sum(keys)]));
  const visible = Access.visibleDepartments(actor);
  const departmentIds =
    visible === "all"
      ? [...new Set([...values.keys()].filter((k) => k.startsWith("q#d#")).map((k) => k.split("#")[2]!))]
      : visible;
  const departments = Object.fromEntries(departmentIds.map((id) => [id, sum(Queue.departmentCountKeys(id))]));
  return { views, departments };
}

/** The tickets with a breached target not yet met, most overdue first, that the actor may see. */
export async function overdue(): Promise<Info[]> {
  const actor = usePrincipal();
  const tenantId = useTenantId();
  const entries = await useDb().entities.overdue.query.byTicket({ tenantId }).go({ pages: "all" });
  const visible = entries.data.filter((e) => Access.seesDepartment(actor, e.departmentId)).sort((a, b) => (a.since < b.since ? -1 : 1)).slice(0, 200);
  if (!visible.length) return [];
  const tickets = await useDb()
    .entities.ticket.get(visible.map((e) => ({ tenantId, ticketId: e.ticketId })))
    .go();
  const byId = new Map(tickets.data.map((t) => [t.ticketId, t]));
  return visible
    .map((e) => byId.get(e.ticketId))
    .filter((t): t is Record => Boolean(t && t.sla && Access.can(actor, "view", t)))
    .map(view);
}
