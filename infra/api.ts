import { Stack } from "aws-cdk-lib";
import { DomainName, SecurityPolicy } from "aws-cdk-lib/aws-apigatewayv2";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import { AaaaRecord, ARecord, HostedZone, RecordTarget } from "aws-cdk-lib/aws-route53";
import { ApiGatewayv2DomainProperties } from "aws-cdk-lib/aws-route53-targets";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { NagSuppressions } from "cdk-nag";
import { Api as HttpApi, use, type StackContext } from "sst/constructs";
import type { Construct } from "constructs";
import { customDomain, inboundDomain, type CustomDomain } from "./config";
import { appFunction } from "./functions";
import { explainDeployHelpers } from "./nag";
import { grantSearch } from "./search";
import { Storage } from "./storage";
import { Timers } from "./timers";

/** Every path under /api reaches the one function; the Hono app does the routing (and answers 404 itself). */
export const API_ROUTES = ["ANY /api", "ANY /api/{proxy+}"] as const;

export const API_HANDLER = "functions/src/api/lambda.handler";

/**
 * The stage's own throttle: the coarse cap over every workspace, so that a flood that spreads over many Lambda
 * instances (each with its own request-limit buckets, functions/src/api/request-limit.ts) stops at API Gateway and
 * not on the bill. 1,000 requests a second is 33 workspaces each at its full limit of 30/s, and a tenth of an
 * account's default quota, so that one stage cannot take the account's. Raise it as the tenant base grows.
 */
export const API_THROTTLE = { rate: 1000, burst: 2000 } as const;

/**
 * The origin secret: a random value Secrets Manager generates at the first deploy, which CloudFront sends to the API
 * in a header (infra/web.ts) and the API demands of every request (functions/src/api/origin.ts), so that the API's
 * own URL serves nobody who skipped CloudFront and its web ACL. The templates name the secret only (CloudFormation
 * resolves it at deploy time); the value lives in Secrets Manager, in the API function's environment and in the
 * distribution's origin settings, readable by whoever may read those.
 */
function originSecret(scope: Construct): Secret {
  const secret = new Secret(scope, "OriginSecret", {
    description: "Frontline: the header value CloudFront sends to the API, which refuses requests without it",
    generateSecretString: { passwordLength: 64, excludePunctuation: true },
  });
  NagSuppressions.addResourceSuppressions(secret, [
    {
      id: "AwsSolutions-SMG4",
      reason:
        "CloudFront's origin header and the API's environment hold the value, both set from it at deploy time: a rotation would change the secret under them and refuse every request until the next deploy. It changes by replacing the secret in a deploy, which updates both.",
    },
  ]);
  return secret;
}

/**
 * The API's own name (with a custom domain): an API Gateway domain on a TLS 1.2 security policy with the stage's
 * regional certificate, its Route 53 alias records when the zone is known. CloudFront reaches the API there, so the
 * execute-api URL can be switched off.
 */
function apiDomain(scope: Construct, domain: CustomDomain): DomainName {
  const name = new DomainName(scope, "ApiDomain", {
    domainName: domain.api.domain,
    certificate: Certificate.fromCertificateArn(scope, "ApiCertificate", domain.api.certificateArn),
    securityPolicy: SecurityPolicy.TLS_1_2,
  });
  if (domain.zone) {
    const zone = HostedZone.fromHostedZoneAttributes(scope, "Zone", { hostedZoneId: domain.zone.id, zoneName: domain.zone.name });
    const target = RecordTarget.fromAlias(new ApiGatewayv2DomainProperties(name.regionalDomainName, name.regionalHostedZoneId));
    new ARecord(scope, "ApiAlias", { zone, recordName: domain.api.domain, target });
    new AaaaRecord(scope, "ApiAliasAAAA", { zone, recordName: domain.api.domain, target });
  }
  return name;
}

/** API Gateway HTTP API (payload v2) with every /api route on the one Lambda that serves the Hono app. */
export function Api({ app, stack }: StackContext) {
  const { table, bucket, search } = use(Storage);
  const { timers } = use(Timers);
  const domain = customDomain(Stack.of(stack).region);
  const secret = originSecret(stack);

  const handler = appFunction(stack, "ApiFunction", { table, bucket, timers, inboundDomain: inboundDomain(app.stage) }, "objects", {
    handler: API_HANDLER,
    // argon2id (WebAssembly, core/auth/password.ts) takes ~19 MiB per hash, and its speed scales with the CPU
    // share Lambda gives to memory.
    memorySize: 1024,
    // Below the HTTP API's 30 s integration limit, so a slow request ends as a Lambda timeout we can see in logs.
    timeout: 20,
    // A dynamic reference ({{resolve:secretsmanager:...}}), resolved by CloudFormation: no value in the template.
    environment: { ORIGIN_SECRET: secret.secretValue.unsafeUnwrap() },
  });
  // Searching: reads the search index (infra/search.ts), never writes it.
  grantSearch(handler, search, "read", app.stage);

  const ownDomain = domain ? apiDomain(stack, domain) : undefined;
  const api = new HttpApi(stack, "Api", {
    // The browser reaches the API through the site's CloudFront distribution (same origin, see infra/web.ts),
    // so no cross-origin access is granted.
    cors: false,
    defaults: { throttle: API_THROTTLE },
    routes: Object.fromEntries(API_ROUTES.map((route) => [route, handler])),
    // With its own name, the API is reached there only: the execute-api URL is off.
    ...(ownDomain ? { customDomain: { cdk: { domainName: ownDomain } }, cdk: { httpApi: { disableExecuteApiEndpoint: true } } } : {}),
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
  stack.addOutputs({
    ApiUrl: domain ? `https://${domain.api.domain}` : api.url,
    // Without the hosted zone, the API's name is published by hand: a CNAME to this.
    ...(ownDomain && !domain?.zone ? { ApiDomainTarget: ownDomain.regionalDomainName } : {}),
  });
  return { api, handler, originSecret: secret, domain };
}
