import { Hono } from "hono";
import type * as z from "zod";
import { SavedView } from "@frontline/core/view";
import { jsonBody } from "../body";
import type { Env } from "../context";
import { route } from "../openapi";

/** Saved views: a person's named queue filters, and the workspace's shared ones (admins share them). */
export const viewRoutes = new Hono<Env>();

route(viewRoutes, { method: "get", path: "/views", summary: "The signed-in person's saved views and the workspace's shared ones", tag: "Tickets" }, async (c) =>
  c.json({ views: await SavedView.list() }),
);

route(
  viewRoutes,
  { method: "get", path: "/views/counts", summary: "How many tickets each saved view holds (counted up to 99; `more` above)", tag: "Tickets" },
  async (c) => c.json({ counts: await SavedView.counts() }),
);

route(viewRoutes, { method: "post", path: "/views", summary: "Save a queue's filters as a view (shared with the workspace: admins)", tag: "Tickets", body: SavedView.CreateSchema, status: 201 }, async (c) =>
  c.json({ view: await SavedView.create((await jsonBody(c)) as z.input<typeof SavedView.CreateSchema>) }, 201),
);

route(viewRoutes, { method: "patch", path: "/views/:id", summary: "Rename a saved view, or share it (admins)", tag: "Tickets", body: SavedView.UpdateSchema }, async (c) =>
  c.json({ view: await SavedView.update(c.req.param("id")!, (await jsonBody(c)) as z.input<typeof SavedView.UpdateSchema>) }),
);

route(viewRoutes, { method: "delete", path: "/views/:id", summary: "Delete a saved view (a shared one: admins)", tag: "Tickets", status: 204 }, async (c) => {
  await SavedView.remove(c.req.param("id")!);
  return c.body(null, 204);
});
