import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { Client, Connection, errors } from "@opensearch-project/opensearch";
// The "aws-v3" entry of the signer, not "aws": the latter also reaches for the v2 `aws-sdk` package, and esbuild would
// put the whole of it (9.6 MB, installed here by SST) into the Lambda bundles.
import { AwsSigv4Signer, type AwsSigv4SignerOptions } from "@opensearch-project/opensearch/aws-v3";
import type {
  SearchAnswer,
  SearchCustomerDoc,
  SearchIndex,
  SearchKind,
  SearchMessageDoc,
  SearchOrganizationDoc,
  SearchQuery,
  SearchTicketDoc,
  SearchTicketHit,
} from "@frontline/core/port";

/**
 * The search index on AWS: an Amazon OpenSearch Serverless collection of type SEARCH (infra/search.ts), one index per
 * kind (`<prefix>-tickets`, `-messages`, `-customers`, `-organizations`), each made with its mappings the first time a
 * document is put into it (the stream function may; the API only reads, and a missing index answers nothing).
 *
 * The core analyses the text (search/analyze.ts): the `*Terms`/`terms` fields hold whitespace-separated terms, indexed
 * by the `whitespace` analyzer as they are, and a query word is a `prefix` query for each of its forms, exactly as the
 * local SQLite index matches them. Every query is built as the JSON DSL (no query string is ever parsed), and every
 * search, and every search that chooses what to delete, carries `term: { tenantId }` in its filter; a document's id
 * starts with its tenant too, so two tenants' ids never meet.
 *
 * Serverless has no `refresh` (what is written is searchable within seconds), no delete by query, and custom document
 * ids only in SEARCH collections. A ticket, customer or organization is written with its own version as an external
 * version, so an older put that arrives late is refused (409) and changes nothing, which is what the port asks; a
 * message is created once by its id, and creating it again is a 409 too.
 */

export interface OpenSearchIndexOptions {
  /** The indexes' common prefix (lowercase letters, digits and hyphens): `<prefix>-tickets` and so on. */
  prefix: string;
}

/** How many candidates a query takes from messages, customers and organizations (the results are capped there too). */
export const CANDIDATES = 1000;
/** Results count exactly up to this many; the core shows "1000+" past it. */
export const MAX_TOTAL = 1000;
/** Messages of a removed ticket are looked up and deleted this many at a time. */
export const DELETE_PAGE = 500;

const INDEX_SUFFIX: Record<SearchKind, string> = { ticket: "tickets", message: "messages", customer: "customers", organization: "organizations" };

/** Analysed terms: matched by prefix, never scored by frequency or length (prefix queries score as constants). */
const TERMS = { type: "text", analyzer: "whitespace", index_options: "docs", norms: false } as const;
const KEYWORD = { type: "keyword" } as const;
const DATE = { type: "date" } as const;
/** Kept in the document for the results, never searched or sorted on. */
const STORED_TEXT = { type: "text", index: false } as const;
const STORED_KEYWORD = { type: "keyword", index: false, doc_values: false } as const;

/** Each index's mappings: strict, so that a field nobody mapped is an error rather than a guess. */
export const MAPPINGS: Record<SearchKind, { dynamic: "strict"; properties: Record<string, object> }> = {
  ticket: {
    dynamic: "strict",
    properties: {
      tenantId: KEYWORD,
      ticketId: KEYWORD,
      number: { type: "integer", index: false },
      status: KEYWORD,
      priority: KEYWORD,
      departmentId: KEYWORD,
      assigneeId: KEYWORD,
      tags: KEYWORD,
      requesterId: KEYWORD,
      organizationId: KEYWORD,
      createdAt: DATE,
      updatedAt: DATE,
      deleted: { type: "boolean" },
      subject: STORED_TEXT,
      subjectTerms: TERMS,
      peopleTerms: TERMS,
    },
  },
  message: {
    dynamic: "strict",
    properties: {
      tenantId: KEYWORD,
      ticketId: KEYWORD,
      messageId: KEYWORD,
      createdAt: DATE,
      authorName: STORED_KEYWORD,
      text: STORED_TEXT,
      terms: TERMS,
    },
  },
  customer: {
    dynamic: "strict",
    properties: {
      tenantId: KEYWORD,
      customerId: KEYWORD,
      name: STORED_KEYWORD,
      email: STORED_KEYWORD,
      phone: STORED_KEYWORD,
      organizationId: KEYWORD,
      terms: TERMS,
    },
  },
  organization: {
    dynamic: "strict",
    properties: {
      tenantId: KEYWORD,
      organizationId: KEYWORD,
      name: STORED_KEYWORD,
      domains: STORED_KEYWORD,
      terms: TERMS,
    },
  },
};

