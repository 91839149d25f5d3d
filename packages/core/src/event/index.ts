import * as z from "zod";
import type { EntityItem } from "electrodb";
import { usePrincipal, useTenantId } from "../actor";
import type { Principal } from "../access";
import { Cursor } from "../cursor";
import { useDb } from "../db/service";
import type { TxEntities, TxItem } from "../db/transaction";
import { createId } from "../id";
import { paging, parse } from "../validation";
import type { EventEntity } from "./event.entity";
import { useClock } from "../port";

export type Record = EntityItem<typeof EventEntity>;

export interface Info {
  eventId: string;
  at: string;
  actor: { type: "staff" | "customer" | "system" | "operator"; id: string; name: string };
  action: string;
  target: { type: string; id: string; label?: string };
  departmentId?: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

export interface Target {
  type: string;
  id: string;
  label?: string;
}

export interface Draft {
  /** The tenant, where no actor is set yet (sign-up); otherwise the current actor's. */
  tenantId?: string;
  action: string;
  target: Target;
  departmentId?: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

/** Who an event is recorded as: staff by id and name, the system by its reason, or a customer. */
export interface EventActor {
  type: "staff" | "customer" | "system" | "operator";
  id: string;
  name: string;
}

export function actorOf(principal: Principal): EventActor {
  if (principal.type === "staff") return { type: "staff", id: principal.staffId, name: principal.name };
  return { type: "system", id: "system", name: principal.reason };
}

/** The attributes of a new event, to be written in the same transaction as the change it records. */
export function entry(actor: EventActor, draft: Draft, at = useClock().now().toISOString()) {
  const tenantId = draft.tenantId ?? useTenantId();
  return {
    tenantId,
    eventId: createId(),
    month: at.slice(0, 7),
    at,
    actorType: actor.type,
    actorId: actor.id,
    actorName: actor.name,
    action: draft.action,
    targetType: draft.target.type,
    targetId: draft.target.id,
    targetLabel: draft.target.label,
    departmentId: draft.departmentId,
    before: draft.before,
    after: draft.after,
    reason: draft.reason,
  };
}

/** The write of an event, for the transaction of the change it records. */
export function write(entities: Pick<TxEntities, "event">, actor: EventActor | Principal, draft: Draft, at?: string): TxItem {
  const who = "tenantId" in actor ? actorOf(actor) : actor;
  return entities.event.create(entry(who, draft, at)).commit();
}

/** Records an event on its own, for an action that writes nothing else of the tenant's (mail processed again). */
export async function record(actor: EventActor | Principal, draft: Draft, at?: string): Promise<void> {
  const who = "tenantId" in actor ? actorOf(actor) : actor;
  await useDb().entities.event.create(entry(who, draft, at)).go();
}

/** The current actor as an event actor (staff or system). */
export function currentActor(): EventActor {
  return actorOf(usePrincipal());
}

export function view(item: Record): Info {
  return {
    eventId: item.eventId,
    at: item.at,
    actor: { type: item.actorType, id: item.actorId, name: item.actorName },
    action: item.action,
    target: { type: item.targetType, id: item.targetId, label: item.targetLabel },
    departmentId: item.departmentId,
    before: item.before,
    after: item.after,
    reason: item.reason,
  };
}

export const ListSchema = z
  .object({
    targetType: z.string().trim().min(1).max(40).optional(),
    targetId: z.string().trim().min(1).max(64).optional(),
    actorId: z.string().trim().min(1).max(64).optional(),
    action: z.string().trim().min(1).max(60).optional(),
    from: z.iso.datetime({ error: "Use an ISO 8601 date and time, e.g. 2026-11-01T00:00:00Z" }).optional(),
    to: z.iso.datetime({ error: "Use an ISO 8601 date and time, e.g. 2026-11-30T00:00:00Z" }).optional(),
    ...paging(50, 200),
  })
  .refine((q) => !(q.targetId && !q.targetType), { path: ["targetType"], message: "Give the target's type with its id" })
  .refine((q) => !(q.from && q.to && q.from >= q.to), { path: ["to"], message: "The end must be after the start" });
export type ListInput = z.input<typeof ListSchema>;

const CursorState = z.object({ m: z.string().regex(/^\d{4}-\d{2}$/).optional(), c: z.string().nullable().optional() });

/** The months from `newest` back to `oldest`, as yyyy-mm. */
function previousMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, "0")}`;
}

/** How far back an unbounded time query walks. */
const DEFAULT_HISTORY_MONTHS = 36;

/**
 * Events newest first, by target, by actor, or by time (with an optional range; `from` inclusive, `to` exclusive),
 * optionally of one action, a page at a time. The caller decides who may ask (Access.canAudit, or the ticket's viewers
 * for its own history).
 */
export async function list(raw: ListInput): Promise<{ events: Info[]; cursor: string | null }> {
  const input = parse(ListSchema, raw);
  const tenantId = useTenantId();
  const list = Cursor.list("events", input);
  const db = useDb().entities.event;
  const range = <Q extends { between: Function; gte: Function; lt: Function }>(query: Q) => {
    if (input.from && input.to) return query.between({ at: input.from }, { at: input.to });
    if (input.from) return query.gte({ at: input.from });
    if (input.to) return query.lt({ at: input.to });
    return query;
  };
  type Query = { go: (options: object) => Promise<{ data: Record[]; cursor: string | null }>; where: Function };
  const withAction = (query: Query): Query =>
    input.action ? (query.where(({ action }: { action: string }, { eq }: { eq: Function }) => eq(action, input.action)) as Query) : query;
  // `count` stops at that many events (reading on past events an action filter leaves out) and ends the page's cursor
  // at the last event returned.
  const options = (cursor: string | null | undefined, count = input.limit) => ({ order: "desc", count, cursor: cursor ?? undefined });

  if (input.targetType && input.targetId) {
    const query = range(db.query.byTarget({ tenantId, targetType: input.targetType, targetId: input.targetId })) as unknown as Query;
    // One actor's actions on one target: the target's index, narrowed to the actor.
    const byActor = input.actorId ? (query.where(({ actorId }: { actorId: string }, { eq }: { eq: Function }) => eq(actorId, input.actorId)) as Query) : query;
    const result = await withAction(byActor).go(options(await Cursor.open(tenantId, list, input.cursor)));
    return { events: result.data.map(view), cursor: await Cursor.seal(tenantId, list, result.cursor) };
  }
  if (input.actorId) {
    const query = range(db.query.byActor({ tenantId, actorId: input.actorId })) as unknown as Query;
    const result = await withAction(query).go(options(await Cursor.open(tenantId, list, input.cursor)));
    return { events: result.data.map(view), cursor: await Cursor.seal(tenantId, list, result.cursor) };
  }

  // By time: walk the months from the end of the range back to its start.
  const now = useClock().now();
  const newest = (input.to ?? now.toISOString()).slice(0, 7);
  let oldest = input.from?.slice(0, 7);
  if (!oldest) {
    const floor = new Date(now.getTime());
    floor.setUTCMonth(floor.getUTCMonth() - DEFAULT_HISTORY_MONTHS);
    oldest = floor.toISOString().slice(0, 7);
  }
  const state = (await Cursor.open(tenantId, list, input.cursor, CursorState)) ?? {};
  let month = state.m ?? newest;
  let pageCursor = state.c ?? null;
  const events: Info[] = [];
  while (month >= oldest && events.length < input.limit) {
    const query = range(db.query.byMonth({ tenantId, month })) as unknown as Query;
    const result = await withAction(query).go(options(pageCursor, input.limit - events.length));
    events.push(...result.data.map(view));
    if (result.cursor) {
      pageCursor = result.cursor;
      if (events.length >= input.limit) return { events, cursor: await Cursor.seal(tenantId, list, { m: month, c: pageCursor }) };
    } else {
      month = previousMonth(month);
      pageCursor = null;
    }
  }
  return { events, cursor: month >= oldest ? await Cursor.seal(tenantId, list, { m: month, c: pageCursor }) : null };
}

export * as Event from "./index";

const CSV_COLUMNS = ["at", "actor_type", "actor_id", "actor_name", "action", "target_type", "target_id", "target_label", "department_id", "reason", "before", "after"] as const;

/** A CSV field: quoted when needed, and never read as a formula by a spreadsheet (=, +, -, @ lead with a quote). */
function csvField(value: unknown): string {
  let text = value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const EXPORT_LIMIT = 50_000;

/**
 * The events a query selects, newest first, as CSV (at most EXPORT_LIMIT rows; the last line says if cut), from the
 * cursor of GET /api/events with the same filters if one is given.
 */
export async function exportCsv(raw: ListInput): Promise<string> {
  const lines = [CSV_COLUMNS.join(",")];
  let cursor = raw.cursor;
  let rows = 0;
  do {
    const page = await list({ ...raw, limit: 200, cursor });
    for (const e of page.events) {
      lines.push(
        [e.at, e.actor.type, e.actor.id, e.actor.name, e.action, e.target.type, e.target.id, e.target.label, e.departmentId, e.reason, e.before, e.after]
          .map(csvField)
          .join(","),
      );
    }
    rows += page.events.length;
    cursor = page.cursor ?? undefined;
  } while (cursor && rows < EXPORT_LIMIT);
  if (cursor) lines.push(csvField(`(cut at ${EXPORT_LIMIT} rows: narrow the date range)`));
  return lines.join("\r\n") + "\r\n";
}
