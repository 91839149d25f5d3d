import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Search } from "@frontline/core/search";
import { Staff } from "@frontline/core/staff";
import { createApp } from "../src/api/app";
import { settle, testPorts, useTestTable } from "../../test/support/db";
import { caller, signupVia, type Fetch, type Workspace } from "../../test/support/api";

/**
 * GET /api/search over the real stream reaction and the local SQLite index: what the console's search box finds, in
 * five languages, as each reader may see it.
 */
const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);

type Result = { ticket: { ticketId: string; number: number; subject: string }; exact?: true; subject: { text: string; match?: true }[]; message?: { segments: { text: string; match?: true }[] } };
type Answer = { tickets: Result[]; total: number; cursor: string | null; customers: { customerId: string; name: { text: string; match?: true }[] }[]; organizations: { organizationId: string }[] };

let ws: Workspace;
let agent: ReturnType<typeof caller>;
const ids: Record<string, string> = {};
let numbers: Record<string, number> = {};
let billing: string;
let support: string;

async function find(query: string, who = ws.as): Promise<Answer> {
  const response = await who.get(`/api/search?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Answer;
}
const subjects = (answer: Answer) => answer.tickets.map((t) => t.ticket.subject);
const marked = (segments: { text: string; match?: true }[] = []) => segments.filter((s) => s.match).map((s) => s.text);

async function open(key: string, input: { subject: string; body: string; email: string; name: string; departmentId?: string; tags?: string[] }) {
  const response = await ws.as.post("/api/tickets", {
    subject: input.subject,
    body: input.body,
    requester: { email: input.email, name: input.name },
    departmentId: input.departmentId,
    tags: input.tags,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const { ticket } = await response.json();
  ids[key] = ticket.ticketId;
  numbers = { ...numbers, [key]: ticket.number };
}

beforeAll(async () => {
  await useTestTable();
  ws = await signupVia(fetcher);
  support = (await (await ws.as.get("/api/departments")).json()).departments[0].departmentId;
  billing = (await (await ws.as.post("/api/departments", { name: "Billing" })).json()).department.departmentId;
  await open("uk", { subject: "Не проходять платежі карткою", body: "Доброго дня! Вчора три платежі не пройшли, гроші списано.", email: "olena@pay.example", name: "Олена Коваленко", departmentId: billing, tags: ["payments"] });
  await open("ru", { subject: "Счёт за ноябрь", body: "Пришлите, пожалуйста, счета за прошлый месяц.", email: "ivan@shop.example", name: "Иван Петров" });
  await open("hu", { subject: "Számlázási kérdés", body: "A számlát nem kaptam meg, kérem küldjék el újra.", email: "anna@szabo.example", name: "Szabó Anna" });
  await open("en", { subject: "Refunds for cancelled orders", body: "Two orders were cancelled but the refund never arrived.", email: "jane@smith.example", name: "Jane Smith", tags: ["refund", "vip"] });
  await open("kk", { subject: "Төлемдер өтпейді", body: "Кеше төлемім өтпей қалды, көмектесіңізші.", email: "erlan@kaz.example", name: "Ерлан Сейітов", departmentId: billing });
  const agentStaff = await withActor({ type: "system", tenantId: ws.slug, reason: "test" }, () =>
    Staff.create({ name: "Sam Support", email: "sam@ws.example", role: "agent", departmentIds: [support], password: "a long enough passphrase" }),
  );
  const session = await (await caller(fetcher).post("/api/auth/login", { slug: ws.slug, email: "sam@ws.example", password: "a long enough passphrase" })).json();
  expect(agentStaff.staffId).toBeTruthy();
  agent = caller(fetcher, { authorization: `Bearer ${session.token}` });
  await settle();
});

describe("GET /api/search", () => {
  it("finds words by other inflected forms, in Ukrainian, Russian, Hungarian and English, and highlights them", async () => {
    const uk = await find(`q=${encodeURIComponent("платіж")}`);
    expect(subjects(uk)).toContain("Не проходять платежі карткою");
    const hit = uk.tickets.find((t) => t.ticket.ticketId === ids.uk)!;
    expect(marked(hit.subject)).toEqual(["платежі"]);
    expect(subjects(await find(`q=${encodeURIComponent("счета")}`))).toEqual(["Счёт за ноябрь"]);
    expect(subjects(await find(`q=${encodeURIComponent("számla")}`))).toEqual(["Számlázási kérdés"]);
    expect(subjects(await find("q=refund"))).toEqual(["Refunds for cancelled orders"]);
    expect(subjects(await find("q=cancel"))).toEqual(["Refunds for cancelled orders"]);
  });

  it("finds Kazakh words, which have no stemmer, by their beginning", async () => {
    expect(subjects(await find(`q=${encodeURIComponent("төлем")}`))).toEqual(["Төлемдер өтпейді"]);
  });

  it("finds a ticket by words of its messages, with the matched passage, and by words split between subject and message", async () => {
    const answer = await find(`q=${encodeURIComponent("гроші")}`);
    expect(subjects(answer)).toEqual(["Не проходять платежі карткою"]);
    expect(marked(answer.tickets[0]!.message?.segments)).toEqual(["гроші"]);
    expect(subjects(await find(`q=${encodeURIComponent("карткою гроші")}`))).toEqual(["Не проходять платежі карткою"]);
    expect(subjects(await find(`q=${encodeURIComponent("карткою ноябрь")}`))).toEqual([]);
  });

  it("finds tickets by their requester's name or address, and the customers themselves", async () => {
    const byName = await find(`q=${encodeURIComponent("Коваленко")}`);
    expect(subjects(byName)).toEqual(["Не проходять платежі карткою"]);
    expect(byName.customers.map((c) => marked(c.name))).toEqual([["Коваленко"]]);
    expect(subjects(await find(`q=${encodeURIComponent("ivan@shop.example")}`))).toEqual(["Счёт за ноябрь"]);
  });

  it("puts the ticket with a searched number first", async () => {
    const answer = await find(`q=${encodeURIComponent(`#${numbers.hu}`)}`);
    expect(answer.tickets[0]).toMatchObject({ exact: true, ticket: { ticketId: ids.hu } });
  });

  it("filters by status, department, priority, tags and assignee, without words as well", async () => {
    expect(subjects(await find(`departmentId=${billing}`)).sort()).toEqual(["Не проходять платежі карткою", "Төлемдер өтпейді"].sort());
    expect(subjects(await find("tag=refund,vip"))).toEqual(["Refunds for cancelled orders"]);
    expect(subjects(await find("tag=refund,payments"))).toEqual([]);
    await ws.as.send("PATCH", `/api/tickets/${ids.ru}`, { version: 1, status: "pending", priority: "urgent" });
    await settle();
    expect(subjects(await find("status=pending"))).toEqual(["Счёт за ноябрь"]);
    expect(subjects(await find("priority=urgent&status=pending,open"))).toEqual(["Счёт за ноябрь"]);
    expect((await find("assigneeId=none")).total).toBe(5);
    expect((await find(`assigneeId=me&q=${encodeURIComponent("счёт")}`)).total).toBe(0);
  });

  it("shows an agent only the tickets of their departments", async () => {
    const answer = await find(`q=${encodeURIComponent("платежі")}`, agent);
    expect(answer.tickets).toEqual([]);
    expect(subjects(await find("q=refund", agent))).toEqual(["Refunds for cancelled orders"]);
    expect((await find(`departmentId=${billing}`, agent)).tickets).toEqual([]);
  });

  it("follows changes: a new subject is found by its new words, a trashed ticket is gone", async () => {
    const response = await ws.as.send("PATCH", `/api/tickets/${ids.en}`, { version: 1, subject: "Refunds for cancelled deliveries" });
    expect(response.status).toBe(200);
    await settle();
    expect(subjects(await find("q=delivery"))).toEqual(["Refunds for cancelled deliveries"]);
    expect(subjects(await find("q=orders"))).toEqual(["Refunds for cancelled deliveries"]); // still in its message
    expect((await ws.as.send("DELETE", `/api/tickets/${ids.hu}`)).status).toBe(200);
    await settle();
    expect((await find(`q=${encodeURIComponent("számla")}`)).tickets).toEqual([]);
  });

  it("pages with a cursor that only its own query accepts", async () => {
    const first = await find("assigneeId=none&limit=2");
    expect(first.tickets).toHaveLength(2);
    expect(first.cursor).toBeTruthy();
    const second = await find(`assigneeId=none&limit=2&cursor=${first.cursor}`);
    expect(second.tickets.map((t) => t.ticket.ticketId)).not.toContain(first.tickets[0]!.ticket.ticketId);
    const reused = await ws.as.get(`/api/search?q=refund&limit=2&cursor=${first.cursor}`);
    expect(reused.status).toBe(400);
  });

  it("answers bad input with 400 and a message per field, in the reader's language", async () => {
    const cases: [string, string][] = [
      ["", "q"],
      [`q=${"x".repeat(201)}`, "q"],
      ["q=%20%2C%2C", "q"],
      ["status=lost", "status"],
      ["priority=extreme", "priority"],
      ["from=2026-13-01", "from"],
      ["from=2026-12-05&to=2026-12-01", "to"],
      ["q=a&limit=500", "limit"],
      ["q=a&cursor=forged.cursor", "cursor"],
      ["q=a&sort=random", "sort"],
    ];
    for (const [query, field] of cases) {
      const response = await ws.as.get(`/api/search?${query}`);
      expect(response.status, query).toBe(400);
      const { error } = await response.json();
      const paths: string[] = error.issues.map((i: { path: string }) => i.path);
      expect(paths.some((path) => path === field || path.startsWith(`${field}.`)), `${query}: ${paths}`).toBe(true);
    }
    const ukrainian = await ws.as.get("/api/search", { "accept-language": "uk" });
    expect((await ukrainian.json()).error.issues[0].message).toBe("Введіть, що шукати, або виберіть фільтр");
  });

  it("refills an emptied index from the table, the same as the stream made it", async () => {
    const before = await find(`q=${encodeURIComponent("платіж")}`);
    for (const id of Object.values(ids)) await testPorts.search.remove(ws.slug, "ticket", id);
    expect((await find(`q=${encodeURIComponent("платіж")}`)).tickets).toEqual([]);
    const counts = await Search.rebuild();
    expect(counts.tickets).toBeGreaterThanOrEqual(5);
    expect(await find(`q=${encodeURIComponent("платіж")}`)).toEqual(before);
  });
});
