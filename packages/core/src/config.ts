/**
 * Runtime configuration, read from the environment once and overridable by the local runtime and tests.
 * The same keys are set by infra/ on Lambda.
 */
export interface Config {
  /** DynamoDB table holding every entity. */
  tableName: string;
  /** Endpoint override for DynamoDB Local; unset on AWS. */
  dynamoEndpoint?: string;
  region: string;
  /** Domain of the tenant-specific inbound addresses: `<slug>@<inboundDomain>`. */
  inboundDomain: string;
  /** Credit granted on sign-up, in minor units of `currency`. */
  trialCreditMinor: number;
  currency: string;
  /** Length of the trial, in days. */
  trialDays: number;
  /** How long a session stays valid, in seconds. */
  sessionTtlSeconds: number;
  /** Where the console is, for links in letters to staff. */
  appUrl: string;
  /**
   * Workspaces one source address may open per day (5 unless set). Each takes a trial credit, so an open sign-up is
   * a tap on free credit; 5 leaves room for a team behind one office address. The end-to-end tests, which sign up
   * dozens of workspaces from 127.0.0.1, raise it.
   */
  signupsPerSourcePerDay: number;
  /** How many API requests a session and a workspace may make (functions/src/api/request-limit.ts); null: no limit. */
  requestLimits: RequestLimits | null;
  /**
   * The value CloudFront adds to every request it forwards to the API (functions/src/api/origin.ts, infra/web.ts): on
   * AWS the API refuses any request without it, so that its own URL, which skips CloudFront and its web ACL, serves
   * nobody. null says that no CDN stands in front of the API, so there is nothing to check: the local runtime and the
   * tests. The API's Lambda adapter sets it from ORIGIN_SECRET, and refuses to start without one.
   */
  originSecret: string | null;
}

/** A token bucket: `perSecond` sustained, up to `burst` at once after a quiet while. */
export interface Rate {
  perSecond: number;
  burst: number;
}

export interface RequestLimits {
  session: Rate;
  workspace: Rate;
}

/**
 * The limits a deployment has unless told otherwise. A console page fires up to ~10 requests at once (a ticket, its
 * counts, notifications, templates) and a person clicking through pages stays far below 10 a second, so a session
 * gets 10/s with a burst of 50: only a script is ever told to wait. A workspace gets 30/s with a burst of 150: thirty
 * people working at full speed at once, three times what the flood (26-30/s from one session) got alone.
 */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  session: { perSecond: 10, burst: 50 },
  workspace: { perSecond: 30, burst: 150 },
};

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function fromEnv(): Config {
  return {
    tableName: process.env.TABLE_NAME ?? "frontline",
    dynamoEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
    inboundDomain: (process.env.INBOUND_DOMAIN ?? "frontline.localhost").toLowerCase(),
    trialCreditMinor: envInt("TRIAL_CREDIT_MINOR", 3000),
    currency: process.env.CURRENCY ?? "USD",
    trialDays: envInt("TRIAL_DAYS", 14),
    sessionTtlSeconds: envInt("SESSION_TTL_SECONDS", 14 * 24 * 3600),
    appUrl: (process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
    signupsPerSourcePerDay: envInt("SIGNUPS_PER_SOURCE_PER_DAY", 5),
    requestLimits: process.env.REQUEST_LIMITS === "off" ? null : DEFAULT_REQUEST_LIMITS,
    // Set by the API's Lambda adapter alone, from ORIGIN_SECRET (functions/src/api/lambda.ts).
    originSecret: null,
  };
}

let current: Config | undefined;
const listeners = new Set<() => void>();

export function useConfig(): Config {
  current ??= fromEnv();
  return current;
}

/** Replace parts of the configuration (local runtime, tests); dependants such as the DB client rebuild lazily. */
export function configure(overrides: Partial<Config>): Config {
  current = { ...useConfig(), ...overrides };
  for (const listener of listeners) listener();
  return current;
}

export function onConfigChange(listener: () => void): void {
  listeners.add(listener);
}

/**
 * The credentials every client of DynamoDB Local uses (fixed ones keep a developer's AWS profile out of it).
 * DynamoDB Local started in memory keeps one database per access key, and each slows down as its stream records pile
 * up (300 writes took 1.0 s fresh, 7.1 s after 40,000 others in the same database, 0.6 s in another): the tests give
 * each file a database of its own through DYNAMODB_LOCAL_KEY (test/support/local-key.ts).
 */
export function localCredentials(): { accessKeyId: string; secretAccessKey: string } {
  return { accessKeyId: process.env.DYNAMODB_LOCAL_KEY || "local", secretAccessKey: "local" };
}
