import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { UpdateTableCommand } from "@aws-sdk/client-dynamodb";
import { fileURLToPath, pathToFileURL } from "node:url";
import { withActor, type Actor } from "@frontline/core/actor";
import { configure } from "@frontline/core/config";
import { Counter } from "@frontline/core/counter";
import { Customer } from "@frontline/core/customer";
import { entities, Table, useDb } from "@frontline/core/db";
import { Department } from "@frontline/core/department";
import { Event } from "@frontline/core/event";
import { createId } from "@frontline/core/id";
import { Plan } from "@frontline/core/plan";
import { Signup } from "@frontline/core/signup";
import { Staff } from "@frontline/core/staff";
import { Tenant } from "@frontline/core/tenant";
import { Ticket } from "@frontline/core/ticket";
import { changeHandler } from "@frontline/core/reactions";
import { Workspace } from "@frontline/core/workspace";
import { ensureTable, localClient, startDynamoLocal } from "../src/dynamo";
import { streamPoller, type StreamPoller } from "../src/stream";

/**
 * Fills one tenant with N tickets, fast: bulk BatchWriteItem through ElectroDB (25 items a call, several calls in
 * flight) of exactly the items the core writes when it opens a ticket (Ticket.open): the ticket with its derived queue
 * attributes (Queue.queueAttributes), its number claim, its first message, and the customers with their email claims
 * and search terms. At the end the queue counters (summed from Queue.countKeys) and the ticket number sequence are
 * moved on by what was written. The data is what the normal code paths read: see seed-tickets.test.ts.
 *
 * Not seeded: each ticket's `ticket.create` event unless `events` is set (no operation measured reads the event log,
 * and its 100,000 items would add a third to the seeding time), and the mail behind tickets of the email channel
 * (mail records, acknowledgement letters): their first message is a plain customer message.
 *
 * On its own: `npx tsx packages/local/bench/seed-tickets.ts --tickets 100000` seeds a bench tenant into DynamoDB
 * Local, keeps it under `.data/bench/tickets-100000` (which `npm run bench` reuses) and prints the time it took;
 * `--force` seeds again.
 */

type TicketRecord = Ticket.Record;
type Status = Ticket.Lifecycle.Status;
type Priority = Ticket.Lifecycle.Priority;
type Level = Ticket.Lifecycle.Level;

export interface SeedStaff {
  staffId: string;
  name: string;
  role: Staff.Role;
  departmentIds: string[];
}

export interface SeedOptions {
  tenantId: string;
  /** How many tickets to add. */
  tickets: number;
  /** The departments tickets are filed under, with their share of the tickets (default 1 each). */
  departments: { departmentId: string; weight?: number }[];
  /** Who tickets are assigned to (each to someone who works its department) and who registers requests by phone. */
  staff: SeedStaff[];
  /** Customers to create (default: as many as tickets, at most 2,000). */
  customers?: number;
  /** Tickets whose thread has `threadLength` messages (default 32, fewer for small tenants). */
  threads?: number;
  threadLength?: number;
  /** Write each ticket's `ticket.create` event too (default false). */
  events?: boolean;
  /** BatchWriteItem calls in flight (default 8). */
  concurrency?: number;
  /** The random seed: the same seed gives the same tenant. */
  seed?: number;
  /** "Now" for the timestamps (tickets are spread over the year before). */
  now?: Date;
  /** Return every ticket written (for tests; 100,000 records take ~150 MB). */
  keepRecords?: boolean;
  onProgress?: (written: number, total: number) => void;
}

