import { Hono } from "hono";
import { Access } from "@frontline/core/access";
import { usePrincipal } from "@frontline/core/actor";
import { Forbidden } from "@frontline/core/error";
import { Event } from "@frontline/core/event";
import type { Env } from "../context";
import { route } from "../openapi";

/** The event log: every staff, customer and system action. */
export const eventRoutes = new Hono<Env>();

route(
  eventRoutes,
  { method: "get", path: "/events", summary: "The event log, newest first: by target, actor, action or time range (admins)", tag: "Events", query: Event.ListSchema },
  async (c) => {
    if (!Access.canAudit(usePrincipal())) throw new Forbidden("Only the workspace's admins read the whole event log");
    return c.json(await Event.list(c.req.query()));
  },
);
