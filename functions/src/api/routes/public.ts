import { Hono } from "hono";
import { Auth } from "@frontline/core/auth";
import { Tenant } from "@frontline/core/tenant";
import { jsonBody } from "../body";
import { sourceIp, type Env } from "../context";
import { setSessionCookies } from "../session-cookie";

/** Routes anyone may call: health, sign-up and sign-in. */
export const publicRoutes = new Hono<Env>()
  .get("/health", (c) => c.json({ status: "ok", time: new Date().toISOString() }))
  .post("/signup", async (c) => {
    const result = await Tenant.signup((await jsonBody(c)) as Tenant.SignupInput);
    setSessionCookies(c, result.session);
    return c.json(
      {
        tenant: result.tenant,
        staff: result.staff,
        token: result.session.token,
        csrfToken: result.session.csrfToken,
        expiresAt: result.session.expiresAt,
      },
      201,
    );
  })
  .post("/auth/login", async (c) => {
    const origin = { ip: sourceIp(c), userAgent: c.req.header("user-agent") };
    const result = await Auth.login((await jsonBody(c)) as Parameters<typeof Auth.login>[0], origin);
    setSessionCookies(c, result.session);
    return c.json({
      tenant: result.tenant,
      staff: result.staff,
      token: result.session.token,
      csrfToken: result.session.csrfToken,
      expiresAt: result.session.expiresAt,
    });
  });
