import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Inbound } from "@frontline/core/email/inbound";
import { Staff } from "@frontline/core/staff";
import { createApp } from "../src/api/app";
import { settle, useTestTable } from "../../test/support/db";
import { rawMail } from "../../test/support/mail";
import { caller, signupVia, type Caller, type Fetch, type Workspace } from "../../test/support/api";

/** The customer pages' API: the list, a customer with their tickets, edits, addresses, and merging two records. */
const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);

let ws: Workspace;
beforeAll(async () => {
  await useTestTable();
  ws = await signupVia(fetcher);
});

async function agent(): Promise<Caller> {
  const email = `agent-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await withActor({ type: "system", tenantId: ws.slug, reason: "test" }, () => Staff.create({ name: "Agent Person", email, role: "agent", password: "a long enough passphrase" }));
  const { token } = await (await caller(fetcher).post("/api/auth/login", { slug: ws.slug, email, password: "a long enough passphrase" })).json();
  return caller(fetcher, { authorization: `Bearer ${token}` });
}

const tag = () => Math.random().toString(36).slice(2, 8);
async function open(email: string, name: string, subject = "Help"): Promise<{ ticketId: string; customerId: string }> {
  const response = await ws.as.post("/api/tickets", { subject, body: "Please help.", requester: { email, name } });
  expect(response.status, await response.clone().text()).toBe(201);
  const { ticket } = await response.json();
  return { ticketId: ticket.ticketId, customerId: ticket.requester.customerId };
}
const customer = async (id: string) => (await ws.as.get(`/api/customers/${id}`)).json();

describe("customers", { timeout: 60_000 }, () => {
  it("are listed a page at a time, newest first, and found by name or address", async () => {
    const t = tag();
    const ids = [];
    for (const n of [1, 2, 3]) ids.push((await open(`p${n}-${t}@list.example`, `Listed ${t} Person${n}`)).customerId);
    await settle();
    const first = await (await ws.as.get("/api/customers?limit=2")).json();
    expect(first.customers.map((c: { customerId: string }) => c.customerId)).toEqual([ids[2], ids[1]]);
    expect(first.cursor).toEqual(expect.any(String));
    const second = await (await ws.as.get(`/api/customers?limit=2&cursor=${encodeURIComponent(first.cursor)}`)).json();
    expect(second.customers[0].customerId).toBe(ids[0]);
    const byName = await (await ws.as.get(`/api/customers?q=${encodeURIComponent(`listed ${t}`)}`)).json();
    expect(byName.customers.map((c: { customerId: string }) => c.customerId).sort()).toEqual([...ids].sort());
    const byAddress = await (await ws.as.get(`/api/customers?q=p2-${t}`)).json();
    expect(byAddress.customers.map((c: { name: string }) => c.name)).toEqual([`Listed ${t} Person2`]);
    // Inputs are checked, field by field.
    const bad = await ws.as.get("/api/customers?limit=0");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([expect.objectContaining({ path: "limit" })]);
    expect((await ws.as.get("/api/customers?cursor=forged.cursor")).status).toBe(400);
  });

  it("are changed: name, phone, language, organization; and a wrong value is said on its field", async () => {
    const { customerId } = await open(`edit-${tag()}@edit.example`, "Edna Edit");
    const org = await (await ws.as.post("/api/organizations", { name: `Edit Org ${tag()}`, domains: [] })).json();
    const changed = await ws.as.send("PATCH", `/api/customers/${customerId}`, { name: "Edna Edited", phone: "+7 701 123 4567", locale: "kk", organizationId: org.organization.organizationId });
    expect(changed.status).toBe(200);
    expect((await changed.json()).customer).toMatchObject({ name: "Edna Edited", phone: "+7 701 123 4567", locale: "kk", organizationId: org.organization.organizationId });
    const detail = await customer(customerId);
    expect(detail.organization.name).toBe(org.organization.name);
    const wrong = await ws.as.send("PATCH", `/api/customers/${customerId}`, { phone: "call me", locale: "xx" });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["locale", "phone"]);
  });

  it("get another address, unique in the workspace: a duplicate is refused on the field, naming who has it", async () => {
    const t = tag();
    const { customerId } = await open(`dora-${t}@one.example`, "Dora One");
    const other = await open(`dora-${t}@two.example`, "Dora Two");
    const added = await ws.as.post(`/api/customers/${customerId}/emails`, { email: `Dora-${t}@Home.example` });
    expect(added.status).toBe(201);
    expect((await added.json()).customer.emails).toEqual([`dora-${t}@one.example`, `dora-${t}@home.example`]);
    const taken = await ws.as.post(`/api/customers/${customerId}/emails`, { email: `dora-${t}@two.example` });
    expect(taken.status).toBe(409);
    const error = (await taken.json()).error;
    expect(error.issues).toEqual([expect.objectContaining({ path: "email", code: "taken", message: "This email address belongs to another customer" })]);
    expect(error.current).toEqual({ customerId: other.customerId, name: "Dora Two" });
    const invalid = await ws.as.post(`/api/customers/${customerId}/emails`, { email: "nope" });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.issues).toEqual([expect.objectContaining({ path: "email" })]);
    const removed = await ws.as.send("DELETE", `/api/customers/${customerId}/emails/${encodeURIComponent(`dora-${t}@one.example`)}`);
    expect(removed.status).toBe(200);
    expect((await removed.json()).customer).toMatchObject({ email: `dora-${t}@home.example`, emails: [`dora-${t}@home.example`] });
    expect((await ws.as.send("DELETE", `/api/customers/${customerId}/emails/${encodeURIComponent(`dora-${t}@one.example`)}`)).status).toBe(404);
    // An agent (who does not see every department) may not change the record.
    expect((await (await agent()).post(`/api/customers/${customerId}/emails`, { email: `x-${t}@x.example` })).status).toBe(403);
  });

  it("merge: the survivor takes the addresses and tickets; the other's page says where it went; mail from the old address lands on the survivor", async () => {
    const t = tag();
    const survivor = await open(`max-${t}@work.example`, "Max Work", "From work");
    const other = await open(`max-${t}@home.example`, "Max Home", "From home 1");
    await open(`max-${t}@home.example`, "Max Home", "From home 2");
    await ws.as.send("PATCH", `/api/customers/${other.customerId}`, { phone: "+36 30 123 4567" });
    const as = await agent();
    const merged = await as.post(`/api/customers/${survivor.customerId}/merge`, { customerId: other.customerId });
    expect(merged.status, await merged.clone().text()).toBe(200);
    expect((await merged.json()).customer).toMatchObject({ emails: [`max-${t}@work.example`, `max-${t}@home.example`], phone: "+36 30 123 4567" });
    await settle();
    const detail = await customer(survivor.customerId);
    expect(detail.tickets.map((x: { subject: string }) => x.subject).sort()).toEqual(["From home 1", "From home 2", "From work"]);
    const tomb = await customer(other.customerId);
    expect(tomb.customer.mergedInto).toBe(survivor.customerId);
    expect(tomb.mergedInto).toEqual({ customerId: survivor.customerId, name: "Max Work" });
    expect(tomb.tickets).toEqual([]);
    // The merged record can be merged no more, nor edited.
    expect((await ws.as.post(`/api/customers/${survivor.customerId}/merge`, { customerId: other.customerId })).status).toBe(400);
    expect((await ws.as.send("PATCH", `/api/customers/${other.customerId}`, { name: "Zombie" })).status).toBe(404);
    const same = await ws.as.post(`/api/customers/${survivor.customerId}/merge`, { customerId: survivor.customerId });
    expect((await same.json()).error.issues).toEqual([expect.objectContaining({ path: "customerId", code: "same" })]);
    expect((await ws.as.post(`/api/customers/${survivor.customerId}/merge`, {})).status).toBe(400);

    // A new mail from the merged address opens a ticket of the survivor's.
    const inbound = `${ws.slug}@frontline.localhost`;
    const [outcome] = await Inbound.receive(await rawMail({ from: `Max Home <max-${t}@home.example>`, to: inbound, subject: "After the merge" }), { from: `max-${t}@home.example`, to: [inbound] });
    await settle();
    const ticket = (await (await ws.as.get(`/api/tickets/${outcome!.ticketId}`)).json()).ticket;
    expect(ticket.requester).toMatchObject({ customerId: survivor.customerId, name: "Max Work" });
  });
});
