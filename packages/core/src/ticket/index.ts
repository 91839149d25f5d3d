import { z } from "zod";
import { createConversions, type EntityItem } from "electrodb";
import { Access, type Principal } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { Counter } from "../counter";
import { Customer } from "../customer";
import { decodeCursor, encodeCursor } from "../db/cursor";
import { Rejected, transact, type TxEntities, type TxItem } from "../db/transaction";
import { useDb } from "../db/service";
import { Department } from "../department";
import { Conflict, Forbidden, Invalid, NotFound } from "../error";
import { Event } from "../event";
import * as Notify from "../email/notify";
import { Notification } from "../notification";
import { Sla } from "../sla";
import { Plan } from "../plan";
import * as Limits from "../plan/limits";
import type { SlaState, TargetName } from "../sla/clock";
import * as Outbox from "../email/outbox";
import { createId } from "../id";
import { Staff } from "../staff";
import { parse } from "../validation";
import { useClock, usePorts } from "../port";
import * as Lifecycle from "./lifecycle";
import type { MessageEntity } from "./message.entity";
import * as Queue from "./queue";
import { mergePage, type MergeSource, type Positions } from "./queue-merge";
import { TicketEntity } from "./ticket.entity";

export { Lifecycle, Queue };

export type Record = EntityItem<typeof TicketEntity>;
export type MessageRecord = EntityItem<typeof MessageEntity>;

export interface Info {
  ticketId: string;
  number: number;
  subject: string;
  status: Lifecycle.Status;
  priority: Lifecycle.Priority;
  impact: Lifecycle.Level;
  urgency: Lifecycle.Level;
  type: Lifecycle.Type;
  channel: Lifecycle.Channel;
  origin?: Lifecycle.Origin;
  departmentId: string;
  assigneeId?: string;
  tags: string[];
  requester: { customerId: string; name: string; email?: string };
  organizationId?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: { id: string; name: string };
  firstResponseAt?: string;
  solvedAt?: string;
  closedAt?: string;
  lastCustomerActivityAt?: string;
  lastAgentActivityAt?: string;
  version: number;
  deletedAt?: string;
  deletedBy?: string;
  followUpOf?: string;
  /** A ticket this one's first mail referred to (the sender was not taking part in it). */
  linkedTo?: string;
  participants: string[];
  /** Opened by automated mail: never answered automatically. */
  automated: boolean;
  /** The customer did not get our last mail. */
  deliveryFailedAt?: string;
  deliveryFailure?: string;
  preview?: string;
  messageCount: number;
  /** The SLA clock of each target: due instants while running, what is left while paused, met and breached marks. */
  sla?: SlaState;
}

export interface AttachmentInfo {
  attachmentId: string;
  filename: string;
  contentType: string;
  size: number;
  /** Shown inside the message's HTML (an image referenced by cid:). */
  inline: boolean;
}

export interface MessageInfo {
  messageId: string;
  kind: MessageRecord["kind"];
  author: { type: MessageRecord["authorType"]; id: string; name: string };
  body: string;
  createdAt: string;
  enteredBy?: string;
  system?: { action: string; from?: string; to?: string; reason?: string };
  /** For mail: the text before its quoted history was trimmed, when something was trimmed. */
  fullBody?: string;
  /** The mail had HTML: GET /api/tickets/:id/messages/:messageId/html serves it, sanitised. */
  hasHtml: boolean;
  attachments: AttachmentInfo[];
  /** Attachments not kept (over the size limit), by name. */
  droppedAttachments: string[];
  /** A public reply's letter to the customer (see the outbox). */
  outboxId?: string;
  viaEmail: boolean;
}

export function view(t: Record): Info {
  return {
    ticketId: t.ticketId,
    number: t.number,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    impact: t.impact,
    urgency: t.urgency,
    type: t.type,
    channel: t.channel,
    origin: t.origin,
    departmentId: t.departmentId,
    assigneeId: t.assigneeId,
    tags: t.tags ?? [],
    requester: { customerId: t.requesterId, name: t.requesterName, email: t.requesterEmail },
    organizationId: t.organizationId,
    createdAt: t.createdAt,
    createdBy: t.createdBy,
    updatedAt: t.updatedAt,
    updatedBy: { id: t.updatedBy, name: t.updatedByName },
    firstResponseAt: t.firstResponseAt,
    solvedAt: t.solvedAt,
    closedAt: t.closedAt,
    lastCustomerActivityAt: t.lastCustomerActivityAt,
    lastAgentActivityAt: t.lastAgentActivityAt,
    version: t.version,
    deletedAt: t.deletedAt,
    deletedBy: t.deletedBy,
    followUpOf: t.followUpOf,
    linkedTo: t.linkedTo,
    participants: t.participants ?? [],
    automated: t.automated ?? false,
    deliveryFailedAt: t.deliveryFailedAt,
    deliveryFailure: t.deliveryFailure,
    preview: t.preview,
    messageCount: t.messageCount ?? 0,
    sla: Sla.asState(t.sla),
  };
}

export function messageView(m: MessageRecord): MessageInfo {
  return {
    messageId: m.messageId,
    kind: m.kind,
    author: { type: m.authorType, id: m.authorId, name: m.authorName },
    body: m.body,
    createdAt: m.createdAt,
    enteredBy: m.enteredBy,
    system: m.system,
    fullBody: m.fullBody,
    hasHtml: Boolean(m.html || m.htmlKey),
    attachments: (m.attachments ?? []).map((a) => ({
      attachmentId: a.attachmentId,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      inline: Boolean(a.inline),
    })),
    droppedAttachments: m.droppedAttachments ?? [],
    outboxId: m.outboxId,
    viaEmail: Boolean(m.mailId),
  };
}

/** What the signed-in staff member may do with a ticket, for the console to offer only what will work. */
export function permissions(actor: Principal, t: Access.TicketScope) {
  const me = actor.type === "staff" ? actor.staffId : undefined;
  return {
    work: Access.can(actor, "work", t),
    assign: Access.can(actor, "assign", t),
    take: Boolean(me) && Access.canAssign(actor, t, me!),
    redirect: Access.can(actor, "redirect", t),
    delete: Access.can(actor, "delete", t),
    restore: Access.can(actor, "restore", t),
    purge: Access.can(actor, "purge", t),
  };
}

const MAX_BODY = 100_000;
export const SubjectSchema = z.string().trim().min(1, "Enter a subject").max(200, "A subject has at most 200 characters");
export const BodySchema = z
  .string({ error: "Enter the message" })
  .trim()
  .min(1, "Enter the message")
  .max(MAX_BODY, `A message has at most ${MAX_BODY.toLocaleString("en")} characters`);
