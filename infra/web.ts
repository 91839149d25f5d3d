import { Annotations, AspectPriority, Aspects, Duration, Stack } from "aws-cdk-lib";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { HostedZone } from "aws-cdk-lib/aws-route53";
import { CfnWebACL } from "aws-cdk-lib/aws-wafv2";
import { NagSuppressions } from "cdk-nag";
import { StaticSite, use, type StackContext, type StaticSiteProps } from "sst/constructs";
import type { Construct } from "constructs";
import { ORIGIN_HEADER } from "../functions/src/api/origin";
import { CONTENT_SECURITY_POLICY, REFERRER_POLICY } from "../web/src/security-headers";
import { Api } from "./api";
import { inboundDomain, isProd, type CustomDomain } from "./config";
import { explainDeployHelpers } from "./nag";
import { accessLogBucket } from "./storage";

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
 * The API routes that hash a password (argon2id on Lambda, ~19 MiB and a CPU share each): signing up, signing in to a
 * workspace or the operator console, accepting an invitation. The web ACL allows each address far fewer of them.
 */
export const PASSWORD_PATHS = ["/api/signup", "/api/auth/login", "/api/operator/login", "/api/invitations/accept", "/api/password-reset/complete"] as const;

/** Requests per address per 5 minutes (WAF's window): to the password routes, and to anything. */
export const WAF_LIMITS = { passwordRoutes: 20, perAddress: 2000 } as const;

/** Viewers reach the site over TLS 1.2 or later (with a custom domain: CloudFront's default certificate allows TLSv1). */
export const VIEWER_TLS = SecurityPolicyProtocol.TLS_V1_2_2021;

/** What the Web stack's CustomDomain output says when the stage has none. */
export const NO_CUSTOM_DOMAIN =
  "none: the site is on *.cloudfront.net with CloudFront's default certificate, whose security policy is TLSv1 (TLS 1.0 and 1.1 accepted); set WEB_DOMAIN and WEB_CERTIFICATE_ARN for TLS 1.2 at least (README, Deploy to AWS)";

/** CloudFront web ACLs live in us-east-1 whatever the distribution's origins; SST v2 puts every stack in the app's region. */
const CLOUDFRONT_WAF_REGION = "us-east-1";

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/**
 * The distribution's web ACL (AWS WAF, CLOUDFRONT scope): per-address rate limits, tighter on the password routes,
 * then AWS's common rule set. Its size and cross-site-scripting rules on request bodies only count: replies, notes,
 * templates and articles are longer than the rule set's 8 KB and quote code and mail; the app bounds and validates
 * bodies itself, and escapes and sanitises what it shows.
 */
function webAcl(scope: Construct, name: string): CfnWebACL {
  const rateRule = (ruleName: string, priority: number, limit: number, scopeDown?: CfnWebACL.StatementProperty): CfnWebACL.RuleProperty => ({
    name: ruleName,
    priority,
    action: { block: {} },
    statement: { rateBasedStatement: { aggregateKeyType: "IP", limit, evaluationWindowSec: 300, ...(scopeDown ? { scopeDownStatement: scopeDown } : {}) } },
    visibilityConfig: visibility(ruleName),
  });
  const passwordRoutes: CfnWebACL.StatementProperty = {
    orStatement: {
      statements: PASSWORD_PATHS.map((path) => ({
        byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: "EXACTLY", searchString: path, textTransformations: [{ priority: 0, type: "NONE" }] },
      })),
    },
  };
  return new CfnWebACL(scope, "WebAcl", {
    name,
    scope: "CLOUDFRONT",
    defaultAction: { allow: {} },
    visibilityConfig: visibility(name),
    rules: [
      rateRule("PasswordRoutesPerAddress", 0, WAF_LIMITS.passwordRoutes, passwordRoutes),
      rateRule("PerAddress", 1, WAF_LIMITS.perAddress),
      {
        name: "AWSManagedRulesCommonRuleSet",
        priority: 2,
        overrideAction: { none: {} },
        statement: {
          managedRuleGroupStatement: {
            vendorName: "AWS",
            name: "AWSManagedRulesCommonRuleSet",
            ruleActionOverrides: ["SizeRestrictions_BODY", "CrossSiteScripting_BODY"].map((rule) => ({ name: rule, actionToUse: { count: {} } })),
          },
        },
        visibilityConfig: visibility("AWSManagedRulesCommonRuleSet"),
      },
    ],
  });
}

/**
 * The web ACL's ARN: the one made here when the app is in us-east-1 (the default), or WEB_ACL_ARN, a CLOUDFRONT web
 * ACL made in us-east-1 by other means, for an app in another region (SST v2 cannot put one stack elsewhere). Prod
 * refuses to go without one.
 */
function webAclArn(scope: Construct, stage: string, name: string): string | undefined {
  if (Stack.of(scope).region === CLOUDFRONT_WAF_REGION) return webAcl(scope, name).attrArn;
  const given = process.env.WEB_ACL_ARN?.trim();
  if (given) return given;
  if (isProd(stage)) {
    throw new Error(
      `The "${stage}" stage is in ${Stack.of(scope).region}, and CloudFront's web ACL must be made in ${CLOUDFRONT_WAF_REGION}: ` +
        `deploy to us-east-1, or create one there and pass its ARN as WEB_ACL_ARN`,
    );
  }
  return undefined;
}

/**
 * The web app as an SST StaticSite (S3 + CloudFront), sharing one origin with the API: CloudFront sends /api/* to
 * the HTTP API, uncached, with every method, the cookies, the query string and the viewer's headers (except Host,
 * which must be the API's own for API Gateway to route the request). The session cookie (HttpOnly, Path=/api)
 * therefore works as it does locally, and the app keeps its relative /api URLs: no CORS, no VITE_API_URL.
 */