export interface SeedResult {
  tenantId: string;
  tickets: number;
  customers: number;
  /** Items written, counters included. */
  items: number;
  seconds: number;
  /** Seconds writing the customers, then the tickets (with their numbers, messages, events), then the counters. */
  phases: { customers: number; tickets: number; counters: number };
  firstNumber: number;
  lastNumber: number;
  /** Tickets with `threadLength` messages. */
  threads: string[];
  /**
   * Up to 1,000 tickets to reply to, all alike so that each reply writes the same: assigned, open, pending or on hold
   * (a reply changes neither status nor assignee), with their first message only, not in the trash.
   */
  replyTargets: string[];
  /** Addresses of customers who exist (up to 500). */
  customerEmails: string[];
  /** The queue counters' changes, by name. */
  counters: { [name: string]: number };
  records?: TicketRecord[];
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof mulberry32>;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
function weighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

const FIRST = ["Ann", "Boris", "Carla", "Dmytro", "Eva", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kateryna", "Liam", "Maya", "Nikolai", "Olena", "Pavel", "Quinn", "Rosa", "Stepan", "Tara", "Ugo", "Vera", "Wen", "Yara", "Zoltan"];
const LAST = ["Adams", "Bondar", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Horvat", "Ivanenko", "Jensen", "Kowalski", "Lopez", "Moreau", "Novak", "Olsen", "Petrenko", "Rossi", "Schmidt", "Tkachenko", "Urban", "Varga", "Weber", "Young", "Zielinski"];
const DOMAINS = ["gmail.com", "outlook.com", "acme.example", "globex.example", "initech.example", "umbrella.example", "ukr.net", "yahoo.com"];
const PROBLEMS = [
  "Cannot sign in to my account",
  "Invoice shows the wrong amount",
  "Refund for order",
  "The app crashes when I upload a file",
  "Please change the billing address",
  "Password reset mail never arrives",
  "Delivery is late",
  "Export to CSV is empty",
  "Charged twice this month",
  "How do I add a colleague?",
  "Error 500 on the dashboard",
  "Request for a copy of the contract",
  "The courier was rude",
  "Cancel my subscription",
  "API returns 429 too often",
  "Need documentation for the integration",
];
const SENTENCES = [
  "It started this morning and it still happens.",
  "I tried another browser and cleared the cache, with the same result.",
  "Could you please look into it as soon as possible?",
  "Our whole team is affected and we have a deadline on Friday.",
  "I attach the details below; the order number is in the subject.",
  "This is the second time I write about this.",
  "Thank you in advance for your help.",
  "Let me know if you need anything else from me.",
  "The message on the screen says that something went wrong.",
  "We changed nothing on our side recently.",
];
const REPLIES = [
  "Thank you for reaching out. I have looked into this and I can see what happened.",
  "Could you tell us which version of the app you use and when it last worked?",
  "We have fixed the issue on our side; please try again and let us know.",
  "I have passed this to our billing team, who will get back to you today.",
];
const NOTES = ["Checked the logs: matches the incident from last week.", "Asked billing to confirm the refund.", "Customer is on the Pro plan."];
const TAGS = ["vip", "refund", "bug", "login", "billing", "delivery", "api", "feedback", "urgent-customer", "contract"];

function body(random: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => pick(random, SENTENCES)).join(" ");
}

function previewOf(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 160);
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

type Db = ReturnType<typeof useDb>;
type EntityName = "ticket" | "message" | "ticketNumber" | "event" | "customer" | "customerEmail" | "customerTerm";
type Batch = { entity: EntityName; items: object[] };

const BATCH = 25;

/**
 * One BatchWriteItem through ElectroDB, retrying what DynamoDB leaves unprocessed. ElectroDB's own option (named
 * `concurrent` in 3.9; `concurrency` is ignored) sends a long list in waves, each waiting for its slowest call; the
 * pool in `drain` keeps calls in flight instead.
 */
async function putBatch(db: Db, batch: Batch): Promise<void> {
  let items = batch.items;
  for (let attempt = 1; items.length; attempt++) {
    const entity = db.entities[batch.entity] as unknown as { put(items: object[]): { go(options: object): Promise<{ unprocessed: object[] }> } };
    const result = await entity.put(items).go({ concurrent: 1 });
    items = result.unprocessed;
    if (items.length) {
      if (attempt >= 10) throw new Error(`BatchWriteItem left ${items.length} ${batch.entity} items unprocessed after ${attempt} attempts`);
      await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
}

/** Runs the batches a generator yields with `concurrency` BatchWriteItem calls in flight. */
async function drain(db: Db, batches: Iterator<Batch>, concurrency: number, onBatch: (b: Batch) => void): Promise<void> {
  let failed: unknown;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (failed === undefined) {
        const next = batches.next();
        if (next.done) return;
        try {
          await putBatch(db, next.value);
          onBatch(next.value);
        } catch (error) {
          failed = error;
        }
      }
    }),
  );
  if (failed !== undefined) throw failed;
}

function* chunks(entity: EntityName, items: object[]): Generator<Batch> {
  for (let i = 0; i < items.length; i += BATCH) yield { entity, items: items.slice(i, i + BATCH) };
}

// ---------------------------------------------------------------------------------------------------------------
// Seeding

interface SeedCustomer {
  customerId: string;
  name: string;
  email: string;
}

const DAY = 86_400_000;

export async function seedTickets(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const { tenantId } = options;
  const actor: Actor = { type: "system", tenantId, reason: "seed" };
  return withActor(actor, async () => {
    const db = useDb();
    const random = mulberry32(options.seed ?? 42);
    const now = (options.now ?? new Date()).getTime();
    const total = options.tickets;
    const customerCount = options.customers ?? Math.min(2000, Math.max(1, total));
    const threadCount = Math.min(options.threads ?? 32, Math.floor(total / 10));
    const threadLength = options.threadLength ?? 20;
    const concurrency = options.concurrency ?? 8;
    const departments = options.departments.map((d) => [d.departmentId, d.weight ?? 1] as const);
    if (!departments.length) throw new Error("Seeding needs at least one department");
    const workers = new Map(
      options.departments.map((d) => {
        // Who works a department: those granted it are the usual assignees; those who see everything now and then.
        const entries = options.staff
          .filter((s) => Staff.worksIn(s, d.departmentId))
          .map((s) => [s, s.departmentIds.includes(d.departmentId) && !["owner", "admin", "dispatcher"].includes(s.role) ? 10 : 1] as const);
        return [d.departmentId, entries];
      }),
    );
    const registrars = options.staff.filter((s) => ["owner", "admin", "dispatcher", "supervisor"].includes(s.role));

    // Numbers follow whatever the tenant already has.
    const start = (await Counter.read(tenantId, "seq#ticket")).get("seq#ticket") ?? 0;
    let items = 0;
    let written = 0;
    const counters = new Map<string, number>();
    const threads: string[] = [];
    const replyTargets: string[] = [];
    const records: TicketRecord[] = [];
    const customers: SeedCustomer[] = [];
    const threadEvery = threadCount ? Math.floor(total / threadCount) : 0;

    // Customers, with what registering one writes (the claim on the address, carrying the name) and what the search
    // index's reaction writes (the terms).
    function* customerBatches(): Generator<Batch> {
      const rows: object[] = [];
      const claims: object[] = [];
      const terms: object[] = [];
      for (let i = 0; i < customerCount; i++) {
        const first = pick(random, FIRST);
        const last = pick(random, LAST);
        const name = `${first} ${last}`;
        const email = `${first}.${last}.${i}@${pick(random, DOMAINS)}`.toLowerCase();
        const phone = random() < 0.3 ? `+380 ${String(10 + Math.floor(random() * 89))} ${String(1_000_000 + i).slice(1)}` : undefined;
        const createdAt = new Date(now - 400 * DAY + Math.floor(random() * 30 * DAY)).toISOString();
        const customer = { tenantId, customerId: createId(), name, email, phone, createdAt, updatedAt: createdAt };
        customers.push({ customerId: customer.customerId, name, email });
        rows.push(customer);
        claims.push({ tenantId, email, customerId: customer.customerId, name });
        for (const term of Customer.termsOf(customer)) terms.push({ tenantId, term, customerId: customer.customerId });
      }
      yield* chunks("customer", rows);
      yield* chunks("customerEmail", claims);
      yield* chunks("customerTerm", terms);
    }
    await drain(db, customerBatches(), concurrency, (b) => (items += b.items.length));
    const customersDone = performance.now();

    const statuses: (readonly [Status, number])[] = [
      ["new", 4],
      ["open", 9],
      ["pending", 5],
      ["on_hold", 2],
      ["solved", 15],
      ["closed", 65],
    ];
    const levels: (readonly [Level, number])[] = [
      ["low", 3],
      ["medium", 5],
      ["high", 2],
    ];

    function makeTicket(index: number) {
      const number = start + index + 1;
      const ticketId = createId();
      const thread = threadEvery > 0 && index % threadEvery === 0 && threads.length < threadCount;
      const departmentId = weighted(random, departments);
      const status: Status = thread ? "open" : weighted(random, statuses);
      const unsolved = Ticket.Lifecycle.UNSOLVED.includes(status);
      const deleted = !thread && random() < 0.01;
      const unassignedShare = status === "new" ? 0.7 : unsolved ? 0.1 : 0.02;
      const candidates = workers.get(departmentId) ?? [];
      const assignee = candidates.length && (thread || random() >= unassignedShare) ? weighted(random, candidates) : undefined;
      const impact = weighted(random, levels);
      const urgency = weighted(random, levels);
      const priority: Priority = random() < 0.05 ? pick(random, Ticket.Lifecycle.Priorities) : Ticket.Lifecycle.priorityOf(impact, urgency);
      const type = weighted(random, [
        ["incident", 5],
        ["service_request", 3],
        ["information_request", 3],
        ["documentation_request", 1],
        ["change_request", 1],
      ] as const);
      const channel = weighted(random, [
        ["email", 60],
        ["portal", 20],
        ["agent", 15],
        ["api", 5],
      ] as const);
      const customer = customers[Math.floor(random() ** 1.5 * customers.length)]!; // some customers write often
      const registrar = channel === "agent" || channel === "api" ? (registrars.length ? pick(random, registrars) : undefined) : undefined;
      const by: Event.EventActor = registrar
        ? { type: "staff", id: registrar.staffId, name: registrar.name }
        : { type: "customer", id: customer.customerId, name: customer.name };
      // Unsolved tickets are recent; solved and closed ones spread over the year.
      const age = unsolved ? random() * 21 * DAY : random() * 365 * DAY;
      const created = now - age - DAY;
      const updated = created + random() * Math.min(age, 7 * DAY);
      const createdAt = new Date(created).toISOString();
      const updatedAt = new Date(updated).toISOString();
      const firstBody = `${pick(random, PROBLEMS)}. ${body(random, 2 + Math.floor(random() * 4))}`;
      const subject = `${pick(random, PROBLEMS)}${random() < 0.3 ? ` #${10000 + Math.floor(random() * 90000)}` : ""}`;
      const tags = random() < 0.4 ? [...new Set([pick(random, TAGS), ...(random() < 0.3 ? [pick(random, TAGS)] : [])])] : [];
      const responded = status !== "new" && assignee !== undefined;
      const firstResponseAt = responded ? new Date(created + Math.min(updated - created, random() * 8 * 3_600_000)).toISOString() : undefined;
      const state = { status, priority, departmentId, assigneeId: assignee?.staffId, deletedAt: deleted ? updatedAt : undefined };

      const messages: object[] = [];
      const first = {
        tenantId,
        ticketId,
        messageId: createId(),
        kind: "customer",
        authorType: "customer",
        authorId: customer.customerId,
        authorName: customer.name,
        body: firstBody,
        createdAt,
        enteredBy: registrar && channel === "agent" ? registrar.staffId : undefined,
      };
      messages.push(first);
      let preview = previewOf(firstBody);
      if (thread) {
        const step = (updated - created) / threadLength;
        for (let m = 1; m < threadLength; m++) {
          const kind = m % 5 === 4 ? "note" : m % 2 === 1 ? "reply" : "customer";
          const text = kind === "reply" ? pick(random, REPLIES) : kind === "note" ? pick(random, NOTES) : body(random, 2);
          const staffAuthor = kind !== "customer";
          messages.push({
            tenantId,
            ticketId,
            messageId: createId(),
            kind,
            authorType: staffAuthor ? "staff" : "customer",
            authorId: staffAuthor ? assignee!.staffId : customer.customerId,
            authorName: staffAuthor ? assignee!.name : customer.name,
            body: text,
            createdAt: new Date(created + step * m).toISOString(),
          });
          if (kind !== "note") preview = previewOf(text);
        }
      }
      const lastBy = responded ? { type: "staff" as const, id: assignee!.staffId, name: assignee!.name } : by;
      const ticket = {
        tenantId,
        ticketId,
        number,
        subject,
        status,
        priority,
        impact,
        urgency,
        type,
        channel,
        origin: channel === "agent" ? weighted(random, [["phone", 6], ["in_person", 1], ["chat", 2], ["other", 1]] as const) : undefined,
        departmentId,
        assigneeId: assignee?.staffId,
        tags,
        requesterId: customer.customerId,
        requesterName: customer.name,
        requesterEmail: customer.email,
        participants: [customer.email],
        createdAt,
        createdBy: by.type === "staff" ? by.id : by.type,
        updatedAt,
        updatedBy: lastBy.type === "staff" ? lastBy.id : `${lastBy.type}:${lastBy.id}`,
        updatedByName: lastBy.name,
        firstResponseAt,
        solvedAt: status === "solved" || status === "closed" ? updatedAt : undefined,
        closedAt: status === "closed" ? updatedAt : undefined,
        lastCustomerActivityAt: createdAt,
        lastAgentActivityAt: firstResponseAt,
        version: status === "new" && !deleted ? 1 : 2 + Math.floor(random() * 5),
        deletedAt: state.deletedAt,
        deletedBy: deleted ? (lastBy.type === "staff" ? lastBy.id : registrars[0]?.staffId ?? "system") : undefined,
        preview,
        messageCount: messages.length,
        ...Ticket.Queue.queueAttributes(state),
      } satisfies TicketRecord;
      // What Event.write records when the core opens a ticket.
      const draft: Event.Draft = {
        action: "ticket.create",
        target: { type: "ticket", id: ticketId, label: `#${number}` },
        departmentId,
        after: { subject, requester: customer.customerId, departmentId, status, priority, type, assigneeId: assignee?.staffId ?? null, tags, channel },
      };
      const event = options.events ? Event.entry(by, draft, createdAt) : undefined;
      for (const key of Ticket.Queue.countKeys(state)) counters.set(key, (counters.get(key) ?? 0) + 1);
      if (thread) threads.push(ticketId);
      else if (unsolved && status !== "new" && assignee && !deleted && replyTargets.length < 1000) replyTargets.push(ticketId);
      if (options.keepRecords) records.push(ticket as TicketRecord);
      return { ticket, number: { tenantId, number, ticketId }, messages, event };
    }

    // Tickets, in slices of 100 (generating one blocks the event loop for a few ms): 25-item batches each.
    const SLICE = 100;
    function* ticketBatches(): Generator<Batch> {
      for (let from = 0; from < total; from += SLICE) {
        const made = Array.from({ length: Math.min(SLICE, total - from) }, (_, k) => makeTicket(from + k));
        yield* chunks("ticket", made.map((m) => m.ticket));
        yield* chunks("ticketNumber", made.map((m) => m.number));
        yield* chunks("message", made.flatMap((m) => m.messages));
        if (options.events) yield* chunks("event", made.map((m) => m.event!));
      }
    }
    await drain(db, ticketBatches(), concurrency, (b) => {
      items += b.items.length;
      if (b.entity === "ticket") {
        written += b.items.length;
        options.onProgress?.(written, total);
      }
    });

    const ticketsDone = performance.now();

    // The queue counters and the number sequence, moved on by what was written.
    await Promise.all(
      [...counters].map(([name, value]) => db.entities.counter.update({ tenantId, name }).add({ value }).go()),
    );
    await db.entities.counter.update({ tenantId, name: "seq#ticket" }).add({ value: total }).go();
    items += counters.size + 1;

    return {
      tenantId,
      tickets: total,
      customers: customerCount,
      items,
      seconds: (performance.now() - started) / 1000,
      phases: {
        customers: (customersDone - started) / 1000,
        tickets: (ticketsDone - customersDone) / 1000,
        counters: (performance.now() - ticketsDone) / 1000,
      },
      firstNumber: start + 1,
      lastNumber: start + total,
      threads,
      replyTargets,
      customerEmails: customers.slice(0, 500).map((c) => c.email),
      counters: Object.fromEntries(counters),
      ...(options.keepRecords ? { records } : {}),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The bench tenant: a workspace on the Pro plan with several departments and a few staff, then N tickets.

export const BENCH_PASSWORD = "benchmark passphrase";

export interface BenchLogin {
  slug: string;
  email: string;
  password: string;
}

export interface BenchTenant {
  version: number;
  /** The shape of the core's entities when the data was seeded (see schemaFingerprint). */
  schema: string;
  tenantId: string;
  tickets: number;
  /** Seeding time, seconds (the time of the run that seeded, when reused). */
  seconds: number;
  /** Seconds signing up the workspace with its departments and staff, then as in SeedResult. */
  phases: { setup: number } & SeedResult["phases"];
  items: number;
  departments: { departmentId: string; name: string }[];
  /** The owner (sees everything). */
  owner: BenchLogin;
  /** An agent who works two departments. */
  agent: BenchLogin & { departmentIds: string[] };
  threads: string[];
  replyTargets: string[];
  customerEmails: string[];
  departmentIds: string[];
}

/** Bumped when what is seeded changes: a kept dataset of another version is seeded again. */
export const SEED_VERSION = 7;

/**
 * A digest of the keys and attributes of the entities seeded: a kept dataset seeded before the core changed them
 * (a new index, a new required attribute) is seeded again rather than read wrongly.
 */
export function schemaFingerprint(): string {
  const seeded = ["ticket", "message", "ticketNumber", "customer", "customerEmail", "customerTerm", "counter"] as const;
  const shapes = seeded.map((name) => (entities[name] as unknown as { schema: unknown }).schema);
  return createHash("sha256").update(JSON.stringify(shapes)).digest("hex").slice(0, 16);
}

const BENCH_DEPARTMENTS = [
  { name: "Support", weight: 40 },
  { name: "Technical", weight: 25 },
  { name: "Billing", weight: 20 },
  { name: "Sales", weight: 10 },
  { name: "Complaints", weight: 5 },
];

/** Signs up a bench workspace, puts it on the Pro plan, adds departments and staff, and seeds `tickets` tickets. */
export async function seedBenchTenant(
  tickets: number,
  options: {
    slug?: string;
    onProgress?: SeedOptions["onProgress"];
    stream?: Pick<StreamPoller, "settle" | "skip">;
    /** Around the bulk load: the table's stream off, then on again (ensureDataset says why). */
    bulk?: { before(): Promise<unknown>; after(): Promise<unknown> };
  } = {},
): Promise<BenchTenant> {
  const started = performance.now();
  const slug = options.slug ?? `bench-${tickets}`;
  const ownerEmail = `owner@${slug}.example`;
  const signup = await Signup.signup({ workspaceName: `Bench ${tickets}`, slug, ownerName: "Olga Owner", email: ownerEmail, password: BENCH_PASSWORD });
  const tenantId = signup.tenant.tenantId;
  // A tenant with this many tickets is on the plan without a daily ticket limit.
  await useDb().entities.tenant.patch({ tenantId }).set({ planId: "pro", planStatus: "active" }).go();
  Workspace.changed(tenantId);
  const owner = {
    type: "staff",
    tenantId,
    staffId: signup.staff.staffId,
    role: signup.staff.role,
    name: signup.staff.name,
    departmentIds: signup.staff.departmentIds,
    sessionId: "seed",
  } as const;
  const departments = await withActor(owner, async () => {
    const made = [{ departmentId: signup.staff.departmentIds[0]!, name: "Support" }];
    for (const d of BENCH_DEPARTMENTS.slice(1)) made.push({ departmentId: (await Department.create({ name: d.name })).departmentId, name: d.name });
    return made;
  });
  const id = (name: string) => departments.find((d) => d.name === name)!.departmentId;
  const team = [
    { name: "Dora Dispatcher", role: "dispatcher", departmentIds: [] },
    { name: "Sam Supervisor", role: "supervisor", departmentIds: [id("Support"), id("Technical")] },
    { name: "Alex Agent", role: "agent", departmentIds: [id("Support"), id("Billing")] },
    { name: "Bea Agent", role: "agent", departmentIds: [id("Technical")] },
    { name: "Chen Agent", role: "agent", departmentIds: [id("Support"), id("Complaints")] },
    { name: "Dev Agent", role: "agent", departmentIds: [id("Billing"), id("Sales")] },
  ] as const;
  // Password hashing dominates creating staff: two at a time, one per core.
  const staff: SeedStaff[] = [{ staffId: owner.staffId, name: owner.name, role: owner.role, departmentIds: owner.departmentIds }];
  for (let i = 0; i < team.length; i += 2) {
    const infos = await Promise.all(
      team.slice(i, i + 2).map((member) =>
        withActor(owner, () =>
          Staff.create({
            name: member.name,
            email: `${member.name.split(" ")[0]!.toLowerCase()}@${slug}.example`,
            role: member.role,
            departmentIds: [...member.departmentIds],
            password: BENCH_PASSWORD,
          }),
        ),
      ),
    );
    for (const info of infos) staff.push({ staffId: info.staffId, name: info.name, role: info.role, departmentIds: info.departmentIds });
  }
  // The workspace's own set-up has its reactions run; the bulk load below writes what its reactions would (counts,
  // search terms), so the stream is then marked read past it.
  await options.stream?.settle(120_000);
  const setupSeconds = (performance.now() - started) / 1000;
  await options.bulk?.before();
  const seeded = await seedTickets({
    tenantId,
    tickets,
    departments: BENCH_DEPARTMENTS.map((d) => ({ departmentId: id(d.name), weight: d.weight })),
    staff,
    onProgress: options.onProgress,
  });
  if (options.bulk) await options.bulk.after();
  else await options.stream?.skip();
  const agent = team[2];
  return {
    version: SEED_VERSION,
    schema: schemaFingerprint(),
    tenantId,
    tickets,
    seconds: (performance.now() - started) / 1000,
    phases: { setup: setupSeconds, ...seeded.phases },
    items: seeded.items,
    departments,
    owner: { slug, email: ownerEmail, password: BENCH_PASSWORD },
    agent: { slug, email: `alex@${slug}.example`, password: BENCH_PASSWORD, departmentIds: agent.departmentIds.slice() },
    threads: seeded.threads,
    replyTargets: seeded.replyTargets,
    customerEmails: seeded.customerEmails,
    departmentIds: departments.map((d) => d.departmentId),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Kept datasets: `.data/bench/tickets-<N>` holds DynamoDB Local's database and a manifest written once seeding is done.

/** `.data/bench` at the root of the checkout (git-ignored with `.data/`). */
export const BENCH_DATA = fileURLToPath(new URL("../../../.data/bench", import.meta.url));
export const BENCH_TABLE = "frontline";

export function datasetDir(tickets: number): string {
  return join(BENCH_DATA, `tickets-${tickets}`);
}

/** The manifest of a complete kept dataset, or why there is none usable. */
export function readManifest(tickets: number): BenchTenant | { missing: string } {
  const dir = datasetDir(tickets);
  const file = join(dir, "manifest.json");
  if (!existsSync(file) || !existsSync(join(dir, DB_FILE))) return { missing: "none kept" };
  try {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as BenchTenant;
    if (manifest.version !== SEED_VERSION) return { missing: `the kept one is of seeding version ${manifest.version}, not ${SEED_VERSION}` };
    if (manifest.schema !== schemaFingerprint()) return { missing: "the core's entities changed since it was seeded" };
    if (manifest.tickets !== tickets) return { missing: `the kept one has ${manifest.tickets} tickets` };
    return manifest;
  } catch (error) {
    return { missing: `its manifest is unreadable (${(error as Error).message})` };
  }
}

/**
 * A folder in RAM where there is one (Linux's /dev/shm), for DynamoDB Local's SQLite file: no fsync per write. It is
 * removed by `remove()`, or when the process exits (on Ctrl-C too: see onInterrupt) so that it never holds RAM after.
 */
export function scratchDir(name: string): { dir: string; remove(): void } {
  const base = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
  const dir = join(base, `frontline-${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const remove = () => {
    process.off("exit", remove);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", remove);
  return { dir, remove };
}

/** Ends the process on Ctrl-C through its exit handlers (which stop DynamoDB Local and remove scratch folders). */
export function onInterrupt(): void {
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
}

export const DB_FILE = "shared-local-instance.db";

/**
 * The dataset of a bench tenant with `tickets` tickets: reused when a complete one is kept, seeded (from scratch)
 * otherwise. Seeding runs DynamoDB Local on a scratch folder in RAM (on disk, SQLite syncs every write: ~4x slower);
 * the finished database file is then copied to `.data/bench/tickets-<N>`, and the manifest written last marks it
 * complete. Returns the manifest and whether it was seeded now.
 */
export async function ensureDataset(tickets: number, log: (line: string) => void = console.log): Promise<{ manifest: BenchTenant; seeded: boolean }> {
  const existing = readManifest(tickets);
  if (!("missing" in existing)) return { manifest: existing, seeded: false };
  const dir = datasetDir(tickets);
  const { dir: scratch, remove } = scratchDir(`seed-${tickets}`);
  rmSync(dir, { recursive: true, force: true });
  log(`Seeding ${tickets.toLocaleString("en")} tickets (${existing.missing}; DynamoDB Local on ${scratch}, kept in ${dir}) ...`);
  try {
    const dynamo = await startDynamoLocal({ dataDir: scratch });
    let manifest: BenchTenant;
    try {
      await ensureTable(dynamo.endpoint, BENCH_TABLE);
      configure({ tableName: BENCH_TABLE, dynamoEndpoint: dynamo.endpoint });
      await Plan.ensureCatalog();
      let reported = 0;
      let lastAt = performance.now();
      const stream = streamPoller({ endpoint: dynamo.endpoint, tableName: BENCH_TABLE, handler: changeHandler() });
      // The bulk load writes with the stream off: DynamoDB Local slows every write to a streamed table as its stream
      // records pile up (core/config.ts, localCredentials), and a million records kept in the dataset would slow the
      // bench's own writes too. It is turned on again, empty, for the bench.
      const streamOn = (enabled: boolean) =>
        localClient(dynamo.endpoint).send(
          new UpdateTableCommand({ TableName: BENCH_TABLE, StreamSpecification: enabled ? { StreamEnabled: true, StreamViewType: Table.streamViewType } : { StreamEnabled: false } }),
        );
      manifest = await seedBenchTenant(tickets, {
        stream,
        bulk: { before: () => streamOn(false), after: () => streamOn(true) },
        onProgress(written, total) {
          if (written - reported >= 10_000 || written === total) {
            const now = performance.now();
            log(`  ${written.toLocaleString("en")} / ${total.toLocaleString("en")} tickets (${Math.round((written - reported) / ((now - lastAt) / 1000))} tickets/s)`);
            reported = written;
            lastAt = now;
          }
        },
      });
    } finally {
      await dynamo.stop();
    }
    const copyStarted = performance.now();
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(scratch, DB_FILE), join(dir, `${DB_FILE}.part`));
    renameSync(join(dir, `${DB_FILE}.part`), join(dir, DB_FILE));
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
    const size = statSync(join(dir, DB_FILE)).size;
    const { setup, customers, tickets: writing, counters } = manifest.phases;
    log(
      `Seeded ${tickets.toLocaleString("en")} tickets (${manifest.items.toLocaleString("en")} items) in ${manifest.seconds.toFixed(1)} s ` +
        `(${Math.round(manifest.items / manifest.seconds).toLocaleString("en")} items/s: workspace and staff ${setup.toFixed(1)} s, ` +
        `customers ${customers.toFixed(1)} s, tickets ${writing.toFixed(1)} s, counters ${counters.toFixed(1)} s); ` +
        `kept ${(size / 2 ** 20).toFixed(0)} MiB in ${((performance.now() - copyStarted) / 1000).toFixed(1)} s (load average ${loadavg()[0]!.toFixed(1)})`,
    );
    return { manifest, seeded: true };
  } finally {
    remove();
  }
}

/** A working copy of a kept dataset in RAM, for one bench run (which writes to it); `remove()` deletes it. */
export function workingCopy(tickets: number): { dir: string; remove(): void } {
  const scratch = scratchDir(`bench-${tickets}`);
  mkdirSync(scratch.dir, { recursive: true });
  copyFileSync(join(datasetDir(tickets), DB_FILE), join(scratch.dir, DB_FILE));
  return scratch;
}

/** `--tickets 1000,100000` or BENCH_TICKETS=1000,100000 (default both). */
export function ticketSizes(argv: readonly string[] = process.argv.slice(2), env = process.env.BENCH_TICKETS): number[] {
  const flag = argv.findIndex((a) => a === "--tickets" || a.startsWith("--tickets="));
  const raw = flag >= 0 ? (argv[flag]!.includes("=") ? argv[flag]!.split("=")[1] : argv[flag + 1]) : env;
  const sizes = (raw ?? "1000,100000")
    .split(",")
    .map((s) => s.trim().toLowerCase().replace(/_/g, ""))
    .filter(Boolean)
    .map((s) => (s.endsWith("k") ? Number(s.slice(0, -1)) * 1000 : Number(s)));
  for (const size of sizes) if (!Number.isInteger(size) || size < 10) throw new Error(`--tickets takes whole numbers of at least 10, got "${raw}"`);
  return sizes;
}

async function main() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  onInterrupt();
  const force = process.argv.includes("--force");
  for (const tickets of ticketSizes()) {
    if (force) rmSync(datasetDir(tickets), { recursive: true, force: true });
    const { manifest, seeded } = await ensureDataset(tickets);
    if (!seeded) console.log(`${datasetDir(tickets)} already holds ${tickets.toLocaleString("en")} seeded tickets (seeded in ${manifest.seconds.toFixed(1)} s); --force seeds again`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
