/**
 * A fair scheduler for the requests one process serves: each lane (a workspace, or the shared lane of requests not
 * yet tied to one) has at most `perLane` requests in flight, the process at most `total`, and when a slot frees the
 * lanes that wait take turns (round robin). A workspace that floods waits behind itself; a quiet one finds a free
 * slot or is next in turn, whatever the flood's length.
 *
 * The local server runs every workspace in one Node process against one DynamoDB Local, which is where a flood used
 * to queue everybody. On Lambda an instance serves one request at a time, so nothing ever waits here.
 */
export interface FairQueueOptions {
  perLane: number;
  total: number;
}

export class FairQueue {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  /** Lanes with waiting requests, in the order of their turn; each appears once. */
  private readonly turns: string[] = [];
  private inFlight = 0;

  constructor(private readonly options: FairQueueOptions) {
    if (options.perLane < 1 || options.total < options.perLane) throw new Error("FairQueue needs 1 <= perLane <= total");
  }

  /** Runs `work` once its lane has its turn and a free slot; the slot is released however `work` ends. */
  async run<T>(lane: string, work: () => Promise<T>): Promise<T> {
    if (this.turns.length || !this.free(lane)) {
      await new Promise<void>((start) => {
        const queue = this.waiting.get(lane);
        if (queue) queue.push(start);
        else {
          this.waiting.set(lane, [start]);
          this.turns.push(lane);
        }
        this.dispatch();
      });
    } else {
      this.acquire(lane);
    }
    try {
      return await work();
    } finally {
      this.release(lane);
    }
  }

  /** Requests waiting and running, per lane (for tests and the bench). */
  stats(): { waiting: Record<string, number>; running: Record<string, number> } {
    const waiting: Record<string, number> = {};
    for (const [lane, queue] of this.waiting) waiting[lane] = queue.length;
    return { waiting, running: Object.fromEntries(this.running) };
  }

  private free(lane: string): boolean {
    return this.inFlight < this.options.total && (this.running.get(lane) ?? 0) < this.options.perLane;
  }

  private acquire(lane: string) {
    this.inFlight++;
    this.running.set(lane, (this.running.get(lane) ?? 0) + 1);
  }

  private release(lane: string) {
    this.inFlight--;
    const left = (this.running.get(lane) ?? 1) - 1;
    if (left) this.running.set(lane, left);
    else this.running.delete(lane);
    this.dispatch();
  }

  /** Starts waiting requests while slots are free: the first lane in turn that may run goes, then to the back. */
  private dispatch() {
    while (this.inFlight < this.options.total) {
      const index = this.turns.findIndex((lane) => this.free(lane));
      if (index < 0) return;
      const lane = this.turns.splice(index, 1)[0]!;
      const queue = this.waiting.get(lane)!;
      const start = queue.shift()!;
      if (queue.length) this.turns.push(lane);
      else this.waiting.delete(lane);
      this.acquire(lane);
      start();
    }
  }
}
