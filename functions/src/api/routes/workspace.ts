import { Hono } from "hono";
import { Auth } from "@frontline/core/auth";
import { Department } from "@frontline/core/department";
import { Billing } from "@frontline/core/billing";
import { Tenant } from "@frontline/core/tenant";
import { NotImplemented } from "@frontline/core/error";
import { useStaff } from "@frontline/core/actor";
import type { Env } from "../context";
import { clearSessionCookies } from "../session-cookie";

/** Routes of a signed-in staff member, all scoped to the tenant of their session. */
export const workspaceRoutes = new Hono<Env>()
  .get("/me", async (c) => c.json({ staff: c.get("staff"), ...(await Tenant.overview()) }))
  .post("/auth/logout", async (c) => {
    await Auth.logout(useStaff());
    clearSessionCookies(c);
    return c.body(null, 204);
  })
  .get("/departments", async (c) => c.json({ departments: await Department.list() }))
  .get("/billing/ledger", async (c) => c.json({ entries: await Billing.ledger() }))
  .all("/tickets", () => {
    throw new NotImplemented("Tickets are not available in this version yet: the ticket queue arrives in the next release");
  })
  .all("/tickets/*", () => {
    throw new NotImplemented("Tickets are not available in this version yet: the ticket queue arrives in the next release");
  });
