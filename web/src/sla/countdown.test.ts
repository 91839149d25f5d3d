import { describe, expect, it } from "vitest";
import type { SlaState, SlaTargetState } from "../api/types";
import { en } from "../i18n/en";
import { ru } from "../i18n/ru";
import { formatDuration, formatMinutes, nearest, nextChange, standing, standings } from "./countdown";

const now = Date.parse("2026-03-10T12:00:00Z");
const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();

/** A target counting since a minute ago, due in `dueIn` seconds (warning at `warnIn`, if given). */
const running = (dueIn: number, overrides: Partial<SlaTargetState> = {}): SlaTargetState => ({
  minutes: 60,
  elapsedMs: 0,
  since: at(-60),
  dueAt: at(dueIn),
  generation: 1,
  ...overrides,
});

const state = (targets: SlaState["targets"]): SlaState => ({ policyId: "p1", policyName: "Fast", targets });

describe("a target's standing", () => {
  it("counts down to the due instant, and warns once the warning instant has passed or a warning was given", () => {
    expect(standing(running(42 * 60), now)).toEqual({ kind: "running", remainingMs: 42 * 60_000, dueAt: at(42 * 60) });
    expect(standing(running(600, { warnAt: at(-1) }), now).kind).toBe("warning");
    expect(standing(running(600, { warnAt: at(30) }), now).kind).toBe("running");
    expect(standing(running(600, { warnedAt: at(-5) }), now).kind).toBe("warning");
  });

  it("is breached once due (even before the breach is recorded), with how long overdue", () => {
    expect(standing(running(-300), now)).toEqual({ kind: "breached", remainingMs: -300_000, dueAt: at(-300) });
    expect(standing(running(0), now).kind).toBe("breached");
    // Recorded as breached while the clock still shows time: the record wins.
    expect(standing(running(10, { breachedAt: at(-1) }), now)).toMatchObject({ kind: "breached", remainingMs: 0 });
  });

  it("is paused without a running clock, keeping what is left, and met once met (late if it breached first)", () => {
    expect(standing({ minutes: 60, elapsedMs: 1_000, remainingMs: 12 * 60_000, generation: 1 }, now)).toEqual({
      kind: "paused",
      remainingMs: 12 * 60_000,
      breached: false,
    });
    expect(standing({ minutes: 60, elapsedMs: 1_000, remainingMs: 0, breachedAt: at(-100), generation: 1 }, now)).toMatchObject({ kind: "paused", breached: true });
    expect(standing({ minutes: 60, elapsedMs: 1_000, metAt: at(-10), generation: 1 }, now)).toEqual({ kind: "met", metAt: at(-10), late: false });
    expect(standing({ minutes: 60, elapsedMs: 1_000, metAt: at(-10), breachedAt: at(-20), generation: 1 }, now)).toMatchObject({ kind: "met", late: true });
  });
});

describe("the target a queue row shows", () => {
  it("is the one that runs out first; an overdue one before all others; met ones never", () => {
    const sla = state({ first_response: running(300), resolution: running(3600) });
    expect(nearest(sla, now)?.target).toBe("first_response");
    const overdue = state({ first_response: running(-60), next_response: running(-600), resolution: running(30) });
    expect(nearest(overdue, now)?.target).toBe("next_response");
    const met = state({ first_response: { minutes: 1, elapsedMs: 0, metAt: at(-1), generation: 0 }, resolution: running(9000) });
    expect(nearest(met, now)?.target).toBe("resolution");
  });

  it("is a paused one only when nothing counts, and nothing when all are met or there is no SLA", () => {
    const paused = state({
      first_response: { minutes: 60, elapsedMs: 0, remainingMs: 50 * 60_000, generation: 0 },
      resolution: { minutes: 600, elapsedMs: 0, remainingMs: 500 * 60_000, generation: 0 },
    });
    expect(nearest(paused, now)).toEqual({ target: "first_response", standing: { kind: "paused", remainingMs: 50 * 60_000, breached: false } });
    expect(nearest(state({ first_response: { minutes: 1, elapsedMs: 0, metAt: at(-1), generation: 0 } }), now)).toBeUndefined();
    expect(nearest(undefined, now)).toBeUndefined();
  });

  it("lists every target of the policy in their order", () => {
    const sla = state({ resolution: running(3600), first_response: running(60) });
    expect(standings(sla, now).map((s) => s.target)).toEqual(["first_response", "resolution"]);
  });
});

describe("when the page reads the ticket again", () => {
  it("is the next warning not given yet, else the next breach not recorded yet", () => {
    expect(nextChange(state({ first_response: running(60, { warnAt: at(30) }), resolution: running(20) }))).toBe(Date.parse(at(20)));
    expect(nextChange(state({ first_response: running(60, { warnAt: at(30), warnedAt: at(30) }) }))).toBe(Date.parse(at(60)));
    expect(nextChange(state({ first_response: running(60, { breachedAt: at(60) }) }))).toBeUndefined();
    expect(nextChange(state({ first_response: { minutes: 1, elapsedMs: 0, remainingMs: 5, generation: 0 } }))).toBeUndefined();
  });
});

describe("countdown wording", () => {
  const units = en.sla.units;
  it("uses the unit that reads best, rounded down", () => {
    expect(formatDuration(45_900, units)).toBe("45 s");
    expect(formatDuration(-5 * 60_000 - 59_000, units)).toBe("5 min");
    expect(formatDuration(42 * 60_000, units)).toBe("42 min");
    expect(formatDuration(65 * 60_000, units)).toBe("1 h 5 min");
    expect(formatDuration(2 * 3600_000, units)).toBe("2 h");
    expect(formatDuration(51 * 3600_000, units)).toBe("2 d 3 h");
    expect(formatDuration(48 * 3600_000, units)).toBe("2 d");
    expect(formatMinutes(90, units)).toBe("1 h 30 min");
    expect(formatMinutes(1, ru.sla.units)).toBe("1 мин");
    expect(formatMinutes(2880, ru.sla.units)).toBe("2 д");
  });
});
