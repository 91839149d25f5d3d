import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Staff } from "@frontline/core/staff";
import { createApp } from "../src/api/app";
import { settle, useTestTable } from "../../test/support/db";
import { caller, signupVia, type Caller, type Fetch, type Workspace } from "../../test/support/api";

const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);
let ws: Workspace;

beforeAll(async () => {
  await useTestTable();
  ws = await signupVia(fetcher);
});

const issues = async (response: Response) => ((await response.json()).error.issues as { path: string; message: string }[]).map((i) => `${i.path}: ${i.message}`);

/** A staff member of the workspace, signed in. */
async function signIn(name: string, role: "agent" | "dispatcher", departmentIds: string[]): Promise<{ as: Caller; staffId: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@example.com`;
  const staff = await withActor({ type: "system", tenantId: ws.slug, reason: "test" }, () =>
    Staff.create({ name, email, role, departmentIds, password: "a long enough passphrase" }),
  );
  const session = await (await caller(fetcher).post("/api/auth/login", { slug: ws.slug, email, password: "a long enough passphrase" })).json();
  return { as: caller(fetcher, { authorization: `Bearer ${session.token}` }), staffId: staff.staffId };
}

describe("notification preferences over HTTP", () => {
  it("starts from the defaults: the bell for everything, mail for assignments, mentions and SLA", async () => {
    const response = await ws.as.get("/api/notifications/preferences");
    expect(response.status).toBe(200);
    expect((await response.json()).preferences).toEqual({
      assigned: { bell: true, mail: true },
      queue: { bell: true, mail: false },
      reply: { bell: true, mail: false },
      mention: { bell: true, mail: true },
      follow: { bell: true, mail: false },
      sla: { bell: true, mail: true },
    });
  });

  it("refuses a malformed change field by field, and keeps what it had", async () => {
    const bad = await ws.as.send("PUT", "/api/notifications/preferences", { preferences: { mention: { bell: "no", mail: true }, birthdays: { bell: true, mail: true } } });
    expect(bad.status).toBe(400);
    expect(await issues(bad)).toEqual(expect.arrayContaining(["preferences.mention.bell: Expected true or false", expect.stringMatching(/^preferences: Unknown field: birthdays/)]));
    expect((await ws.as.send("PUT", "/api/notifications/preferences", [])).status).toBe(400);
    expect((await (await ws.as.get("/api/notifications/preferences")).json()).preferences.mention).toEqual({ bell: true, mail: true });
  });

  it("saves the kinds it is given and keeps the others", async () => {
    const saved = await ws.as.send("PUT", "/api/notifications/preferences", { preferences: { follow: { bell: false, mail: true } } });
    expect(saved.status).toBe(200);
    const preferences = (await (await ws.as.get("/api/notifications/preferences")).json()).preferences;
    expect(preferences.follow).toEqual({ bell: false, mail: true });
    expect(preferences.assigned).toEqual({ bell: true, mail: true });
  });
});

describe("following a ticket over HTTP", () => {
  it("follows and unfollows a ticket the person may see, and 404s one they may not", async () => {
    const billing = (await (await ws.as.post("/api/departments", { name: "Billing" })).json()).department.departmentId;
    const { ticket } = await (await ws.as.post("/api/tickets", { subject: "Invoice", body: "Where is it?", requester: { email: "buyer@customer.example" }, departmentId: billing })).json();
    expect((await (await ws.as.get(`/api/tickets/${ticket.ticketId}/follow`)).json()).following).toBe(false);
    expect(await (await ws.as.send("PUT", `/api/tickets/${ticket.ticketId}/follow`)).json()).toEqual({ following: true });
    expect((await (await ws.as.get(`/api/tickets/${ticket.ticketId}/follow`)).json()).following).toBe(true);
    // Twice is the same as once.
    expect((await ws.as.send("PUT", `/api/tickets/${ticket.ticketId}/follow`)).status).toBe(200);
    expect(await (await ws.as.send("DELETE", `/api/tickets/${ticket.ticketId}/follow`)).json()).toEqual({ following: false });
    expect((await (await ws.as.get(`/api/tickets/${ticket.ticketId}/follow`)).json()).following).toBe(false);

    const support = await signIn("Sam Support", "agent", []);
    expect((await support.as.send("PUT", `/api/tickets/${ticket.ticketId}/follow`)).status).toBe(404);
    expect((await support.as.get(`/api/tickets/${ticket.ticketId}/follow`)).status).toBe(404);
    expect((await ws.as.get("/api/tickets/no-such-ticket/follow")).status).toBe(404);
  });

  it("rings a follower's bell when a colleague replies, but not for their own note", async () => {
    const colleague = await signIn("Cora Colleague", "dispatcher", []);
    const { ticket } = await (await ws.as.post("/api/tickets", { subject: "Followed over HTTP", body: "Hello", requester: { email: "f@customer.example" } })).json();
    await ws.as.send("PUT", `/api/tickets/${ticket.ticketId}/follow`);
    await ws.as.send("PUT", "/api/notifications/preferences", { preferences: { follow: { bell: true, mail: false } } });
    expect((await colleague.as.post(`/api/tickets/${ticket.ticketId}/replies`, { body: "Answered." })).status).toBe(201);
    expect((await ws.as.post(`/api/tickets/${ticket.ticketId}/notes`, { body: "My own note" })).status).toBe(201);
    await settle();
    const { notifications } = await (await ws.as.get("/api/notifications")).json();
    const about = notifications.filter((n: { ticketId?: string }) => n.ticketId === ticket.ticketId);
    const titles = about.map((n: { kind: string; title: string }) => [n.kind, n.title]);
    // Her reply also took the unassigned ticket and opened it: each change is told once.
    expect(titles).toContainEqual(["follow", "Cora Colleague replied on a ticket you follow"]);
    expect(titles).toContainEqual(["follow", "Cora Colleague assigned a ticket you follow to Cora Colleague"]);
    expect(new Set(titles.map(([, title]: string[]) => title)).size).toBe(titles.length);
    expect(titles.filter(([, title]: string[]) => title!.includes("note"))).toEqual([]);
  });
});
