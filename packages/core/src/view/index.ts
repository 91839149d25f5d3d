import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { useStaff, useTenantId } from "../actor";
import { transact } from "../db/transaction";
import { useDb } from "../db/service";
import { Conflict, Forbidden, msg, NotFound } from "../error";
import { createId } from "../id";
import { settleEach } from "../settle-each";
import { Ticket } from "../ticket";
import { parse } from "../validation";
import type { SavedViewEntity } from "./saved-view.entity";

/**
 * Saved views: a queue's filters under a name. Each staff member keeps their own (at most VIEW_LIMIT); admins may
 * share a view with the whole workspace, and only admins rename or delete a shared one. The console lists them with
 * a count of their tickets: a view that is one of the queues as it is (no filter but its department) reads the queue
 * counters, as the sidebar's other counts do; any other view counts a bounded read of its queue (at most COUNT_CAP),
 * since the counters know no tags, types or priorities.
 */

export type Record = EntityItem<typeof SavedViewEntity>;

export const VIEW_LIMIT = 50;
/** A view's count reads at most this many tickets; a view with more shows "99+" (`more`). */
export const COUNT_CAP = 99;
const SHARED = "shared";

export const FiltersSchema = z
  .object({
    view: z.enum(Ticket.Queue.Views),
    sort: z.enum(Ticket.Queue.Sorts).default("priority"),
    departmentId: z.string().trim().min(1).max(64).optional(),
    assigneeId: z.string().trim().min(1).max(64).optional(),
    status: z.enum(["new", "open", "pending", "on_hold", "solved", "closed"]).optional(),
    priority: z.enum(["low", "normal", "high", "urgent"]).optional(),
    type: z.enum(["incident", "service_request", "information_request", "documentation_request", "change_request"]).optional(),
    tag: z.string().trim().toLowerCase().min(1).max(40).optional(),
  })
  .strict()
  .refine((q) => q.view !== "department" || q.departmentId, { path: ["departmentId"], message: "The department view needs a departmentId" });
export type Filters = z.output<typeof FiltersSchema>;

const NameSchema = z.string({ error: "Give the view a name" }).trim().min(1, "Give the view a name").max(80);

export const CreateSchema = z.object({ name: NameSchema, shared: z.boolean().default(false), query: FiltersSchema }).strict();
export const UpdateSchema = z.object({ name: NameSchema.optional(), shared: z.boolean().optional() }).strict();

export interface Info {
  viewId: string;
  name: string;
  shared: boolean;
  /** The signed-in person saved it. */
  mine: boolean;
  /** The signed-in person may rename and delete it. */
  editable: boolean;
  query: Filters;
  createdAt: string;
}

function view(record: Record, staffId: string, admin: boolean): Info {
  const shared = record.ownerKey === SHARED;
  return {
    viewId: record.viewId,
    name: record.name,
    shared,
    mine: record.createdBy === staffId,
    editable: shared ? admin : record.ownerKey === staffId,
    query: record.query as Filters,
    createdAt: record.createdAt,
  };
}

async function partition(ownerKey: string): Promise<Record[]> {
  return (await useDb().entities.savedView.query.byOwner({ tenantId: useTenantId(), ownerKey }).go({ pages: "all" })).data;
}

/** The signed-in person's views and the workspace's shared ones, shared first, each by name. */
export async function list(): Promise<Info[]> {
  const actor = useStaff();
  const admin = Access.configures(actor);
  const [own, shared] = await Promise.all([partition(actor.staffId), partition(SHARED)]);
  const byName = (a: Info, b: Info) => a.name.localeCompare(b.name);
  return [...shared.map((r) => view(r, actor.staffId, admin)).sort(byName), ...own.map((r) => view(r, actor.staffId, admin)).sort(byName)];
}

/** A view the signed-in person sees (their own or a shared one); another's private view is not found. */
async function find(viewId: string): Promise<Record> {
  const actor = useStaff();
  const tenantId = useTenantId();
  const [own, shared] = await Promise.all([
    useDb().entities.savedView.get({ tenantId, ownerKey: actor.staffId, viewId }).go(),
    useDb().entities.savedView.get({ tenantId, ownerKey: SHARED, viewId }).go(),
  ]);
  const found = own.data ?? shared.data;
  if (!found) throw new NotFound("View");
  return found;
}

function assertShares(shared: boolean) {
  if (shared && !Access.configures(useStaff())) throw new Forbidden(msg("Only admins share views with the whole workspace"));
}

function assertEdits(record: Record) {
  const actor = useStaff();
  if (record.ownerKey === SHARED && !Access.configures(actor)) throw new Forbidden(msg("Only admins change or delete a shared view"));
}

