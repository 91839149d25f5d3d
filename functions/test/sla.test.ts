import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Staff } from "@frontline/core/staff";
import { createApp } from "../src/api/app";
import { useTestTable } from "../../test/support/db";
import { caller, signupVia, type Fetch, type Workspace } from "../../test/support/api";

const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);
let ws: Workspace;

beforeAll(async () => {
  await useTestTable();
  ws = await signupVia(fetcher);
});

const issues = async (response: Response) => ((await response.json()).error.issues as { path: string; message: string }[]).map((i) => `${i.path}: ${i.message}`);

describe("SLA configuration over HTTP", () => {
  it("validates calendars and policies field by field", async () => {
    const calendar = await ws.as.post("/api/sla/calendars", { name: "Kyiv office", timeZone: "Europe/Kyev", week: { mon: [{ start: "09:00", end: "08:00" }] } });
    expect(calendar.status).toBe(400);
    expect(await issues(calendar)).toEqual(expect.arrayContaining([expect.stringMatching(/^timeZone: /), "week.mon.0.end: The end must be after the start"]));

    const policy = await ws.as.post("/api/sla/policies", { name: "", targets: {}, hours: "business", warnPercent: 100, escalations: [{ on: "breach", actions: [{ type: "explode" }] }] });
    expect(policy.status).toBe(400);
    const found = await issues(policy);
    expect(found).toEqual(expect.arrayContaining(["name: Give it a name", "targets: Give at least one target", "warnPercent: Warn between 1 and 99 percent"]));
    expect(found.some((i) => i.startsWith("escalations.0.actions.0"))).toBe(true);
  });

  it("creates a calendar and a business-hours policy that a new ticket then follows", async () => {
    const calendar = (await (await ws.as.post("/api/sla/calendars", {
      name: "Almaty office",
      timeZone: "Asia/Almaty",
      week: { mon: [{ start: "09:00", end: "18:00" }], tue: [{ start: "09:00", end: "18:00" }] },
      holidays: ["2026-12-16"],
    })).json()).calendar;
    const created = await ws.as.post("/api/sla/policies", { name: "Office hours", targets: { first_response: 120, resolution: 960 }, hours: "business", calendarId: calendar.calendarId, warnPercent: 80 });
    expect(created.status).toBe(201);
    const { ticket } = await (await ws.as.post("/api/tickets", { subject: "Question", body: "How?", requester: { email: "q@customer.example" } })).json();
    expect(ticket.sla.policyName).toBe("Office hours");
    expect(ticket.sla.targets.first_response.minutes).toBe(120);
    // Business hours in Almaty: the deadline is on a Monday or Tuesday between 09:00 and 18:00 local time.
    const due = new Date(ticket.sla.targets.first_response.dueAt);
    const local = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Almaty", weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false }).format(due);
    expect(local).toMatch(/^(Mon|Tue) (09|1\d):\d\d$|^(Mon|Tue) 18:00$/);
    const inUse = await ws.as.send("DELETE", `/api/sla/calendars/${calendar.calendarId}`);
    expect(inUse.status).toBe(409);
  });

  it("keeps the configuration to admins", async () => {
    const agent = await withActor({ type: "system", tenantId: ws.slug, reason: "test" }, () =>
      Staff.create({ name: "Aigerim Agent", email: "aigerim@example.com", role: "agent", password: "a long enough passphrase" }),
    );
    const session = await (await caller(fetcher).post("/api/auth/login", { slug: ws.slug, email: agent.email, password: "a long enough passphrase" })).json();
    const asAgent = caller(fetcher, { authorization: `Bearer ${session.token}` });
    expect((await asAgent.post("/api/sla/policies", { name: "x", targets: { resolution: 1 }, hours: "calendar" })).status).toBe(403);
    expect((await asAgent.post("/api/sla/calendars", { name: "x", timeZone: "UTC", week: { mon: [{ start: "00:00", end: "24:00" }] } })).status).toBe(403);
    expect((await asAgent.get("/api/sla/policies")).status).toBe(200);
    expect((await asAgent.get("/api/notifications")).status).toBe(200);
  });
});
