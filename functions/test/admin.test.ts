import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Billing } from "@frontline/core/billing";
import { useDb } from "@frontline/core/db";
import { Workspace as WorkspaceConfig } from "@frontline/core/workspace";
import { Operator } from "@frontline/core/operator";
import { Staff } from "@frontline/core/staff";
import { createApp } from "../src/api/app";
import { settle, useTestTable } from "../../test/support/db";
import { caller, signupVia, type Caller, type Fetch, type Workspace } from "../../test/support/api";

const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);
let ws: Workspace;

async function staffCaller(role: "admin" | "supervisor" | "dispatcher" | "agent", departmentIds?: string[], workspace = ws): Promise<Caller> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await withActor({ type: "system", tenantId: workspace.slug, reason: "test" }, () =>
    Staff.create({ name: `${role} person`, email, role, password: "a long enough passphrase", ...(departmentIds ? { departmentIds } : {}) }),
  );
  const { token } = await (await caller(fetcher).post("/api/auth/login", { slug: workspace.slug, email, password: "a long enough passphrase" })).json();
  return caller(fetcher, { authorization: `Bearer ${token}` });
}

beforeAll(async () => {
  await useTestTable();
  ws = await signupVia(fetcher);
});

describe("the admin panel is for admins", () => {
  it("refuses every admin route to supervisors, dispatchers and agents", async () => {
    const routes: [string, string, unknown?][] = [
      ["PATCH", "/api/settings", { name: "Renamed" }],
      ["GET", "/api/invitations"],
      ["POST", "/api/invitations", { email: "x@example.com", role: "agent" }],
      ["POST", "/api/invitations/01ABCDEFGHJKMNPQRSTVWXYZ00/revoke"],
      ["PUT", "/api/billing/plan", { planId: "pro", addOns: [] }],
      ["GET", "/api/billing/top-up-requests"],
      ["POST", "/api/billing/top-up-requests", { amountMinor: 100 }],
      ["GET", "/api/events"],
      ["GET", "/api/events/export.csv"],
      ["POST", "/api/reply-templates", { name: "x", body: "y" }],
      ["POST", "/api/departments", { name: "New" }],
      ["POST", "/api/stop-list", { value: "x.example" }],
      ["GET", "/api/mail"],
      ["GET", "/api/outbox"],
      ["PUT", "/api/letters/ticket_received/en", { subject: "x", body: "y" }],
      ["POST", "/api/sla/calendars", { name: "x", timeZone: "UTC", week: { mon: [{ start: "09:00", end: "10:00" }] } }],
      ["POST", "/api/sla/policies", { name: "x", targets: { resolution: 5 }, hours: "calendar" }],
    ];
    for (const role of ["supervisor", "dispatcher", "agent"] as const) {
      const as = await staffCaller(role);
      for (const [method, path, body] of routes) {
        const response = await as.send(method, path, body);
        expect(response.status, `${role} ${method} ${path}`).toBe(403);
      }
    }
  });
});

describe("billing and customers, per role", () => {
  it("shows billing and the ledger to owners and admins only, and lets only those who see every department change a customer", { timeout: 60_000 }, async () => {
    const opened = await ws.as.post("/api/tickets", { subject: "Hi", body: "Hello", requester: { email: `c-${Math.random().toString(36).slice(2, 8)}@customer.example`, name: "Cora" } });
    const customerId = (await opened.json()).ticket.requester.customerId as string;
    expect((await ws.as.get("/api/billing")).status).toBe(200);
    expect((await ws.as.get("/api/billing/ledger")).status).toBe(200);
    for (const role of ["supervisor", "dispatcher", "agent"] as const) {
      const as = await staffCaller(role);
      for (const path of ["/api/billing", "/api/billing/ledger", "/api/plans"]) {
        const refused = await as.get(path);
        expect(refused.status, `${role} GET ${path}`).toBe(403);
        expect(JSON.stringify(await refused.json())).not.toMatch(/balanceMinor|entries|pricePerDayMinor/);
      }
      expect((await as.get(`/api/customers/${customerId}`)).status, `${role} reads a customer`).toBe(200);
      const changed = await as.send("PATCH", `/api/customers/${customerId}`, { name: `Renamed by ${role}` });
      expect(changed.status, `${role} changes a customer`).toBe(role === "dispatcher" ? 200 : 403);
    }
    const customer = (await (await ws.as.get(`/api/customers/${customerId}`)).json()).customer;
    expect(customer.name).toBe("Renamed by dispatcher");
  });
});

