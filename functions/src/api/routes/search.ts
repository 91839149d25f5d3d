import { Hono } from "hono";
import { Search } from "@frontline/core/search";
import type { Env } from "../context";
import { route } from "../openapi";

/** The console's one search box: tickets, customers and organizations, as the reader may see them. */
export const searchRoutes = new Hono<Env>();

route(
  searchRoutes,
  {
    method: "get",
    path: "/search",
    summary: "Tickets by words (any inflected form), number, requester or organization, with filters; customers and organizations by name, address or phone",
    tag: "Search",
    query: Search.QuerySchema,
  },
  async (c) => c.json(await Search.search(c.req.query())),
);