/** A document's id: its tenant (URI-encoded, so it holds no ":") before its own id. */
export function documentId(tenantId: string, id: string): string {
  return `${encodeURIComponent(tenantId)}:${id}`;
}

// Query DSL values are plain JSON.
type Json = Record<string, unknown>;
type Hit = { _id: string; _score?: number | null; _source?: Json };
type Hits = { total?: number | { value: number; relation?: string }; hits: Hit[] };

/** One word: any of its forms, as a prefix of a term in any of the fields (with that field's boost). */
function wordQuery(forms: readonly string[], fields: readonly { field: string; boost?: number }[]): Json {
  return {
    bool: {
      should: forms.flatMap((form) => fields.map(({ field, boost }) => ({ prefix: { [field]: boost ? { value: form, boost } : { value: form } } }))),
      minimum_should_match: 1,
    },
  };
}

/** Every word, each by `wordQuery`. */
function allWords(words: readonly (readonly string[])[], fields: readonly { field: string; boost?: number }[]): Json {
  return { bool: { must: words.map((forms) => wordQuery(forms, fields)) } };
}

/** The subject counts more than the requester's name and address, and both more than a message or a customer. */
const TICKET_FIELDS = [
  { field: "subjectTerms", boost: 3 },
  { field: "peopleTerms", boost: 2 },
] as const;
const TERMS_FIELD = [{ field: "terms" }] as const;

const tenantFilter = (tenantId: string): Json => ({ term: { tenantId } });

function totalOf(hits: Hits): number {
  const total = hits.total;
  return typeof total === "number" ? total : (total?.value ?? hits.hits.length);
}

function statusOf(error: unknown): number | undefined {
  return error instanceof errors.ResponseError ? error.meta.statusCode ?? undefined : undefined;
}

function errorType(error: unknown): string | undefined {
  if (!(error instanceof errors.ResponseError)) return undefined;
  const body = error.meta.body as { error?: { type?: string } } | undefined;
  return body?.error?.type;
}

