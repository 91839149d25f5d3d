import { Hono } from "hono";
import * as z from "zod";
import { Notification } from "@frontline/core/notification";
import { Sla } from "@frontline/core/sla";
import { jsonBody } from "../body";
import type { Env } from "../context";
import { route } from "../openapi";

/** SLA policies and business calendars (admins change them), and each staff member's notifications. */
export const slaRoutes = new Hono<Env>();

route(slaRoutes, { method: "get", path: "/sla/calendars", summary: "Business calendars: time zone, working hours, holidays", tag: "SLA" }, async (c) =>
  c.json({ calendars: await Sla.listCalendars() }),
);

route(slaRoutes, { method: "post", path: "/sla/calendars", summary: "Add a business calendar (admins)", tag: "SLA", body: Sla.CalendarSchema, status: 201 }, async (c) =>
  c.json({ calendar: await Sla.saveCalendar(undefined, (await jsonBody(c)) as z.input<typeof Sla.CalendarSchema>) }, 201),
);

route(slaRoutes, { method: "put", path: "/sla/calendars/:id", summary: "Change a business calendar (admins)", tag: "SLA", body: Sla.CalendarSchema }, async (c) =>
  c.json({ calendar: await Sla.saveCalendar(c.req.param("id")!, (await jsonBody(c)) as z.input<typeof Sla.CalendarSchema>) }),
);

route(slaRoutes, { method: "delete", path: "/sla/calendars/:id", summary: "Delete a calendar no policy uses (admins)", tag: "SLA", status: 204 }, async (c) => {
  await Sla.removeCalendar(c.req.param("id")!);
  return c.body(null, 204);
});

route(slaRoutes, { method: "get", path: "/sla/policies", summary: "SLA policies, in the order they are tried", tag: "SLA" }, async (c) =>
  c.json({ policies: await Sla.listPolicies() }),
);

route(slaRoutes, { method: "post", path: "/sla/policies", summary: "Add an SLA policy, tried last (admins)", tag: "SLA", body: Sla.PolicySchema, status: 201 }, async (c) =>
  c.json({ policy: await Sla.createPolicy((await jsonBody(c)) as Sla.PolicyInput) }, 201),
);

route(slaRoutes, { method: "put", path: "/sla/policies/order", summary: "Set the order policies are tried in (admins)", tag: "SLA", body: Sla.OrderSchema }, async (c) =>
  c.json({ policies: await Sla.reorderPolicies((await jsonBody(c)) as z.input<typeof Sla.OrderSchema>) }),
);

route(slaRoutes, { method: "put", path: "/sla/policies/:id", summary: "Change an SLA policy (admins)", tag: "SLA", body: Sla.PolicySchema }, async (c) =>
  c.json({ policy: await Sla.updatePolicy(c.req.param("id")!, (await jsonBody(c)) as Sla.PolicyInput) }),
);

route(slaRoutes, { method: "delete", path: "/sla/policies/:id", summary: "Delete an SLA policy (admins)", tag: "SLA", status: 204 }, async (c) => {
  await Sla.removePolicy(c.req.param("id")!);
  return c.body(null, 204);
});

route(slaRoutes, { method: "get", path: "/notifications", summary: "The signed-in staff member's notifications, newest first", tag: "Workspace", query: Notification.ListSchema }, async (c) =>
  c.json(await Notification.mine(c.req.query())),
);

route(slaRoutes, { method: "post", path: "/notifications/read-all", summary: "Mark every notification read", tag: "Workspace" }, async (c) =>
  c.json({ marked: await Notification.markAllRead() }),
);

route(slaRoutes, { method: "post", path: "/notifications/:id/read", summary: "Mark a notification read", tag: "Workspace", status: 204 }, async (c) => {
  await Notification.markRead(c.req.param("id")!);
  return c.body(null, 204);
});
