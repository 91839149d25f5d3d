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

/**
 * The search index: an embedded SQLite FTS5 file locally (packages/local), Amazon OpenSearch on AWS (functions/src/aws).
 * The core analyses the text (search/analyze.ts: words lowercased, each replaced by its stems in every language that
 * could have written it), so both engines match the same terms the same way and only store and match whitespace-
 * separated terms; they keep the raw text alongside for highlighting, which the core does too. Every document and
 * every query carries its tenant, and an engine never answers across tenants.
 *
 * The reaction that feeds it is idempotent: a ticket or customer older than the stored one (by `version`) is ignored,
 * a message is written once by its id, and removing what is gone is not an error.
 */
export interface SearchIndex {
  putTicket(doc: SearchTicketDoc): Promise<void>;
  putMessage(doc: SearchMessageDoc): Promise<void>;
  putCustomer(doc: SearchCustomerDoc): Promise<void>;
  putOrganization(doc: SearchOrganizationDoc): Promise<void>;
  /** Removes a document; removing a ticket removes its messages. */
  remove(tenantId: string, kind: SearchKind, id: string): Promise<void>;
  query(query: SearchQuery): Promise<SearchAnswer>;
}

export type SearchKind = "ticket" | "message" | "customer" | "organization";

/** A ticket's searchable state: its filters and its own words (subject, requester). */
export interface SearchTicketDoc {
  tenantId: string;
  ticketId: string;
  /** The ticket's version: a put with a lower one than stored changes nothing. */
  version: number;
  number: number;
  status: string;
  priority: string;
  departmentId: string;
  /** "none" when unassigned. */
  assigneeId: string;
  tags: string[];
  requesterId: string;
  organizationId?: string;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
  /** The subject as written, and its analysed terms. */
  subject: string;
  subjectTerms: string;
  /** The requester's name and address, analysed. */
  peopleTerms: string;
}

/** One message of a ticket (customer mail, reply, note): written once, never changed. */
export interface SearchMessageDoc {
  tenantId: string;
  ticketId: string;
  messageId: string;
  createdAt: string;
  authorName: string;
  /** The text as written (cut to a length the engines store whole), and its analysed terms. */
  text: string;
  terms: string;
}

export interface SearchCustomerDoc {
  tenantId: string;
  customerId: string;
  /** The customer's `updatedAt` as a number (ms): a put with an older one changes nothing. */
  version: number;
  name: string;
  email?: string;
  phone?: string;
  organizationId?: string;
  terms: string;
}

export interface SearchOrganizationDoc {
  tenantId: string;
  organizationId: string;
  version: number;
  name: string;
  domains: string[];
  terms: string;
}

/**
 * A query: every word must match (`words`: one entry per word, each the analysed forms any of which will do, matched
 * as prefixes). A ticket matches when each word is found somewhere in its own words: its subject, its requester's
 * name or address, any of its messages (one word may be in the subject and another in a message); or when every word
 * is in its requester customer's record (a phone number) or its organization's. (The OpenSearch adapter also lets the
 * words be split between these.) Customers and organizations match when every word is in their own record.
 * Tickets are filtered and scoped by the fields below.
 */
export interface SearchQuery {
  tenantId: string;
  words: string[][];
  /** Tickets of only these departments ("all": every one the tenant has). */
  departments: "all" | readonly string[];
  /** Trashed tickets are left out unless this is set (those who see the trash). */
  deleted: "exclude" | "only" | "include";
  statuses?: readonly string[];
  departmentIds?: readonly string[];
  /** "none": unassigned. */
  assigneeIds?: readonly string[];
  priorities?: readonly string[];
  /** Each of these tags (already lowercased). */
  tags?: readonly string[];
  /** Only tickets of this requester, or of this organization. */
  requesterId?: string;
  organizationId?: string;
  /** Created at or after / before (ISO). */
  createdFrom?: string;
  createdTo?: string;
  sort: "relevance" | "updated";
  offset: number;
  limit: number;
  /** How many customers and organizations to return alongside (0: none). */
  people: number;
}

export interface SearchTicketHit {
  ticketId: string;
  /** The best matching message, when the words were found in one (not in the subject or requester). */
  message?: { messageId: string; authorName: string; createdAt: string; text: string };
}

export interface SearchAnswer {
  tickets: SearchTicketHit[];
  /** Tickets that match in all (capped at 1000 by engines that count exactly only so far). */
  total: number;
  customers: { customerId: string; name: string; email?: string; phone?: string }[];
  organizations: { organizationId: string; name: string; domains: string[] }[];
}

export interface Ports {
  blobs: BlobStore;
  mailer: Mailer;
  scheduler: Scheduler;
  clock: Clock;
  search: SearchIndex;
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
    get search() {
      return get("search");
    },
  };
}

export function useClock(): Clock {
  return ports.clock ?? systemClock;
}

export * as Port from "./index";
