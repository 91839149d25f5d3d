import * as z from "zod";
import { Access, type Principal } from "../access";
import { Forbidden, Invalid } from "../error";
import { groupOf, indexGroupOf, PRIORITY_RANKS, priorityRank, type Group, type IndexGroup, type Priority, type Status } from "./lifecycle";

/**
 * Queues: which index partitions a view reads, and what each ticket counts towards.
 *
 * Every queue index partition holds the tickets of one scope (a department, an assignee, the whole tenant, or the
 * unassigned tickets of a department) in one index group (active: every unsolved ticket; solved; trash), sorted by
 * `<priority rank>#<updated at>#<id>`, so a view of unsolved tickets reads one partition per scope. A view is the
 * union of some partitions (the pending and on-hold views filter the active partition by status):
 *   - sorted by priority (urgent first, longest untouched first), it is a merge of the partitions read in ascending
 *     order;
 *   - sorted by update time (newest first), it is a merge of each partition's four priority ranges read in descending
 *     order.
 * The merge reads about a page's worth of items whatever the size of the tenant (queue-merge.ts).
 */

export const Views = ["mine", "unassigned", "department", "pending", "on_hold", "solved", "trash", "all"] as const;
export type View = (typeof Views)[number];

export const Sorts = ["priority", "updated"] as const;
export type Sort = (typeof Sorts)[number];

const UNSOLVED_GROUPS: Group[] = ["open", "pending", "hold"];

/** The groups each view shows (what its count sums). */
export const ViewGroups: Record<View, Group[]> = {
  mine: UNSOLVED_GROUPS,
  unassigned: UNSOLVED_GROUPS,
  department: UNSOLVED_GROUPS,
  pending: ["pending"],
  on_hold: ["hold"],
  solved: ["solved"],
  trash: ["trash"],
  all: ["open", "pending", "hold", "solved"],
};

/** The index partitions each view reads, and the statuses it keeps of them (none: all). */
const ViewPartitions: Record<View, { groups: IndexGroup[]; statuses?: Status[] }> = {
  mine: { groups: ["active"] },
  unassigned: { groups: ["active"] },
  department: { groups: ["active"] },
  pending: { groups: ["active"], statuses: ["pending"] },
  on_hold: { groups: ["active"], statuses: ["on_hold"] },
  solved: { groups: ["solved"] },
  trash: { groups: ["trash"] },
  all: { groups: ["active", "solved"] },
};

/** The attributes of a ticket that place it in the queue indexes (written with every change of the ticket). */
export interface QueueState {
  status: Status;
  priority: Priority;
  departmentId: string;
  assigneeId?: string | null;
  deletedAt?: string | null;
}

export const UNASSIGNED = "none";

export function queueAttributes(state: QueueState) {
  return {
    queueGroup: indexGroupOf(state.status, Boolean(state.deletedAt)),
    prioRank: priorityRank(state.priority),
    assigneeKey: state.assigneeId || UNASSIGNED,
  };
}

/** The counters a ticket in this state counts towards (see Counter.delta for their changes). */
export function countKeys(state: QueueState): string[] {
  const { assigneeKey } = queueAttributes(state);
  const queueGroup = groupOf(state.status, Boolean(state.deletedAt));
  const keys = [`q#d#${state.departmentId}#${queueGroup}`, `q#a#${assigneeKey}#${queueGroup}`, `q#t#${queueGroup}`];
  if (assigneeKey === UNASSIGNED) keys.push(`q#u#${state.departmentId}#${queueGroup}`);
  return keys;
}

export type IndexName = "byDepartment" | "byAssignee" | "byTenant" | "unassignedByDepartment";

/** One index partition (or one priority range of it) that a view reads. */
export interface Source {
  index: IndexName;
  /** The partition's composite attributes, without the tenant. */
  key: { departmentId?: string; assigneeKey?: string; queueGroup: IndexGroup };
  /** Only this priority rank (a prefix of the sort key). */
  rank?: string;
  /** Only tickets of these statuses (a filter, for the pending and on-hold views of the active partition). */
  statuses?: readonly Status[];
  /** Only tickets of these departments (a filter, for a scope that spans departments). */
  departments?: readonly string[];
}

