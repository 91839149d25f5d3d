import { createHash } from "node:crypto";
import type { ClientRequest, ClientRequestArgs, IncomingMessage } from "node:http";
import { PassThrough } from "node:stream";
import { Client, Connection } from "@opensearch-project/opensearch";
import { configurePorts, usePorts, type SearchQuery, type SearchTicketDoc } from "@frontline/core/port";
import { afterEach, describe, expect, it } from "vitest";
import { configureAwsPorts } from "./ports";
import { CANDIDATES, DELETE_PAGE, MAPPINGS, documentId, openSearchClient, openSearchIndex } from "./opensearch-search";
import { configureSearchPort } from "./search-port";

/**
 * The OpenSearch adapter against the client's exact requests: the real `Client` with a Connection that records each
 * request (method, path, query string, JSON or NDJSON body, the headers as they would be sent) and answers from a
 * canned responder, so nothing reaches a network.
 */

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string>;
  rawBody: string;
}

type Reply = { status: number; body?: unknown };
type Responder = (request: Recorded) => Reply | undefined;

const ENDPOINT = "https://abc123xyz.eu-west-1.aoss.amazonaws.com";
const TENANT = "01TENANTAAAAAAAAAAAAAAAAAA";
const PREFIX = "frontline";

/** A Connection class (over `Base`) that records into `log` and answers with `respond` (200 {} when it says nothing). */
function recording(Base: typeof Connection, log: Recorded[], respond: Responder): typeof Connection {
  return class extends Base {
    override request(params: Parameters<Connection["request"]>[0], callback: Parameters<Connection["request"]>[1]): ClientRequest {
      // buildRequestObject is where the signing connection signs: these are the headers that would be sent.
      const built = this.buildRequestObject(params) as ClientRequestArgs;
      const rawBody = typeof params.body === "string" ? params.body : params.body ? String(params.body) : "";
      const parse = (text: string) => {
        if (!text) return undefined;
        const path = String(params.path);
        if (path.endsWith("/_bulk")) return text.trim().split("\n").map((line) => JSON.parse(line));
        return JSON.parse(text);
      };
      const recorded: Recorded = {
        method: String(params.method),
        path: String(params.path),
        query: Object.fromEntries(new URLSearchParams(String(params.querystring ?? ""))),
        body: parse(rawBody),
        headers: Object.fromEntries(Object.entries(built.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)])),
        rawBody,
      };
      log.push(recorded);
      const reply = respond(recorded) ?? { status: 200, body: {} };
      const payload = reply.body === undefined || recorded.method === "HEAD" ? "" : JSON.stringify(reply.body);
      const response = Object.assign(new PassThrough(), {
        statusCode: reply.status,
        headers: { "content-type": "application/json; charset=UTF-8", "content-length": String(Buffer.byteLength(payload)) },
      });
      process.nextTick(() => {
        callback(null, response as unknown as IncomingMessage);
        response.end(payload);
      });
      return { abort() {} } as unknown as ClientRequest;
    }
  } as unknown as typeof Connection;
}

/** An adapter on a recording client; every index exists unless `respond` says otherwise. */
function harness(respond: Responder = () => undefined) {
  const log: Recorded[] = [];
  const client = new Client({ node: ENDPOINT, Connection: recording(Connection, log, respond), maxRetries: 0 });
  const index = openSearchIndex(client, { prefix: PREFIX });
  return { log, index, client };
}

const hits = (list: { _id?: string; _source: Record<string, unknown>; sort?: unknown[] }[], total = list.length) => ({
  took: 1,
  timed_out: false,
  hits: { total: { value: total, relation: total >= 1000 ? "gte" : "eq" }, max_score: 1, hits: list.map((h, i) => ({ _index: "x", _id: h._id ?? `id${i}`, _score: 1, ...h })) },
});
const noHits = () => hits([]);

const ticket = (overrides: Partial<SearchTicketDoc> = {}): SearchTicketDoc => ({
  tenantId: TENANT,
  ticketId: "01TICKET0000000000000000001",
  version: 7,
  number: 42,
  status: "open",
  priority: "high",
  departmentId: "dep-billing",
  assigneeId: "none",
  tags: ["vip", "refund"],
  requesterId: "cust-1",
  organizationId: "org-1",
  createdAt: "2026-01-02T03:04:05.000Z",
  updatedAt: "2026-01-03T03:04:05.000Z",
  deleted: false,
  subject: "Refund for invoice",
  subjectTerms: "refund invoic invoice 42",
  peopleTerms: "carla carla@example.com",
  ...overrides,
});

