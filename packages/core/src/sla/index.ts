import { createHash } from "node:crypto";
import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { transact } from "../db/transaction";
import { useDb } from "../db/service";
import { Conflict, Invalid, msg, NotFound } from "../error";
import { Event } from "../event";
import { createId } from "../id";
import { useClock, usePorts } from "../port";
import * as Lifecycle from "../ticket/lifecycle";
import { businessTime, CALENDAR_TIME, CalendarSpecSchema, type CalendarSpec, type Counter } from "./calendar";
import { advance, nextTimers, overdueSince, TargetNames, type ClockPolicy, type Facts, type NextTimer, type SlaState, type TargetName } from "./clock";
import type { CalendarEntity, SlaPolicyEntity } from "./sla.entity";
import { parse } from "../validation";
import { Workspace } from "../workspace";

export * as Calendar from "./calendar";
export * as Clock from "./clock";
export * as Escalation from "./escalation";

/**
 * SLA policies and business calendars: what a tenant promises, per kind of ticket, and the exact timers that notice
 * when a promise is about to be, or has been, broken. See clock.ts for how a ticket's clock moves, and
 * escalation.ts for what a warning or a breach does (ticket/escalate.ts writes it), and reactions.ts for the timers,
 * the overdue list and the breach history that follow a ticket's changes.
 */

// ---------------------------------------------------------------------------------------------------------------
// Calendars

export type CalendarRecord = EntityItem<typeof CalendarEntity>;

export interface CalendarInfo extends CalendarSpec {
  calendarId: string;
  name: string;
}

export const CalendarSchema = z
  .object({ name: z.string().trim().min(1, "Give it a name").max(80) })
  .and(CalendarSpecSchema);

function calendarView(c: CalendarRecord): CalendarInfo {
  return { calendarId: c.calendarId, name: c.name, timeZone: c.timeZone, week: c.week as CalendarSpec["week"], holidays: c.holidays ?? [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Policies

export const EscalationActionSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("notify_assignee") }).strict(),
    z.object({ type: z.literal("notify_supervisors") }).strict(),
    z.object({ type: z.literal("notify_staff"), staffIds: z.array(z.string().min(1).max(64)).min(1, "Name at least one staff member").max(20) }).strict(),
    z.object({ type: z.literal("raise_priority") }).strict(),
    z
      .object({ type: z.literal("reassign"), departmentId: z.string().min(1).max(64).optional(), assigneeId: z.string().min(1).max(64).optional() })
      .strict()
      .refine((a) => a.departmentId || a.assigneeId, { message: "Reassign to a department, a person, or both" }),
  ],
  { error: "Use notify_assignee, notify_supervisors, notify_staff, raise_priority or reassign" },
);
export type EscalationAction = z.infer<typeof EscalationActionSchema>;

export const EscalationSchema = z
  .object({
    on: z.enum(["warning", "breach"], { error: "Use warning or breach" }),
    target: z.enum(["any", ...TargetNames]).default("any"),
    actions: z.array(EscalationActionSchema).min(1, "Give at least one action").max(10),
  })
  .strict();
export type Escalation = z.infer<typeof EscalationSchema>;

const Minutes = z.number({ error: "Give minutes" }).int("Give whole minutes").min(1, "At least 1 minute").max(525_600, "At most a year");

export const PolicySchema = z
  .object({
    name: z.string().trim().min(1, "Give it a name").max(80),
    active: z.boolean().default(true),
    match: z
      .object({
        priorities: z.array(Lifecycle.PrioritySchema).default([]),
        types: z.array(Lifecycle.TypeSchema).default([]),
        departmentIds: z.array(z.string().min(1).max(64)).default([]),
      })
      .strict()
      .default({ priorities: [], types: [], departmentIds: [] }),
    targets: z
      .object({ first_response: Minutes.optional(), next_response: Minutes.optional(), resolution: Minutes.optional() })
      .strict()
      .refine((t) => Object.values(t).some((v) => v !== undefined), "Give at least one target"),
    hours: z.enum(["business", "calendar"], { error: "Use business or calendar" }),
    calendarId: z.string().min(1).max(64).optional(),
    pauseOn: z.array(z.enum(["pending", "on_hold"], { error: "A clock pauses on pending or on_hold" })).default(["pending", "on_hold"]),
    warnPercent: z.number().int().min(1, "Warn between 1 and 99 percent").max(99, "Warn between 1 and 99 percent").optional(),
    escalations: z.array(EscalationSchema).max(20).default([]),
  })
  .strict()
  .refine((p) => p.hours === "calendar" || p.calendarId, { path: ["calendarId"], message: "Business hours need a calendar" });