const IdSchema = z.string().trim().min(1).max(64);
const VersionSchema = z.number({ error: "Send the ticket's version you are changing" }).int().min(1);

function preview(body: string): string {
  return body.replace(/\s+/g, " ").trim().slice(0, 160);
}

// ---------------------------------------------------------------------------------------------------------------
// Writing a change: one transaction with the ticket (on the version it was read at), its new thread entries, the
// events, and the queue counters.

type MessageDraft = {
  kind: MessageRecord["kind"];
  authorType: MessageRecord["authorType"];
  authorId: string;
  authorName: string;
  body: string;
  enteredBy?: string;
  system?: MessageInfo["system"];
} & Partial<Pick<MessageRecord, "mailId" | "emailMessageId" | "fullBody" | "html" | "htmlKey" | "attachments" | "droppedAttachments" | "outboxId">>;

interface Change {
  before: Record;
  /** Attributes to set (the bookkeeping ones are added here). */
  set: Partial<Record>;
  /** Attributes to remove. */
  remove?: (keyof Record)[];
  messages?: MessageDraft[];
  events?: Event.Draft[];
  by: Event.EventActor;
  at?: string;
  /** Letters to the customer, queued in the same transaction and sent once it is written. */
  letters?: Outbox.Prepared[];
  /** More writes that must happen with the change or not at all (e.g. the mail record's outcome). */
  extra?: (entities: TxEntities) => TxItem[];
  /** An SLA warning or breach this change records. */
  slaMarks?: Sla.Marks;
}

type Writable = Omit<Record, "tenantId" | "ticketId" | "number" | "channel" | "origin" | "createdAt" | "createdBy" | "followUpOf">;

function principalName(by: Event.EventActor) {
  return { updatedBy: by.type === "staff" ? by.id : `${by.type}:${by.id}`, updatedByName: by.name };
}

/** The message entry of a ticket change, for a transaction. */
function messageItem(entities: TxEntities, tenantId: string, ticketId: string, draft: MessageDraft, at: string): TxItem {
  return entities.message.create({ tenantId, ticketId, messageId: createId(), createdAt: at, ...draft }).commit();
}

function counterItems(entities: TxEntities, tenantId: string, changes: Map<string, number>): TxItem[] {
  return [...changes].map(([name, delta]) => entities.counter.update({ tenantId, name }).add({ value: delta }).commit());
}

/** Inside a transaction: the ticket is no longer at the version the change was based on. */
class StaleVersion extends Conflict {
  constructor() {
    super("stale version");
  }
}

/** Inside a transaction: another request claimed the new customer's email address first. */
class CustomerRace extends Conflict {
  constructor() {
    super("customer race");
  }
}

/** Refuses a change that was based on another version, with the current ticket so the console can show it. */
async function staleConflict(ticketId: string): Promise<Conflict> {
  const current = await readRecord(ticketId, true);
  if (!current) return new Conflict("This ticket no longer exists");
  return new Conflict(`Changed by ${current.updatedByName} while you were working`, [], view(current));
}

async function commitChange(change: Change): Promise<Record> {
  const tenantId = useTenantId();
  const { before, by } = change;
  const at = change.at ?? new Date().toISOString();
  const removed = new Set(change.remove ?? []);
  const merged = { ...before, ...change.set } as Record;
  for (const key of removed) delete (merged as { [key: string]: unknown })[key];
  const messages = change.messages ?? [];
  const publicMessage = [...messages].reverse().find((m) => m.kind === "reply" || m.kind === "customer");
  const bookkeeping = {
    version: before.version + 1,
    updatedAt: at,
    ...principalName(by),
    messageCount: (before.messageCount ?? 0) + messages.length,
    ...(publicMessage ? { preview: preview(publicMessage.body) } : {}),
  };
  const afterFacts = { ...merged, ...bookkeeping, ...Queue.queueAttributes(merged) } as Record;
  // The SLA clock moves with the change; its new timers are armed before the change is written (if the write fails,
  // they are stale and do nothing), and the timers it made stale are cancelled after.
  const sla = await Sla.plan(before, afterFacts, change.slaMarks);
  const removed2 = new Set(removed);
  if (sla.sla) (change.set as { sla?: unknown }).sla = sla.sla;
  else if (before.sla) removed2.add("sla");
  const after = { ...afterFacts, sla: sla.sla } as Record;
  const overdueWrites = (entities: TxEntities): TxItem[] => {
    const was = Boolean(before.sla && Sla.Clock.overdueSince(Sla.asState(before.sla)));
    if (sla.overdueSince) {
      return [entities.overdue.put({ tenantId, ticketId: before.ticketId, departmentId: after.departmentId, since: sla.overdueSince }).commit()];
    }
    return was ? [entities.overdue.delete({ tenantId, ticketId: before.ticketId }).commit()] : [];
  };
  await Sla.armTimers(before.ticketId, sla.arm);
  const set: Partial<Writable> = {
    ...change.set,
    ...bookkeeping,
    // Every queue index key is rebuilt from these, so they go with every write.
    departmentId: after.departmentId,
    ...Queue.queueAttributes(after),
  };
  const counters = Counter.delta(Queue.countKeys(before), Queue.countKeys(after));

  await transact(
    (entities) => {
      const patch = entities.ticket.patch({ tenantId, ticketId: before.ticketId }).set(set);
      const conditioned = (removed2.size ? patch.remove([...removed2] as never[]) : patch).where(({ version }, { eq }) =>
        eq(version, before.version),
      );
      return [
        conditioned.commit(),
        ...messages.map((m) => messageItem(entities, tenantId, before.ticketId, m, at)),
        ...(change.events ?? []).map((draft) => Event.write(entities, by, draft, at)),
        ...counterItems(entities, tenantId, counters),
        ...(change.letters ?? []).flatMap((letter) => Outbox.writes(entities, letter, at)),
        ...overdueWrites(entities),
        ...(change.extra?.(entities) ?? []),
      ];
    },
    ({ index }) => (index === 0 ? new StaleVersion() : undefined),
  ).catch(async (error: unknown) => {
    if (error instanceof StaleVersion) throw await staleConflict(before.ticketId);
    throw error;
  });
  await Sla.cancelTimers(before.ticketId, sla.cancel);
  if (change.letters?.length) await Outbox.deliverAll(tenantId, change.letters.map((l) => l.outboxId));
  return after;
}