const query = (overrides: Partial<SearchQuery> = {}): SearchQuery => ({
  tenantId: TENANT,
  words: [["refund", "refun"], ["invoic"]],
  departments: "all",
  deleted: "exclude",
  sort: "relevance",
  offset: 0,
  limit: 20,
  people: 5,
  ...overrides,
});

const searchesOf = (log: Recorded[], index: string) => log.filter((r) => r.path === `/${PREFIX}-${index}/_search`);
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("index creation", () => {
  it("makes each index with its explicit mappings the first time a document goes in, once per process", async () => {
    const { log, index } = harness((r) => (r.method === "HEAD" ? { status: 404 } : undefined));
    await index.putTicket(ticket());
    await index.putTicket(ticket({ version: 8 }));
    expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
      `HEAD /${PREFIX}-tickets`,
      `PUT /${PREFIX}-tickets`,
      `PUT /${PREFIX}-tickets/_doc/${encodeURIComponent(documentId(TENANT, ticket().ticketId))}`,
      `PUT /${PREFIX}-tickets/_doc/${encodeURIComponent(documentId(TENANT, ticket().ticketId))}`,
    ]);
    const mappings = (log[1]!.body as Body).mappings;
    expect(mappings).toEqual(MAPPINGS.ticket);
    const terms = { type: "text", analyzer: "whitespace", index_options: "docs", norms: false };
    expect(mappings).toMatchObject({
      dynamic: "strict",
      properties: {
        subjectTerms: terms,
        peopleTerms: terms,
        tenantId: { type: "keyword" },
        status: { type: "keyword" },
        departmentId: { type: "keyword" },
        assigneeId: { type: "keyword" },
        tags: { type: "keyword" },
        requesterId: { type: "keyword" },
        organizationId: { type: "keyword" },
        createdAt: { type: "date" },
        updatedAt: { type: "date" },
        deleted: { type: "boolean" },
        subject: { type: "text", index: false },
      },
    });
    // Every field a put sends is mapped (the mapping is strict), and nothing else is.
    expect(Object.keys(log[2]!.body as Body).sort()).toEqual(Object.keys(MAPPINGS.ticket.properties).sort());
  });

  it("maps each kind's terms as whitespace-analysed text, its ids and filters as keywords, and its raw text unindexed", () => {
    for (const kind of ["message", "customer", "organization"] as const) {
      expect(MAPPINGS[kind].properties.terms, kind).toEqual({ type: "text", analyzer: "whitespace", index_options: "docs", norms: false });
      expect(MAPPINGS[kind].properties.tenantId, kind).toEqual({ type: "keyword" });
    }
    expect(MAPPINGS.message.properties).toMatchObject({
      ticketId: { type: "keyword" },
      messageId: { type: "keyword" },
      createdAt: { type: "date" },
      text: { type: "text", index: false },
      authorName: { type: "keyword", index: false },
    });
    expect(MAPPINGS.customer.properties).toMatchObject({ name: { index: false }, email: { index: false }, phone: { index: false } });
    expect(MAPPINGS.organization.properties).toMatchObject({ name: { index: false }, domains: { index: false } });
  });

  it("leaves an existing index alone, and takes one made meanwhile by another process as made", async () => {
    const existing = harness();
    await existing.index.putCustomer({ tenantId: TENANT, customerId: "c1", version: 5, name: "Carla", terms: "carla" });
    expect(existing.log.map((r) => r.method)).toEqual(["HEAD", "PUT"]);
    expect(existing.log[1]!.path).toContain("/_doc/");

    const raced = harness((r) =>
      r.method === "HEAD"
        ? { status: 404 }
        : r.method === "PUT" && r.path === `/${PREFIX}-organizations`
          ? { status: 400, body: { error: { type: "resource_already_exists_exception", reason: "exists" }, status: 400 } }
          : undefined,
    );
    await raced.index.putOrganization({ tenantId: TENANT, organizationId: "o1", version: 1, name: "Acme", domains: ["acme.example"], terms: "acme" });
    expect(raced.log.map((r) => `${r.method} ${r.path.split("/_doc/")[0]}`)).toEqual([
      `HEAD /${PREFIX}-organizations`,
      `PUT /${PREFIX}-organizations`,
      `PUT /${PREFIX}-organizations`,
    ]);
  });

  it("fails a put whose index cannot be made, and tries again on the next put", async () => {
    let fail = true;
    const { log, index } = harness((r) => {
      if (r.method === "HEAD") return { status: 404 };
      if (r.method === "PUT" && r.path === `/${PREFIX}-messages` && fail) return { status: 403, body: { error: { type: "security_exception" }, status: 403 } };
      return undefined;
    });
    const message = { tenantId: TENANT, ticketId: "t1", messageId: "m1", createdAt: "2026-01-01T00:00:00.000Z", authorName: "Ann", text: "hi", terms: "hi" };
    await expect(index.putMessage(message)).rejects.toThrow();
    fail = false;
    await index.putMessage(message);
    expect(log.filter((r) => r.method === "HEAD")).toHaveLength(2);
  });
});

