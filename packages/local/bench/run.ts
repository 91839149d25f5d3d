import { availableParallelism, loadavg } from "node:os";
import { Throttle } from "@frontline/core/auth";
import { configure } from "@frontline/core/config";
import { CapacityMeter } from "@frontline/core/db";
import { usePorts, type SearchQuery } from "@frontline/core/port";
import { queryWords } from "@frontline/core/search/analyze";
import { startRuntime } from "../src/runtime";
import { formatBundles, measureBundles, type BundleReport } from "./bundles";
import { measure, percentile, RequestMeter, size, table, type Row } from "./harness";
import { captureTransaction, rawTransaction, replay, sortKey } from "./ceiling";
import { fairnessRows, formatFairness } from "./fairness";
import { mailRows, slaRows } from "./mail-sla";
import { NoScan } from "./no-scan";
import { datasetDir, ensureDataset, onInterrupt, ticketSizes, workingCopy, type BenchLogin, type BenchTenant } from "./seed-tickets";

/**
 * `npm run bench`: the local runtime (DynamoDB Local, the HTTP server) driven over loopback HTTP.
 * Figures are for this machine and DynamoDB Local; DynamoDB's capacity units are what AWS would bill per operation.
 *
 * 1. Accounts (sign-up, login, session) against DynamoDB Local in memory.
 * 2. Ticket operations in one tenant of each size (`npm run bench -- --tickets 1000,100000`, or BENCH_TICKETS; both by
 *    default), each against a copy in RAM of a dataset seeded once and kept under `.data/bench/tickets-<N>`
 *    (seed-tickets.ts). The per-operation figures must stay flat as the tenant grows.
 * Every DynamoDB request is checked: a ScanCommand fails the run (no request path scans).
 * 3. Inbound mail over SMTP, and a burst of SLA timers due at one instant on the local scheduler (mail-sla.ts).
 * 4. A quiet workspace's queue page alone and while another workspace floods the server (fairness.ts).
 * 5. Each Lambda's bundle as infra builds it: size, gzipped size, module init time, the API's largest packages
 *    (bundles.ts; alone: `npm run bench:bundles`).
 * Set BENCH_SCALE=0.2 for a quick run (fewer operations per row); `--only mail,sla` runs some sections
 * (accounts, tickets, mail, sla, fairness, bundles); BENCH_SLA_TIMERS sets the size of the timer burst (1000).
 */
const scale = Number(process.env.BENCH_SCALE ?? 1);
const n = (count: number) => Math.max(10, Math.round(count * scale));

type Json = (method: string, path: string, body?: unknown, token?: string) => Promise<Response>;

