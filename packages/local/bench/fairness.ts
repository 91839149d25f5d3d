import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { configure, DEFAULT_REQUEST_LIMITS, type Rate, type RequestLimits } from "@frontline/core/config";
import { startRuntime } from "../src/runtime";
import { percentile } from "./harness";

/**
 * A quiet workspace's queue page, alone and while a neighbour floods the same process (#12, point 6): the quiet
 * workspace's median under the flood should stay within 1.5 times its median alone. The neighbour asks for its own
 * queue page and ignores Retry-After, as a runaway script would: at a fixed rate (the 30 requests a second,
 * BENCH_FLOOD_RATE), or with BENCH_FLOOD_CLIENTS (16) requests always in flight, as fast as the server answers. It runs
 * in a worker thread, so that its own fetch calls do not take the server's event loop (on this machine it still
 * takes a share of the two cores, which a neighbour on another machine would not).
 */
const FLOOD_RATE = Number(process.env.BENCH_FLOOD_RATE ?? 30);
const FLOOD_CLIENTS = Number(process.env.BENCH_FLOOD_CLIENTS ?? 16);
const TARGET = 1.5;
const QUEUE = "/api/tickets?view=all&sort=updated";

type Flood = { rate: number } | { clients: number };

export interface FairnessRow {
  label: string;
  aloneP50: number;
  floodedP50: number;
  floodedP99: number;
  ratio: number;
  floodServed: number;
  floodRefused: number;
  /** Flood requests that got neither a page nor a 429 (a 500, a reset connection), and the first of them. */
  floodFailed: number;
  firstFailure?: string;
  floodSeconds: number;
}

const FLOODER = `
const { parentPort, workerData } = require("node:worker_threads");
let stop = false, served = 0, refused = 0, failed = 0, firstFailure;
parentPort.on("message", () => { stop = true; });
const one = async () => {
  try {
    const r = await fetch(workerData.url, { headers: { authorization: "Bearer " + workerData.token } });
    await r.arrayBuffer();
    if (r.status === 200) served++;
    else if (r.status === 429) refused++;
    else { failed++; firstFailure ??= "status " + r.status; }
  } catch (error) { failed++; firstFailure ??= String(error && error.cause || error); }
};
const report = () => parentPort.postMessage({ served, refused, failed, firstFailure });
if (workerData.rate) {
  const pending = new Set();
  const started = Date.now();
  let sent = 0;
  const tick = () => {
    if (stop) return Promise.all(pending).then(report);
    // Requests due by now at the rate, whatever the timer's own lateness.
    while (sent < ((Date.now() - started) / 1000) * workerData.rate) {
      sent++;
      const p = one().finally(() => pending.delete(p));
      pending.add(p);
    }
    setTimeout(tick, 5);
  };
  tick();
} else {
  const client = async () => { while (!stop) await one(); };
  Promise.all(Array.from({ length: workerData.clients }, client)).then(report);
}
`;

