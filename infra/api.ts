import { NagSuppressions } from "cdk-nag";
import { Api as HttpApi, use, type StackContext } from "sst/constructs";
import { inboundDomain } from "./config";
import { appFunction } from "./functions";
import { explainDeployHelpers } from "./nag";
import { Storage } from "./storage";
import { Timers } from "./timers";

/** Every path under /api reaches the one function; the Hono app does the routing (and answers 404 itself). */
export const API_ROUTES = ["ANY /api", "ANY /api/{proxy+}"] as const;

export const API_HANDLER = "functions/src/api/lambda.handler";

/**
 * The stage's throttle: requests per second in the steady state and in a burst, for every client together. A ceiling
 * on what a flood can cost (Lambda concurrency, argon2 on sign-ins), well above the app's own traffic; fairness
 * between clients is the web ACL's per-IP rules (infra/web.ts) and the app's per-workspace limits.
 */
export const API_THROTTLE = { rate: 100, burst: 200 } as const;

/** API Gateway HTTP API (payload v2) with every /api route on the one Lambda that serves the Hono app. */
export function Api({ app, stack }: StackContext) {
  const { table, bucket } = use(Storage);
  const { timers } = use(Timers);

  const handler = appFunction(stack, "ApiFunction", { table, bucket, timers, inboundDomain: inboundDomain(app.stage) }, "objects", {
    handler: API_HANDLER,
    // argon2id (WebAssembly, core/auth/password.ts) takes ~19 MiB per hash, and its speed scales with the CPU
    // share Lambda gives to memory.
    memorySize: 1024,
    // Below the HTTP API's 30 s integration limit, so a slow request ends as a Lambda timeout we can see in logs.
    timeout: 20,
  });

  const api = new HttpApi(stack, "Api", {
    // The browser reaches the API through the site's CloudFront distribution (same origin, see infra/web.ts),
    // so no cross-origin access is granted.
    cors: false,
    defaults: { throttle: API_THROTTLE },
    routes: Object.fromEntries(API_ROUTES.map((route) => [route, handler])),
  });

  NagSuppressions.addResourceSuppressions(
    api,
    [
      {
        id: "AwsSolutions-APIG4",
        reason:
          "The Hono app authenticates every route itself (session cookie, role and workspace checks, functions/src/api/auth.ts); sign-in, sign-up and the portal are public by design.",
      },
    ],
    true,
  );
  explainDeployHelpers(stack);
  stack.addOutputs({ ApiUrl: api.url });
  return { api, handler };
}