function client(url: string): Json {
  return (method, path, body, token) =>
    fetch(url + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

/** The response's JSON when it has `status`; otherwise an error naming what came back. */
async function expectStatus<T>(response: Response, status: number): Promise<T> {
  if (response.status !== status) throw new Error(`${response.status} instead of ${status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

async function accountRows(): Promise<Row[]> {
  // The bench opens its workspaces from 127.0.0.1, beyond the daily sign-ups one source may make.
  configure({ signupsPerSourcePerDay: 1_000_000 });
  const runtime = await startRuntime({ port: 0, meterRequests: RequestMeter.record });
  const json = client(runtime.url);
  const rows: Row[] = [];
  try {
    const runId = Date.now().toString(36);
    rows.push(
      await measure("POST /api/signup", n(40), 4, async (i) => {
        const r = await json("POST", "/api/signup", {
          workspaceName: `Bench ${i}`,
          slug: `bench-${runId}-${i}`,
          ownerName: "Bench Owner",
          email: `owner${i}@bench.example`,
          password: "benchmark passphrase",
        });
        await r.arrayBuffer();
        return r.status === 201;
      }),
    );

    const credentials = { slug: `bench-${runId}-0`, email: "owner0@bench.example", password: "benchmark passphrase" };
    rows.push(
      await measure("POST /api/auth/login", n(200), 8, async () => {
        const r = await json("POST", "/api/auth/login", credentials);
        await r.arrayBuffer();
        return r.status === 200;
      }),
    );

    const token = ((await (await json("POST", "/api/auth/login", credentials)).json()) as { token: string }).token;
    rows.push(
      await measure("GET /api/me", n(2000), 16, async () => {
        const r = await json("GET", "/api/me", undefined, token);
        await r.arrayBuffer();
        return r.status === 200;
      }),
    );
    // One source may fail 30 times in 15 minutes (core/auth/throttle.ts): first the full cost of a refused password
    // (an argon2 check against a decoy hash, as for an unknown account), then the cost of refusing a locked source.
    const wrong = (i: number) => ({ ...credentials, email: `nobody${i}@bench.example`, password: "wrong" });
    rows.push(
      await measure("POST /api/auth/login (wrong password: 401)", Throttle.Limits.perSource, 6, async (i) => {
        const r = await json("POST", "/api/auth/login", wrong(i));
        await r.arrayBuffer();
        return r.status === 401;
      }),
    );
    rows.push(
      await measure("POST /api/auth/login (locked source: 429)", n(200), 8, async (i) => {
        const r = await json("POST", "/api/auth/login", wrong(i));
        await r.arrayBuffer();
        return r.status === 429;
      }),
    );
  } finally {
    await runtime.stop();
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Ticket operations in one tenant of a given size

const QUEUES = [
  { label: "GET /api/tickets (all, by priority)", query: "view=all&sort=priority", as: "owner" },
  { label: "GET /api/tickets (all, by update)", query: "view=all&sort=updated", as: "owner" },
  { label: "GET /api/tickets (unassigned, by update; agent of 2 departments)", query: "view=unassigned&sort=updated", as: "agent" },
] as const;
const LEVELS = ["low", "medium", "high"] as const;
/** Searches over the seeded vocabulary: a word in about one ticket of sixteen, two words, a filter, an agent. */
const SEARCHES = [
  { label: "GET /api/search (one word: refund)", query: "q=refund", as: "owner" },
  { label: "GET /api/search (two words: courier rude)", query: "q=courier%20rude", as: "owner" },
  { label: "GET /api/search (word + status + priority filter)", query: "q=invoice&status=open,pending&priority=high,urgent", as: "owner" },
  { label: "GET /api/search (agent of 2 departments: password)", query: "q=password", as: "agent" },
  { label: "GET /api/search (a customer's name)", query: "q=Petrenko", as: "owner" },
] as const;

interface Page {
  tickets: { ticketId: string }[];
  cursor: string | null;
}

async function ticketRows(tenant: BenchTenant): Promise<Row[]> {
  const copy = workingCopy(tenant.tickets);
  const runtime = await startRuntime({ port: 0, dataDir: copy.dir, meterRequests: RequestMeter.record });
  const json = client(runtime.url);
  const rows: Row[] = [];
  const tickets = tenant.tickets;
  const login = async (who: BenchLogin) => (await expectStatus<{ token: string }>(await json("POST", "/api/auth/login", who), 200)).token;
  try {
    // The kept dataset was written straight to the table, so its search index is filled at start: how long that
    // takes for the whole tenant is the index's rebuild time.
    const filled = await runtime.searchFilled;
    if (filled) {
      rows.push({
        ...lagRow(`search index rebuilt from the table (${filled.tickets} tickets, ${filled.messages} messages; p50 = total ms)`, [filled.seconds * 1000], tickets),
        ops: filled.tickets,
        opsPerSecond: filled.tickets / filled.seconds,
      });
    } else {
      // Said, not thrown: the other rows of this size still stand, and the search rows below are left out.
      console.error(`\n${size(tickets)} tickets: the search index could not be filled from the kept dataset (see the error above); no search rows at this size.`);
    }
    const tokens = { owner: await login(tenant.owner), agent: await login(tenant.agent) };
    const emails = tenant.customerEmails;
    const departments = tenant.departmentIds;
    const create = async (i: number) => {
      const body = {
        subject: `Bench request ${i}`,
        body: "The export to CSV is empty since this morning.\nCould you have a look? Thank you.",
        requester: { email: emails[i % emails.length]! },
        departmentId: departments[i % departments.length]!,
        impact: LEVELS[i % 3]!,
        urgency: LEVELS[Math.floor(i / 3) % 3]!,
      };
      await expectStatus(await json("POST", "/api/tickets", body, tokens.owner), 201);
      return true;
    };
    const thread = async (i: number) => {
      const detail = await expectStatus<{ messages: unknown[] }>(await json("GET", `/api/tickets/${tenant.threads[i % tenant.threads.length]}`, undefined, tokens.owner), 200);
      if (detail.messages.length < 20) throw new Error(`a thread of ${detail.messages.length} messages`);
      return true;
    };
    const queue = (q: (typeof QUEUES)[number]) => async () => {
      const page = await expectStatus<Page>(await json("GET", `/api/tickets?${q.query}`, undefined, tokens[q.as]), 200);
      if (!page.tickets.length) throw new Error(`an empty first page of ${q.query}`);
      return true;
    };
    const counts = async () => {
      await expectStatus(await json("GET", "/api/tickets/counts", undefined, tokens.owner), 200);
      return true;
    };

    // Warm-up (not measured): the JIT of both processes, DynamoDB Local's caches.
    for (const op of [thread, ...QUEUES.map(queue), counts]) await measure("warm-up", 40, 8, op);
    await measure("warm-up", 10, 4, (i) => create(1_000_000 + i));

    const sized = { tickets };
    await runtime.stream.settle(120_000);
    runtime.reactions.lags({ clear: true });
    const shape = await captureTransaction(() => create(3_000_000), (items) => items.some((w) => w.Put && sortKey(w.Put.Item) === "ticket"));
    const created = await measure("POST /api/tickets (create)", n(300), 8, create, sized);
    rows.push(created);
    // The engine's own ceiling for a transaction of the same size, in the same run: what the create rate is a share of.
    // Two rows: small puts of as many items, and the create's own transaction (its items, sizes and index entries)
    // sent again under new keys, straight to the table.
    const share = (row: Row) => ({ ...row, operation: `${row.operation} (create is ${((100 * created.opsPerSecond) / row.opsPerSecond).toFixed(0)}% of it)` });
    const items = Math.round(created.itemsPerTransaction ?? 4);
    rows.push(share(await measure(`DynamoDB Local alone: TransactWriteItems of ${items} small puts`, n(300), 8, (i) => rawTransaction(i, items), sized)));
    if (shape) rows.push(share(await measure(`DynamoDB Local alone: the create's own ${shape.length}-item transaction, new keys`, n(300), 8, (i) => replay(shape, i), sized)));
    const targets = tenant.replyTargets;
    rows.push(
      await measure(
        "POST /api/tickets/:id/replies",
        n(150),
        8,
        async (i) => {
          // A small tenant has fewer tickets to reply to than replies: some get a second one (which writes the same).
          const ticketId = targets[i % targets.length]!;
          await expectStatus(await json("POST", `/api/tickets/${ticketId}/replies`, { body: `Thank you, we are on it (${i}).` }, tokens.owner), 201);
          return true;
        },
        sized,
      ),
    );
    rows.push(await measure("GET /api/tickets/:id (20 messages)", n(1000), 16, thread, sized));
    for (const q of QUEUES) rows.push(await measure(q.label, n(500), 16, queue(q), sized));
    rows.push(await measure("GET /api/tickets/counts", n(1000), 16, counts, sized));
    for (const q of filled ? SEARCHES : []) {
      rows.push(
        await measure(q.label, n(500), 8, async () => {
          const answer = await expectStatus<{ tickets: unknown[] }>(await json("GET", `/api/search?${q.query}`, undefined, tokens[q.as]), 200);
          if (!answer.tickets.length) throw new Error(`nothing found for ${q.query}`);
          return true;
        }, sized),
      );
    }
    // How soon a new ticket is found: created, then searched for by its own word until it is there.
    const findable: number[] = [];
    for (let i = 0; i < n(20); i++) {
      const word = `zebra${i}x${Date.now().toString(36)}`;
      const started = performance.now();
      await expectStatus(await json("POST", "/api/tickets", { subject: `Lost ${word}`, body: "Where is it?", requester: { email: emails[0]! }, departmentId: departments[0]! }, tokens.owner), 201);
      for (;;) {
        const answer = await expectStatus<{ tickets: unknown[] }>(await json("GET", `/api/search?q=${word}`, undefined, tokens.owner), 200);
        if (answer.tickets.length) break;
        if (performance.now() - started > 30_000) throw new Error(`a new ticket was not found within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      findable.push(performance.now() - started);
    }
    rows.push(lagRow("search: new ticket -> findable (ms)", findable.sort((a, b) => a - b), sized.tickets));
    // How long after a change its reactions were done: the creates' and replies' counts and letters.
    await runtime.stream.settle(120_000);
    const lagRows = (pace: string) => {
      const lags = runtime.reactions.lags({ clear: true });
      for (const [name, label] of [
        ["ticket.queue-counts", "change -> queue counts"],
        ["email.send", "change -> letter sent"],
        ["sla.timers", "change -> SLA timers armed"],
      ] as const) {
        const list = (lags.get(name) ?? []).sort((a, b) => a - b);
        if (list.length) rows.push(lagRow(`reaction lag (ms), ${pace}: ${label}`, list, sized.tickets));
      }
    };
    lagRows("behind the flood above");
    // The same at a busy team's pace rather than a flood: a new ticket every 250 ms, one at a time.
    for (let i = 0; i < n(40); i++) {
      await create(2_000_000 + i);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await runtime.stream.settle(120_000);
    lagRows("a ticket every 250 ms");
    // The engine alone, in this process, as the route asks it (its share of the route's time above). Last: no HTTP
    // request follows, so no kept-alive connection goes idle past the server's timeout while it runs.
    for (const q of filled ? SEARCHES : []) {
      const params = new URLSearchParams(q.query);
      const query: SearchQuery = {
        tenantId: tenant.tenantId,
        words: queryWords(params.get("q") ?? ""),
        departments: q.as === "agent" ? tenant.agent.departmentIds : "all",
        deleted: "exclude",
        statuses: params.get("status")?.split(","),
        priorities: params.get("priority")?.split(","),
        sort: "relevance",
        offset: 0,
        limit: 20,
        people: 5,
      };
      rows.push(
        await measure(`search engine alone (SQLite FTS5): ${q.label.replace("GET /api/search ", "")}`, n(500), 1, async () => (await usePorts().search.query(query)).tickets.length > 0, sized),
      );
    }
  } finally {
    await runtime.stop();
    copy.remove();
  }
  return rows;
}

function lagRow(operation: string, sorted: number[], tickets?: number): Row {
  return {
    operation,
    ...(tickets === undefined ? {} : { tickets }),
    ops: sorted.length,
    concurrency: 0,
    opsPerSecond: 0,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    readUnitsPerOp: 0,
    writeUnitsPerOp: 0,
    errors: 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * For each operation, the largest tenant against the smallest: capacity per operation more than 20% (and 0.1 unit)
 * higher is flagged, and so is a median latency more than 1.5 times higher (latency also moves with the machine's
 * load). Flags are for a person to read (see the report), not a failure: a small tenant can be cheaper for reasons
 * that stop at some size (queue partitions with fewer tickets than a page reads).
 */
function flatness(rows: Row[]): string[] {
  const byOp = new Map<string, Row[]>();
  for (const row of rows) byOp.set(row.operation, [...(byOp.get(row.operation) ?? []), row]);
  const lines: string[] = [];
  for (const [operation, all] of byOp) {
    if (all.length < 2) continue;
    const sorted = [...all].sort((a, b) => a.tickets! - b.tickets!);
    const small = sorted[0]!;
    const large = sorted[sorted.length - 1]!;
    const ratio = (a: number, b: number) => (a === 0 && b === 0 ? 1 : a === 0 ? Infinity : b / a);
    const rcu = ratio(small.readUnitsPerOp, large.readUnitsPerOp);
    const wcu = ratio(small.writeUnitsPerOp, large.writeUnitsPerOp);
    const p50 = ratio(small.p50, large.p50);
    const grown = (r: number, a: number, b: number) => r > 1.2 && b - a > 0.1;
    const capacity = grown(rcu, small.readUnitsPerOp, large.readUnitsPerOp) || grown(wcu, small.writeUnitsPerOp, large.writeUnitsPerOp);
    const latency = p50 > 1.5;
    const verdict = capacity && latency ? "NOT FLAT (capacity, latency)" : capacity ? "NOT FLAT (capacity)" : latency ? "NOT FLAT (latency)" : "flat";
    lines.push(
      `${verdict.padEnd(28)} ${operation}: ${size(large.tickets!)} vs ${size(small.tickets!)} tickets: ` +
        `RCU/op x${rcu.toFixed(2)}, WCU/op x${wcu.toFixed(2)}, p50 x${p50.toFixed(2)}`,
    );
  }
  return lines;
}

/** `--only accounts,tickets,mail,sla,fairness,bundles` runs some sections; all by default. `--tickets-only` is `--only tickets`. */
const SECTIONS = ["accounts", "tickets", "mail", "sla", "fairness", "bundles"];

function sections(argv: readonly string[] = process.argv.slice(2)): Set<string> {
  if (argv.includes("--tickets-only")) return new Set(["tickets"]);
  const flag = argv.findIndex((a) => a === "--only" || a.startsWith("--only="));
  const raw = flag >= 0 ? (argv[flag]!.includes("=") ? argv[flag]!.split("=")[1]! : argv[flag + 1] ?? "") : SECTIONS.join(",");
  const chosen = new Set(raw.split(",").map((s) => s.trim()).filter(Boolean));
  for (const s of chosen) if (!SECTIONS.includes(s)) throw new Error(`--only takes ${SECTIONS.join(", ")}; got "${s}"`);
  return chosen;
}

async function main() {
  onInterrupt();
  const only = sections();
  const sizes = only.has("tickets") ? ticketSizes() : [];
  CapacityMeter.enable();
  NoScan.install();
  // The rows measure what the engine serves one session at full speed, not the request limits (which would refuse
  // most of them); the fairness section sets the limits itself.
  configure({ requestLimits: null });

  // The datasets first: seeding is heavy and must not overlap a measurement.
  const tenants: BenchTenant[] = [];
  const seeding: string[] = [];
  for (const tickets of sizes) {
    const { manifest, seeded } = await ensureDataset(tickets);
    tenants.push(manifest);
    seeding.push(
      `${size(tickets)} tickets (${manifest.items.toLocaleString("en")} items): ${seeded ? "seeded in" : "reused from"} ${datasetDir(tickets)}` +
        `${seeded ? "" : ", seeded earlier in"} ${manifest.seconds.toFixed(1)} s`,
    );
  }

  // Alone on the machine: the init times are those of a process importing a bundle, nothing else running.
  const bundles: BundleReport | undefined = only.has("bundles") ? await measureBundles() : undefined;
  const accounts = only.has("accounts") ? await accountRows() : [];
  const mail = only.has("mail") ? await mailRows(n(300)) : [];
  const sla = only.has("sla") ? await slaRows(Number(process.env.BENCH_SLA_TIMERS ?? 1000)) : [];
  const fairness = only.has("fairness") ? await fairnessRows(n(150)) : [];
  const ticketResults: Row[] = [];
  for (const tenant of tenants) ticketResults.push(...(await ticketRows(tenant)));
  // Sizes side by side for each operation, so that flatness shows.
  const order = [...new Set(ticketResults.map((r) => r.operation))];
  const grouped = [...ticketResults].sort((a, b) => order.indexOf(a.operation) - order.indexOf(b.operation) || a.tickets! - b.tickets!);

  const load = loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`\nFrontline benchmark: local runtime over loopback HTTP, ${availableParallelism()} cores (load ${load}), Node ${process.version}\n`);
  if (accounts.length) console.log(`Accounts (DynamoDB Local in memory):\n\n${table(accounts)}\n`);
  if (mail.length) console.log(`Inbound mail over SMTP, one connection per message (DynamoDB Local in memory):\n\n${table(mail)}\n`);
  if (sla.length) console.log(`SLA timers on the local scheduler (DynamoDB Local in memory; p50/p99 of the SLA row: how late a breach was recorded):\n\n${table(sla)}\n`);
  if (fairness.length) console.log(`${formatFairness(fairness)}\n`);
  if (grouped.length) {
    console.log(`Tickets, one tenant of each size (DynamoDB Local on a RAM copy of the kept dataset):\n`);
    console.log(table(grouped));
  }
  console.log("\nRCU/WCU: DynamoDB capacity units consumed per operation (as DynamoDB Local reports them, except transactions: it reports one of their writes, so the meter sizes each write itself, per table and index copy, doubled as AWS bills them).");
  if (seeding.length) console.log(`Seeding: ${seeding.join("; ")}.`);

  if (bundles) console.log(`\n${formatBundles(bundles)}`);

  const flat = flatness(grouped);
  if (flat.length) console.log(`\nAs the tenant grows:\n${flat.map((l) => `  ${l}`).join("\n")}`);

  const all = [...accounts, ...mail, ...sla, ...grouped];
  for (const row of all.filter((r) => r.errors > 0)) console.error(`\n${row.operation}${row.tickets ? ` (${size(row.tickets)})` : ""}: ${row.errors} failed; first: ${row.firstError ?? "an unexpected status"}`);
  const scans = NoScan.attempts();
  if (scans.length) {
    console.error(`\n${scans.length} ScanCommand(s) were sent: no request path may scan. The first from:\n${scans[0]!.at}`);
    process.exitCode = 1;
  } else {
    console.log("No ScanCommand was sent.");
  }
  if (all.some((r) => r.errors > 0)) {
    console.error("\nSome operations failed; the figures above are not trustworthy.");
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
