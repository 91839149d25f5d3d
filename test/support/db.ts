import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { configure } from "@frontline/core/config";
import { Plan } from "@frontline/core/plan";
import { configurePorts } from "@frontline/core/port";
import { memoryBlobStore, recordingMailer, recordingScheduler } from "@frontline/core/port/memory";
import { changeHandler } from "@frontline/core/reactions";
import { ensureTable } from "../../packages/local/src/dynamo";
import { sqliteSearchIndex } from "../../packages/local/src/search-index";
import { streamPoller, type StreamPoller } from "../../packages/local/src/stream";

/** The in-memory ports of the current test file (useTestTable installs fresh ones). */
export const testPorts = {
  blobs: memoryBlobStore(),
  mailer: recordingMailer(),
  scheduler: recordingScheduler(),
  /** A real search index, in a file of this test file's own (SQLite, as `npm start` uses). */
  search: sqliteSearchIndex(join(mkdtempSync(join(inject("scratchDir") ?? tmpdir(), "search-")), "search.sqlite")),
};

/**
 * Points the core at a fresh table of its own on the run's DynamoDB Local and returns its name, with in-memory
 * ports (blobs, a mailer that records what it sends, a scheduler that records timers). Call it in `beforeAll`;
 * tables are dropped with the in-memory database at the end of the run.
 */
export async function useTestTable(): Promise<string> {
  const endpoint = inject("dynamoEndpoint");
  const tableName = `test-${randomBytes(6).toString("hex")}`;
  await ensureTable(endpoint, tableName);
  current = { endpoint, tableName };
  poller = undefined;
  handler = undefined;
  configure({ tableName, dynamoEndpoint: endpoint });
  configurePorts(testPorts);
  await Plan.ensureCatalog();
  return tableName;
}

let current: { endpoint: string; tableName: string } | undefined;
let poller: StreamPoller | undefined;
let handler: ReturnType<typeof changeHandler> | undefined;

/** Time spent in each reaction by settle() so far (for tests that measure). */
export const reactionTiming = () => handler?.timing() ?? [];

/**
 * Runs every reaction to what the test has changed so far (letters, counts, timers...), and to what those changed in
 * turn, through the same poller and handler as the local runtime, reading the test table's real stream. Tests call it
 * where a person would wait a moment for the effects of a change.
 */
export async function settle(): Promise<void> {
  if (!current) throw new Error("settle() needs useTestTable() first");
  handler ??= changeHandler({ tries: 1 });
  poller ??= streamPoller({ ...current, handler, retryMs: 20 });
  await poller.settle(120_000);
}

/** Marks everything written so far as handled (data loaded in bulk with its derived items already written). */
export async function skipReactions(): Promise<number> {
  if (!current) throw new Error("skipReactions() needs useTestTable() first");
  handler ??= changeHandler({ tries: 1 });
  poller ??= streamPoller({ ...current, handler, retryMs: 20 });
  return poller.skip();
}

/**
 * Runs the stream's consumer in the background for the test table (for code that waits on a reaction, such as an
 * operator's request to run a parked reaction again). Stop it when the file is done.
 */
export function startStream(): StreamPoller {
  if (!current) throw new Error("startStream() needs useTestTable() first");
  const running = streamPoller({ ...current, handler: changeHandler({ tries: 1 }), retryMs: 20, idleMs: 20 });
  running.start();
  return running;
}
