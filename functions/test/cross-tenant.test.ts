import { beforeAll, describe, expect, it, vi } from "vitest";
import { withActor } from "@frontline/core/actor";
import { useDb } from "@frontline/core/db";
import { Inbound } from "@frontline/core/email/inbound";
import { Staff } from "@frontline/core/staff";
import { PasswordReset } from "@frontline/core/staff/password-reset";
import { Failures, padSequence } from "@frontline/core/stream";
import { rawMail } from "../../test/support/mail";
import { createApp } from "../src/api/app";
import { settle, useTestTable } from "../../test/support/db";
import { caller, signupVia, type Fetch, type Workspace } from "../../test/support/api";

/**
 * The cross-tenant harness. Every route of the API has a probe here that acts as the owner of workspace B (the most
 * powerful role) against workspace A's ids and data, and asserts that B gets 404 (or only its own data) and never
 * anything of A, and that A is unchanged. A route without a probe fails the first test, so every new route joins.
 */
const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);

interface A extends Workspace {
  invitationId: string;
  invitationToken: string;
  templateId: string;
  viewId: string;
  topUpRequestId: string;
  calendarId: string;
  policyId: string;
  notificationId: string;
  mailId: string;
  mailTicketId: string;
  mailMessageId: string;
  attachmentId: string;
  outboxId: string;
  departmentId: string;
  agentId: string;
  organizationId: string;
  customerId: string;
  customerEmail: string;
  ticketId: string;
  ticketNumber: number;
  subject: string;
}

interface Pair {
  a: A;
  b: Workspace;
}
type Probe = (pair: Pair) => Promise<void>;

/**
 * Asserts the answer's status and that its body mentions nothing that identifies workspace A; returns the body. The
 * status is not optional: a probe that took any answer would pass on a 401 or a 500.
 */
async function expectNothingOf(a: A, response: Response, status: number, except: string[] = []): Promise<string> {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(status);
  const secrets = [
    a.slug, a.email, a.staffId, a.token, a.departmentId, a.agentId, a.organizationId, a.customerId, a.customerEmail,
    a.ticketId, a.subject, a.mailId, a.mailTicketId, a.mailMessageId, a.attachmentId, a.outboxId, "blocked-a.example",
    "A's secret attachment", "A's custom letter", a.calendarId, a.policyId, a.notificationId, "A's calendar", "A's policy",
    a.invitationId, a.templateId, a.topUpRequestId, "invitee@a.example", "A's template", "A's top-up note", a.viewId, "A's view",
  ];
  for (const secret of secrets.filter((s) => !except.includes(s))) expect(text, `leaks ${secret}`).not.toContain(secret);
  return text;
}

async function expect404(a: A, response: Response) {
  await expectNothingOf(a, response, 404);
}

/** A's ticket as A sees it: it must be the same after every probe. */
async function ticketOfA(a: A) {
  const response = await a.as.get(`/api/tickets/${a.ticketId}`);
  expect(response.status).toBe(200);
  return response.json();
}