export const QuerySchema = z
  .object({
    view: z.enum(Views).default("all"),
    departmentId: z.string().trim().min(1).max(64).optional(),
    assigneeId: z.string().trim().min(1).max(64).optional(),
    status: z.enum(["new", "open", "pending", "on_hold", "solved", "closed"]).optional(),
    priority: z.enum(["low", "normal", "high", "urgent"]).optional(),
    type: z.enum(["incident", "service_request", "information_request", "documentation_request", "change_request"]).optional(),
    tag: z.string().trim().toLowerCase().min(1).max(40).optional(),
    sort: z.enum(Sorts).default("priority"),
    cursor: z.string().max(8000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine((q) => q.view !== "department" || q.departmentId, {
    path: ["departmentId"],
    message: "The department view needs a departmentId",
  });
export type Query = z.output<typeof QuerySchema>;

/**
 * The partitions that answer a query for `actor`, in a stable order (page cursors keep one position per source).
 * Departments the actor may not see are refused as Forbidden; the agent's own view is limited to what they see.
 */
export function sourcesFor(actor: Principal, query: Query, me: string | undefined): Source[] {
  const visible = Access.visibleDepartments(actor);
  if (query.view === "trash" && !Access.canAudit(actor)) throw new Forbidden("Only admins see the trash");
  if (query.departmentId && !Access.seesDepartment(actor, query.departmentId)) {
    throw new Forbidden("You do not have access to this department");
  }
  if (query.view === "mine" && !me) throw Invalid.field("view", "invalid", "The mine view is for staff members");

  const read = ViewPartitions[query.view];
  let groups = read.groups;
  let statuses = read.statuses;
  if (query.status) {
    const group = indexGroupOf(query.status, query.view === "trash");
    groups = groups.filter((g) => g === group);
    statuses = statuses ? statuses.filter((s) => s === query.status) : [query.status];
    if (!statuses.length) return [];
  }
  const filter = statuses ? { statuses } : {};

  const departments = query.departmentId ? [query.departmentId] : visible;
  let assigneeKey: string | undefined;
  if (query.view === "mine") assigneeKey = me;
  else if (query.view === "unassigned") assigneeKey = UNASSIGNED;
  if (query.assigneeId) {
    if (assigneeKey && assigneeKey !== query.assigneeId) return [];
    assigneeKey = query.assigneeId;
  }

  const partitions: Source[] = [];
  for (const queueGroup of groups) {
    if (assigneeKey === UNASSIGNED && departments !== "all") {
      for (const departmentId of departments) {
        partitions.push({ index: "unassignedByDepartment", key: { departmentId, queueGroup }, ...filter });
      }
    } else if (assigneeKey) {
      // An assignee's tickets span departments: show only those the actor sees (or the one asked for).
      partitions.push({
        index: "byAssignee",
        key: { assigneeKey, queueGroup },
        ...filter,
        ...(departments === "all" ? {} : { departments }),
      });
    } else if (departments === "all") {
      partitions.push({ index: "byTenant", key: { queueGroup }, ...filter });
    } else {
      for (const departmentId of departments) partitions.push({ index: "byDepartment", key: { departmentId, queueGroup }, ...filter });
    }
  }

  const ranks = query.priority ? [priorityRank(query.priority)] : query.sort === "updated" ? [...PRIORITY_RANKS] : [undefined];
  return partitions.flatMap((source) => ranks.map((rank) => (rank === undefined ? source : { ...source, rank })));
}

/** The counters whose sum is each view's count, for `actor`. */
export function viewCountKeys(actor: Principal, me: string | undefined): Record<string, string[]> {
  const visible = Access.visibleDepartments(actor);
  const scoped = (groups: Group[]) =>
    visible === "all"
      ? groups.map((g) => `q#t#${g}`)
      : visible.flatMap((departmentId) => groups.map((g) => `q#d#${departmentId}#${g}`));
  const counts: Record<string, string[]> = {
    mine: me ? UNSOLVED_GROUPS.map((g) => `q#a#${me}#${g}`) : [],
    unassigned:
      visible === "all"
        ? UNSOLVED_GROUPS.map((g) => `q#a#${UNASSIGNED}#${g}`)
        : visible.flatMap((departmentId) => UNSOLVED_GROUPS.map((g) => `q#u#${departmentId}#${g}`)),
    pending: scoped(["pending"]),
    on_hold: scoped(["hold"]),
    solved: scoped(["solved"]),
    all: scoped(ViewGroups.all),
  };
  if (Access.canAudit(actor)) counts.trash = ["q#t#trash"];
  return counts;
}

/** The counters of one department's unsolved tickets. */
export function departmentCountKeys(departmentId: string): string[] {
  return UNSOLVED_GROUPS.map((g) => `q#d#${departmentId}#${g}`);
}