describe("writes", () => {
  it("puts a ticket under its tenant's id with its version as an external version, and takes a 409 (older) as done", async () => {
    const { log, index } = harness((r) => (r.path.includes("/_doc/") ? { status: 409, body: { error: { type: "version_conflict_engine_exception" }, status: 409 } } : undefined));
    await expect(index.putTicket(ticket())).resolves.toBeUndefined();
    const put = log.at(-1)!;
    expect(put.method).toBe("PUT");
    expect(put.path).toBe(`/${PREFIX}-tickets/_doc/${encodeURIComponent(`${TENANT}:01TICKET0000000000000000001`)}`);
    expect(put.query).toEqual({ version: "7", version_type: "external" });
    expect(put.body).toEqual({
      tenantId: TENANT,
      ticketId: "01TICKET0000000000000000001",
      number: 42,
      status: "open",
      priority: "high",
      departmentId: "dep-billing",
      assigneeId: "none",
      tags: ["vip", "refund"],
      requesterId: "cust-1",
      organizationId: "org-1",
      createdAt: "2026-01-02T03:04:05.000Z",
      updatedAt: "2026-01-03T03:04:05.000Z",
      deleted: false,
      subject: "Refund for invoice",
      subjectTerms: "refund invoic invoice 42",
      peopleTerms: "carla carla@example.com",
    });
  });

  it("fails a put the engine refuses for another reason", async () => {
    const { index } = harness((r) => (r.path.includes("/_doc/") ? { status: 400, body: { error: { type: "strict_dynamic_mapping_exception" }, status: 400 } } : undefined));
    await expect(index.putTicket(ticket())).rejects.toThrow(/strict_dynamic_mapping_exception|400/);
  });

  it("creates a message once by its id (op_type create), a second time being a 409 that changes nothing", async () => {
    const { log, index } = harness((r) => (r.path.includes("/_doc/") ? { status: 409, body: { error: { type: "version_conflict_engine_exception" }, status: 409 } } : undefined));
    const message = { tenantId: TENANT, ticketId: "t1", messageId: "m1", createdAt: "2026-01-01T00:00:00.000Z", authorName: "Ann", text: "Hello there", terms: "hello there" };
    await expect(index.putMessage(message)).resolves.toBeUndefined();
    const put = log.at(-1)!;
    expect(put.path).toBe(`/${PREFIX}-messages/_doc/${encodeURIComponent(`${TENANT}:m1`)}`);
    expect(put.query).toEqual({ op_type: "create" });
    expect(put.body).toEqual(message);
  });

  it("puts customers and organizations with their versions as external versions, leaving out what they do not have", async () => {
    const { log, index } = harness();
    await index.putCustomer({ tenantId: TENANT, customerId: "c1", version: 1767225600000, name: "Carla", email: "carla@example.com", terms: "carla" });
    await index.putOrganization({ tenantId: TENANT, organizationId: "o1", version: 3, name: "Acme", domains: ["acme.example"], terms: "acme" });
    const [customer, organization] = log.filter((r) => r.path.includes("/_doc/"));
    expect(customer!.query).toEqual({ version: "1767225600000", version_type: "external" });
    expect(customer!.body).toEqual({ tenantId: TENANT, customerId: "c1", name: "Carla", email: "carla@example.com", terms: "carla" });
    expect(organization!.query).toEqual({ version: "3", version_type: "external" });
    expect(organization!.body).toEqual({ tenantId: TENANT, organizationId: "o1", name: "Acme", domains: ["acme.example"], terms: "acme" });
  });

  it("removes a ticket with its messages: found by tenant and ticket page by page, deleted in bulk; what is gone is no error", async () => {
    const page = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ _id: documentId(TENANT, `m${from + i}`), _source: {}, sort: [`m${String(from + i).padStart(4, "0")}`] }));
    let searches = 0;
    const { log, index } = harness((r) => {
      if (r.path.endsWith("/_search")) return { status: 200, body: hits(searches++ === 0 ? page(0, DELETE_PAGE) : page(DELETE_PAGE, 3)) };
      if (r.path === "/_bulk") return { status: 200, body: { errors: false, items: [{ delete: { status: 404, result: "not_found" } }] } };
      if (r.method === "DELETE") return { status: 404, body: { result: "not_found" } };
      return undefined;
    });
    await index.remove(TENANT, "ticket", "t1");
    const searchesMade = searchesOf(log, "messages");
    expect(searchesMade).toHaveLength(2);
    expect(searchesMade[0]!.body).toEqual({
      size: DELETE_PAGE,
      _source: false,
      sort: [{ messageId: "asc" }],
      query: { bool: { filter: [{ term: { tenantId: TENANT } }, { term: { ticketId: "t1" } }] } },
    });
    expect((searchesMade[1]!.body as Body).search_after).toEqual([`m${String(DELETE_PAGE - 1).padStart(4, "0")}`]);
    const bulks = log.filter((r) => r.path === "/_bulk");
    expect(bulks.map((r) => r.method)).toEqual(["POST", "POST"]);
    expect(bulks[0]!.body).toHaveLength(DELETE_PAGE);
    expect(bulks[1]!.body).toEqual([0, 1, 2].map((i) => ({ delete: { _index: `${PREFIX}-messages`, _id: documentId(TENANT, `m${DELETE_PAGE + i}`) } })));
    expect(log.at(-1)).toMatchObject({ method: "DELETE", path: `/${PREFIX}-tickets/_doc/${encodeURIComponent(documentId(TENANT, "t1"))}` });
  });

  it("fails a removal when the bulk delete of its messages fails", async () => {
    const { index } = harness((r) => {
      if (r.path.endsWith("/_search")) return { status: 200, body: hits([{ _id: documentId(TENANT, "m1"), _source: {}, sort: ["m1"] }]) };
      if (r.path === "/_bulk") return { status: 200, body: { errors: true, items: [{ delete: { status: 429, error: { type: "too_many_requests" } } }] } };
      return undefined;
    });
    await expect(index.remove(TENANT, "ticket", "t1")).rejects.toThrow(/Could not delete 1 messages/);
  });

  it("removes one message, customer or organization by its tenant's id, with no search", async () => {
    const { log, index } = harness(() => ({ status: 404, body: { result: "not_found" } }));
    await index.remove(TENANT, "message", "m1");
    await index.remove(TENANT, "customer", "c1");
    await index.remove(TENANT, "organization", "o1");
    expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE /${PREFIX}-messages/_doc/${encodeURIComponent(documentId(TENANT, "m1"))}`,
      `DELETE /${PREFIX}-customers/_doc/${encodeURIComponent(documentId(TENANT, "c1"))}`,
      `DELETE /${PREFIX}-organizations/_doc/${encodeURIComponent(documentId(TENANT, "o1"))}`,
    ]);
  });

  it("refuses an index prefix that is not a valid index name", () => {
    const client = new Client({ node: ENDPOINT });
    expect(() => openSearchIndex(client, { prefix: "Frontline" })).toThrow(/lowercase/);
    expect(() => openSearchIndex(client, { prefix: "a/b" })).toThrow(/lowercase/);
  });
});

describe("queries", () => {
  /** A responder for a query: candidates from messages, customers and organizations, then a page of tickets. */
  function searchResponder(options: { tickets?: string[]; total?: number } = {}): Responder {
    return (r) => {
      if (!r.path.endsWith("/_search")) return undefined;
      const body = r.body as Body;
      if (r.path === `/${PREFIX}-messages/_search` && body.collapse) {
        return {
          status: 200,
          body: hits([
            { _source: { ticketId: "t2", messageId: "m2" } },
            { _source: { ticketId: "t3", messageId: "m3" } },
          ]),
        };
      }
      if (r.path === `/${PREFIX}-messages/_search`) {
        return { status: 200, body: hits([{ _source: { messageId: "m2", authorName: "Ann", createdAt: "2026-01-05T00:00:00.000Z", text: "the refund of the invoice" } }]) };
      }
      if (r.path === `/${PREFIX}-customers/_search`) {
        return {
          status: 200,
          body: hits([
            { _source: { customerId: "c1", name: "Refund Dept", email: "refunds@example.com" } },
            { _source: { customerId: "c2", name: "Invoice Bot", phone: "+3612345678" } },
          ]),
        };
      }
      if (r.path === `/${PREFIX}-organizations/_search`) return { status: 200, body: hits([{ _source: { organizationId: "o1", name: "Refund Ltd", domains: ["refund.example"] } }]) };
      if (r.path === `/${PREFIX}-tickets/_search`) {
        const ids = options.tickets ?? ["t1", "t2"];
        return { status: 200, body: hits(ids.map((ticketId) => ({ _source: { ticketId } })), options.total ?? ids.length) };
      }
      return undefined;
    };
  }

  it("looks each word up, by any of its forms as a prefix, in the messages, customers and organizations, and the people shown by every word", async () => {
    const { log, index } = harness(searchResponder());
    await index.query(query());
    const word = (forms: string[]) => ({ bool: { should: forms.map((f) => ({ prefix: { terms: { value: f } } })), minimum_should_match: 1 } });
    const inTenant = (must: unknown) => ({ bool: { filter: [{ term: { tenantId: TENANT } }], must: [must] } });
    const candidates = searchesOf(log, "messages").filter((r) => (r.body as Body).collapse);
    expect(candidates.map((r) => r.body)).toEqual(
      [["refund", "refun"], ["invoic"]].map((forms) => ({
        size: CANDIDATES,
        _source: ["ticketId", "messageId"],
        collapse: { field: "ticketId" },
        sort: ["_score", { createdAt: "desc" }],
        query: inTenant(word(forms)),
      })),
    );
    const customers = searchesOf(log, "customers").map((r) => r.body);
    expect(customers).toEqual(
      expect.arrayContaining([
        { size: CANDIDATES, _source: ["customerId"], query: inTenant(word(["refund", "refun"])) },
        { size: CANDIDATES, _source: ["customerId"], query: inTenant(word(["invoic"])) },
        { size: 5, _source: ["customerId", "name", "email", "phone"], query: inTenant({ bool: { must: [word(["refund", "refun"]), word(["invoic"])] } }) },
      ]),
    );
    expect(customers).toHaveLength(3);
    expect(searchesOf(log, "organizations").map((r) => r.body)).toEqual(
      expect.arrayContaining([
        { size: CANDIDATES, _source: ["organizationId"], query: inTenant(word(["invoic"])) },
        { size: 5, _source: ["organizationId", "name", "domains"], query: inTenant({ bool: { must: [word(["refund", "refun"]), word(["invoic"])] } }) },
      ]),
    );
  });

  it("finds tickets that have each word somewhere: subject or requester, a message, the requester's record or the organization", async () => {
    const { log, index } = harness(searchResponder());
    await index.query(query({ offset: 40, limit: 20 }));
    const word = (forms: string[]) => ({
      bool: {
        should: forms.flatMap((f) => [{ prefix: { subjectTerms: { value: f, boost: 3 } } }, { prefix: { peopleTerms: { value: f, boost: 2 } } }]),
        minimum_should_match: 1,
      },
    });
    const each = (forms: string[]) => ({
      bool: {
        should: [word(forms), { terms: { ticketId: ["t2", "t3"] } }, { terms: { requesterId: ["c1", "c2"] } }, { terms: { organizationId: ["o1"] } }],
        minimum_should_match: 1,
      },
    });
    expect(searchesOf(log, "tickets")[0]!.body).toEqual({
      from: 40,
      size: 20,
      track_total_hits: 1000,
      _source: ["ticketId"],
      sort: ["_score", { updatedAt: "desc" }],
      query: {
        bool: {
          filter: [{ term: { tenantId: TENANT } }, { term: { deleted: false } }],
          must: [each(["refund", "refun"]), each(["invoic"])],
        },
      },
    });
  });

  it("filters by the departments in scope, trash, status, department, assignee, priority, every tag, requester, organization and dates", async () => {
    const { log, index } = harness(searchResponder());
    await index.query(
      query({
        departments: ["dep-a", "dep-b"],
        deleted: "only",
        statuses: ["open", "pending"],
        departmentIds: ["dep-a"],
        assigneeIds: ["none", "staff-1"],
        priorities: ["urgent"],
        tags: ["vip", "refund"],
        requesterId: "c9",
        organizationId: "o9",
        createdFrom: "2026-01-01T00:00:00.000Z",
        createdTo: "2026-02-01T00:00:00.000Z",
        sort: "updated",
      }),
    );
    const body = searchesOf(log, "tickets")[0]!.body as Body;
    expect(body.query.bool.filter).toEqual([
      { term: { tenantId: TENANT } },
      { term: { deleted: true } },
      { terms: { departmentId: ["dep-a", "dep-b"] } },
      { terms: { status: ["open", "pending"] } },
      { terms: { departmentId: ["dep-a"] } },
      { terms: { assigneeId: ["none", "staff-1"] } },
      { terms: { priority: ["urgent"] } },
      { term: { tags: "vip" } },
      { term: { tags: "refund" } },
      { term: { requesterId: "c9" } },
      { term: { organizationId: "o9" } },
      { range: { createdAt: { gte: "2026-01-01T00:00:00.000Z", lt: "2026-02-01T00:00:00.000Z" } } },
    ]);
    expect(body.sort).toEqual([{ updatedAt: "desc" }]);
  });

  it("scopes to no department when the reader sees none, and leaves trash in when asked to", async () => {
    const { log, index } = harness(searchResponder());
    await index.query(query({ departments: [], deleted: "include" }));
    expect((searchesOf(log, "tickets")[0]!.body as Body).query.bool.filter).toEqual([{ term: { tenantId: TENANT } }, { terms: { departmentId: [] } }]);
  });

  it("with filters and no words, asks for the tenant's filtered tickets by date alone: no candidates, no people", async () => {
    const { log, index } = harness(searchResponder());
    const answer = await index.query(query({ words: [], statuses: ["new"], sort: "updated" }));
    expect(log.map((r) => r.path)).toEqual([`/${PREFIX}-tickets/_search`]);
    const body = log[0]!.body as Body;
    expect(body.query).toEqual({ bool: { filter: [{ term: { tenantId: TENANT } }, { term: { deleted: false } }, { terms: { status: ["new"] } }] } });
    expect(body.sort).toEqual([{ updatedAt: "desc" }]);
    expect(answer.customers).toEqual([]);
    expect(answer.organizations).toEqual([]);
  });

  it("answers with the page's tickets, the best message of those found by one, the total up to 1000, and the people", async () => {
    const { log, index } = harness(searchResponder({ tickets: ["t1", "t2"], total: 1000 }));
    const answer = await index.query(query({ people: 1 }));
    // The page's message texts are read by id, within the tenant.
    const texts = searchesOf(log, "messages").find((r) => !(r.body as Body).collapse)!;
    expect(texts.body).toEqual({
      size: 1,
      _source: ["messageId", "authorName", "createdAt", "text"],
      query: { bool: { filter: [{ term: { tenantId: TENANT } }, { terms: { messageId: ["m2"] } }] } },
    });
    expect(answer).toEqual({
      tickets: [
        { ticketId: "t1" },
        { ticketId: "t2", message: { messageId: "m2", authorName: "Ann", createdAt: "2026-01-05T00:00:00.000Z", text: "the refund of the invoice" } },
      ],
      total: 1000,
      customers: [{ customerId: "c1", name: "Refund Dept", email: "refunds@example.com" }],
      organizations: [{ organizationId: "o1", name: "Refund Ltd", domains: ["refund.example"] }],
    });
  });

  it("answers nothing, and creates nothing, where no index exists yet", async () => {
    const { log, index } = harness((r) => (r.path.endsWith("/_search") ? { status: 404, body: { error: { type: "index_not_found_exception" }, status: 404 } } : undefined));
    expect(await index.query(query())).toEqual({ tickets: [], total: 0, customers: [], organizations: [] });
    expect(log.every((r) => r.method === "POST" && r.path.endsWith("/_search"))).toBe(true);
  });

  it("matches nothing, asking nothing, when a word has no form", async () => {
    const { log, index } = harness(searchResponder());
    expect(await index.query(query({ words: [["refund"], []] }))).toEqual({ tickets: [], total: 0, customers: [], organizations: [] });
    expect(log).toEqual([]);
  });
});

/**
 * The requests of `log` that do not hold to `tenantId`: a search whose filter does not start with its term, a document
 * written or deleted under an id that is not the tenant's, a bulk delete of another's id, or any other request than an
 * index's creation or check.
 */
function tenantOffenders(log: Recorded[], tenantId: string): string[] {
  const idPrefix = `${encodeURIComponent(encodeURIComponent(tenantId))}%3A`;
  const tenantTerm = JSON.stringify({ term: { tenantId } });
  return log
    .filter((r) => {
      if (r.path.endsWith("/_search")) return JSON.stringify((r.body as Body)?.query?.bool?.filter?.[0]) !== tenantTerm;
      if (r.path.includes("/_doc/")) {
        const id = r.path.split("/_doc/")[1]!;
        return !id.startsWith(idPrefix) || (r.method !== "DELETE" && (r.body as Body)?.tenantId !== tenantId);
      }
      if (r.path === "/_bulk") return !(r.body as Body[]).every((line) => String(line.delete?._id).startsWith(`${encodeURIComponent(tenantId)}:`));
      return !(/^\/frontline-[a-z]+$/.test(r.path) && ["HEAD", "PUT"].includes(r.method));
    })
    .map((r) => `${r.method} ${r.path} ${r.rawBody}`);
}

describe("the tenant", () => {
  it("is in the filter of every search and in the id of every document written or deleted", async () => {
    const { log, index } = harness((r) => {
      if (r.path === "/_bulk") return { status: 200, body: { errors: false, items: [] } };
      if (!r.path.endsWith("/_search")) return undefined;
      const body = r.body as Body;
      if (body.collapse) return { status: 200, body: hits([{ _source: { ticketId: "t2", messageId: "m2" } }]) };
      if (r.path.includes("-tickets")) return { status: 200, body: hits([{ _source: { ticketId: "t2" } }]) };
      if (body._source === false) return { status: 200, body: hits([{ _id: documentId(TENANT, "m2"), _source: {}, sort: ["m2"] }]) };
      return { status: 200, body: hits([{ _source: { messageId: "m2", authorName: "A", createdAt: "2026-01-01T00:00:00.000Z", text: "x", customerId: "c1", name: "n", organizationId: "o1" } }]) };
    });
    await index.putTicket(ticket());
    await index.putMessage({ tenantId: TENANT, ticketId: "t2", messageId: "m2", createdAt: "2026-01-01T00:00:00.000Z", authorName: "A", text: "x", terms: "x" });
    await index.putCustomer({ tenantId: TENANT, customerId: "c1", version: 1, name: "n", terms: "n" });
    await index.putOrganization({ tenantId: TENANT, organizationId: "o1", version: 1, name: "n", domains: [], terms: "n" });
    await index.query(query());
    await index.query(query({ words: [], departments: ["d1"], deleted: "only" }));
    for (const kind of ["ticket", "message", "customer", "organization"] as const) await index.remove(TENANT, kind, "x1");

    // Not a vacuous walk: every kind of request was made (searches of all four indexes, puts, deletes, a bulk delete).
    const paths = new Set(log.map((r) => `${r.method} ${r.path.replace(/\/_doc\/.*/, "/_doc/")}`));
    for (const kind of ["tickets", "messages", "customers", "organizations"]) {
      expect(paths, kind).toContain(`POST /${PREFIX}-${kind}/_search`);
      expect(paths, kind).toContain(`PUT /${PREFIX}-${kind}/_doc/`);
      expect(paths, kind).toContain(`DELETE /${PREFIX}-${kind}/_doc/`);
    }
    expect(paths).toContain("POST /_bulk");
    expect(tenantOffenders(log, TENANT)).toEqual([]);
    // The same walk finds what it is for: the same requests checked against another tenant fail, each of them
    // (but the indexes' creation and checks, which belong to no tenant).
    const perTenant = log.filter((r) => !/^\/frontline-[a-z]+$/.test(r.path));
    expect(tenantOffenders(perTenant, "01OTHERTENANTBBBBBBBBBBBBBB")).toHaveLength(perTenant.length);
  });

  it("keeps two tenants' documents apart even when their own ids are the same", () => {
    expect(documentId("a", "b:c")).not.toBe(documentId("a:b", "c"));
    expect(documentId("a:b", "c")).toBe("a%3Ab:c");
  });
});

describe("the client", () => {
  it("signs every request with SigV4 for the aoss service in the endpoint's region", async () => {
    const log: Recorded[] = [];
    const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "session-token-example" };
    const client = openSearchClient(ENDPOINT, {
      getCredentials: async () => credentials,
      connection: (signing) => recording(signing, log, () => ({ status: 200, body: hits([]) })),
    });
    await openSearchIndex(client, { prefix: PREFIX }).query(query({ words: [] }));
    expect(log).toHaveLength(1);
    const { headers, rawBody } = log[0]!;
    expect(headers["x-amz-date"]).toMatch(/^\d{8}T\d{6}Z$/);
    const day = headers["x-amz-date"]!.slice(0, 8);
    expect(headers.authorization).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${day}/eu-west-1/aoss/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$`),
    );
    expect(headers.authorization).toContain("x-amz-content-sha256");
    expect(headers.authorization).toContain("x-amz-date");
    expect(headers["x-amz-security-token"]).toBe("session-token-example");
    expect(headers["x-amz-content-sha256"]).toBe(createHash("sha256").update(rawBody, "utf8").digest("hex"));
    expect(headers.host).toBe("abc123xyz.eu-west-1.aoss.amazonaws.com");
  });

  it("takes the region from AWS_REGION when the endpoint does not say it", async () => {
    const log: Recorded[] = [];
    const saved = process.env.AWS_REGION;
    process.env.AWS_REGION = "ap-southeast-2";
    try {
      const client = openSearchClient("https://search.internal.example", {
        getCredentials: async () => ({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }),
        connection: (signing) => recording(signing, log, () => ({ status: 200, body: hits([]) })),
      });
      await client.search({ index: "x", body: { query: { bool: { filter: [{ term: { tenantId: TENANT } }] } } } });
    } finally {
      if (saved === undefined) delete process.env.AWS_REGION;
      else process.env.AWS_REGION = saved;
    }
    expect(log[0]!.headers.authorization).toContain("/ap-southeast-2/aoss/aws4_request");
  });
});