export async function create(raw: z.input<typeof CreateSchema>): Promise<Info> {
  const actor = useStaff();
  const input = parse(CreateSchema, raw);
  assertShares(input.shared);
  // The limit (a person's, or the workspace's shared views) need not hold exactly under concurrency, so it is a read, not a guard.
  const ownerKey = input.shared ? SHARED : actor.staffId;
  const kept = await useDb().entities.savedView.query.byOwner({ tenantId: useTenantId(), ownerKey }).go({ pages: "all", attributes: ["viewId"] });
  if (kept.data.length >= VIEW_LIMIT) {
    throw new Conflict(msg("You keep {limit} views, the most one person may: delete one to save another", { limit: VIEW_LIMIT }));
  }
  const record = (
    await useDb()
      .entities.savedView.create({
        tenantId: useTenantId(),
        ownerKey,
        viewId: createId(),
        name: input.name,
        createdBy: actor.staffId,
        query: input.query,
      })
      .go()
  ).data;
  return view(record, actor.staffId, Access.configures(actor));
}

/** Renames a view, or (admins) shares it with the workspace or takes it back to its author's own. */
export async function update(viewId: string, raw: z.input<typeof UpdateSchema>): Promise<Info> {
  const actor = useStaff();
  const input = parse(UpdateSchema, raw);
  const before = await find(viewId);
  assertEdits(before);
  const tenantId = useTenantId();
  const shared = input.shared ?? before.ownerKey === SHARED;
  if (shared !== (before.ownerKey === SHARED)) {
    assertShares(true);
    // The owner is the partition: a view moves by being written anew under the other owner, in one transaction.
    const ownerKey = shared ? SHARED : before.createdBy;
    const { updatedAt: _u, ...rest } = before;
    await transact((entities) => [
      entities.savedView.delete({ tenantId, ownerKey: before.ownerKey, viewId }).commit(),
      entities.savedView.create({ ...rest, ownerKey, name: input.name ?? before.name }).commit(),
    ]);
    const moved = (await useDb().entities.savedView.get({ tenantId, ownerKey, viewId }).go()).data!;
    return view(moved, actor.staffId, Access.configures(actor));
  }
  if (input.name === undefined || input.name === before.name) return view(before, actor.staffId, Access.configures(actor));
  const after = await useDb().entities.savedView.patch({ tenantId, ownerKey: before.ownerKey, viewId }).set({ name: input.name }).go({ response: "all_new" });
  return view(after.data as Record, actor.staffId, Access.configures(actor));
}

export async function remove(viewId: string): Promise<void> {
  const before = await find(viewId);
  assertEdits(before);
  await useDb().entities.savedView.delete({ tenantId: useTenantId(), ownerKey: before.ownerKey, viewId }).go();
}

export interface Count {
  viewId: string;
  /** Tickets in the view, up to COUNT_CAP; null when the view no longer opens for this person (a department gone). */
  count: number | null;
  /** The view holds more than `count`. */
  more: boolean;
}

/** A view that is one of the queues as it is: no filter but its department. */
const plain = (query: Filters) => !(query.assigneeId || query.status || query.priority || query.type || query.tag);

/** A plain view's count from the queue counters (undefined: the counters do not have it). */
function counted(query: Filters, queues: Awaited<ReturnType<typeof Ticket.counts>>): number | undefined {
  if (!plain(query)) return undefined;
  if (query.view === "department") return query.departmentId ? queues.departments[query.departmentId] : undefined;
  return query.departmentId ? undefined : queues.views[query.view];
}

/**
 * How many tickets each of the signed-in person's views holds: the queue counters for a plain queue (one read for
 * all of them), else one bounded page of the view's queue (at most COUNT_CAP + 1 tickets, a handful of views at a
 * time), so the cost is the views' number, never the tickets'.
 */
export async function counts(): Promise<Count[]> {
  const views = await list();
  const counts: Count[] = views.map((v) => ({ viewId: v.viewId, count: null, more: false }));
  const queues = views.some((v) => plain(v.query)) ? await Ticket.counts() : undefined;
  await settleEach(views, 4, async (v) => {
    const exact = queues && counted(v.query, queues);
    if (exact !== undefined) {
      counts.find((c) => c.viewId === v.viewId)!.count = exact;
      return;
    }
    const page = await Ticket.list({ ...v.query, limit: COUNT_CAP + 1 });
    const count = counts.find((c) => c.viewId === v.viewId)!;
    count.count = Math.min(COUNT_CAP, page.tickets.length);
    count.more = page.tickets.length > COUNT_CAP;
  });
  return counts;
}

export * as SavedView from "./index";
