import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configure } from "@frontline/core/config";
import { Plan } from "@frontline/core/plan";
import { configurePorts } from "@frontline/core/port";
import { Timers } from "@frontline/core/timer";
import { Ticket } from "@frontline/core/ticket";
import { withActor } from "@frontline/core/actor";
import { Billing } from "@frontline/core/billing";
import { Search } from "@frontline/core/search";
import { PLATFORM_TENANT_ID, type CallCount } from "@frontline/core/db";
import { folderBlobStore } from "./blob-store";
import { ensureTable, startDynamoLocal, type DynamoLocal } from "./dynamo";
import { localMailer } from "./mailer";
import { localScheduler, type LocalScheduler } from "./scheduler";
import { startHttpServer, type HttpServer } from "./server";
import type { DNSResolver } from "./mail-auth";
import { startSmtpServer, type SmtpServer } from "./smtp";
import { sqliteSearchIndex, type LocalSearchIndex } from "./search-index";
import { streamPoller, type StreamPoller } from "./stream";
import { changeHandler } from "@frontline/core/reactions";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export interface RuntimeOptions {
  /** HTTP port; 0 picks a free one. */
  port: number;
  host?: string;
  /** SMTP port for inbound mail; 0 picks a free one; undefined starts no SMTP server. */
  smtpPort?: number;
  /** Folder for DynamoDB Local's data; omitted means in memory. */
  dataDir?: string;
  /** Folder for raw mail, attachments (blobs/) and sent mail (outbox/); omitted means a temporary folder. */
  filesDir?: string;
  /** Use an already running DynamoDB (tests share one) instead of starting DynamoDB Local. */
  dynamoEndpoint?: string;
  tableName?: string;
  inboundDomain?: string;
  /** The DNS the SMTP server checks senders with (SPF, DKIM, DMARC); the system's by default, a fake in tests. */
  mailResolver?: DNSResolver;
  /** Relay outgoing mail over SMTP too (smtp://host:port). */
  smtpRelayUrl?: string;
  /** Built web app to serve; omitted serves the API only. */
  webDist?: string;
  /** Told what each API request asked of DynamoDB (the bench). */
  meterRequests?: (count: CallCount) => void;
}

export interface Runtime {
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  smtpPort?: number;
  /** Where each outgoing message is written as an .eml file. */
  outboxDir: string;
  filesDir: string;
  scheduler: LocalScheduler;
  /** The poller of the table's change stream, which runs every reaction. */
  stream: StreamPoller;
  /** The handler the poller runs (its reactions' timing and lags, for the bench). */
  reactions: ReturnType<typeof changeHandler>;
  /** Settles when the search index, if it had never been filled from the table, has been (undefined: nothing to fill, or it failed). */
  searchFilled: Promise<SearchFill | undefined>;
  stop(): Promise<void>;
}

export interface SearchFill {
  tickets: number;
  messages: number;
  customers: number;
  organizations: number;
  seconds: number;
}

