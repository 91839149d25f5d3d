import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { NotFound, Invalid } from "@frontline/core/error";
import { requireStaff } from "./auth";
import type { Env } from "./context";
import { errorResponse } from "./errors";
import { originGuard } from "./origin";
import { requestLimit } from "./request-limit";
import { customerRoutes } from "./routes/customers";
import { departmentRoutes } from "./routes/departments";
import { eventRoutes } from "./routes/events";
import { mailRoutes } from "./routes/mail";
import { notificationRoutes } from "./routes/notifications";
import { slaRoutes } from "./routes/sla";
import { adminRoutes } from "./routes/admin";
import { invitationRoutes } from "./routes/invitation";
import { passwordResetRoutes } from "./routes/password-reset";
import { operatorRoutes } from "./routes/operator";
import { publicRoutes } from "./routes/public";
import { searchRoutes } from "./routes/search";
import { ticketRoutes } from "./routes/tickets";
import { viewRoutes } from "./routes/views";
import { workspaceRoutes } from "./routes/workspace";

/**
 * The HTTP API: one application object, served unchanged by the Lambda adapter (functions/src/api/lambda.ts) and by
 * the local Node server (packages/local).
 */
export function createApp() {
  const api = new Hono<Env>()
    .use(async (c, next) => {
      c.set("requestId", c.req.header("x-request-id")?.slice(0, 64) || crypto.randomUUID());
      c.header("x-request-id", c.get("requestId"));
      c.header("cache-control", "no-store");
      await next();
    })
    .use(secureHeaders())
    // Before any work: a request that skipped CloudFront costs nothing more than this.
    .use(originGuard)
    .use(requestLimit())
    .use(
      bodyLimit({
        maxSize: 1024 * 1024,
        onError: () => {
          throw Invalid.field("", "too_big", "The request body is larger than 1 MiB");
        },
      }),
    )
    .route("/", publicRoutes)
    .route("/", invitationRoutes)
    .route("/", passwordResetRoutes)
    .route("/", operatorRoutes)
    .use(requireStaff)
    .route("/", workspaceRoutes)
    .route("/", ticketRoutes)
    .route("/", viewRoutes)
    .route("/", customerRoutes)
    .route("/", searchRoutes)
    .route("/", departmentRoutes)
    .route("/", eventRoutes)
    .route("/", mailRoutes)
    .route("/", slaRoutes)
    .route("/", notificationRoutes)
    .route("/", adminRoutes);

  const app = new Hono<Env>().route("/api", api);
  app.notFound(unknownRoute);
  app.onError(errorResponse);
  return app;
}

export type App = ReturnType<typeof createApp>;

/** What an unknown API path answers: a JSON 404 (also where the app is mounted beside a web app's fallback). */
export function unknownRoute(c: Context): Response | Promise<Response> {
  return errorResponse(new NotFound("Route"), c);
}
