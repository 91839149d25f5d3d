import type { Counter } from "./calendar";

/**
 * The SLA clock of a ticket, as pure functions: given its state before a change, the policy that applies now and the
 * ticket's facts after the change, the state after it, and the one timer each target needs next (its warning, then
 * its breach). Nothing here reads the database or the time: `now` and the counter are given.
 *
 * Per target:
 *   - first response: counts from creation until the first public reply;
 *   - next response: counts from a customer's message until the agents' next public reply, once per such message;
 *   - resolution: counts until the ticket is solved, and on again if it reopens (the time used is kept).
 * A target counts only while the ticket is not in a status the policy pauses on (pending, on hold) nor in the trash
 * (time in the trash counts as time on hold); paused, it keeps the time it has used, and resumes with the rest.
 *
 * What a target has recorded is kept through every pause, policy change and trip to the trash: a warned target is not
 * warned again, and a breached one stays breached with the due time it breached at (no new breach timer). A target
 * the policy that applies now does not have (or no policy applies) is dropped, unless it warned or breached: then it
 * keeps that record, its clock stopped, so that coming back under a policy that has it does not breach it again.
 */

export const TargetNames = ["first_response", "next_response", "resolution"] as const;
export type TargetName = (typeof TargetNames)[number];

export interface TargetState {
  /** The target's length, in minutes of counted time. */
  minutes: number;
  /** Counted time used up to `since` (or in all, when not running). */
  elapsedMs: number;
  /** Counting since this instant (ISO); absent when paused or met. */
  since?: string;
  /** When running: the breach instant, and the warning instant if the policy warns and it has not warned yet. */
  dueAt?: string;
  warnAt?: string;
  /** Remaining counted time when paused (for display). */
  remainingMs?: number;
  metAt?: string;
  warnedAt?: string;
  breachedAt?: string;
  /** Bumped whenever the timer's instant changes: a timer of another generation is stale. */
  generation: number;
  /** For next response: which customer message started this cycle (its instant). */
  cycle?: string;
  /** Stopped because the ticket was closed before the target was met: kept for its record, resumed on a reopen. */
  stoppedAt?: string;
}

export interface SlaState {
  policyId: string;
  policyName: string;
  targets: Partial<Record<TargetName, TargetState>>;
}

export interface ClockPolicy {
  policyId: string;
  name: string;
  targets: Partial<Record<TargetName, number>>;
  /** Statuses that pause every target. */
  pauseOn: readonly string[];
  /** Warn at this percentage of a target (e.g. 75); absent: no warning. */
  warnPercent?: number;
}

/** What the clock needs to know of a ticket. */
export interface Facts {
  status: string;
  createdAt: string;
  firstResponseAt?: string;
  solvedAt?: string;
  /** Closed without being solved (merged into another ticket): the resolution clock stops there. */
  closedAt?: string;
  lastCustomerActivityAt?: string;
  lastAgentActivityAt?: string;
  /** In the trash: every target that would count is paused, as on hold. */
  deletedAt?: string;
}

const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : undefined);
const iso = (value: number) => new Date(value).toISOString();

type Desired = { kind: "running" } | { kind: "paused" } | { kind: "met"; at: string } | { kind: "idle" };

function desired(name: TargetName, facts: Facts, policy: ClockPolicy, stopped: boolean): Desired {
  const closed = facts.status === "solved" || facts.status === "closed";
  const paused = stopped || Boolean(facts.deletedAt) || policy.pauseOn.includes(facts.status);
  switch (name) {
    case "first_response":
      if (facts.firstResponseAt) return { kind: "met", at: facts.firstResponseAt };
      if (closed) return { kind: "idle" };
      return paused ? { kind: "paused" } : { kind: "running" };
    case "next_response": {
      const customer = ms(facts.lastCustomerActivityAt);
      const agent = ms(facts.lastAgentActivityAt);
      if (!facts.firstResponseAt || customer === undefined) return { kind: "idle" };
      // Answered: the agents replied after the customer's latest message.
      if (agent !== undefined && agent >= customer) return { kind: "met", at: facts.lastAgentActivityAt! };
      if (closed) return { kind: "idle" };
      return paused ? { kind: "paused" } : { kind: "running" };
    }
    case "resolution":
      if (closed) return { kind: "met", at: facts.solvedAt ?? facts.closedAt ?? facts.createdAt };
      return paused ? { kind: "paused" } : { kind: "running" };
  }
}

/** Counted time a target had used by `now`. */
function usedBy(state: TargetState, now: number, counter: Counter): number {
  const since = ms(state.since);
  return state.elapsedMs + (since === undefined ? 0 : counter.between(since, now));
}

/**
 * The clock after a change. `previous` is the state before it (absent for a new ticket or one without a policy);
 * `policy` the policy that applies now (absent: no SLA, the state is dropped).
 */
