import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useDb } from "@frontline/core/db";
import { Inbound } from "@frontline/core/email/inbound";
import { Operator } from "@frontline/core/operator";
import { Failures, padSequence } from "@frontline/core/stream";
import { createApp } from "../src/api/app";
import { openApiDocument } from "../src/api/openapi";
import { rawMail } from "../../test/support/mail";
import { settle, useTestTable } from "../../test/support/db";
import { caller, signupVia, type Caller, type Fetch, type Workspace } from "../../test/support/api";

/**
 * Pagination cursors are opaque and signed for one workspace and one list. Every list route (every GET with a
 * `cursor` parameter in the OpenAPI document, so a new one joins) pages to its end, and answers a made-up or altered
 * cursor, another workspace's, or another list's with a 400 on `cursor`: never a 500, never data.
 */
const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);
const operatorAccount = { email: "paging-operator@frontline.localhost", name: "Paging Operator", password: "operator passphrase" };

interface Seeded extends Workspace {
  customerId: string;
  ticketId: string;
}

interface ListCase {
  /** The list's path in a workspace (a query that chooses it, without cursor or limit). */
  path: (w: Seeded) => string;
  /** Whose list it is: a workspace's staff, or the platform's operators. */
  by: "staff" | "operator";
  /** The array of a page's items (none: the answer is not a page, e.g. a CSV export). */
  items?: string;
  /** Another route that reads the same list (its cursors are valid here). */
  sameListAs?: string;
}

const cases: Record<string, ListCase> = {
  "GET /api/tickets": { path: () => "/api/tickets?view=all&sort=updated", by: "staff", items: "tickets" },
  "GET /api/search": { path: () => "/api/search?q=paged", by: "staff", items: "tickets" },
  "GET /api/customers": { path: () => "/api/customers", by: "staff", items: "customers" },
  "GET /api/customers/:id": { path: (w) => `/api/customers/${w.customerId}`, by: "staff", items: "tickets" },
  "GET /api/tickets/:id/events": { path: (w) => `/api/tickets/${w.ticketId}/events`, by: "staff", items: "events" },
  "GET /api/events": { path: () => "/api/events", by: "staff", items: "events" },
  "GET /api/events/export.csv": { path: () => "/api/events/export.csv", by: "staff", sameListAs: "GET /api/events" },
  "GET /api/mail": { path: () => "/api/mail", by: "staff", items: "mail" },
  "GET /api/outbox": { path: () => "/api/outbox", by: "staff", items: "entries" },
  "GET /api/notifications": { path: () => "/api/notifications", by: "staff", items: "notifications" },
  "GET /api/billing/ledger": { path: () => "/api/billing/ledger", by: "staff", items: "entries" },
  "GET /api/operator/workspaces": { path: () => "/api/operator/workspaces", by: "operator", items: "workspaces" },
  "GET /api/operator/events": { path: () => "/api/operator/events", by: "operator", items: "events" },
  "GET /api/operator/reactions/failures": { path: () => "/api/operator/reactions/failures?status=parked", by: "operator", items: "failures" },
};

/** Every documented GET that takes a cursor. */
function listRoutes(): string[] {
  const document = openApiDocument({ title: "t", version: "0" });
  const routes: string[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    const get = methods.get as { parameters: { name: string; in: string }[] } | undefined;
    if (get?.parameters.some((p) => p.in === "query" && p.name === "cursor")) routes.push(`GET ${path.replace(/\{(\w+)\}/g, ":$1")}`);
  }
  return routes.sort();
}

const withQuery = (path: string, query: string) => `${path}${path.includes("?") ? "&" : "?"}${query}`;

let a: Seeded;
let b: Seeded;
let operator: Caller;
const callerFor = (w: Seeded, list: ListCase) => (list.by === "operator" ? operator : w.as);

