import { Hono, type Context } from "hono";
import { Auth } from "@frontline/core/auth";
import { Signup } from "@frontline/core/signup";
import { Tenant } from "@frontline/core/tenant";
import { jsonBody } from "../body";
import { sourceIp, type Env } from "../context";
import { openApiDocument, route } from "../openapi";
import { deviceCookie, setDeviceCookie, setSessionCookies } from "../session-cookie";

type Signedin = Omit<Awaited<ReturnType<typeof Auth.login>>, "device"> & { device?: Auth.Device.Issued };

/**
 * Answers a sign-up or sign-in: sets the session cookies (and, after a sign-in, the device cookie) and returns the
 * token for API clients.
 */
function signedIn(c: Context<Env>, result: Signedin, status: 200 | 201) {
  setSessionCookies(c, result.session);
  if (result.device) setDeviceCookie(c, result.device);
  const { token, csrfToken, expiresAt } = result.session;
  return c.json({ tenant: result.tenant, staff: result.staff, token, csrfToken, expiresAt }, status);
}

/** Routes anyone may call: health, sign-up, sign-in and the API's own description. */
export const publicRoutes = new Hono<Env>();

route(publicRoutes, { method: "get", path: "/health", summary: "Is the API up?", tag: "Platform", public: true }, (c) =>
  c.json({ status: "ok", time: new Date().toISOString() }),
);

route(
  publicRoutes,
  { method: "post", path: "/signup", summary: "Open a workspace and sign its owner in", tag: "Platform", body: Tenant.SignupSchema, status: 201, public: true },
  async (c) => signedIn(c, await Signup.signup((await jsonBody(c)) as Tenant.SignupInput, { ip: sourceIp(c) }), 201),
);

route(
  publicRoutes,
  { method: "post", path: "/auth/login", summary: "Sign in to a workspace", tag: "Platform", body: Auth.LoginSchema, public: true },
  async (c) => {
    const origin = { ip: sourceIp(c), userAgent: c.req.header("user-agent"), device: deviceCookie(c) };
    return signedIn(c, await Auth.login((await jsonBody(c)) as Parameters<typeof Auth.login>[0], origin), 200);
  },
);

route(publicRoutes, { method: "get", path: "/openapi.json", summary: "This API, described (OpenAPI 3.1)", tag: "Platform", public: true }, (c) =>
  c.json(openApiDocument({ title: "Frontline API", version: "1" })),
);
