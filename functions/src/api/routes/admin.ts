import { Hono } from "hono";
import * as z from "zod";
import { Access } from "@frontline/core/access";
import { usePrincipal } from "@frontline/core/actor";
import { Billing } from "@frontline/core/billing";
import { Forbidden } from "@frontline/core/error";
import { Event } from "@frontline/core/event";
import { Plan } from "@frontline/core/plan";
import * as Limits from "@frontline/core/plan/limits";
import { ReplyTemplate } from "@frontline/core/reply-template";
import { Invitation } from "@frontline/core/staff/invitation";
import { Tenant } from "@frontline/core/tenant";
import { useTenantId } from "@frontline/core/actor";
import { jsonBody } from "../body";
import type { Env } from "../context";
import { route } from "../openapi";

const adminsOnly = () => {
  if (!Access.configures(usePrincipal())) throw new Forbidden("Only the workspace's admins may see this");
};

/** The admin panel's API: settings, staff invitations, plan and billing, the event log export, reply templates. */
export const adminRoutes = new Hono<Env>();

route(adminRoutes, { method: "get", path: "/settings", summary: "The workspace's settings", tag: "Admin" }, async (c) => c.json({ settings: await Tenant.settings() }));

route(adminRoutes, { method: "patch", path: "/settings", summary: "Change the name, time zone, language or customer form (admins)", tag: "Admin", body: Tenant.SettingsSchema }, async (c) =>
  c.json({ settings: await Tenant.updateSettings((await jsonBody(c)) as z.input<typeof Tenant.SettingsSchema>) }),
);

route(
  adminRoutes,
  { method: "put", path: "/settings/address", summary: "Give the workspace a new address; the old one stays an alias for sign-in and mail (the owner)", tag: "Admin", body: Tenant.AddressSchema },
  async (c) => c.json({ settings: await Tenant.changeAddress((await jsonBody(c)) as z.input<typeof Tenant.AddressSchema>) }),
);

route(adminRoutes, { method: "get", path: "/invitations", summary: "Staff invitations, newest first (admins)", tag: "Admin" }, async (c) =>
  c.json({ invitations: await Invitation.list() }),
);

route(
  adminRoutes,
  { method: "post", path: "/invitations", summary: "Invite someone to the staff: a link by mail that expires; takes a seat (admins)", tag: "Admin", body: Invitation.CreateSchema, status: 201 },
  async (c) => c.json(await Invitation.create((await jsonBody(c)) as z.input<typeof Invitation.CreateSchema>), 201),
);

route(adminRoutes, { method: "post", path: "/invitations/:id/revoke", summary: "Take an invitation back and free its seat (admins)", tag: "Admin" }, async (c) =>
  c.json({ invitation: await Invitation.revoke(c.req.param("id")!) }),
);

route(adminRoutes, { method: "get", path: "/billing", summary: "Plan, add-ons, daily price, balance, days left, seats and today's new tickets", tag: "Admin" }, async (c) => {
  const tenantId = useTenantId();
  const [summary, seatsUsed, ticketsToday] = await Promise.all([Billing.summary(), Limits.seatsUsed(tenantId), Limits.ticketsToday(tenantId)]);
  return c.json({ billing: { ...summary, seatsUsed, ticketsToday } });
});

route(adminRoutes, { method: "get", path: "/plans", summary: "The plans a workspace can choose, with their add-ons and prices (owners and admins)", tag: "Admin" }, async (c) => {
  Access.assertReadsBilling(usePrincipal());
  return c.json({ plans: await Plan.list() });
});

route(adminRoutes, { method: "put", path: "/billing/plan", summary: "Change plan and add-ons, at once (admins)", tag: "Admin", body: Tenant.ChangePlanSchema }, async (c) =>
  c.json({ subscription: await Tenant.changePlan((await jsonBody(c)) as z.input<typeof Tenant.ChangePlanSchema>) }),
);

route(adminRoutes, { method: "get", path: "/billing/top-up-requests", summary: "The workspace's top-up requests (admins)", tag: "Admin" }, async (c) => {
  adminsOnly();
  return c.json({ requests: await Billing.topUpRequests() });
});

route(
  adminRoutes,
  { method: "post", path: "/billing/top-up-requests", summary: "Ask the operator for a top-up (admins; allowed while suspended)", tag: "Admin", body: Billing.RequestSchema, status: 201 },
  async (c) => c.json({ request: await Billing.requestTopUp((await jsonBody(c)) as z.input<typeof Billing.RequestSchema>) }, 201),
);

route(adminRoutes, { method: "get", path: "/events/export.csv", summary: "The event log as CSV, with the same filters as GET /api/events (admins)", tag: "Events", query: Event.ListSchema }, async (c) => {
  if (!Access.canAudit(usePrincipal())) throw new Forbidden("Only the workspace's admins read the whole event log");
  const csv = await Event.exportCsv(c.req.query());
  return c.body(csv, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="events-${new Date().toISOString().slice(0, 10)}.csv"`,
    "x-content-type-options": "nosniff",
  });
});

route(adminRoutes, { method: "get", path: "/reply-templates", summary: "The reply templates the signed-in staff member may use", tag: "Admin" }, async (c) =>
  c.json({ templates: await ReplyTemplate.list() }),
);

route(adminRoutes, { method: "post", path: "/reply-templates", summary: "Add a reply template (admins)", tag: "Admin", body: ReplyTemplate.TemplateSchema, status: 201 }, async (c) =>
  c.json({ template: await ReplyTemplate.create((await jsonBody(c)) as z.input<typeof ReplyTemplate.TemplateSchema>) }, 201),
);

route(adminRoutes, { method: "put", path: "/reply-templates/:id", summary: "Change a reply template (admins)", tag: "Admin", body: ReplyTemplate.TemplateSchema }, async (c) =>
  c.json({ template: await ReplyTemplate.update(c.req.param("id")!, (await jsonBody(c)) as z.input<typeof ReplyTemplate.TemplateSchema>) }),
);

route(adminRoutes, { method: "delete", path: "/reply-templates/:id", summary: "Delete a reply template (admins)", tag: "Admin", status: 204 }, async (c) => {
  await ReplyTemplate.remove(c.req.param("id")!);
  return c.body(null, 204);
});

const RenderSchema = z.object({ ticketId: z.string().min(1).max(64) }).strict();

route(adminRoutes, { method: "post", path: "/reply-templates/:id/render", summary: "A reply template filled in for a ticket, for the composer", tag: "Admin", body: RenderSchema }, async (c) => {
  const { ticketId } = RenderSchema.parse(await jsonBody(c));
  return c.json(await ReplyTemplate.render(c.req.param("id")!, ticketId));
});