describe("GET /api/me, per role", () => {
  it("gives the balance, the trial credit and every price to owners and admins only; the others get the plan's terms and the standing", { timeout: 60_000 }, async () => {
    const callers: [string, Caller][] = [["owner", ws.as], ["admin", await staffCaller("admin")]];
    for (const role of ["supervisor", "dispatcher", "agent"] as const) callers.push([role, await staffCaller(role)]);
    for (const [role, as] of callers) {
      const response = await as.get("/api/me");
      expect(response.status, role).toBe(200);
      const body = await response.json();
      expect(body.staff.role, role).toBe(role);
      expect(body.tenant.slug, role).toBe(ws.slug);
      expect(body.inboundAddress, role).toBe(`${ws.slug}@frontline.localhost`);
      expect(body.plan, role).toMatchObject({ planId: "pro", name: "Pro", staffLimit: 25 });
      expect(body.subscription.features, role).toEqual(["mailbox", "statistics", "internal_mail"]);
      expect(body.standing, role).toEqual({});
      if (role === "owner" || role === "admin") {
        expect(body.billing, role).toEqual({ balanceMinor: 3000, currency: "USD", trialCreditMinor: 3000, daysLeft: 7, dailyPriceMinor: 400 });
        expect(body.plan.pricePerDayMinor, role).toBe(400);
        expect(body.subscription.dailyPriceMinor, role).toBe(400);
      } else {
        expect(body, role).not.toHaveProperty("billing");
        expect(JSON.stringify(body), role).not.toMatch(/balanceMinor|trialCreditMinor|daysLeft|pricePerDayMinor|dailyPriceMinor|currency/);
      }
    }
  });

  it("tells everyone the day a workspace below zero will be suspended, with no amount", async () => {
    const below = await signupVia(fetcher);
    await useDb().entities.billingAccount.patch({ tenantId: below.slug }).set({ balanceMinor: -150, negativeSince: "2026-03-01" }).go();
    WorkspaceConfig.changed(below.slug); // what the stream tells every process
    const agent = await staffCaller("agent", undefined, below);
    const owner = await (await below.as.get("/api/me")).json();
    expect(owner.standing).toEqual({ graceEndsOn: "2026-03-04" });
    expect(owner.billing).toMatchObject({ balanceMinor: -150, negativeSince: "2026-03-01", graceEndsOn: "2026-03-04" });
    const seen = await (await agent.get("/api/me")).json();
    expect(seen.standing).toEqual({ graceEndsOn: "2026-03-04" });
    expect(JSON.stringify(seen)).not.toMatch(/-150|balanceMinor|negativeSince/);
  });
});

