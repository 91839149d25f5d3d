import { describe, expect, it } from "vitest";
import { FairQueue } from "../src/api/fair-queue";
import { TokenBuckets } from "../src/api/request-limit";

/** Every promise callback queued so far has run (the queue's starts and releases are promise callbacks). */
const settled = () => new Promise((resolve) => setImmediate(resolve));

/** A request that runs until the test lets it finish, recording when it started. */
function harness(queue: FairQueue) {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const submit = (lane: string, name: string) =>
    queue.run(lane, () => {
      started.push(name);
      return new Promise<void>((done) => finish.set(name, done));
    });
  const end = async (name: string) => {
    finish.get(name)!();
    await settled();
  };
  return { started, submit, end };
}

describe("FairQueue", () => {
  it("keeps a flooding lane to its share and starts a quiet lane's request at once", async () => {
    const queue = new FairQueue({ perLane: 2, total: 3 });
    const { started, submit } = harness(queue);
    for (let i = 1; i <= 6; i++) void submit("flood", `f${i}`);
    void submit("quiet", "q1");
    await settled();
    expect(started).toEqual(["f1", "f2", "q1"]);
    expect(queue.stats()).toEqual({ waiting: { flood: 4 }, running: { flood: 2, quiet: 1 } });
  });

  it("gives a freed slot to the lanes that wait in turn, not to the longest queue", async () => {
    const queue = new FairQueue({ perLane: 2, total: 2 });
    const { started, submit, end } = harness(queue);
    void submit("a", "a1");
    void submit("a", "a2");
    for (let i = 3; i <= 6; i++) void submit("a", `a${i}`);
    void submit("b", "b1");
    void submit("b", "b2");
    void submit("c", "c1");
    await settled();
    expect(started).toEqual(["a1", "a2"]);
    // Lanes in the order they started waiting: a, b, c, then a again (round robin), whatever a's backlog.
    for (const name of ["a1", "a2", "a3", "b1", "c1", "a4"]) await end(name);
    expect(started).toEqual(["a1", "a2", "a3", "b1", "c1", "a4", "b2", "a5"]);
  });

  it("releases the slot of a request that fails", async () => {
    const queue = new FairQueue({ perLane: 1, total: 1 });
    await expect(queue.run("a", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await queue.run("a", async () => "next")).toBe("next");
    expect(queue.stats()).toEqual({ waiting: {}, running: {} });
  });
});

describe("TokenBuckets", () => {
  const rate = { perSecond: 2, burst: 3 };

  it("allows a burst, then one request per refill, and says how long to wait", () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    expect([1, 2, 3].map(() => buckets.take([["s", rate]]))).toEqual([0, 0, 0]);
    expect(buckets.take([["s", rate]])).toBe(1);
    now = 499;
    expect(buckets.take([["s", rate]])).toBe(1);
    now = 500;
    expect(buckets.take([["s", rate]])).toBe(0);
    // Quiet for a long while: back to the burst, not beyond it.
    now = 60_000;
    expect([1, 2, 3, 4].map(() => buckets.take([["s", rate]]))).toEqual([0, 0, 0, 1]);
  });

  it("takes from every bucket named or from none", () => {
    const buckets = new TokenBuckets(() => 0);
    const small = { perSecond: 0.1, burst: 1 };
    expect(buckets.take([["session-1", rate], ["workspace", small]])).toBe(0);
    // The workspace is empty: the session's bucket is not charged for the refusal.
    expect(buckets.take([["session-1", rate], ["workspace", small]])).toBe(10);
    expect(buckets.take([["session-1", rate]])).toBe(0);
    expect(buckets.take([["session-1", rate]])).toBe(0);
    expect(buckets.take([["session-1", rate]])).toBe(1);
    expect(buckets.take([["other", rate]])).toBe(0);
  });
});
