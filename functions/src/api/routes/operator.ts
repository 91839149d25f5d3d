import { Hono, type Context, type MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import * as z from "zod";
import { Billing } from "@frontline/core/billing";
import { Event } from "@frontline/core/event";
import { Forbidden, Unauthenticated } from "@frontline/core/error";
import { Operator } from "@frontline/core/operator";
import { Plan } from "@frontline/core/plan";
import { jsonBody } from "../body";
import { sourceIp, type Env } from "../context";
import { route } from "../openapi";

/**
 * The operator console's API, under /api/operator: its own sign-in (operators are not any workspace's staff), its own
 * HttpOnly cookie and CSRF token (double submit), or a `flo.` bearer token for scripts.
 */
export const OPERATOR_COOKIE = "fl_operator";
export const OPERATOR_CSRF_COOKIE = "fl_operator_csrf";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

type OperatorEnv = Env & { Variables: Env["Variables"] & { operator: Operator.Operator; operatorSession: string } };

const requireOperator: MiddlewareHandler<OperatorEnv> = async (c, next) => {
  const header = c.req.header("authorization");
  const token = header ? header.match(/^Bearer\s+(\S+)$/i)?.[1] : getCookie(c, OPERATOR_COOKIE);
  if (!token) throw new Unauthenticated("Sign in to the operator console");
  const { operator, sessionId, csrfToken } = await Operator.authenticate(token);
  if (!header && !SAFE.has(c.req.method) && !Operator.csrfMatches(csrfToken, c.req.header("x-csrf-token"))) {
    throw new Forbidden("Missing or wrong CSRF token; reload the page and try again");
  }
  c.set("operator", operator);
  c.set("operatorSession", sessionId);
  await next();
};

const secure = (url: string, proto?: string) => new URL(url).protocol === "https:" || proto === "https";

export const operatorRoutes = new Hono<OperatorEnv>();

route(operatorRoutes, { method: "post", path: "/operator/login", summary: "Sign in to the operator console", tag: "Operator", body: Operator.LoginSchema, public: true }, async (c) => {
  const session = await Operator.login((await jsonBody(c)) as z.input<typeof Operator.LoginSchema>, { ip: sourceIp(c) });
  const options = { sameSite: "Strict" as const, secure: secure(c.req.url, c.req.header("x-forwarded-proto")), expires: new Date(session.expiresAt) };
  setCookie(c, OPERATOR_COOKIE, session.token, { ...options, httpOnly: true, path: "/api/operator" });
  setCookie(c, OPERATOR_CSRF_COOKIE, session.csrfToken, { ...options, httpOnly: false, path: "/" });
  return c.json(session);
});

// Everything below needs an operator session.
const guarded = new Hono<OperatorEnv>().use("/operator/*", requireOperator);

route(guarded, { method: "post", path: "/operator/logout", summary: "End the operator's session", tag: "Operator", status: 204 }, async (c) => {
  await Operator.logout(c.get("operatorSession"));
  deleteCookie(c, OPERATOR_COOKIE, { path: "/api/operator" });
  deleteCookie(c, OPERATOR_CSRF_COOKIE, { path: "/" });
  return c.body(null, 204);
});

const op = (c: Context<OperatorEnv>) => c.get("operator");

route(guarded, { method: "get", path: "/operator/me", summary: "The signed-in operator", tag: "Operator" }, async (c) => c.json({ operator: op(c) }));

route(guarded, { method: "get", path: "/operator/workspaces", summary: "Every workspace with its plan, balance and status", tag: "Operator", query: Operator.WorkspaceListSchema }, async (c) =>
  c.json(await Operator.workspaces(c.req.query())),
);

route(guarded, { method: "get", path: "/operator/workspaces/:id", summary: "A workspace with its ledger and top-up requests", tag: "Operator" }, async (c) =>
  c.json(await Operator.workspace(c.req.param("id")!)),
);

route(guarded, { method: "post", path: "/operator/workspaces/:id/payments", summary: "Record a payment (a top-up)", tag: "Operator", body: Operator.PaymentSchema, status: 201 }, async (c) =>
  c.json({ workspace: await Operator.recordPayment(op(c), c.req.param("id")!, (await jsonBody(c)) as z.input<typeof Operator.PaymentSchema>) }, 201),
);

route(guarded, { method: "post", path: "/operator/workspaces/:id/adjustments", summary: "Record an adjustment of the balance, up or down, with a reason", tag: "Operator", body: Billing.AdjustmentSchema, status: 201 }, async (c) =>
  c.json({ workspace: await Operator.recordAdjustment(op(c), c.req.param("id")!, (await jsonBody(c)) as z.input<typeof Billing.AdjustmentSchema>) }, 201),
);

route(guarded, { method: "post", path: "/operator/workspaces/:id/top-up-requests/:requestId/dismiss", summary: "Close a top-up request without a payment", tag: "Operator", status: 204 }, async (c) => {
  await Operator.dismissTopUpRequest(op(c), c.req.param("id")!, c.req.param("requestId")!);
  return c.body(null, 204);
});

route(guarded, { method: "get", path: "/operator/top-up-requests", summary: "Open top-up requests of every workspace", tag: "Operator" }, async (c) =>
  c.json({ requests: await Operator.openTopUpRequests() }),
);

route(guarded, { method: "get", path: "/operator/plans", summary: "The plan catalogue", tag: "Operator" }, async (c) => c.json({ plans: await Operator.plans() }));

route(guarded, { method: "put", path: "/operator/plans/:id", summary: "Edit a plan's prices, limits and add-ons", tag: "Operator", body: Plan.UpdateSchema }, async (c) =>
  c.json({ plan: await Operator.updatePlan(op(c), c.req.param("id")!, (await jsonBody(c)) as z.input<typeof Plan.UpdateSchema>) }),
);

route(guarded, { method: "get", path: "/operator/events", summary: "The platform's log of operators' actions", tag: "Operator", query: Event.ListSchema }, async (c) =>
  c.json(await Operator.events(c.req.query())),
);

route(guarded, { method: "get", path: "/operator/reactions/failures", summary: "Reactions to table changes that kept failing (parked), still retrying, or resolved; newest first", tag: "Operator", query: Operator.ReactionFailureListSchema }, async (c) =>
  c.json(await Operator.reactionFailures(c.req.query())),
);

route(guarded, { method: "post", path: "/operator/reactions/failures/:id/reprocess", summary: "Run a failed reaction again on its change (409 with the error if it fails again)", tag: "Operator" }, async (c) => {
  // Taken here, run by the stream's handler (which has every reaction); the answer waits for it.
  return c.json({ failure: await Operator.reprocessReaction(op(c), c.req.param("id")!) });
});

operatorRoutes.route("/", guarded);