describe("reply templates of a department", () => {
  it("fills in a template only for those who may use it: another department's is not there for an agent", async () => {
    const departments = (await (await ws.as.get("/api/departments")).json()).departments as { departmentId: string; name: string }[];
    const support = departments[0]!.departmentId;
    const billing = (await (await ws.as.post("/api/departments", { name: `Billing ${Math.random().toString(36).slice(2, 6)}` })).json()).department.departmentId as string;
    const template = async (name: string, departmentIds: string[]) =>
      (await (await ws.as.post("/api/reply-templates", { name, body: "Hello {{ customer.name }}", departmentIds })).json()).template.templateId as string;
    const forBilling = await template("Refunds", [billing]);
    const forSupport = await template("Restarts", [support]);
    const forAll = await template("Greeting", []);
    const opened = await ws.as.post("/api/tickets", { subject: "Help", body: "Please", requester: { email: "render@customer.example", name: "Rita" }, departmentId: support });
    expect(opened.status).toBe(201);
    const ticket = (await opened.json()).ticket as { ticketId: string };
    const agent = await staffCaller("agent", [support]);
    const render = (templateId: string) => agent.post(`/api/reply-templates/${templateId}/render`, { ticketId: ticket.ticketId });
    const refused = await render(forBilling);
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.code).toBe("not_found");
    for (const usable of [forSupport, forAll]) {
      const rendered = await render(usable);
      expect(rendered.status).toBe(200);
      expect((await rendered.json()).body).toBe("Hello Rita");
    }
    // The admin may use any of them; the agent's list names the same ones the agent may fill in.
    expect((await ws.as.post(`/api/reply-templates/${forBilling}/render`, { ticketId: ticket.ticketId })).status).toBe(200);
    const listed = (await (await agent.get("/api/reply-templates")).json()).templates.map((t: { templateId: string }) => t.templateId);
    expect(listed).toContain(forSupport);
    expect(listed).toContain(forAll);
    expect(listed).not.toContain(forBilling);
  });
});

describe("a suspended workspace", () => {
  it("lets staff read and ask for a top-up, and refuses every change with 402 saying why", async () => {
    const suspended = await signupVia(fetcher);
    await useDb().entities.tenant.patch({ tenantId: suspended.slug }).set({ planStatus: "suspended" }).go();
    await settle(); // every process learns of it by the stream
    expect((await suspended.as.get("/api/tickets?view=all")).status).toBe(200);
    expect((await suspended.as.get("/api/me")).status).toBe(200);
    const refused = await suspended.as.post("/api/tickets", { subject: "x", body: "y", requester: { email: "c@customer.example" } });
    expect(refused.status).toBe(402);
    expect((await refused.json()).error).toMatchObject({ code: "limit_reached", limit: "suspended", message: expect.stringMatching(/suspended.*top/i) });
    expect((await suspended.as.send("PATCH", "/api/settings", { name: "x" })).status).toBe(402);
    expect((await suspended.as.post("/api/billing/top-up-requests", { amountMinor: 5000, note: "paying by transfer" })).status).toBe(201);
  });
});