export function openSearchIndex(client: Client, options: OpenSearchIndexOptions): SearchIndex {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(options.prefix)) {
    throw new Error(`The search index prefix must be lowercase letters, digits and hyphens, got "${options.prefix}"`);
  }
  const indexOf = (kind: SearchKind) => `${options.prefix}-${INDEX_SUFFIX[kind]}`;
  const ready = new Map<SearchKind, Promise<void>>();

  /** Makes the kind's index once per process, with its mappings, unless it exists (or another process just made it). */
  function ensure(kind: SearchKind): Promise<void> {
    let known = ready.get(kind);
    if (!known) {
      known = (async () => {
        const index = indexOf(kind);
        const exists = await client.indices.exists({ index });
        if (exists.body) return;
        try {
          await client.indices.create({ index, body: { mappings: MAPPINGS[kind] } });
        } catch (error) {
          if (errorType(error) !== "resource_already_exists_exception") throw error;
        }
      })();
      ready.set(kind, known);
      // A failure is not remembered: the next put tries again.
      known.catch(() => ready.delete(kind));
    }
    return known;
  }

  /** A search within one tenant: the tenant's filter comes first, whatever else the query says. */
  async function search(kind: SearchKind, tenantId: string, query: { filter?: Json[]; must?: Json[]; should?: Json[] }, rest: Json): Promise<Hits> {
    const bool: Json = { filter: [tenantFilter(tenantId), ...(query.filter ?? [])] };
    if (query.must?.length) bool.must = query.must;
    if (query.should?.length) Object.assign(bool, { should: query.should, minimum_should_match: 1 });
    const response = await client.search({ index: indexOf(kind), body: { ...rest, query: { bool } } }, { ignore: [404] });
    // No index yet: nothing of this kind was ever put.
    if (response.statusCode === 404) return { total: 0, hits: [] };
    return (response.body as { hits: Hits }).hits;
  }

  /** Puts a document that carries its own version: one older than the stored one is refused (409), which is fine. */
  async function putVersioned(kind: SearchKind, tenantId: string, id: string, version: number, body: Json): Promise<void> {
    await ensure(kind);
    await client.index({ index: indexOf(kind), id: documentId(tenantId, id), version, version_type: "external", body }, { ignore: [409] });
  }

  async function deleteOne(kind: SearchKind, tenantId: string, id: string): Promise<void> {
    await client.delete({ index: indexOf(kind), id: documentId(tenantId, id) }, { ignore: [404] });
  }

  /** The ticket's messages: found by tenant and ticket a page at a time (in message id order), deleted in bulk. */
  async function deleteMessagesOf(tenantId: string, ticketId: string): Promise<void> {
    let after: unknown[] | undefined;
    for (;;) {
      const page = await search(
        "message",
        tenantId,
        { filter: [{ term: { ticketId } }] },
        { size: DELETE_PAGE, _source: false, sort: [{ messageId: "asc" }], ...(after ? { search_after: after } : {}) },
      );
      if (!page.hits.length) return;
      const response = await client.bulk({ body: page.hits.map((hit) => ({ delete: { _index: indexOf("message"), _id: hit._id } })) });
      const body = response.body as { errors?: boolean; items?: { delete?: { status: number; error?: unknown } }[] };
      const failed = (body.items ?? []).filter((item) => item.delete && item.delete.status >= 300 && item.delete.status !== 404);
      if (body.errors && failed.length) throw new Error(`Could not delete ${failed.length} messages of ticket ${ticketId}: ${JSON.stringify(failed[0])}`);
      if (page.hits.length < DELETE_PAGE) return;
      after = (page.hits.at(-1) as Hit & { sort?: unknown[] }).sort;
      if (!after) return;
    }
  }

  return {
    async putTicket(doc: SearchTicketDoc) {
      await putVersioned("ticket", doc.tenantId, doc.ticketId, doc.version, {
        tenantId: doc.tenantId,
        ticketId: doc.ticketId,
        number: doc.number,
        status: doc.status,
        priority: doc.priority,
        departmentId: doc.departmentId,
        assigneeId: doc.assigneeId,
        tags: doc.tags,
        requesterId: doc.requesterId,
        ...(doc.organizationId ? { organizationId: doc.organizationId } : {}),
        createdAt: doc.createdAt,
        updatedAt: doc.updatedAt,
        deleted: doc.deleted,
        subject: doc.subject,
        subjectTerms: doc.subjectTerms,
        peopleTerms: doc.peopleTerms,
      });
    },

    async putMessage(doc: SearchMessageDoc) {
      await ensure("message");
      await client.index(
        {
          index: indexOf("message"),
          id: documentId(doc.tenantId, doc.messageId),
          op_type: "create",
          body: {
            tenantId: doc.tenantId,
            ticketId: doc.ticketId,
            messageId: doc.messageId,
            createdAt: doc.createdAt,
            authorName: doc.authorName,
            text: doc.text,
            terms: doc.terms,
          },
        },
        // Written once: the same message again is a 409, and what is stored is already it.
        { ignore: [409] },
      );
    },

    async putCustomer(doc: SearchCustomerDoc) {
      await putVersioned("customer", doc.tenantId, doc.customerId, doc.version, {
        tenantId: doc.tenantId,
        customerId: doc.customerId,
        name: doc.name,
        ...(doc.email ? { email: doc.email } : {}),
        ...(doc.phone ? { phone: doc.phone } : {}),
        ...(doc.organizationId ? { organizationId: doc.organizationId } : {}),
        terms: doc.terms,
      });
    },

    async putOrganization(doc: SearchOrganizationDoc) {
      await putVersioned("organization", doc.tenantId, doc.organizationId, doc.version, {
        tenantId: doc.tenantId,
        organizationId: doc.organizationId,
        name: doc.name,
        domains: doc.domains,
        terms: doc.terms,
      });
    },

    async remove(tenantId: string, kind: SearchKind, id: string) {
      if (kind === "ticket") await deleteMessagesOf(tenantId, id);
      await deleteOne(kind, tenantId, id);
    },

    async query(q: SearchQuery): Promise<SearchAnswer> {
      const empty: SearchAnswer = { tickets: [], total: 0, customers: [], organizations: [] };
      // A word with no form can match nothing, so neither can the query.
      if (q.words.some((forms) => forms.length === 0)) return empty;
      const words = q.words;

      // For each word, where it was found outside the ticket's own words: in messages (the best one of each ticket),
      // customers and organizations, each a candidate set of at most CANDIDATES. Customers and organizations shown
      // alongside the tickets are those with every word.
      const perWord = await Promise.all(
        words.map((forms) =>
          Promise.all([
            search(
              "message",
              q.tenantId,
              { must: [wordQuery(forms, TERMS_FIELD)] },
              { size: CANDIDATES, _source: ["ticketId", "messageId"], collapse: { field: "ticketId" }, sort: ["_score", { createdAt: "desc" }] },
            ),
            search("customer", q.tenantId, { must: [wordQuery(forms, TERMS_FIELD)] }, { size: CANDIDATES, _source: ["customerId"] }),
            search("organization", q.tenantId, { must: [wordQuery(forms, TERMS_FIELD)] }, { size: CANDIDATES, _source: ["organizationId"] }),
          ]),
        ),
      );
      const people = q.people > 0 && words.length > 0;
      const [customers, organizations] = people
        ? await Promise.all([
            search("customer", q.tenantId, { must: [allWords(words, TERMS_FIELD)] }, { size: q.people, _source: ["customerId", "name", "email", "phone"] }),
            search("organization", q.tenantId, { must: [allWords(words, TERMS_FIELD)] }, { size: q.people, _source: ["organizationId", "name", "domains"] }),
          ])
        : [undefined, undefined];

      // The message shown for a ticket: the one that matched the most words (then the best placed).
      const bestMessage = new Map<string, { messageId: string; words: number }>();
      const wordShoulds: Json[][] = perWord.map(([messages, wordCustomers, wordOrganizations], w) => {
        const ticketIds: string[] = [];
        for (const hit of messages.hits) {
          const { ticketId, messageId } = hit._source as { ticketId: string; messageId: string };
          ticketIds.push(ticketId);
          const known = bestMessage.get(ticketId);
          if (!known) bestMessage.set(ticketId, { messageId, words: 1 });
          else if (known.messageId === messageId) known.words++;
        }
        const customerIds = wordCustomers.hits.map((hit) => (hit._source as { customerId: string }).customerId);
        const organizationIds = wordOrganizations.hits.map((hit) => (hit._source as { organizationId: string }).organizationId);
        const should: Json[] = [wordQuery(words[w]!, TICKET_FIELDS)];
        if (ticketIds.length) should.push({ terms: { ticketId: ticketIds } });
        if (customerIds.length) should.push({ terms: { requesterId: customerIds } });
        if (organizationIds.length) should.push({ terms: { organizationId: organizationIds } });
        return should;
      });

      const filter: Json[] = [];
      if (q.deleted !== "include") filter.push({ term: { deleted: q.deleted === "only" } });
      if (q.departments !== "all") filter.push({ terms: { departmentId: [...q.departments] } });
      if (q.statuses) filter.push({ terms: { status: [...q.statuses] } });
      if (q.departmentIds) filter.push({ terms: { departmentId: [...q.departmentIds] } });
      if (q.assigneeIds) filter.push({ terms: { assigneeId: [...q.assigneeIds] } });
      if (q.priorities) filter.push({ terms: { priority: [...q.priorities] } });
      for (const tag of q.tags ?? []) filter.push({ term: { tags: tag } });
      if (q.requesterId) filter.push({ term: { requesterId: q.requesterId } });
      if (q.organizationId) filter.push({ term: { organizationId: q.organizationId } });
      if (q.createdFrom || q.createdTo) {
        filter.push({ range: { createdAt: { ...(q.createdFrom ? { gte: q.createdFrom } : {}), ...(q.createdTo ? { lt: q.createdTo } : {}) } } });
      }

      // With words, a ticket has each word somewhere: its subject or requester, one of its messages, its requester (as
      // a customer) or its organization.
      const must: Json[] = wordShoulds.map((should) => ({ bool: { should, minimum_should_match: 1 } }));
      const tickets = await search(
        "ticket",
        q.tenantId,
        { filter, must },
        {
          from: q.offset,
          size: q.limit,
          track_total_hits: MAX_TOTAL,
          _source: ["ticketId"],
          sort: q.sort === "relevance" ? ["_score", { updatedAt: "desc" }] : [{ updatedAt: "desc" }],
        },
      );
      const ticketIds = tickets.hits.map((hit) => (hit._source as { ticketId: string }).ticketId);

      // The page's messages, whole (the candidates were ids only: a message's text may be long).
      const shown = ticketIds.map((id) => bestMessage.get(id)?.messageId).filter((id): id is string => Boolean(id));
      const texts = new Map<string, NonNullable<SearchTicketHit["message"]>>();
      if (shown.length) {
        const found = await search(
          "message",
          q.tenantId,
          { filter: [{ terms: { messageId: shown } }] },
          { size: shown.length, _source: ["messageId", "authorName", "createdAt", "text"] },
        );
        for (const hit of found.hits) {
          const m = hit._source as { messageId: string; authorName: string; createdAt: string; text: string };
          texts.set(m.messageId, { messageId: m.messageId, authorName: m.authorName, createdAt: m.createdAt, text: m.text });
        }
      }

      return {
        tickets: ticketIds.map((ticketId) => {
          const message = texts.get(bestMessage.get(ticketId)?.messageId ?? "");
          return message ? { ticketId, message } : { ticketId };
        }),
        total: Math.min(totalOf(tickets), MAX_TOTAL),
        customers: customers
          ? customers.hits.slice(0, q.people).map((hit) => {
              const c = hit._source as { customerId: string; name: string; email?: string; phone?: string };
              return { customerId: c.customerId, name: c.name, ...(c.email ? { email: c.email } : {}), ...(c.phone ? { phone: c.phone } : {}) };
            })
          : [],
        organizations: organizations
          ? organizations.hits.slice(0, q.people).map((hit) => {
              const o = hit._source as { organizationId: string; name: string; domains?: string[] | string };
              return { organizationId: o.organizationId, name: o.name, domains: [o.domains ?? []].flat() };
            })
          : [],
      };
    },
  };
}