export function Web({ app, stack }: StackContext) {
  const { api, originSecret, domain } = use(Api);

  // The API's own name when it has one (its execute-api URL is off then), else its execute-api URL. Either way the
  // origin secret goes with every request, and the API refuses those without it (functions/src/api/origin.ts).
  const apiDomain = domain?.api.domain ?? `${api.cdk.httpApi.apiId}.execute-api.${Stack.of(api).region}.${Stack.of(api).urlSuffix}`;
  const apiBehavior: BehaviorOptions = {
    origin: new HttpOrigin(apiDomain, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      // A dynamic reference ({{resolve:secretsmanager:...}}), resolved by CloudFormation: no value in the template.
      customHeaders: { [ORIGIN_HEADER]: originSecret.secretValue.unsafeUnwrap() },
    }),
    viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    allowedMethods: AllowedMethods.ALLOW_ALL,
    cachePolicy: CachePolicy.CACHING_DISABLED,
    originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
  };

  const spaRewrite = new CloudFrontFunction(stack, "SpaRewrite", {
    code: FunctionCode.fromInline(SPA_REWRITE_CODE),
    runtime: FunctionRuntime.JS_2_0,
  });

  // Every page of the app carries its Content-Security-Policy and the framing, sniffing and referrer headers
  // (web/src/security-headers.ts; the local server sends the same). Not the API's: its responses set their own.
  const securityHeaders = new ResponseHeadersPolicy(stack, "SecurityHeaders", {
    comment: "Frontline web app: CSP, no framing, no sniffing, same-origin referrer, HSTS",
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: CONTENT_SECURITY_POLICY, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: REFERRER_POLICY as HeadersReferrerPolicy, override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: false, override: true },
    },
  });

  const logs = accessLogBucket(stack, "AccessLogs", isProd(app.stage));
  const webAclId = webAclArn(stack, app.stage, app.logicalPrefixedName("web"));

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
    ...(domain ? { customDomain: siteDomain(stack, domain) } : {}),
    cdk: {
      bucket: { enforceSSL: true },
      distribution: {
        errorResponses: [],
        enableLogging: true,
        logBucket: logs,
        logFilePrefix: "cloudfront/",
        ...(webAclId ? { webAclId } : {}),
        ...(domain ? { minimumProtocolVersion: VIEWER_TLS } : {}),
        defaultBehavior: {
          functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
          responseHeadersPolicy: securityHeaders,
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

  explainWebFindings(site, domain);
  if (!domain && isProd(app.stage)) Annotations.of(stack).addWarningV2("frontline:no-custom-domain", `The site has no custom domain: ${NO_CUSTOM_DOMAIN}`);
  explainDeployHelpers(stack);
  stack.addOutputs({
    SiteUrl: site.customDomainUrl ?? site.url,
    CustomDomain: domain ? `${domain.web.domain} (${VIEWER_TLS} at least)` : NO_CUSTOM_DOMAIN,
    // Without the hosted zone, the site's name is published by hand: a CNAME to this.
    ...(domain && !domain.zone ? { SiteDomainTarget: site.cdk!.distribution.distributionDomainName } : {}),
  });
  return { site };
}

/** The site's name on the distribution, with the certificate from us-east-1; alias records when the zone is known. */
function siteDomain(scope: Construct, domain: CustomDomain): StaticSiteProps["customDomain"] {
  const certificate = Certificate.fromCertificateArn(scope, "SiteCertificate", domain.web.certificateArn);
  if (!domain.zone) return { domainName: domain.web.domain, isExternalDomain: true, cdk: { certificate } };
  const hostedZone = HostedZone.fromHostedZoneAttributes(scope, "Zone", { hostedZoneId: domain.zone.id, zoneName: domain.zone.name });
  return { domainName: domain.web.domain, cdk: { hostedZone, certificate } };
}

/** cdk-nag's findings on the StaticSite that stay, and why. */
function explainWebFindings(site: StaticSite, domain: CustomDomain | undefined): void {
  const { bucket, distribution } = site.cdk!;
  NagSuppressions.addResourceSuppressions(bucket, [
    { id: "AwsSolutions-S1", reason: "Only CloudFront reads the site's bucket, and CloudFront's own access logs (AccessLogs/cloudfront/) record every request; deploys write it." },
  ]);
  NagSuppressions.addResourceSuppressions(distribution, [
    // With a custom domain the distribution requires TLS 1.2 (VIEWER_TLS) and there is nothing to explain.
    ...(domain
      ? []
      : [
          {
            id: "AwsSolutions-CFR4",
            reason:
              "No custom domain is configured (WEB_DOMAIN): the distribution serves *.cloudfront.net with CloudFront's default certificate, whose security policy CloudFront fixes at TLSv1; the CustomDomain output and the README say so.",
          },
        ]),
    { id: "AwsSolutions-CFR7", reason: "SST 2.49.8's StaticSite reaches its bucket through an origin access identity; the bucket stays private either way." },
    { id: "AwsSolutions-CFR1", reason: "Workspaces and their customers are anywhere: no country is refused." },
  ]);
  // SST makes the uploader's policy once the app is built (a deferred task), after this runs: explained when it
  // appears, before the checks (aspects of a lower priority run first).
  Aspects.of(site).add(
    {
      visit(node) {
        if (node.node.id !== "S3UploaderPolicy") return;
        NagSuppressions.addResourceSuppressions(
          node,
          [{ id: "AwsSolutions-IAM5", reason: "SST's uploader (deploys only) copies the built app into the site's bucket: every object of that bucket, and the build's asset objects." }],
          true,
        );
      },
    },
    { priority: AspectPriority.MUTATING },
  );
}
