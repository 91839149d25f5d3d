import { useTenantId } from "../actor";
import { useDb } from "../db/service";
import { Department } from "../department";
import { Conflict } from "../error";
import type { Event } from "../event";
import { useClock } from "../port";
import { Sla } from "../sla";
import { Staff } from "../staff";
import { readRecord, type Record } from "./record";
import { commitChange, type MessageDraft } from "./write";

export type SlaOutcome = "stale" | "early" | "done" | "escalated";

/** Tickets read together for a burst of SLA timers (one BatchGetItem per hundred). */
export async function readMany(tenantId: string, ticketIds: readonly string[]): Promise<Map<string, Record>> {
  const unique = [...new Set(ticketIds)];
  if (!unique.length) return new Map();
  const found = await useDb()
    .entities.ticket.get(unique.map((ticketId) => ({ tenantId, ticketId })))
    .go({ consistent: true });
  return new Map(found.data.map((t) => [t.ticketId, t]));
}

/**
 * An SLA timer fired. It may be late, early, repeated, or made stale by a change of the ticket: the ticket is read
 * again and nothing happens unless the warning or breach is still real. The escalation is one change of the ticket,
 * on the version read, that marks the target warned or breached: a second delivery finds the mark (or loses the race
 * on the version, reads again and finds it), so however often the timer is delivered, it escalates once.
 */
export async function fireSla(payload: Sla.TimerPayloadSla, known?: Record | null): Promise<SlaOutcome> {
  const warn = payload.timer === "warn";
  for (let attempt = 1; attempt <= 5; attempt++) {
    // `known`: the ticket as just read with others (a burst of timers read together); null: it is gone.
    const before = attempt === 1 && known !== undefined ? (known ?? undefined) : await readRecord(payload.ticketId, true);
    if (!before || before.deletedAt) return "stale";
    const state = Sla.asState(before.sla);
    const target = state?.targets[payload.target];
    if (!state || !target || target.generation !== payload.generation || !target.since || target.metAt) return "stale";
    const due = warn ? target.warnAt : target.dueAt;
    if (!due) return "stale";
    if (warn ? target.warnedAt : target.breachedAt) return "done";
    const now = useClock().now();
    if (now.getTime() < Date.parse(due) - 1000) {
      await Sla.armTimers(useTenantId(), before.ticketId, [{ target: payload.target, kind: payload.timer, at: due, generation: payload.generation }]);
      return "early";
    }
    try {
      // The alert tells the deadline itself: a warning comes at warnAt, but what is due is due at dueAt.
      await escalate(before, state, payload.target, warn ? "warning" : "breach", target.dueAt ?? due, now.toISOString());
      return "escalated";
    } catch (error) {
      if (error instanceof Conflict && error.current) continue; // the ticket changed meanwhile: decide again
      throw error;
    }
  }
  return "stale";
}

async function escalate(before: Record, state: Sla.Clock.SlaState, target: Sla.Clock.TargetName, kind: "warning" | "breach", dueAt: string, at: string): Promise<void> {
  const { policies } = await Sla.setup();
  const policy = policies.find((p) => p.policyId === state.policyId);
  const staff = await Staff.list();
  const departments = await Department.list();
  const decision = Sla.Escalation.decide({
    ticket: { priority: before.priority, departmentId: before.departmentId, assigneeId: before.assigneeId },
    policy,
    kind,
    target,
    staff,
    openDepartments: new Set(departments.filter((d) => !d.archivedAt).map((d) => d.departmentId)),
    worksIn: (s, departmentId) => Staff.worksIn(s as Staff.Info, departmentId),
  });
  const by: Event.EventActor = { type: "system", id: "sla", name: "SLA" };
  const system = (entry: Sla.Escalation.Entry): MessageDraft => ({ kind: "system", authorType: "system", authorId: "sla", authorName: "SLA", body: "", system: entry });
  const set: Partial<Record> = {};
  const remove: (keyof Record)[] = [];
  if (decision.priority) set.priority = decision.priority;
  if (decision.departmentId) set.departmentId = decision.departmentId;
  if (decision.assigneeId) set.assigneeId = decision.assigneeId;
  else if (decision.assigneeId === null) remove.push("assigneeId");
  const alert: MessageDraft = {
    ...system({ action: kind === "warning" ? "sla_warning" : "sla_breach", to: target, reason: state.policyName }),
    alert: {
      kind,
      target,
      generation: state.targets[target]!.generation,
      dueAt,
      policyName: state.policyName,
      ticketNumber: before.number,
      subject: before.subject,
      actions: decision.done,
      recipients: decision.recipients,
    },
  };
  await commitChange({
    before,
    set,
    remove,
    messages: [alert, ...decision.entries.map(system)],
    events: [
      {
        action: kind === "warning" ? "sla.warning" : "sla.breach",
        target: { type: "ticket", id: before.ticketId, label: `#${before.number}` },
        departmentId: before.departmentId,
        after: { target, dueAt, policy: state.policyName, actions: decision.done, notified: decision.recipients },
      },
    ],
    by,
    at,
    slaMarks: { [target]: kind === "warning" ? { warnedAt: at } : { breachedAt: at } },
  });
}
