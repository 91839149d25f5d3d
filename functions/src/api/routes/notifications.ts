import { Hono } from "hono";
import * as z from "zod";
import { Notification } from "@frontline/core/notification";
import { jsonBody } from "../body";
import type { Env } from "../context";
import { route } from "../openapi";

/** The signed-in staff member's notification preferences, and the tickets they follow. */
export const notificationRoutes = new Hono<Env>();

route(
  notificationRoutes,
  { method: "get", path: "/notifications/preferences", summary: "Which notifications the signed-in staff member gets, in the bell and by mail, per kind", tag: "Workspace" },
  async (c) => c.json({ preferences: await Notification.Preferences.mine() }),
);

route(
  notificationRoutes,
  { method: "put", path: "/notifications/preferences", summary: "Switch kinds of notification on or off, in the bell and by mail", tag: "Workspace", body: Notification.Preferences.PreferencesSchema },
  async (c) => c.json({ preferences: await Notification.Preferences.save((await jsonBody(c)) as z.input<typeof Notification.Preferences.PreferencesSchema>) }),
);

route(notificationRoutes, { method: "get", path: "/tickets/:id/follow", summary: "Does the signed-in staff member follow the ticket", tag: "Tickets" }, async (c) =>
  c.json({ following: await Notification.Follow.following(c.req.param("id")!) }),
);

route(notificationRoutes, { method: "put", path: "/tickets/:id/follow", summary: "Follow a ticket: hear of its replies, notes, status and assignment", tag: "Tickets" }, async (c) =>
  c.json({ following: await Notification.Follow.follow(c.req.param("id")!) }),
);

route(notificationRoutes, { method: "delete", path: "/tickets/:id/follow", summary: "Stop following a ticket", tag: "Tickets" }, async (c) =>
  c.json({ following: await Notification.Follow.unfollow(c.req.param("id")!) }),
);
