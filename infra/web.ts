import { Stack } from "aws-cdk-lib";
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { StaticSite, use, type StackContext } from "sst/constructs";
import { Api } from "./api";
import { inboundDomain } from "./config";

/** The CloudFront path pattern that goes to the HTTP API instead of the bucket. */
export const API_PATH_PATTERN = "/api/*";

/**
 * Viewer-request function of the site's default (S3) behaviour: the SolidJS router owns every path that is not a
 * file, so those get /index.html, as the local runtime does (packages/local/src/server.ts).
 *
 * It replaces StaticSite's own function, which rewrites /tickets/42 to /tickets/42.html and relies on the
 * distribution's custom error responses (403/404 -> /index.html, 200) to land on the app. Those error responses
 * apply to every behaviour of a distribution, so the API's own 403s and 404s would reach the browser as the
 * index page with a 200; they are switched off below.
 */
export const SPA_REWRITE_CODE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.startsWith("/.well-known/")) return request;
  var last = uri.split("/").pop();
  if (last === "" || last.indexOf(".") === -1) request.uri = "/index.html";
  return request;
}`;

/**
 * The web app as an SST StaticSite (S3 + CloudFront), sharing one origin with the API: CloudFront sends /api/* to
 * the HTTP API, uncached, with every method, the cookies, the query string and the viewer's headers (except Host,
 * which must be the API's own for API Gateway to route the request). The session cookie (HttpOnly, Path=/api)
 * therefore works as it does locally, and the app keeps its relative /api URLs: no CORS, no VITE_API_URL.
 */
export function Web({ app, stack }: StackContext) {
  const { api } = use(Api);

  const apiDomain = `${api.cdk.httpApi.apiId}.execute-api.${Stack.of(api).region}.${Stack.of(api).urlSuffix}`;
  const apiBehavior: BehaviorOptions = {
    origin: new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
    viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    allowedMethods: AllowedMethods.ALLOW_ALL,
    cachePolicy: CachePolicy.CACHING_DISABLED,
    originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
  };

  const spaRewrite = new CloudFrontFunction(stack, "SpaRewrite", {
    code: FunctionCode.fromInline(SPA_REWRITE_CODE),
    runtime: FunctionRuntime.JS_2_0,
  });

  const site = new StaticSite(stack, "Web", {
    path: "web",
    // A deploy always rebuilds the app. The infra tests build web/dist themselves, only when it is stale
    // (packages/local/src/web-build.ts), so that a test run does not rebuild it under the e2e tests' feet.
    buildCommand: app.isRunningSSTTest() ? undefined : "npm run build",
    buildOutput: "dist",
    // Build-time settings of the app (web/src/env.d.ts): the sign-up form previews the tenant's inbound address.
    environment: { VITE_INBOUND_DOMAIN: inboundDomain(app.stage) },
    // StaticSite writes Vite env typings (for `environment`) into the site by default, i.e. into
    // web/src; keep them in SST's own folder.
    vite: { types: "../.sst/types/web-vite-env.d.ts" },
    cdk: {
      distribution: {
        errorResponses: [],
        defaultBehavior: {
          functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
        additionalBehaviors: { [API_PATH_PATTERN]: apiBehavior },
      },
    },
  });

  // StaticSite always creates its own viewer-request function; with the default behaviour's associations replaced
  // above nothing uses it, so drop it rather than deploy an orphan (CloudFront functions have a per-account quota).
  if (!site.node.tryRemoveChild("CloudFrontFunction")) {
    throw new Error("StaticSite no longer creates a child named CloudFrontFunction: revisit infra/web.ts");
  }

  stack.addOutputs({ SiteUrl: site.url });
  return { site };
}