function forLetter(t: Record): Notify.TicketForLetter {
  return {
    ticketId: t.ticketId,
    number: t.number,
    subject: t.subject,
    status: t.status,
    requesterId: t.requesterId,
    requesterEmail: t.requesterEmail,
    requesterName: t.requesterName,
    automated: t.automated,
    mailThread: t.mailThread,
    customerMessageId: t.customerMessageId,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

async function readRecord(ticketId: string, consistent = false): Promise<Record | undefined> {
  const result = await useDb().entities.ticket.get({ tenantId: useTenantId(), ticketId }).go({ consistent });
  return result.data ?? undefined;
}

/** A ticket the current actor may see (404 otherwise, whether it does not exist or is not theirs to see). */
export async function load(ticketId: string, options: { consistent?: boolean } = {}): Promise<Record> {
  const actor = usePrincipal();
  const ticket = await readRecord(ticketId, options.consistent ?? true);
  if (!ticket || !Access.can(actor, "view", ticket)) throw new NotFound("Ticket");
  return ticket;
}

export interface Detail {
  ticket: Info;
  messages: MessageInfo[];
  permissions: ReturnType<typeof permissions>;
  /** The ticket's SLA warnings and breaches, oldest first. */
  slaEvents: SlaEventInfo[];
}

/** A ticket with its whole thread, in one query (the "thread" collection of its partition). */
export async function get(ticketId: string): Promise<Detail> {
  const actor = usePrincipal();
  const result = await useDb()
    .collections.thread({ tenantId: useTenantId(), ticketId })
    .go({ pages: "all" });
  const ticket = result.data.ticket[0];
  if (!ticket || !Access.can(actor, "view", ticket)) throw new NotFound("Ticket");
  const messages = result.data.message.sort((a, b) => (a.messageId < b.messageId ? -1 : 1)).map(messageView);
  const slaEvents = result.data.slaEvent
    .map(({ target, kind, policyName, dueAt, at, actions }) => ({ target, kind, policyName, dueAt, at, actions: actions ?? [] }))
    .sort((a, b) => (a.at < b.at ? -1 : 1));
  return { ticket: view(ticket), messages, permissions: permissions(actor, ticket), slaEvents };
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
  const thread = await useDb()
    .entities.message.query.byId({ tenantId: useTenantId(), ticketId })
    .go({ pages: "all", attributes: ["attachments"] });
  const found = thread.data.flatMap((m) => m.attachments ?? []).find((a) => a.attachmentId === attachmentId);
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

export const RequesterQuerySchema = z.object({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** A requester's tickets, newest first, that the actor may see (deleted ones only for those who see the trash). */
export async function forRequester(customerId: string, raw: z.input<typeof RequesterQuerySchema> = {}) {
  const input = parse(RequesterQuerySchema, raw);
  const actor = usePrincipal();
  const result = await useDb()
    .entities.ticket.query.byRequester({ tenantId: useTenantId(), requesterId: customerId })
    .go({ order: "desc", limit: input.limit, cursor: input.cursor ?? null });
  return {
    tickets: result.data.filter((t) => Access.can(actor, "view", t)).map(view),
    cursor: result.cursor,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Queues

/** Keys and cursors from a ticket's attributes (schema only, no client). */
const ticketConversions = createConversions(TicketEntity);

const QueueCursor = z.object({ v: z.string(), s: z.string(), n: z.number().int(), p: z.array(z.union([z.string(), z.null(), z.literal(0)])) });

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
      if (query.status) q = q.where((a, op) => op.eq!(a.status, query.status));
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
  let positions: Positions | undefined;
  if (query.cursor) {
    const state = decodeCursor(QueueCursor, query.cursor);
    if (state.v !== query.view || state.s !== query.sort || state.n !== sources.length) {
      throw Invalid.field("cursor", "invalid_cursor", "This cursor belongs to another view or sort; start from the first page");
    }
    positions = state.p;
  }
  const page = await mergePage(
    sources.map((source) => queueReader(tenantId, source, query)),
    positions,
    { limit: query.limit, compare: query.sort === "priority" ? byPriority : byUpdate, positionOf: queuePosition },
  );
  return {
    tickets: page.items.map(view),
    cursor: page.done ? null : encodeCursor({ v: query.view, s: query.sort, n: sources.length, p: page.positions }),
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

// ---------------------------------------------------------------------------------------------------------------
// Registering a request

export const CreateSchema = z
  .object({
    subject: SubjectSchema,
    body: BodySchema,
    requester: Customer.RequesterSchema,
    departmentId: IdSchema.optional(),
    type: Lifecycle.TypeSchema.default("incident"),
    impact: Lifecycle.LevelSchema.default("medium"),
    urgency: Lifecycle.LevelSchema.default("medium"),
    priority: Lifecycle.PrioritySchema.optional(),
    assigneeId: IdSchema.optional(),
    tags: Lifecycle.TagsSchema.default([]),
    origin: z.enum(Lifecycle.Origins, { error: `Use one of: ${Lifecycle.Origins.join(", ")}` }).optional(),
    status: z.enum(["new", "open", "pending", "on_hold"], { error: "A new ticket is new, open, pending or on_hold" }).optional(),
  })
  .strict();
export type CreateInput = z.input<typeof CreateSchema>;

/** Checks that `assigneeId` is an active staff member who works `departmentId`. */
async function assertAssignable(assigneeId: string, departmentId: string, path: string): Promise<Staff.Info> {
  const staff = await Staff.getRecord(useTenantId(), assigneeId).catch(() => undefined);
  if (!staff || staff.status !== "active") throw Invalid.field(path, "not_found", "There is no such active staff member");
  const info = Staff.view(staff);
  if (!Staff.worksIn(info, departmentId)) {
    throw Invalid.field(path, "no_access", `${info.name} does not work this ticket's department`);
  }
  return info;
}

export interface Opening {
  subject: string;
  body: string;
  requester: Customer.RequesterInput;
  departmentId: string;
  type: Lifecycle.Type;
  impact: Lifecycle.Level;
  urgency: Lifecycle.Level;
  priority: Lifecycle.Priority;
  assigneeId?: string;
  tags: string[];
  channel: Lifecycle.Channel;
  origin?: Lifecycle.Origin;
  status: Lifecycle.Status;
  /** Who opens it; without one, the requester (a customer writing in). */
  by?: Event.EventActor;
  /** The staff member who typed the customer's request in, if any. */
  enteredBy?: string;
  followUpOf?: string;
  linkedTo?: string;
  /** Opened by automated mail: recorded, never answered automatically. */
  automated?: boolean;
  /** Email addresses taking part besides the requester (those copied). */
  participants?: string[];
  /** Send the requester "we received your request". */
  acknowledge: boolean;
  /** The mail this ticket comes from: its parts for the first message, and writes that must go with the ticket. */
  mail?: Pick<MessageDraft, "mailId" | "emailMessageId" | "fullBody" | "html" | "htmlKey" | "attachments" | "droppedAttachments">;
  extra?: (entities: TxEntities, ticket: Record) => TxItem[];
  /** The requester's language, if the customer is new (from the mail's text). */
  locale?: string;
}

/**
 * Opens a ticket: the customer (found, or created on first contact), the number, the ticket, its first message, the
 * event, the queue counts and the acknowledgement letter, in one transaction. A new customer whose address another
 * request claimed at the same moment is found on the second try.
 */
export async function open(opening: Opening): Promise<Record> {
  const tenantId = useTenantId();
  for (let attempt = 1; ; attempt++) {
    const resolved = await Customer.resolve(opening.requester);
    if (resolved.created && opening.locale) resolved.created.customer.locale = opening.locale;
    const customer = resolved.existing ?? resolved.created.customer;
    const by: Event.EventActor = opening.by ?? { type: "customer", id: customer.customerId, name: customer.name };
    const number = await Counter.next(tenantId, "seq#ticket");
    const at = new Date().toISOString();
    const ticketId = createId();
    const state = {
      status: opening.status,
      priority: opening.priority,
      departmentId: opening.departmentId,
      assigneeId: opening.assigneeId,
    };
    const participants = [...new Set([customer.email, ...(opening.participants ?? [])].filter((a): a is string => Boolean(a)))];
    const ticket = {
      tenantId,
      ticketId,
      number,
      subject: opening.subject,
      status: opening.status,
      priority: opening.priority,
      impact: opening.impact,
      urgency: opening.urgency,
      type: opening.type,
      channel: opening.channel,
      origin: opening.origin,
      departmentId: opening.departmentId,
      assigneeId: opening.assigneeId,
      tags: opening.tags,
      requesterId: customer.customerId,
      requesterName: customer.name,
      requesterEmail: customer.email,
      organizationId: customer.organizationId,
      createdAt: at,
      createdBy: by.type === "staff" ? by.id : by.type,
      updatedAt: at,
      ...principalName(by),
      lastCustomerActivityAt: at,
      version: 1,
      followUpOf: opening.followUpOf,
      linkedTo: opening.linkedTo,
      participants,
      automated: opening.automated,
      preview: preview(opening.body),
      messageCount: 1,
      ...Queue.queueAttributes(state),
    } satisfies Record as Record;
    ticket.mailThread = Notify.appendToThread([], opening.mail?.emailMessageId);
    if (opening.mail?.emailMessageId) ticket.customerMessageId = opening.mail.emailMessageId;
    const acknowledgement = opening.acknowledge && !opening.automated ? await Notify.letter("ticket_received", forLetter(ticket)) : undefined;
    ticket.mailThread = Notify.appendToThread(ticket.mailThread, acknowledgement?.messageId);
    const sla = await Sla.plan(undefined, ticket);
    if (sla.sla) ticket.sla = sla.sla;
    await Sla.armTimers(ticketId, sla.arm);
    const { plan } = await Plan.subscription(tenantId);
    const customerWrites = resolved.created ? (entities: TxEntities) => Customer.customerWrites(entities, resolved.created) : () => [];
    let customerItems = 0;
    try {
      await transact(
        (entities) => {
          // The plan's daily limit of new tickets is counted first (index 0), then the new customer (if any).
          const limit = Limits.countNewTicket(entities, tenantId, plan);
          const writes = customerWrites(entities);
          customerItems = writes.length;
          return [
            ...(limit ? [limit] : []),
            ...writes,
            entities.ticket.create(ticket).commit(),
            entities.ticketNumber.create({ tenantId, number, ticketId }).commit(),
            messageItem(
              entities,
              tenantId,
              ticketId,
              {
                kind: "customer",
                authorType: "customer",
                authorId: customer.customerId,
                authorName: customer.name,
                body: opening.body,
                enteredBy: opening.enteredBy,
                ...opening.mail,
              },
              at,
            ),
            Event.write(
              entities,
              by,
              {
                action: "ticket.create",
                target: { type: "ticket", id: ticketId, label: `#${number}` },
                departmentId: opening.departmentId,
                after: {
                  subject: opening.subject,
                  requester: customer.customerId,
                  departmentId: opening.departmentId,
                  status: opening.status,
                  priority: opening.priority,
                  type: opening.type,
                  assigneeId: opening.assigneeId ?? null,
                  tags: opening.tags,
                  channel: opening.channel,
                  ...(opening.followUpOf ? { followUpOf: opening.followUpOf } : {}),
                  ...(opening.linkedTo ? { linkedTo: opening.linkedTo } : {}),
                },
              },
              at,
            ),
            ...counterItems(entities, tenantId, Counter.delta([], Queue.countKeys(state))),
            ...(acknowledgement ? Outbox.writes(entities, acknowledgement, at) : []),
            ...(opening.extra?.(entities, ticket) ?? []),
          ];
        },
        ({ index }) => {
          const offset = plan.dailyTicketLimit === undefined || plan.dailyTicketLimit === null ? 0 : 1;
          if (offset && index === 0) return Limits.ticketLimit(plan);
          return index < offset + customerItems ? new CustomerRace() : undefined;
        },
      );
    } catch (error) {
      if (error instanceof CustomerRace && attempt < 3) continue;
      throw error;
    }
    if (acknowledgement) await Outbox.deliverAll(tenantId, [acknowledgement.outboxId]);
    return ticket;
  }
}

/** A staff member (or an API client) registers a request on a customer's behalf. */
export async function create(raw: CreateInput, options: { channel?: "agent" | "api" } = {}): Promise<Info> {
  const actor = usePrincipal();
  const input = parse(CreateSchema, raw);
  const departmentId = input.departmentId ?? (await Department.defaultId());
  await Department.requireOpen(departmentId);
  if (!Access.canCreateIn(actor, departmentId)) {
    throw Invalid.field("departmentId", "no_access", "You do not work this department");
  }
  if (input.assigneeId) {
    if (!Access.canAssign(actor, { departmentId, assigneeId: null }, input.assigneeId)) {
      throw new Forbidden("Only dispatchers, supervisors and admins assign tickets to others");
    }
    await assertAssignable(input.assigneeId, departmentId, "assigneeId");
  }
  const ticket = await open({
    subject: input.subject,
    body: input.body,
    requester: input.requester,
    departmentId,
    type: input.type,
    impact: input.impact,
    urgency: input.urgency,
    priority: input.priority ?? Lifecycle.priorityOf(input.impact, input.urgency),
    assigneeId: input.assigneeId,
    tags: input.tags,
    channel: options.channel ?? "agent",
    origin: input.origin,
    status: input.status ?? (input.assigneeId ? "open" : "new"),
    by: Event.actorOf(actor),
    enteredBy: actor.type === "staff" ? actor.staffId : undefined,
    acknowledge: true,
  });
  return view(ticket);
}

// ---------------------------------------------------------------------------------------------------------------
// Changing a ticket

export const UpdateSchema = z
  .object({
    version: VersionSchema,
    subject: SubjectSchema.optional(),
    status: Lifecycle.StatusSchema.optional(),
    priority: Lifecycle.PrioritySchema.optional(),
    impact: Lifecycle.LevelSchema.optional(),
    urgency: Lifecycle.LevelSchema.optional(),
    type: Lifecycle.TypeSchema.optional(),
    departmentId: IdSchema.optional(),
    assigneeId: IdSchema.nullable().optional(),
    tags: Lifecycle.TagsSchema.optional(),
    /** Why the ticket is redirected or reassigned; required when it moves to another department. */
    reason: z.string().trim().min(1, "Say why").max(500, "At most 500 characters").optional(),
  })
  .strict();
export type UpdateInput = z.input<typeof UpdateSchema>;

const CLASSIFICATION = ["subject", "priority", "impact", "urgency", "type", "tags"] as const;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Timestamps a status change sets or clears. */
function statusStamps(from: Lifecycle.Status, to: Lifecycle.Status, at: string) {
  const set: Partial<Record> = {};
  const remove: (keyof Record)[] = [];
  if (to === "solved" && from !== "solved") set.solvedAt = at;
  if (to === "closed") set.closedAt = at;
  if (from === "solved" && to !== "solved" && to !== "closed") remove.push("solvedAt");
  return { set, remove };
}

/**
 * Changes a ticket's fields, on the version the change was based on (409 with the current ticket otherwise). Status
 * changes, assignment and redirection leave system entries in the thread; every change is an event.
 */
export async function update(ticketId: string, raw: UpdateInput): Promise<Info> {
  const actor = usePrincipal();
  const input = parse(UpdateSchema, raw);
  const before = await load(ticketId);
  Access.assertTicket(actor, "work", before);
  if (input.version !== before.version) throw await staleConflict(ticketId);
  const by = Event.actorOf(actor);
  const at = new Date().toISOString();
  const set: Partial<Record> = {};
  const remove: (keyof Record)[] = [];
  const messages: MessageDraft[] = [];
  const events: Event.Draft[] = [];
  const target = { type: "ticket", id: ticketId, label: `#${before.number}` };
  const system = (action: string, from?: string, to?: string, reason?: string): MessageDraft => ({
    kind: "system",
    authorType: by.type === "staff" ? "staff" : "system",
    authorId: by.id,
    authorName: by.name,
    body: "",
    system: { action, from, to, reason },
  });

  if (before.status === "closed") throw new Conflict(Lifecycle.transitionError("closed", input.status ?? "open"));

  // Classification: subject, priority (from impact x urgency unless given), type, tags.
  const impact = input.impact ?? before.impact;
  const urgency = input.urgency ?? before.urgency;
  const priority = input.priority ?? (input.impact || input.urgency ? Lifecycle.priorityOf(impact, urgency) : before.priority);
  const classification: { [key: string]: unknown } = { subject: input.subject, impact: input.impact, urgency: input.urgency, type: input.type, tags: input.tags, priority };
  const classBefore: { [key: string]: unknown } = {};
  const classAfter: { [key: string]: unknown } = {};
  for (const key of CLASSIFICATION) {
    const value = classification[key];
    if (value === undefined || same(value, before[key])) continue;
    (set as { [key: string]: unknown })[key] = value;
    classBefore[key] = before[key] ?? null;
    classAfter[key] = value;
  }

  // Status.
  if (input.status && input.status !== before.status) {
    if (!Lifecycle.canTransition(before.status, input.status)) {
      throw Invalid.field("status", "transition", Lifecycle.transitionError(before.status, input.status));
    }
    set.status = input.status;
    const stamps = statusStamps(before.status, input.status, at);
    Object.assign(set, stamps.set);
    remove.push(...stamps.remove);
    classBefore.status = before.status;
    classAfter.status = input.status;
    messages.push(system("status", before.status, input.status));
  }
  if (Object.keys(classAfter).length) events.push({ action: "ticket.update", target, departmentId: before.departmentId, before: classBefore, after: classAfter });

  // Redirection to another department (the assignee follows only if they work there).
  let departmentId = before.departmentId;
  let assigneeId: string | null = before.assigneeId ?? null;
  if (input.departmentId && input.departmentId !== before.departmentId) {
    Access.assertTicket(actor, "redirect", before);
    if (!input.reason) throw Invalid.field("reason", "required", "Say why the ticket moves to another department");
    const department = await Department.requireOpen(input.departmentId);
    departmentId = input.departmentId;
    set.departmentId = departmentId;
    if (assigneeId && input.assigneeId === undefined) {
      const current = await Staff.getRecord(useTenantId(), assigneeId).catch(() => undefined);
      if (!current || !Staff.worksIn(Staff.view(current), departmentId)) assigneeId = null;
    }
    messages.push(system("redirect", before.departmentId, departmentId, input.reason));
    events.push({
      action: "ticket.redirect",
      target,
      departmentId,
      before: { departmentId: before.departmentId },
      after: { departmentId: department.departmentId },
      reason: input.reason,
    });
  }

  // Assignment.
  if (input.assigneeId !== undefined) assigneeId = input.assigneeId;
  if ((assigneeId ?? null) !== (before.assigneeId ?? null)) {
    const scope = { departmentId: before.departmentId, assigneeId: before.assigneeId };
    if (input.assigneeId !== undefined && !Access.canAssign(actor, scope, input.assigneeId)) {
      Access.assertTicket(actor, "assign", before, "Only dispatchers, supervisors and admins assign tickets to others");
    }
    if (assigneeId) await assertAssignable(assigneeId, departmentId, "assigneeId");
    if (assigneeId) set.assigneeId = assigneeId;
    else remove.push("assigneeId");
    if (before.status === "new" && assigneeId && !set.status) {
      set.status = "open";
      messages.push(system("status", "new", "open"));
    }
    messages.push(system("assign", before.assigneeId ?? undefined, assigneeId ?? undefined, input.reason));
    events.push({
      action: "ticket.assign",
      target,
      departmentId,
      before: { assigneeId: before.assigneeId ?? null },
      after: { assigneeId },
      reason: input.reason,
    });
  }

  if (!events.length) return view(before);
  const letters: Outbox.Prepared[] = [];
  if (set.status === "solved") {
    const letter = await Notify.letter("ticket_solved", forLetter({ ...before, ...set } as Record));
    if (letter) {
      letters.push(letter);
      set.mailThread = Notify.appendToThread(before.mailThread, letter.messageId);
    }
  }
  const after = await commitChange({ before, set, remove, messages, events, by, at, letters });
  return view(after);
}

export const ReplySchema = z
  .object({
    body: BodySchema,
    /** Submit the reply and set the status at once ("submit as pending", "submit as solved"). */
    status: z.enum(["open", "pending", "on_hold", "solved"], { error: "Use open, pending, on_hold or solved" }).optional(),
    version: VersionSchema.optional(),
  })
  .strict();
export const NoteSchema = z
  .object({
    body: BodySchema,
    /** Add the note and set the status at once (atomically). */
    status: z.enum(["open", "pending", "on_hold", "solved"], { error: "Use open, pending, on_hold or solved" }).optional(),
    version: VersionSchema.optional(),
  })
  .strict();

/**
 * Adds a public reply or a private note. With `version`, a ticket that changed meanwhile is refused (409 with the
 * current ticket, and the console keeps the text); without it, the message is added to whatever the ticket is now.
 * A reply is the first response if none was given yet, and takes an unassigned ticket for its author where they may.
 */
async function addStaffMessage(ticketId: string, kind: "reply" | "note", input: z.output<typeof ReplySchema>): Promise<Detail> {
  const actor = usePrincipal();
  for (let attempt = 1; ; attempt++) {
    const before = await load(ticketId);
    Access.assertTicket(actor, "work", before);
    if (before.status === "closed") throw new Conflict(Lifecycle.transitionError("closed", "open"));
    if (input.version !== undefined && input.version !== before.version) throw await staleConflict(ticketId);
    const by = Event.actorOf(actor);
    const at = new Date().toISOString();
    const set: Partial<Record> = {};
    const remove: (keyof Record)[] = [];
    const messages: MessageDraft[] = [
      {
        kind,
        authorType: by.type === "staff" ? "staff" : "system",
        authorId: by.id,
        authorName: by.name,
        body: input.body,
      },
    ];
    const after: { [key: string]: unknown } = { kind };
    if (kind === "reply") {
      set.lastAgentActivityAt = at;
      if (!before.firstResponseAt) set.firstResponseAt = at;
    }
    // "Send and set status": a reply opens a new ticket unless told otherwise; a note changes the status only if asked.
    const status = input.status ?? (kind === "reply" && before.status === "new" ? "open" : before.status);
    if (status !== before.status) {
      if (!Lifecycle.canTransition(before.status, status)) {
        throw Invalid.field("status", "transition", Lifecycle.transitionError(before.status, status));
      }
      set.status = status;
      const stamps = statusStamps(before.status, status, at);
      Object.assign(set, stamps.set);
      remove.push(...stamps.remove);
      messages.push({ ...messages[0]!, kind: "system", body: "", system: { action: "status", from: before.status, to: status } });
      after.status = status;
    }
    if (kind === "reply") {
      const me = actor.type === "staff" ? actor.staffId : undefined;
      if (me && !before.assigneeId && Access.canAssign(actor, before, me)) {
        set.assigneeId = me;
        after.assigneeId = me;
        messages.push({ ...messages[0]!, kind: "system", body: "", system: { action: "assign", to: me } });
      }
    }
    const letters: Outbox.Prepared[] = [];
    if (kind === "reply") {
      const solved = set.status === "solved";
      const letter = await Notify.letter("agent_reply", forLetter({ ...before, ...set } as Record), {
        agentName: by.name,
        message: input.body,
        solved,
      });
      if (letter) {
        letters.push(letter);
        messages[0]!.outboxId = letter.outboxId;
        set.mailThread = Notify.appendToThread(before.mailThread, letter.messageId);
      }
    } else if (set.status === "solved") {
      const letter = await Notify.letter("ticket_solved", forLetter({ ...before, ...set } as Record));
      if (letter) {
        letters.push(letter);
        set.mailThread = Notify.appendToThread(before.mailThread, letter.messageId);
      }
    }
    try {
      const written = await commitChange({
        before,
        set,
        remove,
        messages,
        letters,
        events: [
          {
            action: kind === "reply" ? "ticket.reply" : "ticket.note",
            target: { type: "ticket", id: ticketId, label: `#${before.number}` },
            departmentId: before.departmentId,
            before: "status" in after ? { status: before.status } : undefined,
            after: { ...after, preview: preview(input.body) },
          },
        ],
        by,
        at,
      });
      return { ...(await get(ticketId)), ticket: view(written) };
    } catch (error) {
      // Without a version the author did not ask to be told of others' changes: add the message to the new version.
      if (error instanceof Conflict && error.current && input.version === undefined && attempt < 4) continue;
      throw error;
    }
  }
}

export async function reply(ticketId: string, raw: z.input<typeof ReplySchema>): Promise<Detail> {
  return addStaffMessage(ticketId, "reply", parse(ReplySchema, raw));
}

export async function note(ticketId: string, raw: z.input<typeof NoteSchema>): Promise<Detail> {
  return addStaffMessage(ticketId, "note", parse(NoteSchema, raw));
}

// ---------------------------------------------------------------------------------------------------------------
// A customer writes in

export interface Incoming {
  customer: { customerId: string; name: string; email?: string };
  body: string;
  /** An automatic reply (out of office): kept as a note, changes nothing else and notifies no one. */
  asNote?: boolean;
  /** Addresses that join the conversation (copied on the mail). */
  participants?: string[];
  mail: Pick<MessageDraft, "mailId" | "emailMessageId" | "fullBody" | "html" | "htmlKey" | "attachments" | "droppedAttachments">;
  extra?: (entities: TxEntities) => TxItem[];
}

/** A closed ticket is final: what the customer writes to it opens a follow-up instead. */
export class ClosedTicket extends Conflict {
  constructor(readonly ticket: Record) {
    super(`Ticket #${ticket.number} is closed`);
  }
}

/**
 * Adds a customer's message to a ticket. A solved, pending or on-hold ticket opens again; the customer's address (and
 * those copied) join the conversation; the message's Message-ID joins the mail thread.
 */
export async function receive(ticketId: string, incoming: Incoming): Promise<Record> {
  for (let attempt = 1; ; attempt++) {
    const before = await readRecord(ticketId, true);
    if (!before) throw new NotFound("Ticket");
    if (before.status === "closed") throw new ClosedTicket(before);
    const by: Event.EventActor = { type: "customer", id: incoming.customer.customerId, name: incoming.customer.name };
    const at = new Date().toISOString();
    const set: Partial<Record> = {
      participants: [...new Set([...(before.participants ?? []), ...(incoming.participants ?? [])])],
      mailThread: Notify.appendToThread(before.mailThread, incoming.mail.emailMessageId),
      ...(incoming.mail.emailMessageId && !incoming.asNote ? { customerMessageId: incoming.mail.emailMessageId } : {}),
    };
    const remove: (keyof Record)[] = [];
    const messages: MessageDraft[] = [
      {
        kind: incoming.asNote ? "note" : "customer",
        authorType: "customer",
        authorId: incoming.customer.customerId,
        authorName: incoming.customer.name,
        body: incoming.body,
        ...incoming.mail,
      },
    ];
    let reopened = false;
    if (!incoming.asNote) {
      set.lastCustomerActivityAt = at;
      if (before.status === "solved" || before.status === "pending" || before.status === "on_hold") {
        set.status = "open";
        reopened = true;
        if (before.status === "solved") remove.push("solvedAt");
        messages.push({ kind: "system", authorType: "customer", authorId: by.id, authorName: by.name, body: "", system: { action: "status", from: before.status, to: "open" } });
      }
    }
    try {
      return await commitChange({
        before,
        set,
        remove,
        messages,
        events: [
          {
            action: incoming.asNote ? "ticket.auto_reply" : "ticket.customer_reply",
            target: { type: "ticket", id: ticketId, label: `#${before.number}` },
            departmentId: before.departmentId,
            ...(reopened ? { before: { status: before.status }, after: { status: "open" } } : {}),
          },
        ],
        by,
        at,
        extra: incoming.extra,
      });
    } catch (error) {
      if (error instanceof Conflict && error.current && attempt < 5) continue;
      throw error;
    }
  }
}

/** A ticket as the system sees it (inbound mail, timers): any department, deleted or not. */
export async function read(ticketId: string): Promise<Record | undefined> {
  return readRecord(ticketId, true);
}

/** Records that the customer did not get our last letter (a hard bounce), on the ticket and in its thread. */
export async function markUndelivered(ticketId: string, reason: string, extra?: (entities: TxEntities) => TxItem[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const before = await readRecord(ticketId, true);
    if (!before) return;
    const at = new Date().toISOString();
    const by: Event.EventActor = { type: "system", id: "system", name: "mail delivery" };
    try {
      await commitChange({
        before,
        set: { deliveryFailedAt: at, deliveryFailure: reason.slice(0, 500) },
        messages: [{ kind: "system", authorType: "system", authorId: "system", authorName: "mail delivery", body: "", system: { action: "undelivered", reason: reason.slice(0, 500) } }],
        events: [{ action: "ticket.undelivered", target: { type: "ticket", id: ticketId, label: `#${before.number}` }, departmentId: before.departmentId, reason: reason.slice(0, 500) }],
        by,
        at,
        extra,
      });
      return;
    } catch (error) {
      if (error instanceof Conflict && error.current && attempt < 5) continue;
      throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// SLA: timers firing, escalations, the overdue view

const PRIORITY_UP: { [P in Lifecycle.Priority]: Lifecycle.Priority } = { low: "normal", normal: "high", high: "urgent", urgent: "urgent" };

export type SlaOutcome = "stale" | "early" | "done" | "escalated";

/**
 * An SLA timer fired. It may be late, early, repeated, or made stale by a change of the ticket: the ticket is read
 * again and nothing happens unless the warning or breach is still real. The escalation is one transaction with an
 * SLA event keyed by target, kind and generation, so however often the timer is delivered, it escalates once.
 */
export async function fireSla(payload: Sla.TimerPayloadSla): Promise<SlaOutcome> {
  const warn = payload.timer === "warn";
  for (let attempt = 1; attempt <= 5; attempt++) {
    const before = await readRecord(payload.ticketId, true);
    if (!before || before.deletedAt) return "stale";
    const state = Sla.asState(before.sla);
    const target = state?.targets[payload.target];
    if (!state || !target || target.generation !== payload.generation || !target.since || target.metAt) return "stale";
    const due = warn ? target.warnAt : target.dueAt;
    if (!due) return "stale";
    if (warn ? target.warnedAt : target.breachedAt) return "done";
    const now = useClock().now();
    if (now.getTime() < Date.parse(due) - 1000) {
      await Sla.armTimers(before.ticketId, [{ target: payload.target, kind: payload.timer, at: due, generation: payload.generation }]);
      return "early";
    }
    try {
      await escalate(before, state, payload.target, warn ? "warning" : "breach", due, now.toISOString());
      return "escalated";
    } catch (error) {
      if (error instanceof Conflict && error.current) continue; // the ticket changed meanwhile: decide again
      if (error instanceof Rejected) return "done"; // the SLA event exists: another delivery escalated
      throw error;
    }
  }
  return "stale";
}

async function escalate(before: Record, state: SlaState, target: TargetName, kind: "warning" | "breach", dueAt: string, at: string): Promise<void> {
  const tenantId = useTenantId();
  const { policies } = await Sla.setup();
  const policy = policies.find((p) => p.policyId === state.policyId);
  const actions = Sla.escalationsFor(policy, kind, target);
  const by: Event.EventActor = { type: "system", id: "sla", name: "SLA" };
  const set: Partial<Record> = {};
  const remove: (keyof Record)[] = [];
  const messages: MessageDraft[] = [
    { kind: "system", authorType: "system", authorId: "sla", authorName: "SLA", body: "", system: { action: kind === "warning" ? "sla_warning" : "sla_breach", to: target, reason: state.policyName } },
  ];
  const done: string[] = [];
  const notify = new Set<string>();
  const staff = await Staff.list();
  for (const action of actions) {
    switch (action.type) {
      case "notify_assignee":
        if (before.assigneeId) notify.add(before.assigneeId);
        done.push("notify_assignee");
        break;
      case "notify_supervisors":
        for (const s of staff) if (s.role === "supervisor" && s.status === "active" && s.departmentIds.includes(before.departmentId)) notify.add(s.staffId);
        done.push("notify_supervisors");
        break;
      case "notify_staff":
        for (const id of action.staffIds) notify.add(id);
        done.push("notify_staff");
        break;
      case "raise_priority": {
        const current = (set.priority ?? before.priority) as Lifecycle.Priority;
        if (PRIORITY_UP[current] !== current) {
          set.priority = PRIORITY_UP[current];
          messages.push({ kind: "system", authorType: "system", authorId: "sla", authorName: "SLA", body: "", system: { action: "priority", from: current, to: set.priority } });
        }
        done.push("raise_priority");
        break;
      }
      case "reassign": {
        const departmentId = action.departmentId && action.departmentId !== before.departmentId ? action.departmentId : undefined;
        if (departmentId && (await Department.get(departmentId).catch(() => undefined))?.archivedAt === undefined) {
          set.departmentId = departmentId;
          messages.push({ kind: "system", authorType: "system", authorId: "sla", authorName: "SLA", body: "", system: { action: "redirect", from: before.departmentId, to: departmentId, reason: `SLA ${kind}` } });
        }
        const departmentAfter = set.departmentId ?? before.departmentId;
        const assignee = action.assigneeId ? staff.find((s) => s.staffId === action.assigneeId && s.status === "active") : undefined;
        const keep = before.assigneeId ? staff.find((s) => s.staffId === before.assigneeId) : undefined;
        if (assignee && Staff.worksIn(assignee, departmentAfter)) {
          if (assignee.staffId !== before.assigneeId) {
            set.assigneeId = assignee.staffId;
            messages.push({ kind: "system", authorType: "system", authorId: "sla", authorName: "SLA", body: "", system: { action: "assign", from: before.assigneeId, to: assignee.staffId, reason: `SLA ${kind}` } });
          }
        } else if (set.departmentId && keep && !Staff.worksIn(keep, departmentAfter)) {
          remove.push("assigneeId");
          messages.push({ kind: "system", authorType: "system", authorId: "sla", authorName: "SLA", body: "", system: { action: "assign", from: before.assigneeId, reason: `SLA ${kind}` } });
        }
        done.push("reassign");
        break;
      }
    }
  }
  const recipients = staff.filter((s) => notify.has(s.staffId) && s.status === "active");
  const letters = await Promise.all(
    recipients.map((s) => Notify.staffAlert({ email: s.email, name: s.name, locale: s.locale }, { ticketId: before.ticketId, number: before.number, subject: before.subject }, { kind, target, dueAt })),
  );
  await commitChange({
    before,
    set,
    remove,
    messages,
    events: [
      {
        action: kind === "warning" ? "sla.warning" : "sla.breach",
        target: { type: "ticket", id: before.ticketId, label: `#${before.number}` },
        departmentId: before.departmentId,
        after: { target, dueAt, policy: state.policyName, actions: done, notified: recipients.map((s) => s.staffId) },
      },
    ],
    by,
    at,
    letters,
    slaMarks: { [target]: kind === "warning" ? { warnedAt: at } : { breachedAt: at } },
    extra: (entities) => [
      entities.slaEvent
        .create({ tenantId, ticketId: before.ticketId, key: `${target}#${kind}#${state.targets[target]!.generation}`, target, kind, policyName: state.policyName, dueAt, at, actions: done })
        .commit(),
      ...Notification.writes(
        entities,
        recipients.map((s) => s.staffId),
        { kind: `sla_${kind}`, ticketId: before.ticketId, ticketNumber: before.number, title: Notify.alertTitle(kind, target), body: `#${before.number} ${before.subject}` },
        at,
      ),
    ],
  });
}

export interface SlaEventInfo {
  target: string;
  kind: "warning" | "breach";
  policyName: string;
  dueAt: string;
  at: string;
  actions: string[];
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
  return visible.map((e) => byId.get(e.ticketId)).filter((t): t is Record => Boolean(t && Access.can(actor, "view", t))).map(view);
}

// ---------------------------------------------------------------------------------------------------------------
// Trash

const TrashSchema = z.object({ version: VersionSchema.optional() }).strict();

/** Moves a ticket to the trash: out of every queue but the trash, restorable by an admin. */
export async function remove(ticketId: string, raw: z.input<typeof TrashSchema> = {}): Promise<Info> {
  const actor = usePrincipal();
  const input = parse(TrashSchema, raw);
  const before = await load(ticketId);
  Access.assertTicket(actor, "delete", before);
  if (input.version !== undefined && input.version !== before.version) throw await staleConflict(ticketId);
  const by = Event.actorOf(actor);
  const at = new Date().toISOString();
  const after = await commitChange({
    before,
    set: { deletedAt: at, deletedBy: by.id },
    messages: [{ kind: "system", authorType: "staff", authorId: by.id, authorName: by.name, body: "", system: { action: "delete" } }],
    events: [{ action: "ticket.delete", target: { type: "ticket", id: ticketId, label: `#${before.number}` }, departmentId: before.departmentId }],
    by,
    at,
  });
  return view(after);
}

/** Takes a ticket out of the trash, back into its queues. */
export async function restore(ticketId: string): Promise<Info> {
  const actor = usePrincipal();
  const before = await load(ticketId);
  Access.assertTicket(actor, "restore", before);
  const by = Event.actorOf(actor);
  const after = await commitChange({
    before,
    set: {},
    remove: ["deletedAt", "deletedBy"],
    messages: [{ kind: "system", authorType: "staff", authorId: by.id, authorName: by.name, body: "", system: { action: "restore" } }],
    events: [{ action: "ticket.restore", target: { type: "ticket", id: ticketId, label: `#${before.number}` }, departmentId: before.departmentId }],
    by,
  });
  return view(after);
}

/**
 * Deletes a ticket in the trash for good: its thread, its number, the ticket. The event records what was purged and
 * by whom. The thread goes first, so an interrupted purge leaves the ticket in the trash to purge again.
 */
export async function purge(ticketId: string): Promise<void> {
  const actor = usePrincipal();
  const tenantId = useTenantId();
  const before = await load(ticketId);
  Access.assertTicket(actor, "purge", before);
  const db = useDb();
  const thread = await db.entities.message.query.byId({ tenantId, ticketId }).go({ pages: "all", attributes: ["messageId"] });
  if (thread.data.length) {
    await db.entities.message.delete(thread.data.map((m) => ({ tenantId, ticketId, messageId: m.messageId }))).go({ concurrent: 4 });
  }
  const by = Event.actorOf(actor);
  await transact(
    (entities) => [
      entities.ticket
        .delete({ tenantId, ticketId })
        .where(({ version }, { eq }) => eq(version, before.version))
        .commit(),
      entities.ticketNumber.delete({ tenantId, number: before.number }).commit(),
      Event.write(entities, by, {
        action: "ticket.purge",
        target: { type: "ticket", id: ticketId, label: `#${before.number}` },
        departmentId: before.departmentId,
        before: { number: before.number, subject: before.subject, requester: before.requesterId, messages: thread.data.length },
      }),
      ...counterItems(entities, tenantId, Counter.delta(Queue.countKeys(before), [])),
    ],
    ({ index }) => (index === 0 ? new Conflict("The ticket changed while it was being purged; try again") : undefined),
  );
}

export * as Ticket from "./index";
