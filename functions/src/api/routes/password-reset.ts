import { Hono } from "hono";
import * as z from "zod";
import { PasswordReset } from "@frontline/core/staff/password-reset";
import { Tenant } from "@frontline/core/tenant";
import { jsonBody } from "../body";
import { sourceIp, type Env } from "../context";
import { route } from "../openapi";
import { setSessionCookies } from "../session-cookie";

const PreviewSchema = z.object({ token: z.string({ error: "Open the link from the letter" }).min(1, "Open the link from the letter").max(300) });

/** Choosing a new password with a link sent by mail (no session). */
export const passwordResetRoutes = new Hono<Env>();

route(
  passwordResetRoutes,
  { method: "post", path: "/password-reset", summary: "Ask for a link to choose a new password; the answer is the same whether the account exists or not", tag: "Platform", body: PasswordReset.RequestSchema, status: 202, public: true },
  async (c) => {
    await PasswordReset.request((await jsonBody(c)) as z.input<typeof PasswordReset.RequestSchema>, { ip: sourceIp(c) });
    return c.json({ requested: true, validMinutes: PasswordReset.VALID_MINUTES }, 202);
  },
);

route(passwordResetRoutes, { method: "get", path: "/password-reset/preview", summary: "What a password reset link is for: workspace, email, expiry, whether it still works", tag: "Platform", query: PreviewSchema, public: true }, async (c) => {
  const { token } = PreviewSchema.parse(c.req.query());
  return c.json({ reset: await PasswordReset.preview(token) });
});

route(
  passwordResetRoutes,
  { method: "post", path: "/password-reset/complete", summary: "Choose a new password with a link: ends the account's other sessions and signs in", tag: "Platform", body: PasswordReset.CompleteSchema, public: true },
  async (c) => {
    const result = await PasswordReset.complete((await jsonBody(c)) as z.input<typeof PasswordReset.CompleteSchema>, { ip: sourceIp(c), userAgent: c.req.header("user-agent") });
    setSessionCookies(c, result.session);
    const tenant = await Tenant.get(result.tenantId);
    const { token, csrfToken, expiresAt } = result.session;
    return c.json({ tenant, staff: result.staff, token, csrfToken, expiresAt }, 200);
  },
);
