import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SearchQuery } from "@frontline/core/port";
import { queryWords } from "@frontline/core/search/analyze";
import { customerDoc, messageDoc, ticketDoc, type TicketItem } from "@frontline/core/search/documents";
import { sqliteSearchIndex } from "./search-index";

const dir = mkdtempSync(join(tmpdir(), "frontline-search-test-"));
const index = sqliteSearchIndex(join(dir, "search.sqlite"));
afterAll(() => {
  index.close();
  rmSync(dir, { recursive: true, force: true });
});

const ticket = (over: Partial<TicketItem>): TicketItem => ({
  tenantId: "acme",
  ticketId: "t1",
  version: 1,
  number: 1,
  subject: "Printer jam",
  status: "open",
  priority: "normal",
  departmentId: "d1",
  requesterId: "c1",
  requesterName: "Carl",
  createdAt: "2026-12-01T10:00:00.000Z",
  updatedAt: "2026-12-01T10:00:00.000Z",
  ...over,
});
const ask = (tenantId: string, text: string, over: Partial<SearchQuery> = {}): SearchQuery => ({
  tenantId,
  words: queryWords(text),
  departments: "all",
  deleted: "exclude",
  sort: "relevance",
  offset: 0,
  limit: 20,
  people: 5,
  ...over,
});
const found = async (q: SearchQuery) => (await index.query(q)).tickets.map((t) => t.ticketId);

describe("the local search index", () => {
  it("never answers across tenants, even when one tenant's id begins another's", async () => {
    await index.putTicket(ticketDoc(ticket({ tenantId: "acme", ticketId: "a1", subject: "Printer jam" })));
    await index.putTicket(ticketDoc(ticket({ tenantId: "acme-support", ticketId: "b1", subject: "Printer jam" })));
    await index.putCustomer(customerDoc({ tenantId: "acme-support", customerId: "c9", name: "Printer Person", updatedAt: "2026-12-01T10:00:00.000Z" }));
    expect(await found(ask("acme", "printer"))).toEqual(["a1"]);
    expect(await found(ask("acme-support", "printer"))).toEqual(["b1"]);
    expect((await index.query(ask("acme", "printer"))).customers).toEqual([]);
    expect(await found(ask("acm", "printer"))).toEqual([]);
  });

  it("ignores a ticket older than the one it holds, and a message put twice", async () => {
    await index.putTicket(ticketDoc(ticket({ ticketId: "v", version: 3, subject: "Scanner offline" })));
    await index.putTicket(ticketDoc(ticket({ ticketId: "v", version: 2, subject: "Scanner broken" })));
    expect(await found(ask("acme", "offline"))).toEqual(["v"]);
    expect(await found(ask("acme", "broken"))).toEqual([]);
    const message = messageDoc({ tenantId: "acme", ticketId: "v", messageId: "m1", kind: "customer", authorName: "Carl", body: "The toner light blinks", createdAt: "2026-12-01T10:00:00.000Z" });
    await index.putMessage(message);
    await index.putMessage(message);
    const answer = await index.query(ask("acme", "toner"));
    expect(answer.tickets).toEqual([{ ticketId: "v", message: { messageId: "m1", authorName: "Carl", createdAt: message.createdAt, text: "The toner light blinks" } }]);
    expect(answer.total).toBe(1);
  });

  it("removes a ticket with its messages, and removing what is gone is no error", async () => {
    await index.remove("acme", "ticket", "v");
    await index.remove("acme", "ticket", "v");
    expect(await found(ask("acme", "toner"))).toEqual([]);
    expect(await found(ask("acme", "scanner"))).toEqual([]);
  });

  it("keeps trashed tickets out unless asked, and scopes by department", async () => {
    await index.putTicket(ticketDoc(ticket({ ticketId: "gone", subject: "Router trouble", deletedAt: "2026-12-02T00:00:00.000Z" })));
    await index.putTicket(ticketDoc(ticket({ ticketId: "d2", subject: "Router reboot", departmentId: "d2" })));
    expect(await found(ask("acme", "router"))).toEqual(["d2"]);
    expect(await found(ask("acme", "router", { deleted: "only" }))).toEqual(["gone"]);
    expect(await found(ask("acme", "router", { departments: ["d1"] }))).toEqual([]);
  });

  it("treats the query's words as terms, never as FTS syntax", async () => {
    for (const text of ['router" OR tenant:*', "NEAR(router reboot)", "router*", "-router", "tenant:acme"]) {
      await expect(index.query(ask("acme", text))).resolves.toBeDefined();
    }
  });
});
