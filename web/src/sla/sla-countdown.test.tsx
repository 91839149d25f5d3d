import { cleanup, render, screen } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SlaEventInfo, SlaState } from "../api/types";
import { I18nProvider } from "../i18n";
import { SlaCountdown } from "./sla-countdown";
import { SlaPanel } from "./sla-panel";

const start = Date.parse("2026-03-10T12:00:00Z");
const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();

/** A one-minute first response warned at half time, and a resolution paused with 12 minutes left. */
const sla: SlaState = {
  policyId: "p1",
  policyName: "Fast",
  targets: {
    first_response: { minutes: 1, elapsedMs: 0, since: at(0), warnAt: at(30), dueAt: at(60), generation: 1 },
    resolution: { minutes: 60, elapsedMs: 48 * 60_000, remainingMs: 12 * 60_000, generation: 1 },
  },
};

describe("SLA countdowns", () => {
  beforeEach(() => vi.useFakeTimers({ now: start }));
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it("count down every second, turn amber past the warning and red once overdue", async () => {
    render(() => (
      <I18nProvider locale="en">
        <SlaCountdown sla={sla} />
        <SlaCountdown sla={sla} withTarget testId="header-countdown" />
      </I18nProvider>
    ));
    const chip = screen.getByTestId("sla-countdown");
    expect(chip.textContent).toBe("in 1 min");
    expect(chip.dataset.sla).toBe("running");
    expect(screen.getByTestId("header-countdown").textContent).toBe("First response in 1 min");

    await vi.advanceTimersByTimeAsync(5_000);
    expect(chip.textContent).toBe("in 55 s");
    await vi.advanceTimersByTimeAsync(26_000);
    expect(chip.dataset.sla).toBe("warning");
    expect(chip.className).toContain("sla-chip--warning");
    await vi.advanceTimersByTimeAsync(30_000);
    expect(chip.dataset.sla).toBe("breached");
    expect(chip.textContent).toBe("overdue 1 s");
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(chip.textContent).toBe("overdue 5 min");
    expect(chip.title).toContain("First response, due");
  });

  it("say so in Russian", () => {
    render(() => (
      <I18nProvider locale="ru">
        <SlaCountdown sla={sla} withTarget />
      </I18nProvider>
    ));
    expect(screen.getByTestId("sla-countdown").textContent).toBe("Первый ответ: через 1 мин");
  });

  it("tell a screen reader politely, in whole minutes: at most once a minute, and when due soon or overdue", async () => {
    // Three minutes, due soon after two.
    const slow: SlaState = { ...sla, targets: { first_response: { minutes: 3, elapsedMs: 0, since: at(0), warnAt: at(120), dueAt: at(180), generation: 1 } } };
    render(() => (
      <I18nProvider locale="en">
        <SlaCountdown sla={slow} withTarget announce testId="header-countdown" />
      </I18nProvider>
    ));
    const region = screen.getByTestId("sla-announcement");
    expect(region.getAttribute("role")).toBe("status");
    // The ticking countdown is not itself live.
    expect(screen.getByTestId("header-countdown").closest("[role=status],[aria-live]")).toBeNull();
    // Second by second for five minutes: the countdown on screen moves each second in its last minute and its first
    // minute overdue; the region's words change only at these seconds.
    const changes: [number, string][] = [[0, region.textContent ?? ""]];
    let ticks = 0;
    for (let second = 1; second <= 300; second++) {
      const before = screen.getByTestId("header-countdown").textContent;
      await vi.advanceTimersByTimeAsync(1_000);
      if (screen.getByTestId("header-countdown").textContent !== before) ticks++;
      if (region.textContent !== changes.at(-1)![1]) changes.push([second, region.textContent ?? ""]);
    }
    expect(ticks).toBeGreaterThan(110);
    expect(changes).toEqual([
      [0, "First response in 3 min"],
      [1, "First response in 2 min"],
      [61, "First response in 1 min"],
      // Due soon at two minutes, overdue at three: said at once.
      [120, "First response due soon, in 1 min"],
      [180, "First response overdue 1 min"],
      [300, "First response overdue 2 min"],
    ]);
  });

  it("show a paused target as paused, and nothing for a ticket without SLA", () => {
    const paused: SlaState = { ...sla, targets: { resolution: sla.targets.resolution } };
    render(() => (
      <I18nProvider locale="en">
        <div data-testid="paused">
          <SlaCountdown sla={paused} />
        </div>
        <div data-testid="none">
          <SlaCountdown sla={undefined} />
        </div>
      </I18nProvider>
    ));
    expect(screen.getByTestId("paused").textContent).toBe("paused");
    expect(screen.getByTestId("none").textContent).toBe("—");
  });
});

describe("the ticket's SLA panel", () => {
  beforeEach(() => vi.useFakeTimers({ now: start }));
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it("shows each target with its due time, paused ones with what is left, and the warnings and breaches", async () => {
    const events: SlaEventInfo[] = [
      { target: "first_response", kind: "warning", policyName: "Fast", dueAt: at(30), at: at(30), actions: [] },
      { target: "first_response", kind: "breach", policyName: "Fast", dueAt: at(60), at: at(61), actions: ["notify_assignee", "raise_priority"] },
    ];
    render(() => (
      <I18nProvider locale="en">
        <SlaPanel sla={sla} events={events} />
      </I18nProvider>
    ));
    expect(screen.getByTestId("sla-policy").textContent).toBe("Policy: Fast");
    const targets = () => screen.getAllByTestId("sla-target");
    expect(targets().map((t) => t.dataset.target)).toEqual(["first_response", "resolution"]);
    expect(targets()[0]!.textContent).toContain("First responsein 1 min");
    expect(targets()[0]!.textContent).toContain("Due ");
    expect(targets()[1]!.textContent).toContain("paused, 12 min left");
    const first = targets()[0]!;
    await vi.advanceTimersByTimeAsync(65_000);
    // The same row, its words moved on.
    expect(targets()[0]).toBe(first);
    expect(first.dataset.sla).toBe("breached");
    expect(first.textContent).toContain("overdue 5 s");
    expect(first.textContent).toContain("Was due ");

    const lines = screen.getAllByTestId("sla-event").map((e) => e.textContent);
    expect(lines[0]).toContain("Warning: First response");
    expect(lines[1]).toContain("Breach: First response");
    expect(lines[1]).toContain("notified the assignee, raised the priority");
  });

  it("says when there were no warnings or breaches yet", () => {
    render(() => (
      <I18nProvider locale="en">
        <SlaPanel sla={sla} events={[]} />
      </I18nProvider>
    ));
    expect(screen.getByTestId("sla-no-events").textContent).toBe("None so far.");
  });
});
