import { Hono } from "hono";
import { Auth } from "@frontline/core/auth";
import { Billing } from "@frontline/core/billing";
import { Tenant } from "@frontline/core/tenant";
import { useStaff } from "@frontline/core/actor";
import type { Env } from "../context";
import { route } from "../openapi";
import { clearSessionCookies } from "../session-cookie";

/** The signed-in staff member's own session and workspace. */
export const workspaceRoutes = new Hono<Env>();

route(workspaceRoutes, { method: "get", path: "/me", summary: "The signed-in staff member, their workspace, plan and balance", tag: "Workspace" }, async (c) =>
  c.json({ staff: c.get("staff"), ...(await Billing.overview()) }),
);

route(workspaceRoutes, { method: "post", path: "/auth/logout", summary: "End this session", tag: "Workspace", status: 204 }, async (c) => {
  await Auth.logout(useStaff());
  clearSessionCookies(c);
  return c.body(null, 204);
});

route(workspaceRoutes, { method: "get", path: "/billing/ledger", summary: "The balance's history, newest first, a page at a time", tag: "Workspace", query: Billing.LedgerQuerySchema }, async (c) =>
  c.json(await Billing.ledgerPage(c.req.query())),
);
