import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { useConfig } from "@frontline/core/config";
import { Counter } from "@frontline/core/counter";
import { useDb } from "@frontline/core/db";
import { configurePorts } from "@frontline/core/port";
import { changeHandler } from "@frontline/core/reactions";
import { Ticket } from "@frontline/core/ticket";
import { settle, testPorts, useTestTable } from "../../../test/support/db";
import { makeWorkspace, type StaffActor, type TestWorkspace } from "../../../test/support/workspace";
import { localMailer } from "./mailer";
import { streamPoller } from "./stream";

/**
 * Nothing acknowledged is lost, nothing happens twice: a thousand changes are made while the stream's consumer runs
 * in a process of its own that is killed (SIGKILL, mid-batch) and started again at random moments; then the counts
 * are exact and every letter was sent exactly once.
 */
const files = mkdtempSync(join(tmpdir(), "frontline-restart-"));
/**
 * The worker bundled once (esbuild), so that each restart is a plain `node` start, not a TypeScript compile. The
 * native SQLite binding of the search index cannot be bundled: it stays outside, and the bundle is written under
 * node_modules/.cache so that it is found there.
 */
const cacheDir = fileURLToPath(new URL("../../../node_modules/.cache/", import.meta.url));
mkdirSync(cacheDir, { recursive: true });
const bundleDir = mkdtempSync(join(cacheDir, "frontline-restart-"));
const worker = join(bundleDir, "stream-worker.mjs");
const outbox = join(files, "outbox");
let ws: TestWorkspace;
let agent: StaffActor;

beforeAll(async () => {
  await build({
    entryPoints: [fileURLToPath(new URL("./stream-worker.ts", import.meta.url))],
    outfile: worker,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
    external: ["better-sqlite3"],
    // CommonJS dependencies inside an ES module bundle reach for require().
    banner: { js: "import { createRequire as __frontlineRequire } from 'node:module'; const require = __frontlineRequire(import.meta.url);" },
  });
  await useTestTable();
  ws = await makeWorkspace();
  const billing = await ws.department("Billing");
  agent = await ws.staff("agent", [ws.supportId, billing], "Anna Agent");
  await settle();
});

afterAll(() => {
  rmSync(files, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
});

function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [worker], {
    env: { ...process.env, DYNAMODB_ENDPOINT: inject("dynamoEndpoint"), TABLE_NAME: useConfig().tableName, FILES_DIR: files },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("polling")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`the stream worker exited (${code}) before polling: ${err}`)));
  });
}

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

/** The Message-ID of each letter written to the outbox folder. */
function sentMessageIds(): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(outbox).filter((f) => f.endsWith(".eml"));
  } catch {
    return [];
  }
  return names.map((f) => /^Message-ID:\s*(\S+)/im.exec(readFileSync(join(outbox, f), "latin1"))![1]!.replace(/^<|>$/g, ""));
}

describe("the stream consumer killed and restarted at random points", () => {
  it("keeps counts exact and sends each letter once over 1,000 changes", { timeout: 600_000 }, async () => {
    const tickets: string[] = [];
    let changes = 0;
    let done = false;
    let restarts = 0;
    const random = (() => {
      let seed = 7;
      return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    })();

    // The consumer: killed after 0.2-2 s of polling, again and again, until the changes are made.
    const chaos = (async () => {
      while (!done) {
        const child = await startWorker();
        await new Promise((resolve) => setTimeout(resolve, 200 + random() * 1800));
        await kill(child);
        restarts++;
      }
    })();

    // 1,000 changes: 250 tickets opened (acknowledged by mail), each answered (a letter), noted, and solved (a letter)
    // or put on hold.
    const work = Array.from({ length: 250 }, (_, i) => i);
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = work.shift(); i !== undefined; i = work.shift()) {
          const t = await ws.as(ws.owner, () =>
            Ticket.create({ subject: `Restart ${i}`, body: "Hello", requester: { email: `r${i % 40}@customer.example` } }),
          );
          tickets.push(t.ticketId);
          await ws.as(agent, () => Ticket.reply(t.ticketId, { body: `Answer ${i}` }));
          await ws.as(agent, () => Ticket.note(t.ticketId, { body: `Note ${i}` }));
          const current = await ws.as(agent, () => Ticket.load(t.ticketId));
          await ws.as(agent, () => Ticket.update(t.ticketId, { version: current.version, status: i % 2 ? "solved" : "on_hold" }));
          changes += 4;
        }
      }),
    );
    done = true;
    await chaos;
    expect(changes).toBe(1000);
    expect(restarts).toBeGreaterThan(3);

    // One last consumer, here, with the same mail folder, takes what the killed ones left.
    configurePorts({ mailer: localMailer({ outboxDir: outbox }) });
    try {
      const poller = streamPoller({ endpoint: inject("dynamoEndpoint"), tableName: useConfig().tableName, handler: changeHandler() });
      await poller.settle(300_000);
    } finally {
      configurePorts({ mailer: testPorts.mailer });
    }

    // Counts: exactly what the tickets' states add up to.
    const records = await Promise.all(tickets.map((ticketId) => useDb().entities.ticket.get({ tenantId: ws.tenantId, ticketId }).go()));
    const expected = new Map<string, number>();
    for (const { data } of records) for (const key of Ticket.Queue.countKeys(data!)) expected.set(key, (expected.get(key) ?? 0) + 1);
    const counted = await Counter.read(ws.tenantId, "q#");
    for (const [key, value] of expected) expect(counted.get(key), key).toBe(value);
    for (const [key, value] of counted) if (!expected.has(key)) expect(value, key).toBe(0);

    // Letters: every letter of every thread entry, sent exactly once; nothing else.
    const intents: string[] = [];
    for (const ticketId of tickets) {
      const entries = await useDb().entities.message.query.byId({ tenantId: ws.tenantId, ticketId }).go({ pages: "all" });
      for (const m of entries.data) if (m.letter) intents.push(m.letter.emailMessageId);
    }
    expect(intents).toHaveLength(250 * 2 + 125); // received, the reply, and "solved" for half of them
    const sent = sentMessageIds();
    expect(sent.length).toBe(new Set(sent).size);
    expect(new Set(sent)).toEqual(new Set(intents));
    const outboxEntries = await useDb().entities.outbox.query.byId({ tenantId: ws.tenantId }).go({ pages: "all" });
    expect(outboxEntries.data.filter((e) => e.status !== "sent")).toEqual([]);
  });

  it("a batch delivered twice has one effect", { timeout: 120_000 }, async () => {
    const before = await Counter.read(ws.tenantId, "q#");
    testPorts.mailer.sent.length = 0;
    const t = await ws.as(ws.owner, () => Ticket.create({ subject: "Twice", body: "Hello", requester: { email: "twice@customer.example" } }));
    await ws.as(agent, () => Ticket.reply(t.ticketId, { body: "Once" }));
    const handle = changeHandler();
    const poller = streamPoller({
      endpoint: inject("dynamoEndpoint"),
      tableName: useConfig().tableName,
      handler: async (batch) => {
        await handle(batch);
        return handle(batch);
      },
    });
    await poller.settle();
    const after = await Counter.read(ws.tenantId, "q#");
    const total = (m: Map<string, number>) => [...m].filter(([k]) => k.startsWith("q#t#")).reduce((sum, [, v]) => sum + v, 0);
    expect(total(after) - total(before)).toBe(1);
    expect(testPorts.mailer.sent.filter((m) => m.recipients.includes("twice@customer.example"))).toHaveLength(2); // received, reply
  });
});