describe("the Lambda wiring", () => {
  const awsEnv = {
    MAIL_BUCKET: "mail",
    SCHEDULE_GROUP: "timers",
    TIMER_FUNCTION_ARN: "arn:aws:lambda:eu-west-1:123456789012:function:timer",
    SCHEDULER_ROLE_ARN: "arn:aws:iam::123456789012:role/scheduler",
    TIMER_DLQ_ARN: "arn:aws:sqs:eu-west-1:123456789012:dlq",
    AWS_REGION: "eu-west-1",
  };
  afterEach(() => configurePorts({ search: undefined }));

  it("plugs the OpenSearch index in where SEARCH_ENDPOINT is set, and leaves the port empty where it is not", () => {
    configurePorts({ search: undefined });
    expect(configureAwsPorts(awsEnv)).toBe(true);
    expect(() => usePorts().search).toThrow(/search port is not configured/);
    expect(configureAwsPorts({ ...awsEnv, SEARCH_ENDPOINT: ENDPOINT, SEARCH_INDEX_PREFIX: "prod-frontline" })).toBe(true);
    expect(typeof usePorts().search.query).toBe("function");
  });

  it("plugs the search port alone for a function that takes nothing else (the API)", () => {
    configurePorts({ search: undefined });
    expect(configureSearchPort({ AWS_REGION: "eu-west-1" })).toBe(false);
    expect(() => usePorts().search).toThrow(/search port is not configured/);
    expect(configureSearchPort({ SEARCH_ENDPOINT: ENDPOINT })).toBe(true);
    expect(typeof usePorts().search.putTicket).toBe("function");
  });
});