const probes: Record<string, Probe> = {
  "GET /api/health": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/health"), 200);
  },
  "GET /api/openapi.json": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/openapi.json"), 200);
  },
  "POST /api/signup": async ({ a }) => {
    // Taking A's slug fails and leaves A untouched.
    const taken = await caller(fetcher).post("/api/signup", {
      workspaceName: "Hijack", slug: a.slug, ownerName: "Mallory", email: "mallory@example.com", password: "a long enough passphrase",
    });
    expect(taken.status).toBe(409);
    const me = await a.as.get("/api/me");
    expect((await me.json()).tenant.name).not.toBe("Hijack");
  },
  "POST /api/auth/login": async ({ a, b }) => {
    // B's owner credentials do not open A's workspace.
    const response = await caller(fetcher).post("/api/auth/login", { slug: a.slug, email: b.email, password: b.password });
    await expectNothingOf(a, response, 401);
  },
  "POST /api/auth/logout": async ({ a, b }) => {
    // A's token presented under B's tenant is no session, and B signing out leaves A's session alive.
    const secret = a.token.split(".")[2];
    const forged = await caller(fetcher).post("/api/auth/logout", undefined, { authorization: `Bearer fls.${b.slug}.${secret}` });
    expect(forged.status).toBe(401);
    const session = await caller(fetcher).post("/api/auth/login", { slug: b.slug, email: b.email, password: b.password });
    const token = (await session.json()).token;
    expect((await caller(fetcher).post("/api/auth/logout", undefined, { authorization: `Bearer ${token}` })).status).toBe(204);
    expect((await a.as.get("/api/me")).status).toBe(200);
  },
  "GET /api/me": async ({ a, b }) => {
    const response = await b.as.get("/api/me");
    expect(response.status).toBe(200);
    const clone = response.clone();
    expect((await response.json()).tenant.slug).toBe(b.slug);
    await expectNothingOf(a, clone, 200);
    const secret = a.token.split(".")[2];
    expect((await caller(fetcher).get("/api/me", { authorization: `Bearer fls.${b.slug}.${secret}` })).status).toBe(401);
  },
  "GET /api/billing/ledger": async ({ a, b }) => {
    const mine = await (await a.as.get("/api/billing/ledger")).json();
    expect(mine.entries.length).toBeGreaterThan(0);
    const text = await expectNothingOf(a, await b.as.get("/api/billing/ledger"), 200);
    for (const entry of mine.entries) expect(text).not.toContain(entry.entryId);
  },

  // Tickets
  "GET /api/tickets": async ({ a, b }) => {
    for (const view of ["all", "mine", "unassigned", "pending", "on_hold", "solved", "trash"]) {
      await expectNothingOf(a, await b.as.get(`/api/tickets?view=${view}&sort=updated`), 200);
    }
    await expectNothingOf(a, await b.as.get(`/api/tickets?number=${a.ticketNumber}`), 200);
    const byEmail = await b.as.get(`/api/tickets?requesterEmail=${encodeURIComponent(a.customerEmail)}`);
    expect((await byEmail.clone().json()).tickets).toEqual([]);
    await expectNothingOf(a, byEmail, 200);
    const otherDepartment = await b.as.get(`/api/tickets?view=department&departmentId=${a.departmentId}`);
    expect(otherDepartment.status).toBe(200); // B sees all of its own departments, and A's department is none of them
    expect((await otherDepartment.json()).tickets).toEqual([]);
  },
  "GET /api/tickets/counts": async ({ a, b }) => {
    const response = await b.as.get("/api/tickets/counts");
    expect((await response.clone().json()).views.all).toBe(0);
    await expectNothingOf(a, response, 200);
  },
  "POST /api/tickets": async ({ a, b }) => {
    const base = { subject: "Probe", body: "Probe" };
    const withCustomer = await b.as.post("/api/tickets", { ...base, requester: { customerId: a.customerId } });
    await expectNothingOf(a, withCustomer, 400);
    const inDepartment = await b.as.post("/api/tickets", { ...base, requester: { email: "x@b.example" }, departmentId: a.departmentId });
    expect(inDepartment.status).toBe(400);
    const toAgent = await b.as.post("/api/tickets", { ...base, requester: { email: "x@b.example" }, assigneeId: a.agentId });
    await expectNothingOf(a, toAgent, 400);
    // The same email address in B is B's own customer, not A's.
    const sameEmail = await b.as.post("/api/tickets", { ...base, requester: { email: a.customerEmail } });
    expect(sameEmail.status).toBe(201);
    expect((await sameEmail.json()).ticket.requester.customerId).not.toBe(a.customerId);
  },
  "GET /api/tickets/:id": async ({ a, b }) => {
    await expect404(a, await b.as.get(`/api/tickets/${a.ticketId}`));
  },
  "PATCH /api/tickets/:id": async ({ a, b }) => {
    const before = await ticketOfA(a);
    await expect404(a, await b.as.send("PATCH", `/api/tickets/${a.ticketId}`, { version: before.ticket.version, status: "solved" }));
    expect(await ticketOfA(a)).toEqual(before);
  },
  "POST /api/tickets/bulk": async ({ a, b }) => {
    const before = await ticketOfA(a);
    const response = await b.as.post("/api/tickets/bulk", { ticketIds: [a.ticketId], action: { type: "status", status: "solved" } });
    // B named A's ticket itself: the answer may say that id back, and nothing else of A's.
    const body = JSON.parse(await expectNothingOf(a, response, 200, [a.ticketId]));
    expect(body.results).toEqual([{ ticketId: a.ticketId, outcome: "failed", reason: "not_found", message: "Ticket not found" }]);
    expect(await ticketOfA(a)).toEqual(before);
  },
  "GET /api/views": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/views"), 200);
  },
  "GET /api/views/counts": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/views/counts"), 200);
  },
  "POST /api/views": async ({ a, b }) => {
    // A view of A's department is B's own filter, which finds nothing of A's.
    const created = await b.as.post("/api/views", { name: "B's view", query: { view: "department", departmentId: a.departmentId } });
    const { view } = JSON.parse(await expectNothingOf(a, created, 201, [a.departmentId]));
    await expectNothingOf(a, await b.as.get("/api/views/counts"), 200, [a.departmentId]);
    expect((await b.as.send("DELETE", `/api/views/${view.viewId}`)).status).toBe(204);
  },
  "PATCH /api/views/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("PATCH", `/api/views/${a.viewId}`, { name: "Hijack" }));
    expect((await (await a.as.get("/api/views")).json()).views.map((v: { name: string }) => v.name)).toEqual(["A's view"]);
  },
  "DELETE /api/views/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("DELETE", `/api/views/${a.viewId}`));
    expect((await (await a.as.get("/api/views")).json()).views).toHaveLength(1);
  },
  "POST /api/tickets/:id/replies": async ({ a, b }) => {
    const before = await ticketOfA(a);
    await expect404(a, await b.as.post(`/api/tickets/${a.ticketId}/replies`, { body: "injected" }));
    expect(await ticketOfA(a)).toEqual(before);
  },
  "POST /api/tickets/:id/notes": async ({ a, b }) => {
    const before = await ticketOfA(a);
    await expect404(a, await b.as.post(`/api/tickets/${a.ticketId}/notes`, { body: "injected" }));
    expect(await ticketOfA(a)).toEqual(before);
  },
  "DELETE /api/tickets/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("DELETE", `/api/tickets/${a.ticketId}`));
    expect((await ticketOfA(a)).ticket.deletedAt).toBeUndefined();
  },
  "POST /api/tickets/:id/restore": async ({ a, b }) => {
    await expect404(a, await b.as.post(`/api/tickets/${a.ticketId}/restore`));
  },
  "POST /api/tickets/:id/purge": async ({ a, b }) => {
    await expect404(a, await b.as.post(`/api/tickets/${a.ticketId}/purge`));
    await ticketOfA(a);
  },
  "POST /api/tickets/:id/merge": async ({ a, b }) => {
    const before = await ticketOfA(a);
    const own = (await (await b.as.post("/api/tickets", { subject: "Merge probe", body: "Probe", requester: { email: "merge-probe@b.example" } })).json()).ticket;
    // A's ticket into B's own is not found; B's own into A's (by id or by number) is no such ticket.
    await expect404(a, await b.as.post(`/api/tickets/${a.ticketId}/merge`, { version: before.ticket.version, into: own.ticketId }));
    const byId = JSON.parse(await expectNothingOf(a, await b.as.post(`/api/tickets/${own.ticketId}/merge`, { version: own.version, into: a.ticketId }), 400, [a.ticketId]));
    expect(byId.error.issues).toEqual([expect.objectContaining({ path: "into", code: "not_found" })]);
    const byNumber = await b.as.post(`/api/tickets/${own.ticketId}/merge`, { version: own.version, intoNumber: a.ticketNumber });
    expect(byNumber.status).toBe(400);
    expect(await ticketOfA(a)).toEqual(before);
  },
  "POST /api/tickets/:id/unmerge": async ({ a, b }) => {
    const before = await ticketOfA(a);
    await expect404(a, await b.as.post(`/api/tickets/${a.ticketId}/unmerge`));
    expect(await ticketOfA(a)).toEqual(before);
  },
  "POST /api/tickets/:id/links": async ({ a, b }) => {
    const before = await ticketOfA(a);
    const own = (await (await b.as.post("/api/tickets", { subject: "Link probe", body: "Probe", requester: { email: "link-probe@b.example" } })).json()).ticket;
    await expect404(a, await b.as.post(`/api/tickets/${a.ticketId}/links`, { other: own.ticketId, role: "related" }));
    const linked = JSON.parse(await expectNothingOf(a, await b.as.post(`/api/tickets/${own.ticketId}/links`, { other: a.ticketId, role: "incident" }), 400, [a.ticketId]));
    expect(linked.error.issues).toEqual([expect.objectContaining({ path: "other", code: "not_found" })]);
    expect((await ticketOfA(a)).links).toEqual(before.links);
  },
  "DELETE /api/tickets/:id/links/:otherId": async ({ a, b }) => {
    const before = await ticketOfA(a);
    await expect404(a, await b.as.send("DELETE", `/api/tickets/${a.ticketId}/links/${a.ticketId}`));
    expect(await ticketOfA(a)).toEqual(before);
  },
  "GET /api/tickets/:id/reply-signature": async ({ a, b }) => {
    await expect404(a, await b.as.get(`/api/tickets/${a.ticketId}/reply-signature`));
  },
  "GET /api/tickets/:id/events": async ({ a, b }) => {
    await expect404(a, await b.as.get(`/api/tickets/${a.ticketId}/events`));
  },

  // Customers and organizations
  "GET /api/customers": async ({ a, b }) => {
    // B may have a customer of its own with the same address (the POST /api/tickets probe made one): never A's.
    await expectNothingOf(a, await b.as.get(`/api/customers?q=${encodeURIComponent(a.customerEmail)}`), 200, [a.customerEmail]);
    await expectNothingOf(a, await b.as.get("/api/customers"), 200, [a.customerEmail]);
    await expectNothingOf(a, await b.as.get("/api/customers?q=victim"), 200, [a.customerEmail]);
  },
  "GET /api/search": async ({ a, b }) => {
    // A finds its own ticket, customer and organization, so the index does hold them; B, asking for each of them by
    // every way search offers, gets nothing of A's.
    const mine = await (await a.as.get(`/api/search?q=${encodeURIComponent("confidential secret")}`)).json();
    expect(mine.tickets.map((t: { ticket: { ticketId: string } }) => t.ticket.ticketId)).toContain(a.ticketId);
    const people = await (await a.as.get("/api/search?q=acme")).json();
    expect(people.organizations.map((o: { organizationId: string }) => o.organizationId)).toContain(a.organizationId);
    for (const q of ["confidential", "secret body", "victim", a.customerEmail, "acme", `#${a.ticketNumber}`, String(a.ticketNumber), a.ticketId]) {
      const text = await expectNothingOf(a, await b.as.get(`/api/search?q=${encodeURIComponent(q)}`), 200, [a.customerEmail]);
      expect(JSON.parse(text).tickets.filter((t: { ticket: { subject: string } }) => t.ticket.subject.startsWith("A's"))).toEqual([]);
    }
    for (const filter of [`customerId=${a.customerId}`, `organizationId=${a.organizationId}`, `departmentId=${a.departmentId}`, `assigneeId=${a.staffId}`]) {
      const text = await expectNothingOf(a, await b.as.get(`/api/search?${filter}`), 200, [a.customerId, a.organizationId, a.departmentId, a.staffId]);
      expect(JSON.parse(text).tickets).toEqual([]);
    }
  },
  "GET /api/customers/:id": async ({ a, b }) => {
    await expect404(a, await b.as.get(`/api/customers/${a.customerId}`));
  },
  "PATCH /api/customers/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("PATCH", `/api/customers/${a.customerId}`, { name: "Renamed by B" }));
    expect((await (await a.as.get(`/api/customers/${a.customerId}`)).json()).customer.name).not.toBe("Renamed by B");
  },
  "POST /api/customers/:id/emails": async ({ a, b }) => {
    await expect404(a, await b.as.post(`/api/customers/${a.customerId}/emails`, { email: "hijack@b.example" }));
    expect((await (await a.as.get(`/api/customers/${a.customerId}`)).json()).customer.emails).toEqual([a.customerEmail]);
  },
  "DELETE /api/customers/:id/emails/:email": async ({ a, b }) => {
    await expect404(a, await b.as.send("DELETE", `/api/customers/${a.customerId}/emails/${encodeURIComponent(a.customerEmail)}`));
    expect((await (await a.as.get(`/api/customers/${a.customerId}`)).json()).customer.emails).toEqual([a.customerEmail]);
  },
  "POST /api/customers/:id/merge": async ({ a, b }) => {
    const own = await b.as.post("/api/tickets", { subject: "Merge probe", body: "Probe", requester: { email: "merge-probe@b.example" } });
    const ownId = (await own.json()).ticket.requester.customerId as string;
    // A's customer into B's own, and B's own into A's: neither reaches A's record.
    await expectNothingOf(a, await b.as.post(`/api/customers/${ownId}/merge`, { customerId: a.customerId }), 400);
    await expect404(a, await b.as.post(`/api/customers/${a.customerId}/merge`, { customerId: ownId }));
    const after = (await (await a.as.get(`/api/customers/${a.customerId}`)).json()).customer;
    expect(after.mergedInto).toBeUndefined();
    expect(after.emails).toEqual([a.customerEmail]);
  },
  "GET /api/organizations": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/organizations"), 200);
  },
  "POST /api/organizations": async ({ a, b }) => {
    // Domains are claimed per workspace: B may use the same domain without touching A's organization.
    const response = await b.as.post("/api/organizations", { name: "B's Acme", domains: ["acme-a.example"] });
    await expectNothingOf(a, response, 201);
    expect((await (await a.as.get(`/api/organizations/${a.organizationId}`)).json()).organization.domains).toEqual(["acme-a.example"]);
  },
  "GET /api/organizations/:id": async ({ a, b }) => {
    await expect404(a, await b.as.get(`/api/organizations/${a.organizationId}`));
  },
  "PATCH /api/organizations/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("PATCH", `/api/organizations/${a.organizationId}`, { name: "Renamed by B" }));
  },

  // Departments and staff
  "GET /api/departments": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/departments"), 200);
  },
  "POST /api/departments": async ({ a, b }) => {
    const response = await b.as.post("/api/departments", { name: "Probe department" });
    await expectNothingOf(a, response, 201);
  },
  "GET /api/departments/:id": async ({ a, b }) => {
    await expect404(a, await b.as.get(`/api/departments/${a.departmentId}`));
  },
  "PATCH /api/departments/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("PATCH", `/api/departments/${a.departmentId}`, { name: "Renamed by B" }));
  },
  "DELETE /api/departments/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("DELETE", `/api/departments/${a.departmentId}`));
    expect((await a.as.get(`/api/departments/${a.departmentId}`)).status).toBe(200);
  },
  "PUT /api/departments/:id/staff": async ({ a, b }) => {
    await expect404(a, await b.as.send("PUT", `/api/departments/${a.departmentId}/staff`, { staffIds: [] }));
    // B cannot grant its own department to A's staff either.
    const own = (await (await b.as.get("/api/departments")).json()).departments[0].departmentId;
    const response = await b.as.send("PUT", `/api/departments/${own}/staff`, { staffIds: [a.agentId] });
    await expectNothingOf(a, response, 400);
    const detail = await (await a.as.get(`/api/departments/${a.departmentId}`)).json();
    expect(detail.staffIds).toEqual([a.agentId]);
  },
  "GET /api/staff": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/staff"), 200);
  },
  "PATCH /api/staff/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("PATCH", `/api/staff/${a.agentId}`, { role: "admin" }));
  },

  // The email channel
  "GET /api/mail": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/mail"), 200);
    await expectNothingOf(a, await b.as.get("/api/mail?status=ticket_created"), 200);
  },
  "GET /api/mail/:id": async ({ a, b }) => {
    await expect404(a, await b.as.get(`/api/mail/${a.mailId}`));
  },
  "GET /api/mail/:id/raw": async ({ a, b }) => {
    await expect404(a, await b.as.get(`/api/mail/${a.mailId}/raw`));
  },
  "POST /api/mail/:id/reprocess": async ({ a, b }) => {
    await expect404(a, await b.as.post(`/api/mail/${a.mailId}/reprocess`));
  },
  "GET /api/stop-list": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/stop-list"), 200);
  },
  "POST /api/stop-list": async ({ a, b }) => {
    // B's own entry for the same domain is B's, and A's list is unchanged.
    expect((await b.as.post("/api/stop-list", { value: "other-b.example" })).status).toBe(201);
    const mine = await (await a.as.get("/api/stop-list")).json();
    expect(mine.entries.map((e: { value: string }) => e.value)).toEqual(["blocked-a.example"]);
  },
  "DELETE /api/stop-list/:value": async ({ a, b }) => {
    await expect404(a, await b.as.send("DELETE", "/api/stop-list/blocked-a.example"));
    expect((await (await a.as.get("/api/stop-list")).json()).entries).toHaveLength(1);
  },
  "GET /api/outbox": async ({ a, b }) => {
    // B wrote to its own customer with the same address (the POST /api/tickets probe): never A's letters.
    await expectNothingOf(a, await b.as.get("/api/outbox"), 200, [a.customerEmail]);
  },
  "POST /api/outbox/:id/retry": async ({ a, b }) => {
    await expect404(a, await b.as.post(`/api/outbox/${a.outboxId}/retry`));
  },
  "POST /api/tickets/:id/letters/:outboxId/resend": async ({ a, b }) => {
    await expect404(a, await b.as.post(`/api/tickets/${a.mailTicketId}/letters/${a.outboxId}/resend`));
    await expect404(a, await b.as.post(`/api/tickets/${a.ticketId}/letters/${a.outboxId}/resend`));
  },
  "GET /api/letters": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/letters"), 200);
  },
  "PUT /api/letters/:kind/:locale": async ({ a, b }) => {
    expect((await b.as.send("PUT", "/api/letters/ticket_received/en", { subject: "B", body: "B's letter" })).status).toBe(200);
    const mine = (await (await a.as.get("/api/letters")).json()).letters.find((l: { kind: string; locale: string }) => l.kind === "ticket_received" && l.locale === "en");
    expect(mine.body).toBe("A's custom letter {{ ticket.number }}");
  },
  "DELETE /api/letters/:kind/:locale": async ({ a, b }) => {
    expect((await b.as.send("DELETE", "/api/letters/ticket_received/en")).status).toBe(200);
    const mine = (await (await a.as.get("/api/letters")).json()).letters.find((l: { kind: string; locale: string }) => l.kind === "ticket_received" && l.locale === "en");
    expect(mine.custom).toBe(true);
  },
  "POST /api/letters/:kind/:locale/preview": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.post("/api/letters/ticket_received/en/preview", { subject: "x", body: "{{ workspace.name }}" }), 200);
  },
  "GET /api/tickets/:id/attachments/:attachmentId": async ({ a, b }) => {
    await expect404(a, await b.as.get(`/api/tickets/${a.mailTicketId}/attachments/${a.attachmentId}`));
    // Not even with one of B's own tickets in the path.
    const own = (await (await b.as.get("/api/tickets?view=all")).json()).tickets[0].ticketId;
    await expect404(a, await b.as.get(`/api/tickets/${own}/attachments/${a.attachmentId}`));
  },
  "GET /api/tickets/:id/messages/:messageId/html": async ({ a, b }) => {
    await expect404(a, await b.as.get(`/api/tickets/${a.mailTicketId}/messages/${a.mailMessageId}/html`));
  },

  // SLA and notifications
  "GET /api/sla/calendars": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/sla/calendars"), 200);
  },
  "POST /api/sla/calendars": async ({ a, b }) => {
    const response = await b.as.post("/api/sla/calendars", { name: "B's calendar", timeZone: "Europe/Kyiv", week: { mon: [{ start: "09:00", end: "18:00" }] } });
    await expectNothingOf(a, response, 201);
  },
  "PUT /api/sla/calendars/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("PUT", `/api/sla/calendars/${a.calendarId}`, { name: "Hijacked", timeZone: "UTC", week: { mon: [{ start: "00:00", end: "24:00" }] } }));
  },
  "DELETE /api/sla/calendars/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("DELETE", `/api/sla/calendars/${a.calendarId}`));
    expect((await (await a.as.get("/api/sla/calendars")).json()).calendars).toHaveLength(1);
  },
  "GET /api/sla/policies": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/sla/policies"), 200);
  },
  "POST /api/sla/policies": async ({ a, b }) => {
    // B cannot use A's calendar.
    const response = await b.as.post("/api/sla/policies", { name: "B", targets: { first_response: 60 }, hours: "business", calendarId: a.calendarId });
    await expectNothingOf(a, response, 400);
  },
  "PUT /api/sla/policies/order": async ({ a, b }) => {
    const response = await b.as.send("PUT", "/api/sla/policies/order", { policyIds: [a.policyId] });
    await expectNothingOf(a, response, 400);
  },
  "PUT /api/sla/policies/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("PUT", `/api/sla/policies/${a.policyId}`, { name: "Hijacked", targets: { resolution: 1 }, hours: "calendar" }));
  },
  "DELETE /api/sla/policies/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("DELETE", `/api/sla/policies/${a.policyId}`));
    expect((await (await a.as.get("/api/sla/policies")).json()).policies).toHaveLength(1);
  },
  "GET /api/tickets/overdue": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/tickets/overdue"), 200);
  },
  "GET /api/notifications": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/notifications"), 200);
  },
  "POST /api/notifications/read-all": async ({ a, b }) => {
    expect((await b.as.post("/api/notifications/read-all")).status).toBe(200);
    const mine = await (await a.as.get("/api/notifications")).json();
    expect(mine.unread).toBe(1);
  },
  "POST /api/notifications/:id/read": async ({ a, b }) => {
    await expect404(a, await b.as.post(`/api/notifications/${a.notificationId}/read`));
    expect((await (await a.as.get("/api/notifications")).json()).unread).toBe(1);
  },
  "GET /api/notifications/preferences": async ({ a, b }) => {
    const mine = JSON.parse(await expectNothingOf(a, await b.as.get("/api/notifications/preferences"), 200));
    expect(mine.preferences.queue).toEqual({ bell: true, mail: false });
  },
  "PUT /api/notifications/preferences": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.send("PUT", "/api/notifications/preferences", { preferences: { queue: { bell: true, mail: true } } }), 200);
    expect((await (await a.as.get("/api/notifications/preferences")).json()).preferences.queue).toEqual({ bell: false, mail: false });
  },
  "GET /api/tickets/:id/follow": async ({ a, b }) => {
    await expect404(a, await b.as.get(`/api/tickets/${a.ticketId}/follow`));
  },
  "PUT /api/tickets/:id/follow": async ({ a, b }) => {
    await expect404(a, await b.as.send("PUT", `/api/tickets/${a.mailTicketId}/follow`));
    expect((await (await a.as.get(`/api/tickets/${a.mailTicketId}/follow`)).json()).following).toBe(false);
    expect((await useDb().entities.follow.query.byTicket({ tenantId: a.slug, ticketId: a.mailTicketId }).go()).data).toEqual([]);
  },
  "DELETE /api/tickets/:id/follow": async ({ a, b }) => {
    await expect404(a, await b.as.send("DELETE", `/api/tickets/${a.ticketId}/follow`));
    expect((await (await a.as.get(`/api/tickets/${a.ticketId}/follow`)).json()).following).toBe(true);
  },

  // The admin panel
  "GET /api/settings": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/settings"), 200);
  },
  "PATCH /api/settings": async ({ a, b }) => {
    expect((await b.as.send("PATCH", "/api/settings", { name: "B renamed", timeZone: "Asia/Almaty" })).status).toBe(200);
    expect((await (await a.as.get("/api/settings")).json()).settings).toMatchObject({ timeZone: "Europe/Kyiv" });
  },
  "GET /api/invitations": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/invitations"), 200);
  },
  "POST /api/invitations": async ({ a, b }) => {
    // The same person may be invited by B; A's invitation is untouched.
    const response = await b.as.post("/api/invitations", { email: "invitee@a.example", role: "agent" });
    await expectNothingOf(a, response, 201, ["invitee@a.example"]);
    expect((await (await a.as.get("/api/invitations")).json()).invitations[0].status).toBe("pending");
  },
  "POST /api/invitations/:id/revoke": async ({ a, b }) => {
    await expect404(a, await b.as.post(`/api/invitations/${a.invitationId}/revoke`));
    expect((await (await a.as.get("/api/invitations")).json()).invitations[0].status).toBe("pending");
  },
  "GET /api/invitations/preview": async ({ a, b }) => {
    // The link is the capability: without its secret, or pointed at another workspace, it is nothing.
    const [, , id] = a.invitationToken.split(".");
    const forged = `fli.${a.slug}.${id}.${"x".repeat(43)}`;
    await expect404(a, await b.as.get(`/api/invitations/preview?token=${encodeURIComponent(forged)}`));
    const moved = a.invitationToken.replace(`fli.${a.slug}.`, `fli.${b.slug}.`);
    await expect404(a, await b.as.get(`/api/invitations/preview?token=${encodeURIComponent(moved)}`));
  },
  "POST /api/invitations/accept": async ({ a, b }) => {
    const moved = a.invitationToken.replace(`fli.${a.slug}.`, `fli.${b.slug}.`);
    await expect404(a, await caller(fetcher).post("/api/invitations/accept", { token: moved, name: "Mallory", password: "a long enough passphrase" }));
    expect((await (await a.as.get("/api/invitations")).json()).invitations[0].status).toBe("pending");
  },
  "PUT /api/settings/address": async ({ a, b }) => {
    // A's address (its current one, and so its aliases) is not B's to take, and the refusal says nothing of A.
    await expectNothingOf(a, await b.as.send("PUT", "/api/settings/address", { slug: a.slug }), 409);
    expect((await (await a.as.get("/api/settings")).json()).settings.slug).toBe(a.slug);
  },
  "POST /api/password-reset": async ({ a, b }) => {
    // Asking for A's agent's link answers as for nobody, and says nothing of A.
    const known = await b.as.post("/api/password-reset", { slug: a.slug, email: "agent@a.example" });
    const unknown = await b.as.post("/api/password-reset", { slug: a.slug, email: "nobody@a.example" });
    expect(await expectNothingOf(a, known, 202)).toBe(await expectNothingOf(a, unknown, 202));
  },
  "GET /api/password-reset/preview": async ({ a, b }) => {
    // The link is the capability: without its secret, or pointed at another workspace, it is nothing.
    const token = await resetTokenOf(a);
    const [, , id] = token.split(".");
    await expect404(a, await b.as.get(`/api/password-reset/preview?token=${encodeURIComponent(`flr.${a.slug}.${id}.${"x".repeat(43)}`)}`));
    await expect404(a, await b.as.get(`/api/password-reset/preview?token=${encodeURIComponent(token.replace(`flr.${a.slug}.`, `flr.${b.slug}.`))}`));
  },
  "POST /api/password-reset/complete": async ({ a, b }) => {
    const token = await resetTokenOf(a);
    const moved = token.replace(`flr.${a.slug}.`, `flr.${b.slug}.`);
    await expect404(a, await caller(fetcher).post("/api/password-reset/complete", { token: moved, password: "mallory's own passphrase" }));
    expect((await (await caller(fetcher).get(`/api/password-reset/preview?token=${encodeURIComponent(token)}`)).json()).reset.status).toBe("pending");
  },
  "POST /api/staff/:id/password-reset": async ({ a, b }) => {
    const before = (await useDb().entities.passwordReset.query.byId({ tenantId: a.slug }).go()).data.length;
    await expect404(a, await b.as.post(`/api/staff/${a.agentId}/password-reset`));
    expect((await useDb().entities.passwordReset.query.byId({ tenantId: a.slug }).go()).data).toHaveLength(before);
  },
  "GET /api/billing": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/billing"), 200);
  },
  "GET /api/plans": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/plans"), 200);
  },
  "PUT /api/billing/plan": async ({ a, b }) => {
    expect((await b.as.send("PUT", "/api/billing/plan", { planId: "standard", addOns: ["statistics"] })).status).toBe(200);
    expect((await (await a.as.get("/api/billing")).json()).billing.plan.planId).toBe("pro");
  },
  "GET /api/billing/top-up-requests": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/billing/top-up-requests"), 200);
  },
  "POST /api/billing/top-up-requests": async ({ a, b }) => {
    expect((await b.as.post("/api/billing/top-up-requests", { amountMinor: 100 })).status).toBe(201);
    expect((await (await a.as.get("/api/billing/top-up-requests")).json()).requests).toHaveLength(1);
  },
  "GET /api/events/export.csv": async ({ a, b }) => {
    // B invited the same person itself (the POST /api/invitations probe): that is B's event, not A's.
    await expectNothingOf(a, await b.as.get("/api/events/export.csv"), 200, ["invitee@a.example"]);
  },
  "GET /api/reply-templates": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get("/api/reply-templates"), 200);
  },
  "POST /api/reply-templates": async ({ a, b }) => {
    const response = await b.as.post("/api/reply-templates", { name: "B's", body: "Hi", departmentIds: [a.departmentId] });
    await expectNothingOf(a, response, 400);
  },
  "PUT /api/reply-templates/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("PUT", `/api/reply-templates/${a.templateId}`, { name: "Hijack", body: "x" }));
  },
  "DELETE /api/reply-templates/:id": async ({ a, b }) => {
    await expect404(a, await b.as.send("DELETE", `/api/reply-templates/${a.templateId}`));
    expect((await (await a.as.get("/api/reply-templates")).json()).templates).toHaveLength(1);
  },
  "POST /api/reply-templates/:id/render": async ({ a, b }) => {
    await expect404(a, await b.as.post(`/api/reply-templates/${a.templateId}/render`, { ticketId: a.ticketId }));
    const own = (await (await b.as.post("/api/reply-templates", { name: "B's own", body: "{{ customer.name }}" })).json()).template.templateId;
    await expect404(a, await b.as.post(`/api/reply-templates/${own}/render`, { ticketId: a.ticketId }));
  },

  // The operator console: a workspace's session, however powerful, is no operator session.
  ...Object.fromEntries(
    [
      ["POST /api/operator/login", "post", "/api/operator/login"],
      ["POST /api/operator/logout", "post", "/api/operator/logout"],
      ["GET /api/operator/me", "get", "/api/operator/me"],
      ["GET /api/operator/workspaces", "get", "/api/operator/workspaces"],
      ["GET /api/operator/workspaces/:id", "get", "/api/operator/workspaces/A"],
      ["POST /api/operator/workspaces/:id/payments", "post", "/api/operator/workspaces/A/payments"],
      ["POST /api/operator/workspaces/:id/adjustments", "post", "/api/operator/workspaces/A/adjustments"],
      ["POST /api/operator/workspaces/:id/top-up-requests/:requestId/dismiss", "post", "/api/operator/workspaces/A/top-up-requests/R/dismiss"],
      ["GET /api/operator/top-up-requests", "get", "/api/operator/top-up-requests"],
      ["GET /api/operator/plans", "get", "/api/operator/plans"],
      ["PUT /api/operator/plans/:id", "put", "/api/operator/plans/standard"],
      ["GET /api/operator/events", "get", "/api/operator/events"],
    ].map(([name, method, path]) => [
      name,
      (async ({ a, b }: Pair) => {
        const real = path!.replace("/A", `/${a.slug}`).replace("/R", `/${a.topUpRequestId}`);
        const body = method === "get" ? undefined : name === "POST /api/operator/login" ? { email: b.email, password: b.password } : { amountMinor: 100_000, reference: "x" };
        const response = await b.as.send(method!.toUpperCase(), real, body);
        await expectNothingOf(a, response, 401);
      }) as Probe,
    ]),
  ),

  // The operator's failed reactions: A's parked change is the platform's to see and run again, not B's.
  "GET /api/operator/reactions/failures": async ({ a, b }) => {
    await parkedOfA(a);
    const response = await b.as.get("/api/operator/reactions/failures?status=parked");
    await expectNothingOf(a, response, 401);
  },
  "POST /api/operator/reactions/failures/:id/reprocess": async ({ a, b }) => {
    const failureId = await parkedOfA(a);
    const response = await b.as.post(`/api/operator/reactions/failures/${encodeURIComponent(failureId)}/reprocess`, undefined, { "x-csrf-token": b.csrfToken });
    await expectNothingOf(a, response, 401);
    const parked = await Failures.list({ status: "parked", limit: 100 });
    expect(parked.failures.map((f) => f.failureId)).toContain(failureId);
  },

  // The event log
  "GET /api/events": async ({ a, b }) => {
    await expectNothingOf(a, await b.as.get(`/api/events?targetType=ticket&targetId=${a.ticketId}`), 200);
    await expectNothingOf(a, await b.as.get(`/api/events?actorId=${a.staffId}`), 200);
    await expectNothingOf(a, await b.as.get("/api/events"), 200, ["invitee@a.example"]);
  },
};