async function json<T>(response: Response, status: number): Promise<T> {
  if (response.status !== status) throw new Error(`${response.status} instead of ${status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

/** A signed-up workspace with a few tickets in its queue, and its owner's token. */
async function workspace(url: string, slug: string): Promise<string> {
  const body = { workspaceName: `Bench ${slug}`, slug, ownerName: "Olga Owner", email: `owner@${slug}.example`, password: "benchmark passphrase" };
  const { token } = await json<{ token: string }>(await fetch(`${url}/api/signup`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), 201);
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  for (let i = 0; i < 8; i++) {
    const ticket = { subject: `Bench request ${i}`, body: "The export to CSV is empty since this morning.", requester: { email: `c${i}@${slug}.example` } };
    await json(await fetch(`${url}/api/tickets`, { method: "POST", headers, body: JSON.stringify(ticket) }), 201);
  }
  return token;
}

/**
 * `count` queue pages one after another, a pause between them (a person, not a script: at most 10 a second, the
 * session's sustained limit, however fast the machine answers): sorted latencies.
 */
async function quietPages(url: string, token: string, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await json(await fetch(url + QUEUE, { headers: { authorization: `Bearer ${token}` } }), 200);
    latencies.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return latencies.sort((a, b) => a - b);
}

async function run(label: string, limits: RequestLimits | null, flood: Flood, samples: number): Promise<FairnessRow> {
  configure({ requestLimits: limits });
  const runtime = await startRuntime({ port: 0 });
  try {
    const runId = Date.now().toString(36);
    const quiet = await workspace(runtime.url, `bench-quiet-${runId}`);
    const noisy = await workspace(runtime.url, `bench-noisy-${runId}`);
    await runtime.stream.settle(60_000);
    await quietPages(runtime.url, quiet, 40); // warm-up: the JIT, DynamoDB Local's caches, the session verified
    // Alone before and after the flood, half each, so that the machine's other load drifting does not pass for an effect.
    const alone = await quietPages(runtime.url, quiet, Math.ceil(samples / 2));

    const flooder = new Worker(FLOODER, { eval: true, workerData: { url: runtime.url + QUEUE, token: noisy, ...flood } });
    const done = new Promise<{ served: number; refused: number; failed: number; firstFailure?: string }>((resolve, reject) => {
      flooder.once("message", resolve);
      flooder.once("error", reject);
    });
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the flood up to speed
    const flooded = await quietPages(runtime.url, quiet, samples);
    flooder.postMessage("stop");
    const result = await done;
    const floodSeconds = (performance.now() - started) / 1000;
    await flooder.terminate();
    await runtime.stream.settle(60_000);
    alone.push(...(await quietPages(runtime.url, quiet, Math.ceil(samples / 2))));
    alone.sort((a, b) => a - b);
    const aloneP50 = percentile(alone, 50);
    const floodedP50 = percentile(flooded, 50);
    return {
      label,
      aloneP50,
      floodedP50,
      floodedP99: percentile(flooded, 99),
      ratio: floodedP50 / aloneP50,
      floodServed: result.served,
      floodRefused: result.refused,
      floodFailed: result.failed,
      ...(result.firstFailure ? { firstFailure: result.firstFailure } : {}),
      floodSeconds,
    };
  } finally {
    await runtime.stop();
  }
}

const describe = (rate: Rate) => `${rate.perSecond}/s, burst ${rate.burst}`;

/**
 * The neighbour (a fixed rate) with the product's limits and without any (what the fair queue does alone),
 * and a neighbour as fast as it can be with the limits.
 */
export async function fairnessRows(samples: number): Promise<FairnessRow[]> {
  const product = `limits ${describe(DEFAULT_REQUEST_LIMITS.session)} a session, ${describe(DEFAULT_REQUEST_LIMITS.workspace)} a workspace`;
  const rows = [
    await run(`flood at ${FLOOD_RATE} req/s, ${product}`, DEFAULT_REQUEST_LIMITS, { rate: FLOOD_RATE }, samples),
    await run(`flood at ${FLOOD_RATE} req/s, no limits (the fair queue alone)`, null, { rate: FLOOD_RATE }, samples),
    await run(`flood of ${FLOOD_CLIENTS} clients as fast as answered, ${product}`, DEFAULT_REQUEST_LIMITS, { clients: FLOOD_CLIENTS }, samples),
  ];
  configure({ requestLimits: null });
  return rows;
}

export function formatFairness(rows: FairnessRow[]): string {
  const lines = rows.map((r) => {
    const verdict = r.ratio <= TARGET ? "within" : "OVER";
    return (
      `  ${r.label}:\n    quiet p50 alone ${r.aloneP50.toFixed(1)} ms, under the flood ${r.floodedP50.toFixed(1)} ms ` +
      `(p99 ${r.floodedP99.toFixed(1)} ms): x${r.ratio.toFixed(2)}, ${verdict} the x${TARGET} target; the flood got ` +
      `${(r.floodServed / r.floodSeconds).toFixed(1)} pages/s served and ${(r.floodRefused / r.floodSeconds).toFixed(1)}/s refused (429)` +
      (r.floodFailed ? `; ${r.floodFailed} flood requests FAILED (first: ${r.firstFailure})` : "")
    );
  });
  return `A quiet workspace's queue page while another workspace floods the server (Retry-After ignored; DynamoDB Local in memory):\n${lines.join("\n")}`;
}
