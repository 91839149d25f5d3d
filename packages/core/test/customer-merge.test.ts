import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Customer } from "@frontline/core/customer";
import { useDb } from "@frontline/core/db";
import { Inbound } from "@frontline/core/email/inbound";
import { Event } from "@frontline/core/event";
import { Search } from "@frontline/core/search";
import { Ticket } from "@frontline/core/ticket";
import { settle, useTestTable } from "../../../test/support/db";
import { rawMail } from "../../../test/support/mail";
import { makeWorkspace, type TestWorkspace } from "../../../test/support/workspace";

beforeAll(useTestTable);

let ws: TestWorkspace;
beforeEach(async () => {
  await settle();
  ws = await makeWorkspace();
});

const open = (email: string, subject: string, name?: string) =>
  ws.as(ws.owner, () => Ticket.create({ subject, body: "Please help.", requester: { email, ...(name ? { name } : {}) } }));
const claimOf = async (email: string) => (await useDb().entities.customerEmail.get({ tenantId: ws.tenantId, email }).go({ consistent: true })).data;
const found = (q: string) => ws.as(ws.owner, () => Customer.search({ q }));

describe("a customer's addresses", { timeout: 60_000 }, () => {
  it("adds an address that mail then finds them by, and refuses one another customer has, naming them", async () => {
    const ann = await open("ann@one.example", "First", "Ann Smith");
    const bob = await open("bob@two.example", "Second", "Bob Jones");
    const annId = ann.requester.customerId;
    await ws.as(ws.owner, () => Customer.addEmail(annId, { email: "  Ann.Smith@Home.example " }));
    expect((await ws.as(ws.owner, () => Customer.get(annId))).emails).toEqual(["ann@one.example", "ann.smith@home.example"]);
    expect(await claimOf("ann.smith@home.example")).toMatchObject({ customerId: annId, name: "Ann Smith" });

    const taken = await ws.as(ws.owner, () => Customer.addEmail(annId, { email: "bob@two.example" })).catch((e) => e);
    expect(taken.status).toBe(409);
    expect(taken.details().issues).toEqual([expect.objectContaining({ path: "email", code: "taken" })]);
    expect(taken.details().current).toEqual({ customerId: bob.requester.customerId, name: "Bob Jones" });
    expect((await ws.as(ws.owner, () => Customer.get(annId))).emails).toEqual(["ann@one.example", "ann.smith@home.example"]);

    const invalid = await ws.as(ws.owner, () => Customer.addEmail(annId, { email: "not an address" })).catch((e) => e);
    expect(invalid.details().issues).toEqual([expect.objectContaining({ path: "email" })]);

    // The search terms follow by reaction: she is found by her new address.
    await settle();
    expect((await found("ann.smith@")).map((c) => c.customerId)).toEqual([annId]);
  });

  it("removes an address: its claim goes, and the next address becomes the one letters go to", async () => {
    const ann = await open("ann@one.example", "First", "Ann Smith");
    const annId = ann.requester.customerId;
    await ws.as(ws.owner, () => Customer.addEmail(annId, { email: "ann@home.example" }));
    await ws.as(ws.owner, () => Customer.removeEmail(annId, "ann@one.example"));
    const after = await ws.as(ws.owner, () => Customer.get(annId));
    expect(after).toMatchObject({ email: "ann@home.example", emails: ["ann@home.example"] });
    expect(await claimOf("ann@one.example")).toBeFalsy();
    const missing = await ws.as(ws.owner, () => Customer.removeEmail(annId, "ann@one.example")).catch((e) => e);
    expect(missing.status).toBe(404);
  });

  it("changes name, phone, language and organization; the claims carry the name and language", async () => {
    const ann = await open("ann@one.example", "First", "Ann Smith");
    const annId = ann.requester.customerId;
    await ws.as(ws.owner, () => Customer.addEmail(annId, { email: "ann@home.example" }));
    const changed = await ws.as(ws.owner, () => Customer.update(annId, { name: "Ann Smith-Kovács", phone: "+36 1 234 5678", locale: "hu" }));
    expect(changed).toMatchObject({ name: "Ann Smith-Kovács", phone: "+36 1 234 5678", locale: "hu" });
    for (const email of ["ann@one.example", "ann@home.example"]) expect(await claimOf(email)).toMatchObject({ name: "Ann Smith-Kovács", locale: "hu" });
    const wrong = await ws.as(ws.owner, () => Customer.update(annId, { locale: "de" as "en" })).catch((e) => e);
    expect(wrong.details().issues).toEqual([expect.objectContaining({ path: "locale" })]);
    const agent = await ws.staff("agent", [ws.supportId]);
    await expect(ws.as(agent, () => Customer.addEmail(annId, { email: "x@y.example" }))).rejects.toMatchObject({ status: 403 });
  });
});

