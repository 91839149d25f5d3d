import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Staff } from "@frontline/core/staff";
import { createApp } from "../src/api/app";
import { documentedOperations } from "../src/api/openapi";
import { useTestTable } from "../../test/support/db";
import { caller, signupVia, type Fetch, type Workspace } from "../../test/support/api";

const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);

let ws: Workspace;
beforeAll(async () => {
  await useTestTable();
  ws = await signupVia(fetcher);
});

const request = { subject: "Refund please", body: "I was charged twice.", requester: { email: "carl@customer.example", name: "Carl" } };

describe("POST /api/tickets", () => {
  it("registers a request: 201 with the ticket, channel api for bearer tokens and agent for the console's cookie", async () => {
    const viaToken = await ws.as.post("/api/tickets", request);
    expect(viaToken.status).toBe(201);
    expect((await viaToken.json()).ticket).toMatchObject({ channel: "api", status: "new", requester: { name: "Carl" } });

    const login = await caller(fetcher).post("/api/auth/login", { slug: ws.slug, email: ws.email, password: ws.password });
    const cookies = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const { csrfToken } = await login.json();
    const withoutCsrf = await fetcher("/api/tickets", { method: "POST", headers: { cookie: cookies, "content-type": "application/json" }, body: JSON.stringify(request) });
    expect(withoutCsrf.status).toBe(403);
    const viaCookie = await fetcher("/api/tickets", {
      method: "POST",
      headers: { cookie: cookies, "content-type": "application/json", "x-csrf-token": csrfToken },
      body: JSON.stringify(request),
    });
    expect(viaCookie.status).toBe(201);
    expect((await viaCookie.json()).ticket.channel).toBe("agent");
  });

  it("answers bad input with 400 and a message per field", async () => {
    const response = await ws.as.post("/api/tickets", { subject: " ", body: "", requester: { email: "nope" }, impact: "huge", extra: 1 });
    expect(response.status).toBe(400);
    const paths = (await response.json()).error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["subject", "body", "impact"]));
    expect(paths.some((p: string) => p.startsWith("requester"))).toBe(true);
  });
});

describe("PATCH /api/tickets/:id", () => {
  it("answers a stale version with 409, the current ticket and who changed it", async () => {
    const { ticket } = await (await ws.as.post("/api/tickets", request)).json();
    expect((await ws.as.send("PATCH", `/api/tickets/${ticket.ticketId}`, { version: 1, status: "pending" })).status).toBe(200);
    const stale = await ws.as.send("PATCH", `/api/tickets/${ticket.ticketId}`, { version: 1, priority: "urgent" });
    expect(stale.status).toBe(409);
    const { error } = await stale.json();
    expect(error.message).toBe("Changed by Olga Owner while you were working");
    expect(error.current).toMatchObject({ ticketId: ticket.ticketId, version: 2, status: "pending" });
    const missingVersion = await ws.as.send("PATCH", `/api/tickets/${ticket.ticketId}`, { status: "open" });
    expect(missingVersion.status).toBe(400);
    expect((await missingVersion.json()).error.issues[0].path).toBe("version");
  });
});

describe("GET /api/tickets", () => {
  it("pages with a cursor, refuses a forged one with a field error, and finds a ticket by number", async () => {
    for (let i = 0; i < 3; i++) await ws.as.post("/api/tickets", { ...request, subject: `Paged ${i}` });
    const first = await (await ws.as.get("/api/tickets?view=all&sort=updated&limit=2")).json();
    expect(first.tickets).toHaveLength(2);
    const second = await (await ws.as.get(`/api/tickets?view=all&sort=updated&limit=2&cursor=${first.cursor}`)).json();
    expect(second.tickets[0].ticketId).not.toBe(first.tickets[1].ticketId);
    const forged = await ws.as.get("/api/tickets?view=all&cursor=bm90LWEtY3Vyc29y");
    expect(forged.status).toBe(400);
    expect((await forged.json()).error.issues[0].path).toBe("cursor");
    const wrongView = await ws.as.get(`/api/tickets?view=pending&sort=updated&limit=2&cursor=${first.cursor}`);
    expect(wrongView.status).toBe(400);
    const byNumber = await (await ws.as.get(`/api/tickets?number=${first.tickets[0].number}`)).json();
    expect(byNumber.tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual([first.tickets[0].ticketId]);
    expect((await ws.as.get("/api/tickets?view=sideways")).status).toBe(400);
  });
});

describe("GET /api/events", () => {
  it("is for admins; an agent is refused with 403", async () => {
    const agent = await withActor({ type: "system", tenantId: ws.slug, reason: "test" }, () =>
      Staff.create({ name: "Agnes Agent", email: "agnes@example.com", role: "agent", password: "a long enough passphrase" }),
    );
    const session = await (await caller(fetcher).post("/api/auth/login", { slug: ws.slug, email: agent.email, password: "a long enough passphrase" })).json();
    const asAgent = caller(fetcher, { authorization: `Bearer ${session.token}` });
    expect((await asAgent.get("/api/events")).status).toBe(403);
    const log = await (await ws.as.get("/api/events?limit=5")).json();
    expect(log.events.length).toBeGreaterThan(0);
    expect(log.events[0]).toMatchObject({ actor: { type: expect.any(String) }, action: expect.any(String) });
  });
});

describe("GET /api/openapi.json", () => {
  it("describes every route of the API with its request schemas, and is public", async () => {
    const response = await caller(fetcher).get("/api/openapi.json");
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    const described = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    const routes = [...new Set(app.routes.filter((r) => r.handler.length < 2 && r.method !== "ALL").map((r) => `${r.method} ${r.path}`))];
    expect(described.sort()).toEqual(routes.sort());
    expect(documentedOperations().length).toBe(routes.length);
    const create = doc.paths["/api/tickets"].post;
    const schema = create.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(expect.arrayContaining(["subject", "body", "requester"]));
    expect(schema.properties.impact.enum).toEqual(["low", "medium", "high"]);
    expect(create.responses["201"]).toBeTruthy();
    const list = doc.paths["/api/tickets"].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["view", "sort", "cursor", "limit"]));
    expect(doc.paths["/api/signup"].post.security).toEqual([]);
  });
});
