import { Hono } from "hono";
import * as z from "zod";
import { Invitation } from "@frontline/core/staff/invitation";
import { Tenant } from "@frontline/core/tenant";
import { jsonBody } from "../body";
import { sourceIp, type Env } from "../context";
import { route } from "../openapi";
import { setSessionCookies } from "../session-cookie";

const PreviewSchema = z.object({ token: z.string().min(1).max(300) });

/** Joining a workspace's staff with an invitation link (no session yet). */
export const invitationRoutes = new Hono<Env>();

route(invitationRoutes, { method: "get", path: "/invitations/preview", summary: "What an invitation link is for: workspace, email, role, expiry", tag: "Platform", query: PreviewSchema, public: true }, async (c) => {
  const { token } = PreviewSchema.parse(c.req.query());
  return c.json({ invitation: await Invitation.preview(token) });
});

route(
  invitationRoutes,
  { method: "post", path: "/invitations/accept", summary: "Join the staff with an invitation link, and sign in", tag: "Platform", body: Invitation.AcceptSchema, status: 201, public: true },
  async (c) => {
    const result = await Invitation.accept((await jsonBody(c)) as z.input<typeof Invitation.AcceptSchema>, { ip: sourceIp(c), userAgent: c.req.header("user-agent") });
    setSessionCookies(c, result.session);
    const tenant = await Tenant.get(result.tenantId);
    const { token, csrfToken, expiresAt } = result.session;
    return c.json({ tenant, staff: result.staff, token, csrfToken, expiresAt }, 201);
  },
);
