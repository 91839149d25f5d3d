/**
 * The ports the core needs from the outside world. The core never imports an AWS SDK client: the AWS adapters live in
 * functions/ (S3, SES, EventBridge Scheduler), the local ones in packages/local (a folder, an outbox folder with an
 * optional SMTP relay, timers kept in the table), and the in-memory ones in ./memory.ts are for unit tests.
 */

/** Raw mail and attachments. Keys are paths such as `raw/<tenant>/<sha256>.eml`. */
export interface BlobStore {
  put(key: string, body: Uint8Array, options?: { contentType?: string }): Promise<void>;
  /** The stored bytes, or undefined when there is nothing under the key. */
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
}

/** One message ready to go: its raw RFC 5322 bytes and the SMTP envelope. */
export interface OutboundMail {
  envelopeFrom: string;
  recipients: string[];
  raw: Buffer;
}

/** Sends raw mail. Throws TransientMailError for failures worth retrying (throttling, a busy relay). */
export interface Mailer {
  send(mail: OutboundMail): Promise<{ providerMessageId?: string }>;
}

export class TransientMailError extends Error {
  override readonly name = "TransientMailError";
}

/** What a timer carries back to the core when it fires. */
export interface TimerPayload {
  kind: string;
  tenantId: string;
  [key: string]: string | number;
}

/**
 * One-time timers by deterministic name (EventBridge Scheduler on AWS, timers in the table locally). Arming a name
 * that exists replaces it; cancelling one that is gone is not an error. Names are at most 64 of [0-9a-zA-Z-_.].
 */
export interface Scheduler {
  arm(name: string, at: Date, payload: TimerPayload): Promise<void>;
  cancel(name: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface Ports {
  blobs: BlobStore;
  mailer: Mailer;
  scheduler: Scheduler;
  clock: Clock;
}

const systemClock: Clock = { now: () => new Date() };

let ports: Partial<Ports> = { clock: systemClock };

/** Plugs adapters in (the local runtime, the Lambda entry points, tests). */
export function configurePorts(next: Partial<Ports>): void {
  ports = { ...ports, ...next };
}

/**
 * The configured adapters. Each function plugs in what it uses (the API only the blob store; the stream, timer and
 * inbound functions all of them): using one that is not plugged in is a clear error, not a silent fallback.
 */
export function usePorts(): Ports {
  const current = ports;
  const get = <K extends keyof Ports>(name: K): Ports[K] => {
    const port = current[name];
    if (!port) throw new Error(`The ${name} port is not configured here (configurePorts in the runtime or test setup)`);
    return port as Ports[K];
  };
  return {
    get blobs() {
      return get("blobs");
    },
    get mailer() {
      return get("mailer");
    },
    get scheduler() {
      return get("scheduler");
    },
    get clock() {
      return get("clock");
    },
  };
}

export function useClock(): Clock {
  return ports.clock ?? systemClock;
}

export * as Port from "./index";