/** A reaction to a change of A's customer, failed as often as the stream parks it; its failure's id. */
async function parkedOfA(a: A): Promise<string> {
  const sequenceNumber = String(Date.now());
  const change = {
    id: `a-change-${sequenceNumber}-${Math.random().toString(36).slice(2, 8)}`,
    seq: padSequence(sequenceNumber),
    sequenceNumber,
    kind: "modify" as const,
    entity: "customer",
    tenantId: a.slug,
    keys: { pk: `t#${a.slug}#cust`, sk: a.customerId },
    after: { __edb_e__: "customer", tenantId: a.slug, customerId: a.customerId, name: "A's customer", email: a.customerEmail },
  };
  const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    for (let i = 0; i < Failures.MAX_DELIVERIES; i++) await Failures.recordFailure("customer.terms", change, new Error("A's reaction failed"));
  } finally {
    quiet.mockRestore();
  }
  return `customer.terms#${change.id}`;
}

/** The app's routes, without middleware (handlers that take `next`). */
function routesOf(): string[] {
  return [
    ...new Set(app.routes.filter((r) => r.handler.length < 2 && r.method !== "ALL").map((r) => `${r.method} ${r.path}`)),
  ].sort();
}

/** Workspace A with one of everything, made through the API as A's owner. */
async function seedA(): Promise<A> {
  const a = await signupVia(fetcher);
  const departmentId = (await (await a.as.post("/api/departments", { name: "A's secret department" })).json()).department.departmentId;
  // A's owner hears nothing of the queue, so the seeded notification below stays the only unread one.
  expect((await a.as.send("PUT", "/api/notifications/preferences", { preferences: { queue: { bell: false, mail: false } } })).status).toBe(200);
  const agent = await withActor({ type: "system", tenantId: a.slug, reason: "test" }, () =>
    Staff.create({ name: "A's agent", email: "agent@a.example", role: "agent", departmentIds: [departmentId], password: "a long enough passphrase" }),
  );
  const organizationId = (await (await a.as.post("/api/organizations", { name: "Acme A", domains: ["acme-a.example"] })).json()).organization
    .organizationId;
  const customerEmail = "victim@acme-a.example";
  const subject = "A's confidential subject";
  const created = await a.as.post("/api/tickets", { subject, body: "A's secret body", requester: { email: customerEmail }, departmentId });
  expect(created.status).toBe(201);
  const ticket = (await created.json()).ticket;
  await a.as.post(`/api/tickets/${ticket.ticketId}/replies`, { body: "A's reply" });
  await a.as.post(`/api/tickets/${ticket.ticketId}/notes`, { body: "A's private note" });
  expect((await a.as.send("PUT", `/api/tickets/${ticket.ticketId}/follow`)).status).toBe(200);
  const [mail] = await Inbound.receive(
    await rawMail({
      to: `${a.slug}@frontline.localhost`,
      from: "mailer@acme-a.example",
      html: "<p>A's html</p>",
      attachments: [{ filename: "secret.txt", content: "A's secret attachment" }],
    }),
    { from: "mailer@acme-a.example", to: [`${a.slug}@frontline.localhost`] },
  );
  const mailDetail = await (await a.as.get(`/api/tickets/${mail!.ticketId}`)).json();
  const mailMessage = mailDetail.messages[0];
  expect((await a.as.post("/api/stop-list", { value: "blocked-a.example" })).status).toBe(201);
  expect((await a.as.send("PUT", "/api/letters/ticket_received/en", { subject: "Hi", body: "A's custom letter {{ ticket.number }}" })).status).toBe(200);
  await settle(); // letters are queued by reaction
  const outbox = await (await a.as.get("/api/outbox")).json();
  const calendar = (await (await a.as.post("/api/sla/calendars", { name: "A's calendar", timeZone: "Europe/Budapest", week: { mon: [{ start: "08:00", end: "16:00" }] } })).json()).calendar;
  const policy = (await (await a.as.post("/api/sla/policies", { name: "A's policy", targets: { first_response: 30 }, hours: "business", calendarId: calendar.calendarId })).json()).policy;
  expect((await a.as.send("PATCH", "/api/settings", { timeZone: "Europe/Kyiv" })).status).toBe(200);
  const invited = await (await a.as.post("/api/invitations", { email: "invitee@a.example", role: "agent" })).json();
  const template = (await (await a.as.post("/api/reply-templates", { name: "A's template", body: "Hello {{ customer.name }}" })).json()).template;
  const savedView = (await (await a.as.post("/api/views", { name: "A's view", shared: true, query: { view: "department", departmentId } })).json()).view;
  const request = (await (await a.as.post("/api/billing/top-up-requests", { amountMinor: 5000, note: "A's top-up note" })).json()).request;
  const notificationId = "01NOTIFICATIONOFA000000000";
  await useDb().entities.notification.create({ tenantId: a.slug, staffId: a.staffId, notificationId, kind: "sla_breach", title: "A's alert", createdAt: new Date().toISOString() }).go();
  return {
    ...a,
    invitationId: invited.invitation.invitationId,
    invitationToken: invited.link.split("/invite/")[1],
    templateId: template.templateId,
    viewId: savedView.viewId,
    topUpRequestId: request.requestId,
    calendarId: calendar.calendarId,
    policyId: policy.policyId,
    notificationId,
    mailId: mail!.mailId,
    mailTicketId: mail!.ticketId!,
    mailMessageId: mailMessage.messageId,
    attachmentId: mailMessage.attachments[0].attachmentId,
    outboxId: outbox.entries[0].outboxId,
    departmentId,
    agentId: agent.staffId,
    organizationId,
    customerId: ticket.requester.customerId,
    customerEmail,
    ticketId: ticket.ticketId,
    ticketNumber: ticket.number,
    subject,
  };
}