/**
 * The whole help desk in one process: DynamoDB Local (or a given endpoint), the table, the plan catalog, the ports
 * (a folder for blobs, an outbox folder for sent mail, timers in the table), the HTTP server with the API and the web
 * app, and the SMTP server for inbound mail. `npm start`, the integration tests and the browser tests all use this.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  let dynamo: DynamoLocal | undefined;
  let http: HttpServer | undefined;
  let smtp: SmtpServer | undefined;
  let scheduler: LocalScheduler | undefined;
  let stream: StreamPoller | undefined;
  let handler: ReturnType<typeof changeHandler> | undefined;
  let search: LocalSearchIndex | undefined;
  let rebuilding: Promise<unknown> | undefined;
  const tableName = options.tableName ?? "frontline";
  const temporaryFiles = options.filesDir ? undefined : mkdtempSync(join(tmpdir(), "frontline-files-"));
  const filesDir = options.filesDir ?? temporaryFiles!;
  const stopAll = async () => {
    await smtp?.close();
    await http?.close();
    await scheduler?.stop();
    await stream?.stop();
    await rebuilding;
    search?.close();
    await dynamo?.stop();
    if (temporaryFiles) rmSync(temporaryFiles, { recursive: true, force: true });
  };
  try {
    if (!options.dynamoEndpoint) dynamo = await startDynamoLocal({ dataDir: options.dataDir });
    const endpoint = options.dynamoEndpoint ?? dynamo!.endpoint;
    const table = await ensureTable(endpoint, tableName);
    configure({
      tableName,
      dynamoEndpoint: endpoint,
      // No CloudFront in front of the local server: nothing adds the origin secret, so the API checks none.
      originSecret: null,
      ...(options.inboundDomain ? { inboundDomain: options.inboundDomain } : {}),
    });
    const mailer = localMailer({ outboxDir: join(filesDir, "outbox"), relayUrl: options.smtpRelayUrl });
    scheduler = localScheduler(Timers.fire, undefined, { fireMany: Timers.fireMany });
    search = sqliteSearchIndex(join(filesDir, "search.sqlite"));
    configurePorts({ blobs: folderBlobStore(join(filesDir, "blobs")), mailer, scheduler, search });
    await Plan.ensureCatalog();
    // Data kept by an earlier version: unsolved tickets move to the one "active" queue partition (once).
    const regrouped = await Ticket.regroupQueues();
    if (regrouped) console.log(`Refiled ${regrouped} unsolved tickets kept by an earlier version in the active queues.`);
    // Bill today (idempotent: a restart charges nobody twice) and chain the daily runs on the local scheduler.
    await withActor({ type: "system", tenantId: PLATFORM_TENANT_ID, reason: "billing" }, () => Billing.runDaily());
    await scheduler.arm(Timers.DAILY_BILLING, Timers.nextBillingRun(), { kind: "billing.daily", tenantId: PLATFORM_TENANT_ID, rearm: 1 });
    scheduler.start();
    const reactions = changeHandler();
    handler = reactions;
    // Timers first: during a burst of due timers (every SLA target of a busy morning at once) the reactions wait, so
    // that DynamoDB Local's little capacity goes to recording the breaches on time.
    const timers = scheduler;
    stream = streamPoller({ endpoint, tableName, handler: reactions, pauseWhile: () => timers.backlog() >= 20 });
    stream.start();
    // An index never filled from the table (a data folder from before search, or a deleted index file) is filled
    // now, in the background: the stream keeps it current from here on, and the puts are idempotent.
    // A table made just now has nothing to index.
    if (table.created) search.markRebuilt(new Date().toISOString());
    let searchFilled: Promise<SearchFill | undefined> = Promise.resolve(undefined);
    if (!search.rebuiltAt()) {
      const index = search;
      const started = performance.now();
      searchFilled = Search.rebuild().then(
        (counts) => {
          index.markRebuilt(new Date().toISOString());
          if (counts.tickets) console.log(`Search index filled: ${counts.tickets} tickets, ${counts.messages} messages, ${counts.customers} customers.`);
          return { ...counts, seconds: (performance.now() - started) / 1000 };
        },
        (error: unknown) => {
          console.error("Filling the search index failed; it is tried again on the next start:", error);
          return undefined;
        },
      );
      rebuilding = searchFilled;
    }
    http = await startHttpServer({ port: options.port, host: options.host, webDist: options.webDist, meter: options.meterRequests });
    // Letters link to the console where it really listens (PORT=3100 linked to :3000), unless APP_URL says otherwise.
    if (!process.env.APP_URL) configure({ appUrl: http.url });
    if (options.smtpPort !== undefined) smtp = await startSmtpServer({ port: options.smtpPort, host: options.host, resolver: options.mailResolver });
    return {
      url: http.url,
      dynamoEndpoint: endpoint,
      tableName,
      smtpPort: smtp?.port,
      outboxDir: mailer.outboxDir,
      filesDir,
      scheduler,
      stream,
      reactions: handler!,
      searchFilled,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
