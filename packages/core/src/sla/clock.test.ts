import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessTime, CALENDAR_TIME, Weekdays } from "./calendar";
import { advance, nextTimers, overdueSince, type ClockPolicy, type Facts, type SlaState } from "./clock";

const M = 60_000;
const t0 = Date.parse("2026-11-23T08:00:00Z"); // a Monday, 10:00 in Kyiv
const at = (minutes: number) => new Date(t0 + minutes * M).toISOString();

const policy: ClockPolicy = {
  policyId: "p1",
  name: "Standard",
  targets: { first_response: 60, next_response: 120, resolution: 480 },
  pauseOn: ["pending", "on_hold"],
  warnPercent: 75,
};

const created: Facts = { status: "new", createdAt: at(0), lastCustomerActivityAt: at(0) };

describe("the SLA clock", () => {
  it("starts first response and resolution with a ticket, warning at 75% then breaching", () => {
    const state = advance(undefined, policy, created, t0, CALENDAR_TIME)!;
    expect(state.targets.first_response).toMatchObject({ dueAt: at(60), warnAt: at(45), generation: 1, elapsedMs: 0 });
    expect(state.targets.resolution).toMatchObject({ dueAt: at(480), warnAt: at(360) });
    expect(state.targets.next_response).toBeUndefined();
    expect(nextTimers(state)).toEqual([
      { target: "first_response", kind: "warn", at: at(45), generation: 1 },
      { target: "resolution", kind: "warn", at: at(360), generation: 1 },
    ]);
    const warned = { ...state, targets: { ...state.targets, first_response: { ...state.targets.first_response!, warnedAt: at(45) } } };
    expect(nextTimers(advance(warned, policy, created, t0 + 46 * M, CALENDAR_TIME))[0]).toEqual({ target: "first_response", kind: "breach", at: at(60), generation: 1 });
  });

  it("meets first response with the first reply, and runs next response for each customer message after it", () => {
    const s1 = advance(undefined, policy, created, t0, CALENDAR_TIME);
    const replied: Facts = { ...created, status: "open", firstResponseAt: at(30), lastAgentActivityAt: at(30) };
    const s2 = advance(s1, policy, replied, t0 + 30 * M, CALENDAR_TIME)!;
    expect(s2.targets.first_response).toMatchObject({ metAt: at(30) });
    expect(s2.targets.first_response?.since).toBeUndefined();
    expect(s2.targets.next_response).toBeUndefined();
    const customer: Facts = { ...replied, lastCustomerActivityAt: at(100) };
    const s3 = advance(s2, policy, customer, t0 + 100 * M, CALENDAR_TIME)!;
    expect(s3.targets.next_response).toMatchObject({ dueAt: at(220), cycle: at(100) });
    const answered: Facts = { ...customer, lastAgentActivityAt: at(150) };
    const s4 = advance(s3, policy, answered, t0 + 150 * M, CALENDAR_TIME)!;
    expect(s4.targets.next_response).toMatchObject({ metAt: at(150) });
    const again: Facts = { ...answered, lastCustomerActivityAt: at(300) };
    const s5 = advance(s4, policy, again, t0 + 300 * M, CALENDAR_TIME)!;
    expect(s5.targets.next_response).toMatchObject({ dueAt: at(420), cycle: at(300), elapsedMs: 0 });
    expect(s5.targets.next_response?.metAt).toBeUndefined();
  });

  it("pauses while pending and resumes with the time that was left", () => {
    const s1 = advance(undefined, policy, created, t0, CALENDAR_TIME);
    const pending = advance(s1, policy, { ...created, status: "pending" }, t0 + 100 * M, CALENDAR_TIME)!;
    expect(pending.targets.resolution).toMatchObject({ elapsedMs: 100 * M, remainingMs: 380 * M });
    expect(pending.targets.resolution?.dueAt).toBeUndefined();
    expect(nextTimers(pending)).toEqual([]);
    const resumed = advance(pending, policy, { ...created, status: "open" }, t0 + 1000 * M, CALENDAR_TIME)!;
    expect(resumed.targets.resolution).toMatchObject({ dueAt: at(1380) });
  });

  it("keeps a running target's instants (and its timer) through changes that do not concern it", () => {
    const s1 = advance(undefined, policy, created, t0, CALENDAR_TIME)!;
    const s2 = advance(s1, policy, { ...created, status: "open" }, t0 + 10 * M, CALENDAR_TIME)!;
    expect(s2.targets.resolution).toEqual(s1.targets.resolution);
    expect(nextTimers(s2)).toEqual(nextTimers(s1));
  });

  it("re-selects: a stricter policy keeps the time used and moves the deadline", () => {
    const s1 = advance(undefined, policy, created, t0, CALENDAR_TIME);
    const urgent: ClockPolicy = { ...policy, policyId: "p2", name: "Urgent", targets: { first_response: 15, resolution: 120 } };
    const s2 = advance(s1, urgent, { ...created, status: "open" }, t0 + 20 * M, CALENDAR_TIME)!;
    expect(s2.policyName).toBe("Urgent");
    expect(s2.targets.first_response).toMatchObject({ elapsedMs: 20 * M, dueAt: at(20), generation: 2 });
    expect(s2.targets.first_response?.warnAt).toBeUndefined(); // already past 75%
    expect(s2.targets.next_response).toBeUndefined();
  });

  it("stops resolution when solved and resumes it when reopened, keeping the time used", () => {
    const s1 = advance(undefined, policy, created, t0, CALENDAR_TIME);
    const solved = advance(s1, policy, { ...created, status: "solved", solvedAt: at(200) }, t0 + 200 * M, CALENDAR_TIME)!;
    expect(solved.targets.resolution).toMatchObject({ metAt: at(200), elapsedMs: 200 * M });
    const reopened = advance(solved, policy, { ...created, status: "open", lastCustomerActivityAt: at(500) }, t0 + 500 * M, CALENDAR_TIME)!;
    expect(reopened.targets.resolution).toMatchObject({ dueAt: at(780) });
    expect(reopened.targets.resolution?.metAt).toBeUndefined();
  });

  it("stops first response when a ticket is closed unanswered and resumes it on a reopen, without breaching it again (#14)", () => {
    const s1 = advance(undefined, policy, created, t0, CALENDAR_TIME)!;
    const breached: SlaState = { ...s1, targets: { ...s1.targets, first_response: { ...s1.targets.first_response!, warnedAt: at(45), breachedAt: at(60) } } };
    expect(overdueSince(breached)).toBe(at(60));
    const closed = advance(breached, policy, { ...created, status: "closed", closedAt: at(90) }, t0 + 90 * M, CALENDAR_TIME)!;
    expect(closed.targets.first_response).toMatchObject({ breachedAt: at(60), dueAt: at(60), elapsedMs: 90 * M, stoppedAt: at(90) });
    expect(closed.targets.first_response?.since).toBeUndefined();
    expect(overdueSince(closed)).toBeUndefined();
    expect(nextTimers(closed)).toEqual([]);
    const reopened = advance(closed, policy, { ...created, status: "open", lastCustomerActivityAt: at(600) }, t0 + 600 * M, CALENDAR_TIME)!;
    expect(reopened.targets.first_response).toMatchObject({ breachedAt: at(60), warnedAt: at(45), dueAt: at(60), elapsedMs: 90 * M });
    expect(reopened.targets.first_response?.stoppedAt).toBeUndefined();
    expect(nextTimers(reopened).filter((t) => t.target === "first_response")).toEqual([]);
    expect(overdueSince(reopened)).toBe(at(60));
  });

  it("resumes an unbreached first response on a reopen with the time it had left, the closed time not counted (#14)", () => {
    const s1 = advance(undefined, policy, created, t0, CALENDAR_TIME)!;
    const closed = advance(s1, policy, { ...created, status: "closed", closedAt: at(30) }, t0 + 30 * M, CALENDAR_TIME)!;
    expect(closed.targets.first_response).toMatchObject({ elapsedMs: 30 * M, remainingMs: 30 * M });
    const reopened = advance(closed, policy, { ...created, status: "open", lastCustomerActivityAt: at(1000) }, t0 + 1000 * M, CALENDAR_TIME)!;
    expect(reopened.targets.first_response).toMatchObject({ dueAt: at(1030), warnAt: at(1015), elapsedMs: 30 * M, since: at(1000) });
    expect(nextTimers(reopened)[0]).toMatchObject({ target: "first_response", kind: "warn", at: at(1015) });
  });

  it("pauses in the trash as on hold, keeping a breach's due time and a warning, and resumes with the rest (#14)", () => {
    const s1 = advance(undefined, policy, created, t0, CALENDAR_TIME)!;
    const marked: SlaState = {
      ...s1,
      targets: {
        first_response: { ...s1.targets.first_response!, warnedAt: at(45), breachedAt: at(60) },
        resolution: { ...s1.targets.resolution!, warnedAt: at(360) },
      },
    };
    const trashed = advance(marked, policy, { ...created, status: "open", deletedAt: at(400) }, t0 + 400 * M, CALENDAR_TIME)!;
    expect(trashed.targets.first_response).toMatchObject({ breachedAt: at(60), warnedAt: at(45), dueAt: at(60) });
    expect(trashed.targets.resolution).toMatchObject({ warnedAt: at(360), remainingMs: 80 * M });
    expect(trashed.targets.resolution?.since).toBeUndefined();
    expect(nextTimers(trashed)).toEqual([]);
    const restored = advance(trashed, policy, { ...created, status: "open" }, t0 + 1000 * M, CALENDAR_TIME)!;
    expect(restored.targets.first_response).toMatchObject({ breachedAt: at(60), dueAt: at(60), generation: 1 });
    expect(restored.targets.resolution).toMatchObject({ dueAt: at(1080), warnedAt: at(360) });
    expect(restored.targets.resolution?.warnAt).toBeUndefined();
    // Only resolution's breach is ahead: first response breached already, resolution warned already.
    expect(nextTimers(restored)).toEqual([{ target: "resolution", kind: "breach", at: at(1080), generation: 2 }]);
  });

  it("keeps a breached target's record under a policy that lacks it, or none, and does not breach it again on return (#14)", () => {
    const s1 = advance(undefined, policy, created, t0, CALENDAR_TIME)!;
    const breached: SlaState = { ...s1, targets: { ...s1.targets, first_response: { ...s1.targets.first_response!, breachedAt: at(60) } } };
    const resolutionOnly: ClockPolicy = { ...policy, policyId: "p2", name: "Resolution only", targets: { resolution: 240 } };
    const elsewhere = advance(breached, resolutionOnly, { ...created, status: "open" }, t0 + 90 * M, CALENDAR_TIME)!;
    expect(elsewhere.targets.first_response).toMatchObject({ breachedAt: at(60), dueAt: at(60), elapsedMs: 90 * M });
    expect(elsewhere.targets.first_response?.since).toBeUndefined();
    expect(nextTimers(elsewhere).map((t) => t.target)).toEqual(["resolution"]);
    const none: ClockPolicy = { policyId: "p2", name: "Resolution only", targets: {}, pauseOn: [] };
    const unmanaged = advance(elsewhere, none, { ...created, status: "open" }, t0 + 100 * M, CALENDAR_TIME)!;
    expect(Object.keys(unmanaged.targets)).toEqual(["first_response"]);
    const back = advance(unmanaged, policy, { ...created, status: "open" }, t0 + 200 * M, CALENDAR_TIME)!;
    expect(back.targets.first_response).toMatchObject({ breachedAt: at(60), dueAt: at(60) });
    expect(nextTimers(back).filter((t) => t.target === "first_response")).toEqual([]);
    // Answered wherever it is: met.
    const answered = advance(unmanaged, none, { ...created, status: "open", firstResponseAt: at(150), lastAgentActivityAt: at(150) }, t0 + 150 * M, CALENDAR_TIME)!;
    expect(overdueSince(answered)).toBeUndefined();
  });

  it("reports the earliest breach not yet met as overdue", () => {
    const state: SlaState = {
      policyId: "p",
      policyName: "P",
      targets: {
        first_response: { minutes: 1, elapsedMs: 0, generation: 1, breachedAt: at(5), metAt: at(7) },
        resolution: { minutes: 1, elapsedMs: 0, generation: 1, breachedAt: at(9), since: at(0) },
      },
    };
    expect(overdueSince(state)).toBe(at(9));
    expect(overdueSince(undefined)).toBeUndefined();
  });
});