export function advance(previous: SlaState | undefined, policy: ClockPolicy | undefined, facts: Facts, now: number, counter: Counter): SlaState | undefined {
  if (!policy) return undefined;
  const samePolicy = previous?.policyId === policy.policyId;
  const targets: Partial<Record<TargetName, TargetState>> = {};
  for (const name of TargetNames) {
    let before = previous?.targets[name];
    const lacks = policy.targets[name] === undefined;
    const want = desired(name, facts, policy, lacks);

    // A customer's new message starts a new next-response cycle.
    if (name === "next_response" && before && want.kind !== "idle" && want.kind !== "met") {
      if (before.cycle !== facts.lastCustomerActivityAt) before = undefined;
    }
    // A target the policy lacks stays only for its record (warned or breached), stopped, on the terms it had.
    const minutes = lacks ? (before?.warnedAt || before?.breachedAt ? before.minutes : undefined) : policy.targets[name];
    if (minutes === undefined) continue;
    // An answer only meets a next-response cycle that was running.
    if (name === "next_response" && want.kind === "met" && !before) continue;
    if (want.kind === "idle") {
      if (name === "next_response" && before?.metAt) targets[name] = { ...before, since: undefined, dueAt: undefined, warnAt: undefined, remainingMs: undefined };
      else if (before && !before.metAt) {
        // Closed before it was met: the clock stops with the time it used and its record (a breach keeps its due
        // time), so that a reopened ticket resumes it rather than counting from creation and breaching it again.
        const used = usedBy(before, now, counter);
        const breachedDue = before.breachedAt ? before.dueAt : undefined;
        targets[name] = {
          ...before,
          elapsedMs: used,
          since: undefined,
          dueAt: breachedDue,
          warnAt: undefined,
          remainingMs: Math.max(0, minutes * 60_000 - used),
          stoppedAt: before.stoppedAt ?? iso(now),
        };
      }
      continue;
    }
    const start = name === "next_response" ? ms(facts.lastCustomerActivityAt)! : ms(facts.createdAt)!;
    const used = before ? usedBy(before, now, counter) : counter.between(Math.min(start, now), now);
    const generation = before?.generation ?? 0;
    if (before?.stoppedAt) before = { ...before, stoppedAt: undefined };
    const base: TargetState = {
      minutes,
      elapsedMs: used,
      generation,
      ...(before?.warnedAt ? { warnedAt: before.warnedAt } : {}),
      ...(before?.breachedAt ? { breachedAt: before.breachedAt } : {}),
      ...(name === "next_response" ? { cycle: facts.lastCustomerActivityAt } : {}),
    };
    // A breach is history: the target keeps the due time it breached at, paused, resumed or under another policy.
    const breachedDue = base.breachedAt ? before?.dueAt : undefined;

    if (want.kind === "met") {
      targets[name] = { ...base, metAt: before?.metAt ?? want.at };
      continue;
    }
    const total = minutes * 60_000;
    if (want.kind === "paused") {
      targets[name] = { ...base, ...(breachedDue ? { dueAt: breachedDue } : {}), remainingMs: Math.max(0, total - used) };
      continue;
    }
    // Running. Keep the instants of a target that was already running under the same terms (no new timer).
    if (before?.since && samePolicy && before.minutes === minutes && !before.metAt) {
      targets[name] = { ...before, warnedAt: before.warnedAt, breachedAt: before.breachedAt };
      continue;
    }
    const dueAt = breachedDue ?? iso(counter.add(now, total - used));
    const warnPercent = policy.warnPercent;
    const warnAt =
      warnPercent !== undefined && !base.warnedAt && !base.breachedAt && used < (total * warnPercent) / 100
        ? iso(counter.add(now, (total * warnPercent) / 100 - used))
        : undefined;
    const changed = before?.dueAt !== dueAt || before?.warnAt !== warnAt;
    targets[name] = {
      ...base,
      since: iso(now),
      dueAt,
      ...(warnAt ? { warnAt } : {}),
      generation: changed ? generation + 1 : generation,
    };
  }
  return { policyId: policy.policyId, policyName: policy.name, targets };
}

export type TimerKind = "warn" | "breach";

export interface NextTimer {
  target: TargetName;
  kind: TimerKind;
  at: string;
  generation: number;
}

/** The timer each running target needs next: its warning if not given yet, else its breach if not happened yet. */
export function nextTimers(state: SlaState | undefined): NextTimer[] {
  const timers: NextTimer[] = [];
  for (const name of TargetNames) {
    const t = state?.targets[name];
    if (!t?.since || t.metAt) continue;
    if (t.warnAt && !t.warnedAt && !t.breachedAt) timers.push({ target: name, kind: "warn", at: t.warnAt, generation: t.generation });
    else if (t.dueAt && !t.breachedAt) timers.push({ target: name, kind: "breach", at: t.dueAt, generation: t.generation });
  }
  return timers;
}

/** Is a target overdue now (breached and not met)? The earliest breach among them, for the overdue view. */
export function overdueSince(state: SlaState | undefined): string | undefined {
  const breaches = TargetNames.map((n) => state?.targets[n])
    .filter((t): t is TargetState => Boolean(t?.breachedAt && !t.metAt && !t.stoppedAt))
    .map((t) => t.breachedAt!)
    .sort();
  return breaches[0];
}