describe("merging two records of one customer", { timeout: 60_000 }, () => {
  it("moves the addresses, the phone and every ticket to the survivor, leaves a tombstone, and mail from the old address lands on the survivor", async () => {
    const first = await open("ann@one.example", "From her work address", "Ann Smith");
    const survivorId = first.requester.customerId;
    const otherTickets: Awaited<ReturnType<typeof open>>[] = [];
    for (let i = 0; i < 27; i++) otherTickets.push(await open("annie@home.example", `From home ${i}`, "Annie S"));
    const otherId = otherTickets[0]!.requester.customerId;
    expect(otherId).not.toBe(survivorId);
    await ws.as(ws.owner, () => Customer.update(otherId, { phone: "+380 44 123 45 67" }));
    await settle();

    // An agent of one department may merge (finding a duplicate happens while answering).
    const agent = await ws.staff("agent", [ws.supportId]);
    await ws.as(agent, () => Customer.merge(survivorId, { customerId: otherId }));
    const survivor = await ws.as(ws.owner, () => Customer.get(survivorId));
    expect(survivor).toMatchObject({ email: "ann@one.example", emails: ["ann@one.example", "annie@home.example"], phone: "+380 44 123 45 67" });
    expect(await ws.as(ws.owner, () => Customer.get(otherId))).toMatchObject({ mergedInto: survivorId, emails: [] });
    expect(await claimOf("annie@home.example")).toMatchObject({ customerId: survivorId, name: "Ann Smith" });

    // The tickets (more than a page of them) follow by the ticket module's reaction, a page at a time, each in its own transaction.
    await settle();
    const mine = await ws.as(ws.owner, () => Ticket.forRequester(survivorId, { limit: 100 }));
    expect(mine.tickets).toHaveLength(28);
    expect(new Set(mine.tickets.map((t) => t.requester.name))).toEqual(new Set(["Ann Smith"]));
    expect((await ws.as(ws.owner, () => Ticket.forRequester(otherId, { limit: 100 }))).tickets).toEqual([]);
    const history = await ws.as(ws.owner, () => Event.list({ targetType: "ticket", targetId: otherTickets[0]!.ticketId }));
    expect(JSON.stringify(history)).toContain("ticket.requester");

    // Search: the tombstone ("Annie S") is found by nothing; the survivor by the moved address.
    expect((await found("annie s")).map((c) => c.customerId)).toEqual([]);
    expect((await found("annie")).map((c) => c.customerId)).toEqual([survivorId]);
    // The search index (its reaction, and a rebuild from the table) has the survivor, not the tombstone.
    const people = async () => (await ws.as(ws.owner, () => Search.search({ q: "annie" }))).customers.map((c) => c.customerId);
    expect(await people()).toEqual([survivorId]);
    await Search.rebuild();
    expect(await people()).toEqual([survivorId]);

    // Mail from the moved address opens a ticket for the survivor.
    const outcomes = await Inbound.receive(await rawMail({ from: "Annie S <annie@home.example>", to: `${ws.tenantId}@frontline.localhost`, subject: "Once more" }), {
      from: "annie@home.example",
      to: [`${ws.tenantId}@frontline.localhost`],
    });
    await settle();
    const made = await ws.as(ws.owner, () => Ticket.get(outcomes[0]!.ticketId!));
    expect(made.ticket.requester).toMatchObject({ customerId: survivorId, name: "Ann Smith" });
  }, 90_000);

  it("is refused for the same record, a merged one, or someone who is not staff of the workspace; a second merge changes nothing", async () => {
    const a = (await open("a@one.example", "A")).requester.customerId;
    const b = (await open("b@two.example", "B")).requester.customerId;
    const c = (await open("c@three.example", "C")).requester.customerId;
    await expect(ws.as(ws.owner, () => Customer.merge(a, { customerId: a }))).rejects.toMatchObject({ status: 400 });
    await expect(ws.as(ws.owner, () => Customer.merge(a, {} as never))).rejects.toMatchObject({ status: 400 });
    await ws.as(ws.owner, () => Customer.merge(a, { customerId: b }));
    const again = await ws.as(ws.owner, () => Customer.merge(c, { customerId: b })).catch((e) => e);
    expect(again.status).toBe(400);
    expect(again.details().issues).toEqual([expect.objectContaining({ path: "customerId", code: "merged" })]);
    await expect(ws.as(ws.owner, () => Customer.merge(b, { customerId: c }))).rejects.toMatchObject({ status: 404 });
    expect(await claimOf("b@two.example")).toMatchObject({ customerId: a });
    expect(await claimOf("c@three.example")).toMatchObject({ customerId: c });
    // A request naming the merged record goes to its survivor.
    const byOld = await ws.as(ws.owner, () => Ticket.create({ subject: "By id", body: "x", requester: { customerId: b } }));
    expect(byOld.requester.customerId).toBe(a);
  });
});
