import type { SlaState, SlaTargetName, SlaTargetState } from "../api/types";

/**
 * How an SLA target of a ticket stands at an instant, read from the clock state the API keeps on the ticket
 * (packages/core/src/sla/clock.ts): the console counts down to `dueAt` by itself between reads, so a countdown moves
 * every second without asking the API.
 */

/** The targets in the order people think of them. */
export const TargetNames = ["first_response", "next_response", "resolution"] as const satisfies readonly SlaTargetName[];

export type TargetStanding =
  /** Counting; `remainingMs` until `dueAt`. */
  | { kind: "running"; remainingMs: number; dueAt: string }
  /** Counting and past its warning. */
  | { kind: "warning"; remainingMs: number; dueAt: string }
  /** Past its due instant and not met: `remainingMs` is negative (how long overdue). */
  | { kind: "breached"; remainingMs: number; dueAt: string }
  /** Not counting (the ticket waits on the customer): what is left when it resumes; `breached` if it already was. */
  | { kind: "paused"; remainingMs: number; breached: boolean }
  /** Done: met at `metAt`, `late` if it had breached first. */
  | { kind: "met"; metAt: string; late: boolean };

export function standing(target: SlaTargetState, now: number): TargetStanding {
  if (target.metAt) return { kind: "met", metAt: target.metAt, late: Boolean(target.breachedAt) };
  if (!target.since || !target.dueAt) {
    return { kind: "paused", remainingMs: Math.max(0, target.remainingMs ?? 0), breached: Boolean(target.breachedAt) };
  }
  const remainingMs = Date.parse(target.dueAt) - now;
  if (remainingMs <= 0 || target.breachedAt) return { kind: "breached", remainingMs: Math.min(remainingMs, 0), dueAt: target.dueAt };
  const warned = Boolean(target.warnedAt) || (target.warnAt !== undefined && Date.parse(target.warnAt) <= now);
  return { kind: warned ? "warning" : "running", remainingMs, dueAt: target.dueAt };
}

export interface Standing {
  target: SlaTargetName;
  standing: TargetStanding;
}

/** Every target of a ticket's SLA, in order, as it stands at `now`. */
export function standings(sla: SlaState | undefined, now: number): Standing[] {
  if (!sla) return [];
  return TargetNames.flatMap((target) => {
    const state = sla.targets[target];
    return state ? [{ target, standing: standing(state, now) }] : [];
  });
}

/**
 * The target a queue row shows: the one that runs out first (an overdue one before all others, the most overdue
 * first), else the paused one with the least left. Met targets are done and never shown.
 */
export function nearest(sla: SlaState | undefined, now: number): Standing | undefined {
  const open = standings(sla, now).filter((s) => s.standing.kind !== "met");
  const counting = open.filter((s) => s.standing.kind !== "paused");
  const pool = counting.length ? counting : open;
  return pool.reduce<Standing | undefined>((best, s) => {
    if (!best) return s;
    return remaining(s.standing) < remaining(best.standing) ? s : best;
  }, undefined);
}

const remaining = (s: TargetStanding) => (s.kind === "met" ? Number.POSITIVE_INFINITY : s.remainingMs);

/**
 * The next instant at which a ticket's SLA changes by itself (a warning or a breach falls due), so that the page can
 * read the ticket again just after it; undefined when nothing is counting.
 */
export function nextChange(sla: SlaState | undefined): number | undefined {
  const instants: number[] = [];
  for (const name of TargetNames) {
    const t = sla?.targets[name];
    if (!t?.since || t.metAt) continue;
    if (t.warnAt && !t.warnedAt && !t.breachedAt) instants.push(Date.parse(t.warnAt));
    else if (t.dueAt && !t.breachedAt) instants.push(Date.parse(t.dueAt));
  }
  return instants.length ? Math.min(...instants) : undefined;
}

/**
 * A standing as a screen reader is told it: in whole minutes, rounded down as the countdown is, and never less than
 * one. Read by a polite live region, its words change at most once a minute, or when the target's state changes
 * (past its warning, overdue, paused, met), instead of every second as the countdown on screen does.
 */
export function inWholeMinutes(s: TargetStanding): TargetStanding {
  if (s.kind === "met") return s;
  const minutes = Math.max(1, Math.floor(Math.abs(s.remainingMs) / 60_000));
  return { ...s, remainingMs: (s.kind === "breached" ? -minutes : minutes) * 60_000 };
}

export interface DurationUnits {
  d: string;
  h: string;
  min: string;
  s: string;
}

/**
 * A duration for a countdown: "45 s" under a minute, "42 min" under an hour, "1 h 5 min" under a day, "2 d 3 h"
 * beyond. Whole units, rounded down (a countdown never claims more time than is left).
 */
export function formatDuration(ms: number, units: DurationUnits): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  if (seconds < 60) return `${seconds} ${units.s}`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} ${units.min}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} ${units.h} ${minutes % 60} ${units.min}` : `${hours} ${units.h}`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} ${units.d} ${hours % 24} ${units.h}` : `${days} ${units.d}`;
}

/** A target length given in minutes, in hours and minutes ("90" → "1 h 30 min"); for the policy form. */
export function formatMinutes(minutes: number, units: DurationUnits): string {
  return formatDuration(minutes * 60_000, units);
}