/** A workspace with at least two items in each of its lists. */
async function seed(): Promise<Seeded> {
  const w = await signupVia(fetcher);
  let first: { ticketId: string; requester: { customerId: string } } | undefined;
  for (let i = 0; i < 3; i++) {
    const created = await w.as.post("/api/tickets", { subject: `Paged ${i}`, body: "Body", requester: { email: `pager@${w.slug}.example` } });
    expect(created.status).toBe(201);
    first ??= (await created.json()).ticket;
  }
  await w.as.post(`/api/tickets/${first!.ticketId}/replies`, { body: "A reply" });
  for (let i = 0; i < 2; i++) {
    await Inbound.receive(await rawMail({ to: `${w.slug}@frontline.localhost`, from: `mailer${i}@${w.slug}.example`, subject: `Mail ${i}` }), {
      from: `mailer${i}@${w.slug}.example`,
      to: [`${w.slug}@frontline.localhost`],
    });
  }
  for (let i = 0; i < 2; i++) {
    const notificationId = `01NOTIFICATION${i}${randomBytes(6).toString("hex").toUpperCase()}`.slice(0, 26);
    await useDb().entities.notification.create({ tenantId: w.slug, staffId: w.staffId, notificationId, kind: "sla_breach", title: `Alert ${i}`, createdAt: new Date().toISOString() }).go();
  }
  // Two payments: the ledger's second and third entries, and the operators' log.
  for (let i = 0; i < 2; i++) expect((await operator.post(`/api/operator/workspaces/${w.slug}/payments`, { amountMinor: 1000, reference: `p${i}` })).status).toBe(201);
  await park(w.slug);
  await park(w.slug);
  await settle(); // the letters
  return { ...w, customerId: first!.requester.customerId, ticketId: first!.ticketId };
}

async function park(tenantId: string) {
  const sequenceNumber = String(Date.now()) + String(Math.floor(Math.random() * 1e6));
  const customerId = `c${randomBytes(6).toString("hex")}`;
  const change = {
    id: randomBytes(16).toString("hex"),
    seq: padSequence(sequenceNumber),
    sequenceNumber,
    kind: "insert" as const,
    entity: "customer",
    tenantId,
    keys: { pk: `t#${tenantId}#cust#${customerId}`, sk: "cust" },
    after: { __edb_e__: "customer", tenantId, customerId, name: "Parked", email: "parked@example.com" },
  };
  const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    for (let i = 0; i < Failures.MAX_DELIVERIES; i++) await Failures.recordFailure("customer.terms", change, new Error("failed"));
  } finally {
    quiet.mockRestore();
  }
}

/** The cursor of the first one-item page of `route` in `w`. */
async function cursorOf(w: Seeded, route: string): Promise<string> {
  const list = cases[route]!;
  const response = await callerFor(w, list).get(withQuery(list.path(w), "limit=1"));
  expect(response.status, route).toBe(200);
  const { cursor } = await response.json();
  expect(cursor, route).toEqual(expect.any(String));
  return cursor;
}

async function expectCursorRefused(response: Response, label: string, leaks: string[] = []) {
  const text = await response.text();
  expect(response.status, `${label}: ${text}`).toBe(400);
  const body = JSON.parse(text);
  expect(body.error.issues.map((i: { path: string }) => i.path), label).toEqual(["cursor"]);
  for (const leak of leaks) expect(text, label).not.toContain(leak);
}

beforeAll(async () => {
  await useTestTable();
  await Operator.ensure(operatorAccount);
  const { token } = await (await caller(fetcher).post("/api/operator/login", { email: operatorAccount.email, password: operatorAccount.password })).json();
  operator = caller(fetcher, { authorization: `Bearer ${token}` });
  a = await seed();
  b = await seed();
}, 120_000);

