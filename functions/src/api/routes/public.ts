import { Hono, type Context } from "hono";
import { Auth } from "@frontline/core/auth";
import { Tenant } from "@frontline/core/tenant";
import { jsonBody } from "../body";
import { sourceIp, type Env } from "../context";
import { setSessionCookies } from "../session-cookie";

type Signedin = Awaited<ReturnType<typeof Auth.login>>;

/** Answers a sign-up or sign-in: sets the session cookies and returns the token for API clients. */
function signedIn(c: Context<Env>, result: Signedin, status: 200 | 201) {
  setSessionCookies(c, result.session);
  const { token, csrfToken, expiresAt } = result.session;
  return c.json({ tenant: result.tenant, staff: result.staff, token, csrfToken, expiresAt }, status);
}

/** Routes anyone may call: health, sign-up and sign-in. */
export const publicRoutes = new Hono<Env>()
  .get("/health", (c) => c.json({ status: "ok", time: new Date().toISOString() }))
  .post("/signup", async (c) => {
    return signedIn(c, await Tenant.signup((await jsonBody(c)) as Tenant.SignupInput), 201);
  })
  .post("/auth/login", async (c) => {
    const origin = { ip: sourceIp(c), userAgent: c.req.header("user-agent") };
    return signedIn(c, await Auth.login((await jsonBody(c)) as Parameters<typeof Auth.login>[0], origin), 200);
  });