export type PolicyInput = z.input<typeof PolicySchema>;

export type PolicyRecord = EntityItem<typeof SlaPolicyEntity>;

export interface PolicyInfo {
  policyId: string;
  name: string;
  position: number;
  active: boolean;
  match: { priorities: string[]; types: string[]; departmentIds: string[] };
  targets: Partial<Record<TargetName, number>>;
  hours: "business" | "calendar";
  calendarId?: string;
  pauseOn: string[];
  warnPercent?: number;
  escalations: Escalation[];
}

function policyView(p: PolicyRecord): PolicyInfo {
  return {
    policyId: p.policyId,
    name: p.name,
    position: p.position,
    active: p.active,
    match: p.match as PolicyInfo["match"],
    targets: p.targets as PolicyInfo["targets"],
    hours: p.hours,
    calendarId: p.calendarId,
    pauseOn: p.pauseOn ?? [],
    warnPercent: p.warnPercent,
    escalations: (p.escalations as Escalation[] | undefined) ?? [],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The tenant's SLA setup, read on every ticket change from the workspace's cached configuration.

interface Setup {
  policies: PolicyInfo[];
  calendars: Map<string, CalendarInfo>;
}

export async function setup(tenantId = useTenantId()): Promise<Setup> {
  const config = await Workspace.config(tenantId);
  return {
    policies: config.policies.map(policyView).sort((a, b) => a.position - b.position),
    calendars: new Map(config.calendars.map((c) => [c.calendarId, calendarView(c)])),
  };
}

function invalidate() {
  Workspace.changed();
}

/** The first active policy, in order, whose lists contain the ticket's priority, type and department (empty: any). */
export function select(policies: readonly PolicyInfo[], ticket: { priority: string; type: string; departmentId: string }): PolicyInfo | undefined {
  const fits = (list: readonly string[], value: string) => list.length === 0 || list.includes(value);
  return policies.find(
    (p) => p.active && fits(p.match.priorities, ticket.priority) && fits(p.match.types, ticket.type) && fits(p.match.departmentIds, ticket.departmentId),
  );
}

export function counterFor(policy: PolicyInfo, calendars: Map<string, CalendarInfo>): Counter {
  if (policy.hours === "calendar") return CALENDAR_TIME;
  const calendar = policy.calendarId ? calendars.get(policy.calendarId) : undefined;
  return calendar ? businessTime(calendar) : CALENDAR_TIME;
}

export function clockPolicy(policy: PolicyInfo): ClockPolicy {
  return { policyId: policy.policyId, name: policy.name, targets: policy.targets, pauseOn: policy.pauseOn, warnPercent: policy.warnPercent };
}

// ---------------------------------------------------------------------------------------------------------------
// Planning a ticket change

export interface TicketForSla extends Facts {
  ticketId: string;
  priority: string;
  type: string;
  departmentId: string;
  sla?: unknown;
}

/** A mark an escalation puts on a target: it warned, or it breached, at this instant. */
export type Marks = Partial<Record<TargetName, { warnedAt?: string; breachedAt?: string }>>;

export function asState(value: unknown): SlaState | undefined {
  return value && typeof value === "object" && "targets" in value ? (value as SlaState) : undefined;
}

/**
 * The SLA state a ticket has after a change. In the trash its clocks pause (as on hold) under the policy that applies;
 * when no policy applies, only the targets that warned or breached stay, stopped, under the policy they had (none
 * left: no state).
 */
export async function advanceTicket(before: TicketForSla | undefined, after: TicketForSla, marks: Marks = {}): Promise<SlaState | undefined> {
  const { policies, calendars } = await setup();
  const previous = withMarks(asState(before?.sla), marks);
  const policy = select(policies, after);
  const now = useClock().now().getTime();
  if (policy) return advance(previous, clockPolicy(policy), after, now, counterFor(policy, calendars));
  if (!previous) return undefined;
  const last = policies.find((p) => p.policyId === previous.policyId);
  const stopped: ClockPolicy = { policyId: previous.policyId, name: previous.policyName, targets: {}, pauseOn: [] };
  const kept = advance(previous, stopped, after, now, last ? counterFor(last, calendars) : CALENDAR_TIME);
  return kept && Object.keys(kept.targets).length ? kept : undefined;
}

/** The timers a change of a ticket's SLA state needs: those to arm, and those it made stale. */
export function timerChanges(before: unknown, after: unknown): { arm: NextTimer[]; cancel: NextTimer[] } {
  const key = (t: NextTimer) => `${t.target}/${t.kind}/${t.generation}/${t.at}`;
  const old = nextTimers(asState(before));
  const next = nextTimers(asState(after));
  const oldKeys = new Set(old.map(key));
  const nextKeys = new Set(next.map(key));
  return { arm: next.filter((t) => !oldKeys.has(key(t))), cancel: old.filter((t) => !nextKeys.has(key(t))) };
}

function withMarks(state: SlaState | undefined, marks: Marks): SlaState | undefined {
  if (!state || !Object.keys(marks).length) return state;
  const targets = { ...state.targets };
  for (const [name, mark] of Object.entries(marks) as [TargetName, { warnedAt?: string; breachedAt?: string }][]) {
    const target = targets[name];
    if (target) targets[name] = { ...target, ...mark };
  }
  return { ...state, targets };
}

/**
 * A timer's name: deterministic from the tenant, the ticket, the target, the kind and the generation, within
 * EventBridge Scheduler's limits (at most 64 of [0-9a-zA-Z-_.]).
 */
export function timerName(tenantId: string, ticketId: string, timer: Pick<NextTimer, "target" | "kind" | "generation">): string {
  const ticket = createHash("sha256").update(`${tenantId}/${ticketId}`).digest("hex").slice(0, 20);
  const target = { first_response: "f", next_response: "n", resolution: "r" }[timer.target];
  return `sla.${ticket}.${target}.${timer.kind === "warn" ? "w" : "b"}.${timer.generation}`;
}

export interface TimerPayloadSla {
  kind: "sla";
  tenantId: string;
  ticketId: string;
  target: TargetName;
  timer: "warn" | "breach";
  generation: number;
}

export async function armTimers(tenantId: string, ticketId: string, timers: readonly NextTimer[]): Promise<void> {
  const scheduler = usePorts().scheduler;
  await Promise.all(
    timers.map((t) =>
      scheduler.arm(timerName(tenantId, ticketId, t), new Date(t.at), {
        kind: "sla",
        tenantId,
        ticketId,
        target: t.target,
        timer: t.kind,
        generation: t.generation,
      } satisfies TimerPayloadSla),
    ),
  );
}

/** Cancels timers a change made stale. Best effort: a stale timer that fires anyway does nothing. */
export async function cancelTimers(tenantId: string, ticketId: string, timers: readonly NextTimer[]): Promise<void> {
  const scheduler = usePorts().scheduler;
  await Promise.all(
    timers.map((t) =>
      scheduler.cancel(timerName(tenantId, ticketId, t)).catch((error: unknown) => {
        console.error(JSON.stringify({ level: "warn", msg: "cancelling a timer failed", ticketId, error: String(error) }));
      }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Admin: calendars and policies

async function assertStaffAndDepartments(actions: readonly EscalationAction[], path: string) {
  const tenantId = useTenantId();
  const db = useDb().entities;
  for (const [i, action] of actions.entries()) {
    const staffIds = action.type === "notify_staff" ? action.staffIds : action.type === "reassign" && action.assigneeId ? [action.assigneeId] : [];
    for (const staffId of staffIds) {
      if (!(await db.staff.get({ tenantId, staffId }).go()).data) throw Invalid.field(`${path}.${i}`, "not_found", "There is no such staff member");
    }
    if (action.type === "reassign" && action.departmentId && !(await db.department.get({ tenantId, departmentId: action.departmentId }).go()).data) {
      throw Invalid.field(`${path}.${i}.departmentId`, "not_found", "There is no such department");
    }
  }
}

export async function listCalendars(): Promise<CalendarInfo[]> {
  return [...(await setup()).calendars.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export async function listPolicies(): Promise<PolicyInfo[]> {
  return (await setup()).policies;
}

export async function saveCalendar(calendarId: string | undefined, raw: z.input<typeof CalendarSchema>): Promise<CalendarInfo> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = parse(CalendarSchema, raw);
  const tenantId = useTenantId();
  const id = calendarId ?? createId();
  if (calendarId && !(await useDb().entities.calendar.get({ tenantId, calendarId }).go()).data) throw new NotFound("Calendar");
  await transact((entities) => [
    entities.calendar.put({ tenantId, calendarId: id, name: input.name, timeZone: input.timeZone, week: input.week, holidays: input.holidays }).commit(),
    Event.write(entities, actor, { action: calendarId ? "calendar.update" : "calendar.create", target: { type: "calendar", id, label: input.name }, after: input }),
  ]);
  invalidate();
  return (await listCalendars()).find((c) => c.calendarId === id)!;
}

export async function removeCalendar(calendarId: string): Promise<void> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const tenantId = useTenantId();
  const calendar = (await useDb().entities.calendar.get({ tenantId, calendarId }).go()).data;
  if (!calendar) throw new NotFound("Calendar");
  const users = (await listPolicies()).filter((p) => p.calendarId === calendarId);
  if (users.length) throw new Conflict(msg("The calendar is used by {policies}", { policies: users.map((p) => p.name).join(", ") }));
  await transact((entities) => [
    entities.calendar.delete({ tenantId, calendarId }).commit(),
    Event.write(entities, actor, { action: "calendar.delete", target: { type: "calendar", id: calendarId, label: calendar.name } }),
  ]);
  invalidate();
}

async function checkPolicy(input: z.output<typeof PolicySchema>) {
  const tenantId = useTenantId();
  if (input.calendarId && !(await useDb().entities.calendar.get({ tenantId, calendarId: input.calendarId }).go()).data) {
    throw Invalid.field("calendarId", "not_found", "There is no such calendar");
  }
  // The workspace's departments, as the configuration cache holds them (no read per id).
  const known = new Set((await Workspace.config(tenantId)).departments.map((d) => d.departmentId));
  const unknown = input.match.departmentIds.findIndex((d) => !known.has(d));
  if (unknown >= 0) throw Invalid.field(`match.departmentIds.${unknown}`, "not_found", "There is no such department");
  for (const [i, escalation] of input.escalations.entries()) await assertStaffAndDepartments(escalation.actions, `escalations.${i}.actions`);
}

/** Adds a policy at the end of the order (admins). */
export async function createPolicy(raw: PolicyInput): Promise<PolicyInfo> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = parse(PolicySchema, raw);
  await checkPolicy(input);
  const tenantId = useTenantId();
  const policyId = createId();
  const position = Math.max(0, ...(await listPolicies()).map((p) => p.position)) + 1;
  await transact((entities) => [
    entities.slaPolicy.create({ tenantId, policyId, position, ...input }).commit(),
    Event.write(entities, actor, { action: "sla_policy.create", target: { type: "sla_policy", id: policyId, label: input.name }, after: input }),
  ]);
  invalidate();
  return (await listPolicies()).find((p) => p.policyId === policyId)!;
}

/** Replaces a policy's definition (admins). Tickets pick the change up at their next change. */
export async function updatePolicy(policyId: string, raw: PolicyInput): Promise<PolicyInfo> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = parse(PolicySchema, raw);
  await checkPolicy(input);
  const tenantId = useTenantId();
  const current = (await listPolicies()).find((p) => p.policyId === policyId);
  if (!current) throw new NotFound("SLA policy");
  await transact((entities) => [
    entities.slaPolicy.put({ tenantId, policyId, position: current.position, ...input }).commit(),
    Event.write(entities, actor, { action: "sla_policy.update", target: { type: "sla_policy", id: policyId, label: input.name }, before: current, after: input }),
  ]);
  invalidate();
  return (await listPolicies()).find((p) => p.policyId === policyId)!;
}

export async function removePolicy(policyId: string): Promise<void> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const tenantId = useTenantId();
  const current = (await listPolicies()).find((p) => p.policyId === policyId);
  if (!current) throw new NotFound("SLA policy");
  await transact((entities) => [
    entities.slaPolicy.delete({ tenantId, policyId }).commit(),
    Event.write(entities, actor, { action: "sla_policy.delete", target: { type: "sla_policy", id: policyId, label: current.name }, before: current }),
  ]);
  invalidate();
}

export const OrderSchema = z.object({ policyIds: z.array(z.string().min(1).max(64)).max(100) }).strict();

/** Sets the order in which policies are tried (admins): every policy, once. */
export async function reorderPolicies(raw: z.input<typeof OrderSchema>): Promise<PolicyInfo[]> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = parse(OrderSchema, raw);
  const tenantId = useTenantId();
  const current = await listPolicies();
  const same = input.policyIds.length === current.length && current.every((p) => input.policyIds.includes(p.policyId));
  if (!same) throw Invalid.field("policyIds", "incomplete", "Give every policy once, in the new order");
  await transact((entities) => [
    ...input.policyIds.map((policyId, i) => entities.slaPolicy.patch({ tenantId, policyId }).set({ position: i + 1 }).commit()),
    Event.write(entities, actor, {
      action: "sla_policy.reorder",
      target: { type: "sla_policy", id: "order", label: "order" },
      before: current.map((p) => p.policyId),
      after: input.policyIds,
    }),
  ]);
  invalidate();
  return listPolicies();
}

export * as Sla from "./index";