/** A link for A's agent to choose a new password, asked for once (the letter's token, as the reaction writes it). */
let resetToken: Promise<string> | undefined;
function resetTokenOf(a: A): Promise<string> {
  resetToken ??= (async () => {
    await PasswordReset.request({ slug: a.slug, email: "agent@a.example" });
    const [reset] = (await useDb().entities.passwordReset.query.byId({ tenantId: a.slug }).go()).data.filter((r) => r.staffId === a.agentId);
    return PasswordReset.resetToken(a.slug, reset!.resetId);
  })();
  return resetToken;
}

let pair: Pair;
beforeAll(async () => {
  await useTestTable();
  pair = { a: await seedA(), b: await signupVia(fetcher) };
});

describe("cross-tenant isolation", () => {
  it("has a probe for every route of the API", () => {
    const routes = routesOf();
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((route) => !(route in probes))).toEqual([]);
    expect(Object.keys(probes).filter((probe) => !routes.includes(probe))).toEqual([]);
  });

  for (const [route, probe] of Object.entries(probes)) {
    it(`${route}: workspace B cannot reach workspace A`, async () => {
      await probe(pair);
      // B was signed in throughout (a session does not come back): its 404s were not 401s in disguise.
      expect((await pair.b.as.get("/api/me")).status).toBe(200);
    });
  }
});