describe("pagination cursors", () => {
  it("has a case for every list route", () => {
    const routes = listRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes.filter((r) => !(r in cases))).toEqual([]);
    expect(Object.keys(cases).filter((r) => !routes.includes(r))).toEqual([]);
  });

  for (const [route, list] of Object.entries(cases)) {
    if (list.items) {
      it(`${route}: pages to the end with the cursors it gives, one item at a time, none twice`, async () => {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const response = await callerFor(a, list).get(withQuery(list.path(a), `limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`));
          expect(response.status).toBe(200);
          const body = await response.json();
          seen.push(...body[list.items!].map((item: unknown) => JSON.stringify(item)));
          cursor = body.cursor;
          pages++;
        } while (cursor && pages < 200);
        expect(cursor).toBeNull();
        expect(seen.length).toBeGreaterThanOrEqual(2);
        expect(new Set(seen).size).toBe(seen.length);
      });
    }

    it(`${route}: a made-up or altered cursor is a 400 on cursor`, async () => {
      const real = await cursorOf(a, list.sameListAs ?? route);
      const [state, mac] = real.split(".") as [string, string];
      const rawKey = Buffer.from(JSON.stringify({ pk: `t#${a.slug}`, sk: "x" })).toString("base64url");
      const forged = [
        "garbage",
        "bm90LWEtY3Vyc29y",
        rawKey, // what cursors were: a raw DynamoDB key
        `${rawKey}.${mac}`, // another position under a real signature
        `${state}.${mac.slice(0, -2)}${mac.endsWith("AA") ? "BB" : "AA"}`,
        `${state}x.${mac}`,
        "x".repeat(1999),
      ];
      for (const cursor of forged) {
        await expectCursorRefused(await callerFor(a, list).get(withQuery(list.path(a), `cursor=${encodeURIComponent(cursor)}`)), `${route} ${cursor.slice(0, 40)}`);
      }
    });

    if (list.by === "staff") {
      it(`${route}: workspace B cannot use workspace A's cursor (400 on cursor, nothing of A)`, async () => {
        const foreign = await cursorOf(a, list.sameListAs ?? route);
        const response = await b.as.get(withQuery(list.path(b), `cursor=${encodeURIComponent(foreign)}`));
        await expectCursorRefused(response, route, [a.slug, a.ticketId, a.customerId, a.staffId]);
        expect((await b.as.get("/api/me")).status).toBe(200); // B was signed in all along
      });
    }

    it(`${route}: refuses the cursor of every other list`, async () => {
      for (const other of Object.keys(cases)) {
        const source = cases[other]!;
        if (other === route || source.sameListAs === route || list.sameListAs === other || !source.items) continue;
        const cursor = await cursorOf(a, other);
        await expectCursorRefused(await callerFor(a, list).get(withQuery(list.path(a), `cursor=${encodeURIComponent(cursor)}`)), `${other} on ${route}`);
      }
    });
  }

  it("refuses a cursor on the same list with other filters", async () => {
    const mail = await cursorOf(a, "GET /api/mail");
    await expectCursorRefused(await a.as.get(`/api/mail?status=ticket_created&cursor=${encodeURIComponent(mail)}`), "mail by status");
    const events = await cursorOf(a, "GET /api/events");
    await expectCursorRefused(await a.as.get(`/api/events?actorId=${a.staffId}&cursor=${encodeURIComponent(events)}`), "events by actor");
    const queue = await cursorOf(a, "GET /api/tickets");
    await expectCursorRefused(await a.as.get(`/api/tickets?view=all&sort=priority&cursor=${encodeURIComponent(queue)}`), "queue by priority");
  });

  it("the export starts at the cursor of the event log it was given", async () => {
    const cursor = await cursorOf(a, "GET /api/events");
    const all = (await (await a.as.get("/api/events/export.csv")).text()).trim().split("\r\n");
    const rest = (await (await a.as.get(`/api/events/export.csv?cursor=${encodeURIComponent(cursor)}`)).text()).trim().split("\r\n");
    expect(rest.length).toBe(all.length - 1);
    expect(rest.slice(1)).toEqual(all.slice(2));
  });
});