describe("the SLA clock, as a property", () => {
  const kyiv = businessTime({
    timeZone: "Europe/Kyiv",
    week: Object.fromEntries(Weekdays.slice(0, 5).map((d) => [d, [{ start: "09:00", end: "13:00" }, { start: "14:00", end: "18:00" }]])),
    holidays: ["2026-12-25"],
  });
  const statuses = fc.constantFrom("open", "pending", "on_hold", "open", "new");
  const steps = fc.array(fc.tuple(fc.integer({ min: 1, max: 3 * 24 * 60 }), statuses), { minLength: 1, maxLength: 12 });

  it("never makes a deadline earlier by pausing, and every deadline falls within working hours", () => {
    fc.assert(
      fc.property(fc.constantFrom(CALENDAR_TIME, kyiv), steps, (counter, changes) => {
        let state = advance(undefined, policy, created, t0, counter);
        let now = t0;
        const firstDue = Date.parse(state!.targets.resolution!.dueAt!);
        for (const [minutes, status] of changes) {
          now += minutes * M;
          state = advance(state, policy, { ...created, status }, now, counter);
          const resolution = state!.targets.resolution!;
          if (resolution.dueAt) {
            const due = Date.parse(resolution.dueAt);
            expect(due).toBeGreaterThanOrEqual(firstDue);
            if (counter === kyiv) expect(kyiv.counting(due) || kyiv.counting(due - 1)).toBe(true);
            // The deadline is the rest of the target from now: used + left = the target (or now, when already over it).
            expect(resolution.elapsedMs + counter.between(Date.parse(resolution.since!), due)).toBe(Math.max(480 * M, resolution.elapsedMs));
          } else {
            expect(resolution.remainingMs).toBe(Math.max(0, 480 * M - resolution.elapsedMs));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