describe("invitations over HTTP", () => {
  it("takes a seat, refuses past the plan's seats naming the limit, and signs the new person in on accepting", async () => {
    const small = await signupVia(fetcher, {}, { plan: "standard" });
    const created = await small.as.post("/api/invitations", { email: "first@example.com", role: "agent" });
    expect(created.status).toBe(201);
    const { link } = await created.json();
    const over = await small.as.post("/api/invitations", { email: "second@example.com", role: "agent" });
    expect(over.status).toBe(402);
    // The owner's own seat is one of the two, and the refusal says so.
    expect((await over.json()).error).toMatchObject({ limit: "staff_seats", message: expect.stringMatching(/Standard plan includes 2 staff seats, and all are taken \(yours among them;/) });
    const token = link.split("/invite/")[1];
    const preview = await (await caller(fetcher).get(`/api/invitations/preview?token=${encodeURIComponent(token)}`)).json();
    expect(preview.invitation).toMatchObject({ email: "first@example.com", role: "agent", status: "pending" });
    const accepted = await caller(fetcher).post("/api/invitations/accept", { token, name: "First Agent", password: "a long enough passphrase" });
    expect(accepted.status).toBe(201);
    expect(accepted.headers.getSetCookie().join("\n")).toMatch(/fl_session=/);
    const { token: session } = await accepted.json();
    const me = await (await caller(fetcher, { authorization: `Bearer ${session}` }).get("/api/me")).json();
    expect(me.staff).toMatchObject({ name: "First Agent", role: "agent" });
    const weak = await caller(fetcher).post("/api/invitations/accept", { token, name: "x", password: "short" });
    expect(weak.status).toBe(400);
  });
});

describe("the staff page's last sign-in", () => {
  it("shows when each member last signed in, whichever way they did, not the time the page's data was first read", async () => {
    const team = await signupVia(fetcher);
    const before = new Date().toISOString();
    await settle();
    // The staff list read once, as an admin opening the page in the morning does (the configuration is cached).
    const first = (await (await team.as.get("/api/staff")).json()).staff as Staff.Info[];
    expect(first).toHaveLength(1);

    // Someone joins through an invitation (signed in by accepting it), and the owner signs in again the next day.
    const { link } = await (await team.as.post("/api/invitations", { email: "joiner@example.com", role: "agent" })).json();
    const accepted = await caller(fetcher).post("/api/invitations/accept", { token: link.split("/invite/")[1], name: "Joiner", password: "a long enough passphrase" });
    expect(accepted.status).toBe(201);
    const signedIn = await caller(fetcher).post("/api/auth/login", { slug: team.slug, email: team.email, password: team.password });
    expect(signedIn.status).toBe(200);
    await settle();

    const staff = (await (await team.as.get("/api/staff")).json()).staff as Staff.Info[];
    const joiner = staff.find((s) => s.name === "Joiner");
    const owner = staff.find((s) => s.staffId === team.staffId);
    expect(joiner?.lastLoginAt, "joined through an invitation").toBeDefined();
    expect(joiner!.lastLoginAt! >= before).toBe(true);
    expect(owner?.lastLoginAt, "signed in again").toBeDefined();
    expect(owner!.lastLoginAt! > joiner!.lastLoginAt!).toBe(true);

    // A sign-in delivered again, or late, does not move it back.
    await Staff.recordSignIn(team.slug, team.staffId, before);
    expect((await useDb().entities.staff.get({ tenantId: team.slug, staffId: team.staffId }).go()).data?.lastLoginAt).toBe(owner!.lastLoginAt);
  });
});

describe("the ledger and the event log for the admin panel", () => {
  it("pages the ledger, newest first", async () => {
    const w = await signupVia(fetcher);
    for (const amountMinor of [100, 200, 300]) {
      await Billing.topUp(w.slug, { amountMinor, reference: `transfer ${amountMinor}` }, { type: "operator", id: "op", name: "Olena Operator" });
    }
    const first = await (await w.as.get("/api/billing/ledger?limit=3")).json();
    expect(first.entries.map((e: { amountMinor: number }) => e.amountMinor)).toEqual([300, 200, 100]);
    expect(first.cursor).toEqual(expect.any(String));
    const rest = await (await w.as.get(`/api/billing/ledger?limit=3&cursor=${encodeURIComponent(first.cursor)}`)).json();
    expect(rest.entries.map((e: { kind: string }) => e.kind)).toEqual(["trial_credit"]);
    expect(rest.cursor).toBeNull();
    expect((await w.as.get("/api/billing/ledger?limit=0")).status).toBe(400);
  });

  it("filters a ticket's events by who acted, not only by the ticket", async () => {
    const w = await signupVia(fetcher);
    const request = { subject: "Card declined", body: "It fails at the last step.", requester: { email: "kim@customer.example" } };
    const { ticket } = await (await w.as.post("/api/tickets", request)).json();
    const email = `dora-${Math.random().toString(36).slice(2, 8)}@example.com`;
    await withActor({ type: "system", tenantId: w.slug, reason: "test" }, () => Staff.create({ name: "Dora Dispatcher", email, role: "dispatcher", password: "a long enough passphrase" }));
    const { token, staff: dora } = await (await caller(fetcher).post("/api/auth/login", { slug: w.slug, email, password: "a long enough passphrase" })).json();
    const asDora = caller(fetcher, { authorization: `Bearer ${token}` });
    expect((await asDora.send("PATCH", `/api/tickets/${ticket.ticketId}`, { version: ticket.version, priority: "high" })).status).toBe(200);

    const target = `targetType=ticket&targetId=${ticket.ticketId}`;
    const everyone = await (await w.as.get(`/api/events?${target}`)).json();
    expect(new Set(everyone.events.map((e: { actor: { id: string } }) => e.actor.id))).toEqual(new Set([w.staffId, dora.staffId]));
    const doras = await (await w.as.get(`/api/events?${target}&actorId=${dora.staffId}`)).json();
    expect(doras.events.length).toBeGreaterThan(0);
    expect(doras.events.every((e: { actor: { id: string } }) => e.actor.id === dora.staffId)).toBe(true);
    const csv = await (await w.as.get(`/api/events/export.csv?${target}&actorId=${w.staffId}`)).text();
    expect(csv).toContain(w.staffId);
    expect(csv).not.toContain(dora.staffId);
  });
});

describe("the operator console's API", () => {
  it("signs an operator in, lists workspaces, records a payment and a plan price, and logs each", async () => {
    await Operator.ensure({ email: "olena@frontline.localhost", name: "Olena Operator", password: "operator passphrase" });
    const wrong = await caller(fetcher).post("/api/operator/login", { email: "olena@frontline.localhost", password: "nope" });
    expect(wrong.status).toBe(401);
    const login = await caller(fetcher).post("/api/operator/login", { email: "olena@frontline.localhost", password: "operator passphrase" });
    expect(login.status).toBe(200);
    const { token, csrfToken } = await login.json();
    const as = caller(fetcher, { authorization: `Bearer ${token}` });

    const list = await (await as.get("/api/operator/workspaces?limit=100")).json();
    expect(list.workspaces.map((w: { tenantId: string }) => w.tenantId)).toContain(ws.slug);
    const before = list.workspaces.find((w: { tenantId: string }) => w.tenantId === ws.slug);
    const paid = await as.post(`/api/operator/workspaces/${ws.slug}/payments`, { amountMinor: 2500, reference: "bank transfer 42" });
    expect(paid.status).toBe(201);
    expect((await paid.json()).workspace.balanceMinor).toBe(before.balanceMinor + 2500);
    const invalid = await as.post(`/api/operator/workspaces/${ws.slug}/payments`, { amountMinor: -5 });
    expect(invalid.status).toBe(400);
    expect((await as.post("/api/operator/workspaces/no-such-workspace/payments", { amountMinor: 5, reference: "x" })).status).toBe(404);

    const plan = await as.send("PUT", "/api/operator/plans/standard", { pricePerDayMinor: 120 });
    expect((await plan.json()).plan.pricePerDayMinor).toBe(120);
    await as.send("PUT", "/api/operator/plans/standard", { pricePerDayMinor: 100 });
    const log = await (await as.get("/api/operator/events?limit=20")).json();
    expect(log.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["operator.payment", "operator.plan_update", "operator.login"]));
    const ledger = await (await ws.as.get("/api/billing/ledger")).json();
    expect(ledger.entries[0]).toMatchObject({ kind: "top_up", amountMinor: 2500, reference: "bank transfer 42", by: "Olena Operator" });

    // The operator's session is no staff session, and the cookie needs its CSRF token.
    expect((await as.get("/api/me")).status).toBe(401);
    const cookies = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect((await fetcher("/api/operator/plans/standard", { method: "PUT", headers: { cookie: cookies, "content-type": "application/json" }, body: "{}" })).status).toBe(403);
    expect(
      (await fetcher("/api/operator/plans/standard", { method: "PUT", headers: { cookie: cookies, "content-type": "application/json", "x-csrf-token": csrfToken }, body: "{}" })).status,
    ).toBe(200);
  });
});