export interface OpenSearchClientOptions {
  /** The collection's region; by default the one in its endpoint (`<id>.<region>.aoss.amazonaws.com`), else AWS_REGION. */
  region?: string;
  /** By default the SDK's default chain (on Lambda: the function's role, from its environment). */
  getCredentials?: AwsSigv4SignerOptions["getCredentials"];
  /** Wraps the signing connection (the tests record the signed requests with it, without a network). */
  connection?: (signing: typeof Connection) => typeof Connection;
}

/** A client of the collection at `endpoint` that signs every request with SigV4 for OpenSearch Serverless ("aoss"). */
export function openSearchClient(endpoint: string, options: OpenSearchClientOptions = {}): Client {
  const region = options.region ?? /\.([a-z]{2}(?:-[a-z]+)+-\d+)\.aoss\.amazonaws\.com/.exec(endpoint)?.[1] ?? process.env.AWS_REGION;
  if (!region) throw new Error(`No region for the search endpoint ${endpoint}: set AWS_REGION`);
  const signer = AwsSigv4Signer({ region, service: "aoss", getCredentials: options.getCredentials ?? defaultProvider() });
  return new Client({
    ...signer,
    ...(options.connection ? { Connection: options.connection(signer.Connection) } : {}),
    node: endpoint,
    // The API answers within 20 s and makes up to three searches in a row.
    requestTimeout: 5_000,
  });
}
