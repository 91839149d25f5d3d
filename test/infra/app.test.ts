import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { Template } from "aws-cdk-lib/assertions";
import { Function as SstFunction, StaticSite, getStack, type App } from "sst/constructs";
import { useProject } from "sst/project.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Api, API_THROTTLE } from "../../infra/api";
import { Alerts } from "../../infra/alerts";
import { Email, INBOUND_FAILURES_HANDLER, INBOUND_HANDLER, INBOUND_PREFIX, INBOUND_SWEEP_HANDLER } from "../../infra/email";
import { SWEEP } from "../../functions/src/mail/inbound-sweep";
import { TIMER_HANDLER, Timers } from "../../infra/timers";
import { PortEnv } from "../../functions/src/aws/ports";
import { Storage } from "../../infra/storage";
import { STREAM_HANDLER, Stream } from "../../infra/stream";
import { NO_CUSTOM_DOMAIN, PASSWORD_PATHS, WAF_LIMITS, Web } from "../../infra/web";
import { ORIGIN_HEADER } from "../../functions/src/api/origin";
import { createApp } from "../../functions/src/api/app";
import { openApiDocument } from "../../functions/src/api/openapi";
import { SECURITY_HEADERS } from "../../web/src/security-headers";
import { Table, createTableInput } from "../../packages/core/src/db/table";
import { FUNCTIONS, bundle, lambdaEnvironment } from "../../packages/local/bench/bundles";
import { ensureWebBuilt } from "../../packages/local/src/web-build";
import config from "../../sst.config";
import { useTestTable } from "../support/db";
import { makeSignup } from "../support/factories";
import {
  actionsOf,
  nagFindings,
  onlyResource,
  policyStatements,
  resourcesOf,
  rootDir,
  stacksOf,
  synthesize,
  templateOf,
  type Json,
} from "./support";

/**
 * The whole app as `sst deploy --stage test` would synthesise it (sst.config.ts mounts the stacks), asserted as
 * CloudFormation templates; plus the API function's bundle, run from a copy outside the repository.
 */

const INBOUND_DOMAIN = "inbound.frontline-test.example";
const HANDLER = "functions/src/api/lambda.handler";
const TABLE_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:Query",
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:TransactWriteItems",
  "dynamodb:TransactGetItems",
  "dynamodb:ConditionCheckItem",
];
/** AWS managed policies, by id (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/). */
const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

let app: App;
let storage: Template;
let api: Template;
let web: Template;
let timers: Template;
let email: Template;
let stream: Template;

beforeAll(async () => {
  await ensureWebBuilt(rootDir);
  process.env.INBOUND_DOMAIN = INBOUND_DOMAIN;
  app = await synthesize("test", (a) => config.stacks(a));
  storage = templateOf(Storage);
  api = templateOf(Api);
  web = templateOf(Web);
  timers = templateOf(Timers);
  email = templateOf(Email);
  stream = templateOf(Stream);
});

afterAll(() => {
  delete process.env.INBOUND_DOMAIN;
});

/** The name under which `producer` exports `value` (a Ref or GetAtt), as a consumer's Fn::ImportValue names it. */
function exportOf(producer: Template, value: Json): Json {
  const outputs = Object.values(producer.toJSON().Outputs ?? {}) as Json[];
  const output = outputs.find((o) => JSON.stringify(o.Value) === JSON.stringify(value) && o.Export);
  if (!output) throw new Error(`No export of ${JSON.stringify(value)}`);
  return { "Fn::ImportValue": output.Export.Name };
}

/** The access-log buckets (CloudFront's standard logs need object-writer ownership). */
function isLogBucket(props: Json): boolean {
  return JSON.stringify(props.OwnershipControls ?? {}).includes("ObjectWriter");
}

function table() {
  return onlyResource(storage, "AWS::DynamoDB::Table");
}

function apiFunction() {
  return onlyResource(api, "AWS::Lambda::Function", (p) => p.Handler === HANDLER);
}

describe("sst.config.ts", () => {
  it("names the app frontline, in the region from the environment or us-east-1", () => {
    const saved = { AWS_REGION: process.env.AWS_REGION, AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION };
    try {
      delete process.env.AWS_REGION;
      delete process.env.AWS_DEFAULT_REGION;
      expect(config.config()).toEqual({ name: "frontline", region: "us-east-1" });
      process.env.AWS_REGION = "eu-west-1";
      expect(config.config()).toEqual({ name: "frontline", region: "eu-west-1" });
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it("mounts the alerts, storage, timers, stream, api, email and web stacks, named after the stage", () => {
    expect(stacksOf(app).map((s) => s.stackName)).toEqual([
      "test-frontline-Alerts",
      "test-frontline-Storage",
      "test-frontline-Timers",
      "test-frontline-Stream",
      "test-frontline-Api",
      "test-frontline-Email",
      "test-frontline-Web",
    ]);
  });
});

describe("storage", () => {
  it("builds the table's keys and its GSIs from the core's Table definition", () => {
    const { props } = table();
    expect(props.KeySchema).toEqual([
      { AttributeName: Table.partitionKey, KeyType: "HASH" },
      { AttributeName: Table.sortKey, KeyType: "RANGE" },
    ]);
    const expectedIndexes = Object.entries(Table.globalIndexes).map(([name, index]) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: "HASH" },
        { AttributeName: index.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    }));
    expect(expectedIndexes.map((i) => i.IndexName)).toEqual(["gsi1", "gsi2", "gsi3", "gsi4", "gsi5"]);
    expect(props.GlobalSecondaryIndexes).toEqual(expectedIndexes);
    // The same shape the local runtime creates in DynamoDB Local: key types included.
    const local = createTableInput(props.TableName);
    expect(props.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    expect(props.KeySchema).toEqual(local.KeySchema);
    const byName = (a: { AttributeName?: string }, b: { AttributeName?: string }) => a.AttributeName!.localeCompare(b.AttributeName!);
    expect([...props.AttributeDefinitions].sort(byName)).toEqual([...local.AttributeDefinitions!].sort(byName));
  });

  it("is on-demand, with point-in-time recovery and TTL on expiresAt", () => {
    const { props } = table();
    expect(props.BillingMode).toBe("PAY_PER_REQUEST");
    expect(props.ProvisionedThroughput).toBeUndefined();
    expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(Table.timeToLiveAttribute).toBe("expiresAt");
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: "expiresAt", Enabled: true });
    expect(props.TableName).toBe("test-frontline-table");
  });

  it("has the change stream with the view the core declares, as the local runtime's table has", () => {
    const { props } = table();
    expect(Table.streamViewType).toBe("NEW_AND_OLD_IMAGES");
    expect(props.StreamSpecification).toEqual({ StreamViewType: Table.streamViewType });
    expect(createTableInput(props.TableName).StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: props.StreamSpecification.StreamViewType });
  });

  it("is deleted with a non-prod stage (prod keeps it: see prod.test.ts)", () => {
    const { resource, props } = table();
    expect(resource.DeletionPolicy).toBe("Delete");
    expect(props.DeletionProtectionEnabled).toBeUndefined();
  });
});

describe("api", () => {
  it("routes every /api path, and only those, to the one function, with payload v2", () => {
    const fn = apiFunction();
    const routes = resourcesOf(api, "AWS::ApiGatewayV2::Route").map(([, r]) => r.Properties);
    expect(routes.map((r: Json) => r.RouteKey).sort()).toEqual(["ANY /api", "ANY /api/{proxy+}"]);
    for (const route of routes) {
      const integrationId = route.Target["Fn::Join"][1][1].Ref;
      const integration = api.toJSON().Resources[integrationId].Properties;
      expect(integration).toMatchObject({
        IntegrationType: "AWS_PROXY",
        IntegrationUri: { "Fn::GetAtt": [fn.id, "Arn"] },
        PayloadFormatVersion: "2.0",
      });
    }
    expect(resourcesOf(api, "AWS::Lambda::Permission").filter(([, p]) => p.Properties.FunctionName["Fn::GetAtt"]?.[0] === fn.id)).toHaveLength(2);
    const httpApi = onlyResource(api, "AWS::ApiGatewayV2::Api").props;
    expect(httpApi.ProtocolType).toBe("HTTP");
    expect(httpApi.CorsConfiguration).toBeUndefined();
  });

  it("throttles the API's stage as a whole: the coarse cap above the per-workspace limits", () => {
    const stage = onlyResource(api, "AWS::ApiGatewayV2::Stage").props;
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000 });
  });

  it("runs the Hono app's Lambda adapter on nodejs22.x, arm64, 1024 MB", () => {
    const { props } = apiFunction();
    expect(props).toMatchObject({ Handler: HANDLER, Runtime: "nodejs22.x", Architectures: ["arm64"], MemorySize: 1024, Timeout: 20 });
  });

  it("gives the function the table's name, the inbound domain from the deploy environment, and no SDK warning", () => {
    const vars = apiFunction().props.Environment.Variables;
    expect(vars.TABLE_NAME).toEqual(exportOf(storage, { Ref: table().id }));
    expect(vars.INBOUND_DOMAIN).toBe(INBOUND_DOMAIN);
    expect(vars.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe("true");
  });

  it("lets the function use only the listed DynamoDB actions, on the table and its indexes", () => {
    const fn = apiFunction();
    const roleId = fn.props.Role["Fn::GetAtt"][0];
    const role = api.toJSON().Resources[roleId].Properties;
    expect(role.Policies).toBeUndefined();
    expect(JSON.stringify(role.ManagedPolicyArns)).toBe(
      JSON.stringify([{ "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]] }]),
    );
    const policies = resourcesOf(api, "AWS::IAM::Policy").filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]));
    const statements: Json[] = policies.flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
    const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith("dynamodb:")));
    expect(dynamo).toHaveLength(1);
    const tableArn = exportOf(storage, { "Fn::GetAtt": [table().id, "Arn"] });
    expect(dynamo[0]).toEqual({
      Effect: "Allow",
      Action: TABLE_ACTIONS,
      Resource: [tableArn, { "Fn::Join": ["", [tableArn, "/index/*"]] }],
    });
    // Besides: the search collection (its data access policy narrows it to reading: test/infra/search.test.ts), the
    // mail bucket's objects and X-Ray tracing (SST's default). The API sends no mail and arms no timer (reactions do,
    // in the stream function): no SES, no Scheduler, no passing the Scheduler's role.
    expect(statements.filter((s) => s !== dynamo[0]).flatMap(actionsOf).sort()).toEqual([
      "aoss:APIAccessAll",
      "s3:DeleteObject",
      "s3:GetObject",
      "s3:PutObject",
      "xray:PutTelemetryRecords",
      "xray:PutTraceSegments",
    ]);
  });

  it("gives the function CloudFront's origin secret as a reference to a secret generated at deploy, never its value", () => {
    const secret = onlyResource(api, "AWS::SecretsManager::Secret");
    expect(secret.props.GenerateSecretString).toEqual({ PasswordLength: 64, ExcludePunctuation: true });
    expect(secret.props.SecretString).toBeUndefined();
    expect(apiFunction().props.Environment.Variables.ORIGIN_SECRET).toEqual({
      "Fn::Join": ["", ["{{resolve:secretsmanager:", { Ref: secret.id }, ":SecretString:::}}"]],
    });
  });

  it("keeps the execute-api URL without a custom domain: it is CloudFront's origin, guarded by the origin secret", () => {
    expect(onlyResource(api, "AWS::ApiGatewayV2::Api").props.DisableExecuteApiEndpoint).toBeUndefined();
    api.resourceCountIs("AWS::ApiGatewayV2::DomainName", 0);
    expect(api.toJSON().Outputs.ApiUrl.Value).toEqual(expect.objectContaining({ "Fn::GetAtt": [onlyResource(api, "AWS::ApiGatewayV2::Api").id, "ApiEndpoint"] }));
  });

  it("throttles the stage: a ceiling on what a flood costs, for every client together", () => {
    const stage = onlyResource(api, "AWS::ApiGatewayV2::Stage").props;
    expect(stage.StageName).toBe("$default");
    expect(stage.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: API_THROTTLE.rate, ThrottlingBurstLimit: API_THROTTLE.burst });
    expect(API_THROTTLE.rate).toBeGreaterThan(0);
  });
});

describe("web", () => {
  function distribution(): Json {
    return onlyResource(web, "AWS::CloudFront::Distribution").props.DistributionConfig;
  }

  function spaRewrite() {
    return onlyResource(web, "AWS::CloudFront::Function");
  }

  /** The site's bucket, not the access-log bucket. */
  function siteBucket() {
    return onlyResource(web, "AWS::S3::Bucket", (p) => !isLogBucket(p));
  }

  it("serves the site's bucket by default, as a single-page app, with no distribution-wide error pages", () => {
    const config = distribution();
    const bucket = siteBucket();
    const s3 = config.Origins.find((o: Json) => o.S3OriginConfig);
    expect(s3.DomainName).toEqual({ "Fn::GetAtt": [bucket.id, "RegionalDomainName"] });
    expect(config.DefaultRootObject).toBe("index.html");
    expect(config.DefaultCacheBehavior).toMatchObject({ TargetOriginId: s3.Id, ViewerProtocolPolicy: "redirect-to-https" });
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: "viewer-request", FunctionARN: { "Fn::GetAtt": [spaRewrite().id, "FunctionARN"] } },
    ]);
    // Error responses would apply to /api/* too, turning the API's 403s and 404s into the index page.
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it("rewrites app routes, and only those, to /index.html", () => {
    const { props } = spaRewrite();
    expect(props.FunctionConfig.Runtime).toBe("cloudfront-js-2.0");
    const handler = new Function(`${props.FunctionCode}\nreturn handler;`)() as (e: Json) => { uri: string };
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite("/")).toBe("/index.html");
    expect(rewrite("/tickets")).toBe("/index.html");
    expect(rewrite("/tickets/T-42")).toBe("/index.html");
    expect(rewrite("/workspace/")).toBe("/index.html");
    expect(rewrite("/index.html")).toBe("/index.html");
    expect(rewrite("/assets/index-abc123.js")).toBe("/assets/index-abc123.js");
    expect(rewrite("/favicon.ico")).toBe("/favicon.ico");
    expect(rewrite("/.well-known/security.txt")).toBe("/.well-known/security.txt");
  });

  it("sends /api/* to the HTTP API, uncached, with every method, cookies, query and headers except Host", () => {
    const config = distribution();
    const httpApiId = onlyResource(api, "AWS::ApiGatewayV2::Api").id;
    const apiOrigin = config.Origins.find((o: Json) => o.CustomOriginConfig);
    expect(apiOrigin.DomainName).toEqual({
      "Fn::Join": ["", [exportOf(api, { Ref: httpApiId }), ".execute-api.us-east-1.", { Ref: "AWS::URLSuffix" }]],
    });
    expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe("https-only");
    expect(apiOrigin.OriginPath).toBeUndefined();
    // With the stage's origin secret, which the API demands (functions/src/api/origin.ts): a reference, no value.
    const secretId = onlyResource(api, "AWS::SecretsManager::Secret").id;
    expect(apiOrigin.OriginCustomHeaders).toEqual([
      { HeaderName: ORIGIN_HEADER, HeaderValue: { "Fn::Join": ["", ["{{resolve:secretsmanager:", exportOf(api, { Ref: secretId }), ":SecretString:::}}"]] } },
    ]);
    expect(config.CacheBehaviors).toEqual([
      {
        PathPattern: "/api/*",
        TargetOriginId: apiOrigin.Id,
        AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
        CachePolicyId: CACHING_DISABLED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
        ViewerProtocolPolicy: "redirect-to-https",
        Compress: true,
      },
    ]);
  });

  it("says so when the stage has no custom domain: CloudFront's default certificate, no aliases", () => {
    const config = distribution();
    expect(config.Aliases ?? []).toEqual([]);
    // No certificate of ours: CloudFront's default one, for *.cloudfront.net.
    expect(config.ViewerCertificate).toBeUndefined();
    expect(web.toJSON().Outputs.CustomDomain.Value).toBe(NO_CUSTOM_DOMAIN);
    expect(NO_CUSTOM_DOMAIN).toMatch(/TLSv1 \(TLS 1.0 and 1.1 accepted\)/);
    // The one finding that stays without a domain, explained on the distribution.
    const reasons = onlyResource(web, "AWS::CloudFront::Distribution").resource.Metadata.cdk_nag.rules_to_suppress.map((r: Json) => r.id);
    expect(reasons).toContain("AwsSolutions-CFR4");
  });

  it("uploads the built web app (web/dist) to the site's bucket", () => {
    const bucket = siteBucket();
    const uploader = onlyResource(web, "Custom::S3Uploader").props;
    expect(uploader.destinationBucketName).toEqual({ Ref: bucket.id });
    expect(uploader.sources).toHaveLength(1);
    const site = getStack(Web).node.findAll().find((c): c is StaticSite => c instanceof StaticSite)!;
    const uploaded = readFileSync(join(useProject().paths.artifacts, `StaticSite-Web-${site.node.addr}`, "filenames"), "utf8");
    const dist = join(rootDir, "web", "dist");
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [relative(dist, join(dir, name))]));
    expect(uploaded.split("\n").filter(Boolean).sort()).toEqual(files(dist).sort());
    expect(uploaded.split("\n")).toContain("index.html");
  });
});

describe("the web ACL and the security headers", () => {
  function distribution(): Json {
    return onlyResource(web, "AWS::CloudFront::Distribution").props.DistributionConfig;
  }

  it("puts a CLOUDFRONT web ACL in front of the distribution: per address, tighter on the password routes, then AWS's common rules", () => {
    const acl = onlyResource(web, "AWS::WAFv2::WebACL");
    expect(distribution().WebACLId).toEqual({ "Fn::GetAtt": [acl.id, "Arn"] });
    expect(acl.props).toMatchObject({ Scope: "CLOUDFRONT", DefaultAction: { Allow: {} } });
    const [passwords, perAddress, common] = acl.props.Rules as Json[];
    expect(passwords).toMatchObject({ Priority: 0, Action: { Block: {} } });
    expect(passwords.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: "IP", Limit: WAF_LIMITS.passwordRoutes, EvaluationWindowSec: 300 });
    const paths = passwords.Statement.RateBasedStatement.ScopeDownStatement.OrStatement.Statements.map((s: Json) => s.ByteMatchStatement);
    expect(paths.map((m: Json) => m.SearchString)).toEqual(["/api/signup", "/api/auth/login", "/api/operator/login", "/api/invitations/accept", "/api/password-reset/complete"]);
    for (const match of paths) expect(match).toMatchObject({ FieldToMatch: { UriPath: {} }, PositionalConstraint: "EXACTLY" });
    expect(perAddress).toMatchObject({ Priority: 1, Action: { Block: {} }, Statement: { RateBasedStatement: { AggregateKeyType: "IP", Limit: WAF_LIMITS.perAddress } } });
    expect(perAddress.Statement.RateBasedStatement.ScopeDownStatement).toBeUndefined();
    expect(WAF_LIMITS.passwordRoutes).toBeLessThan(WAF_LIMITS.perAddress / 10);
    expect(common).toMatchObject({ Priority: 2, OverrideAction: { None: {} } });
    expect(common.Statement.ManagedRuleGroupStatement).toMatchObject({ VendorName: "AWS", Name: "AWSManagedRulesCommonRuleSet" });
    expect(common.Statement.ManagedRuleGroupStatement.RuleActionOverrides.map((o: Json) => [o.Name, o.ActionToUse])).toEqual([
      ["SizeRestrictions_BODY", { Count: {} }],
      ["CrossSiteScripting_BODY", { Count: {} }],
    ]);
  });

  it("limits exactly the public routes that take a password (from the API's own OpenAPI document)", () => {
    createApp();
    const document = openApiDocument({ title: "Frontline API", version: "1" }) as Json;
    const takingPasswords = Object.entries(document.paths as Record<string, Json>).flatMap(([path, operations]) =>
      Object.entries(operations as Record<string, Json>)
        .filter(([method, op]) => method === "post" && JSON.stringify(op.security) === "[]" && JSON.stringify(op.requestBody ?? {}).includes('"password"'))
        .map(() => path),
    );
    expect(takingPasswords.sort()).toEqual([...PASSWORD_PATHS].sort());
  });

  it("sends the CSP, no-framing, no-sniffing and referrer headers with the web app's pages, the same as the local server", () => {
    const policy = onlyResource(web, "AWS::CloudFront::ResponseHeadersPolicy");
    expect(distribution().DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policy.id });
    const headers = policy.props.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: SECURITY_HEADERS["content-security-policy"], Override: true });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: SECURITY_HEADERS["x-frame-options"], Override: true });
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: SECURITY_HEADERS["referrer-policy"], Override: true });
    expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 365 * 86400, Override: true });
    const csp = SECURITY_HEADERS["content-security-policy"]!;
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "connect-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe");
    // The API's responses keep their own headers (a mail's HTML carries its own, stricter policy).
    expect(distribution().CacheBehaviors[0].ResponseHeadersPolicyId).toBeUndefined();
  });

  it("logs every CloudFront request to the access-log bucket", () => {
    const logs = onlyResource(web, "AWS::S3::Bucket", isLogBucket);
    expect(distribution().Logging).toEqual({ Bucket: { "Fn::GetAtt": [logs.id, "RegionalDomainName"] }, Prefix: "cloudfront/" });
    expect(logs.props.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ ExpirationInDays: 90, Status: "Enabled" })]);
  });
});

describe("buckets, in every stack", () => {
  it("each refuses plain HTTP", () => {
    const buckets = stacksOf(app).flatMap((stack) => {
      const template = Template.fromStack(stack);
      const policies = resourcesOf(template, "AWS::S3::BucketPolicy").map(([, p]) => p.Properties);
      return resourcesOf(template, "AWS::S3::Bucket").map(([id]) => {
        const policy = policies.find((p: Json) => p.Bucket.Ref === id);
        const denies = (policy?.PolicyDocument.Statement ?? []).filter(
          (s: Json) => s.Effect === "Deny" && s.Condition?.Bool?.["aws:SecureTransport"] === "false" && s.Action === "s3:*",
        );
        return { bucket: `${stack.stackName}/${id}`, refusesPlainHttp: denies.length === 1 };
      });
    });
    expect(buckets.length).toBe(4);
    expect(buckets.filter((b) => !b.refusesPlainHttp)).toEqual([]);
  });

  it("logs access to the mail bucket in the access-log bucket", () => {
    const logs = onlyResource(storage, "AWS::S3::Bucket", isLogBucket);
    const mail = onlyResource(storage, "AWS::S3::Bucket", (p) => !isLogBucket(p));
    expect(mail.props.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: logs.id }, LogFilePrefix: "mail/" });
  });
});

describe("alarms", () => {
  const topicArn = () => exportOf(templateOf(Alerts), { Ref: onlyResource(templateOf(Alerts), "AWS::SNS::Topic").id });

  it("have one ops alerts topic, TLS only", () => {
    const alerts = templateOf(Alerts);
    const topic = onlyResource(alerts, "AWS::SNS::Topic");
    expect(topic.props.DisplayName).toBe("Frontline ops alerts");
    const policy = onlyResource(alerts, "AWS::SNS::TopicPolicy").props.PolicyDocument.Statement;
    expect(policy).toEqual([expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } })]);
  });

  it("tell the topic as soon as a message waits in any dead-letter or failure queue", () => {
    for (const [template, queueId] of [
      [timers, "DeadLetters"],
      [stream, "DeadLetters"],
      [email, "InboundParked"],
    ] as const) {
      const [queue] = resourcesOf(template, "AWS::SQS::Queue").filter(([id]) => id.startsWith(queueId));
      const alarm = onlyResource(template, "AWS::CloudWatch::Alarm", (p) => p.Namespace === "AWS/SQS").props;
      expect(JSON.stringify(alarm.Dimensions)).toContain(queue![0]);
      const queueIdInTemplate = queue![0];
      expect(alarm).toMatchObject({
        Namespace: "AWS/SQS",
        MetricName: "ApproximateNumberOfMessagesVisible",
        Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [queueIdInTemplate, "QueueName"] } }],
        Statistic: "Maximum",
        Threshold: 1,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
        EvaluationPeriods: 1,
        TreatMissingData: "notBreaching",
      });
      expect(alarm.AlarmActions).toEqual([topicArn()]);
    }
  });
});

describe("timers", () => {
  function timerFunction() {
    return onlyResource(timers, "AWS::Lambda::Function", (p) => p.Handler === TIMER_HANDLER);
  }

  it("has the schedule group, an encrypted dead-letter queue, and the one timer function, named in advance", () => {
    expect(onlyResource(timers, "AWS::Scheduler::ScheduleGroup").props.Name).toBe("test-frontline-timers");
    expect(onlyResource(timers, "AWS::SQS::Queue").props).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86400 });
    const fn = timerFunction();
    expect(fn.props.FunctionName).toBe("test-frontline-timer");
    expect(JSON.stringify(fn.props.Environment.Variables.TIMER_FUNCTION_ARN)).toContain(":function:test-frontline-timer");
  });

  it("lets EventBridge Scheduler, of this account only, invoke the timer function and nothing else", () => {
    const role = onlyResource(timers, "AWS::IAM::Role", (p) => JSON.stringify(p.AssumeRolePolicyDocument).includes("scheduler.amazonaws.com"));
    expect(role.props.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: "sts:AssumeRole",
        Effect: "Allow",
        Principal: { Service: "scheduler.amazonaws.com" },
        Condition: { StringEquals: { "aws:SourceAccount": getStack(Timers).account } },
      },
    ]);
    const statements = resourcesOf(timers, "AWS::IAM::Policy")
      .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: role.id }]))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
    expect(statements.flatMap(actionsOf).sort()).toEqual(["lambda:InvokeFunction", "sqs:SendMessage"]);
    const invoke = statements.find((s) => actionsOf(s).includes("lambda:InvokeFunction"))!;
    expect(JSON.stringify(invoke.Resource)).toContain(":function:test-frontline-timer");
    expect(JSON.stringify(invoke.Resource)).not.toContain("*\"");
  });
});

describe("the daily billing run", () => {
  it("is a cron rule at 00:05 UTC invoking the timer function with the billing payload, retried, dead-lettered", () => {
    const rule = onlyResource(timers, "AWS::Events::Rule").props;
    expect(rule.ScheduleExpression).toBe("cron(5 0 * * ? *)");
    const timer = onlyResource(timers, "AWS::Lambda::Function", (p) => p.Handler === TIMER_HANDLER);
    expect(rule.Targets).toEqual([
      expect.objectContaining({
        Arn: { "Fn::GetAtt": [timer.id, "Arn"] },
        Input: JSON.stringify({ kind: "billing.daily", tenantId: "_platform" }),
        RetryPolicy: { MaximumRetryAttempts: 2 },
        DeadLetterConfig: { Arn: { "Fn::GetAtt": [onlyResource(timers, "AWS::SQS::Queue").id, "Arn"] } },
      }),
    ]);
    const permission = onlyResource(timers, "AWS::Lambda::Permission", (p) => p.Principal === "events.amazonaws.com");
    expect(permission.props.FunctionName).toEqual({ "Fn::GetAtt": [timer.id, "Arn"] });
  });
});

describe("email", () => {
  function inboundFunction() {
    return onlyResource(email, "AWS::Lambda::Function", (p) => p.Handler === INBOUND_HANDLER);
  }

  /** The inbound function's on-failure destination: the one queue with a redrive policy. */
  function failuresQueue() {
    return onlyResource(email, "AWS::SQS::Queue", (p) => p.RedrivePolicy !== undefined);
  }

  it("stores each message for the inbound domain in the mail bucket, then hands it to the inbound function", () => {
    const rule = onlyResource(email, "AWS::SES::ReceiptRule").props.Rule;
    expect(rule).toMatchObject({ Enabled: true, Recipients: [INBOUND_DOMAIN], ScanEnabled: true });
    expect(rule.Actions).toHaveLength(2);
    expect(rule.Actions[0].S3Action).toMatchObject({ ObjectKeyPrefix: INBOUND_PREFIX });
    expect(JSON.stringify(rule.Actions[0].S3Action.BucketName)).toContain("Fn::ImportValue");
    expect(rule.Actions[1].LambdaAction).toEqual({ FunctionArn: { "Fn::GetAtt": [inboundFunction().id, "Arn"] }, InvocationType: "Event" });
    const permission = onlyResource(email, "AWS::Lambda::Permission", (p) => p.Principal === "ses.amazonaws.com");
    expect(permission.props).toMatchObject({ Action: "lambda:InvokeFunction", FunctionName: { "Fn::GetAtt": [inboundFunction().id, "Arn"] } });
  });

  it("sends an invocation that failed its two retries to the failures queue, whose URL is an output", () => {
    const fn = inboundFunction();
    const queue = failuresQueue();
    expect(queue.props).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86400 });
    const config = onlyResource(email, "AWS::Lambda::EventInvokeConfig", (p) => JSON.stringify(p.FunctionName) === JSON.stringify({ Ref: fn.id })).props;
    expect(config).toMatchObject({
      FunctionName: { Ref: fn.id },
      Qualifier: "$LATEST",
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 6 * 3600,
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [queue.id, "Arn"] } } },
    });
    expect(email.findOutputs("InboundFailuresQueue")).toEqual({ InboundFailuresQueue: expect.objectContaining({ Value: { Ref: queue.id } }) });
  });

  it("lets the inbound function use the table, the mail bucket's objects and its failures queue: it sends no mail and arms no timer", () => {
    const fn = inboundFunction();
    const roleId = fn.props.Role["Fn::GetAtt"][0];
    const actions = resourcesOf(email, "AWS::IAM::Policy")
      .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[])
      .flatMap(actionsOf);
    expect(actions.filter((a) => !a.startsWith("dynamodb:")).sort()).toEqual([
      "s3:DeleteObject",
      "s3:GetObject",
      "s3:PutObject",
      "sqs:GetQueueAttributes",
      "sqs:GetQueueUrl",
      "sqs:SendMessage",
      "xray:PutTelemetryRecords",
      "xray:PutTraceSegments",
    ]);
  });

  it("makes the inbound domain an SES identity with DKIM, to send the letters from", () => {
    const identity = onlyResource(email, "AWS::SES::EmailIdentity").props;
    expect(identity.EmailIdentity).toBe(INBOUND_DOMAIN);
    expect(identity.DkimAttributes ?? { SigningEnabled: true }).toMatchObject({ SigningEnabled: true });
  });

  it("gives every function the environment of the core's AWS adapters", () => {
    for (const fn of [
      apiFunction(),
      inboundFunction(),
      onlyResource(timers, "AWS::Lambda::Function", (p) => p.Handler === TIMER_HANDLER),
      onlyResource(stream, "AWS::Lambda::Function", (p) => p.Handler === STREAM_HANDLER),
    ]) {
      const vars = fn.props.Environment.Variables;
      for (const name of [...PortEnv, "TABLE_NAME", "INBOUND_DOMAIN"]) expect(vars[name], `${fn.props.Handler} ${name}`).toBeDefined();
    }
  });
});

describe("recovering received mail that was not taken in", () => {
  const fn = (handler: string) => onlyResource(email, "AWS::Lambda::Function", (p) => p.Handler === handler);
  const queue = (prefix: string) => {
    const found = resourcesOf(email, "AWS::SQS::Queue").filter(([id]) => id.startsWith(prefix));
    expect(found).toHaveLength(1);
    return { id: found[0]![0], props: found[0]![1].Properties as Json };
  };
  /** Every action a function's role may take, with the resource and condition, from every policy attached to it. */
  function grants(handler: string): Json[] {
    const roleId = fn(handler).props.Role["Fn::GetAtt"][0];
    return resourcesOf(email, "AWS::IAM::Policy")
      .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
  }
  const bucketArn = () => exportOf(storage, { "Fn::GetAtt": [onlyResource(storage, "AWS::S3::Bucket", (p) => !isLogBucket(p)).id, "Arn"] });

  it("redrives the failures queue to InboundParked after 3 more attempts; the parked queue is the alarmed one", () => {
    const failures = queue("InboundFailures");
    const parked = queue("InboundParked");
    expect(failures.props).toMatchObject({
      RedrivePolicy: { deadLetterTargetArn: { "Fn::GetAtt": [parked.id, "Arn"] }, maxReceiveCount: 3 },
      VisibilityTimeout: 360,
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 86400,
    });
    expect(parked.props).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86400 });
    expect(email.toJSON().Outputs.InboundParkedQueue.Value).toEqual({ Ref: parked.id });
  });

  it("consumes the failures queue with the retry function, one record at a time, reporting the ones that failed again", () => {
    const retry = fn(INBOUND_FAILURES_HANDLER);
    expect(retry.props).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], MemorySize: 1024, Timeout: 60 });
    const mapping = onlyResource(email, "AWS::Lambda::EventSourceMapping").props;
    expect(mapping).toEqual({
      EventSourceArn: { "Fn::GetAtt": [queue("InboundFailures").id, "Arn"] },
      FunctionName: { Ref: retry.id },
      BatchSize: 1,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      Tags: expect.anything(),
    });
  });

  it("lets the retry function use the table, the bucket's objects and the failures queue (to consume it): no mail, no timers, no listing", () => {
    const statements = grants(INBOUND_FAILURES_HANDLER);
    const sqs = statements.filter((s) => actionsOf(s).some((a) => a.startsWith("sqs:")));
    expect(sqs).toEqual([
      {
        Effect: "Allow",
        Action: ["sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
        Resource: { "Fn::GetAtt": [queue("InboundFailures").id, "Arn"] },
      },
    ]);
    expect(statements.flatMap(actionsOf).filter((a) => !a.startsWith("dynamodb:") && !a.startsWith("sqs:")).sort()).toEqual([
      "s3:DeleteObject",
      "s3:GetObject",
      "s3:PutObject",
      "xray:PutTelemetryRecords",
      "xray:PutTraceSegments",
    ]);
  });

  it("runs the sweep every 15 minutes for mail left 15 minutes and more, not retried (the next run is), its errors alarmed", () => {
    const sweep = fn(INBOUND_SWEEP_HANDLER);
    expect(sweep.props).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], MemorySize: 1024, Timeout: 300 });
    const rule = onlyResource(email, "AWS::Events::Rule").props;
    expect(rule.ScheduleExpression).toBe("rate(15 minutes)");
    expect(rule.Targets).toEqual([expect.objectContaining({ Arn: { "Fn::GetAtt": [sweep.id, "Arn"] }, Input: JSON.stringify({ olderThanMinutes: SWEEP.olderThanMinutes }) })]);
    expect(SWEEP.olderThanMinutes).toBe(15);
    expect(onlyResource(email, "AWS::Lambda::Permission", (p) => p.Principal === "events.amazonaws.com").props.FunctionName).toEqual({ "Fn::GetAtt": [sweep.id, "Arn"] });
    expect(onlyResource(email, "AWS::Lambda::EventInvokeConfig", (p) => JSON.stringify(p.FunctionName) === JSON.stringify({ Ref: sweep.id })).props).toMatchObject({
      MaximumRetryAttempts: 0,
    });
    const alarm = onlyResource(email, "AWS::CloudWatch::Alarm", (p) => p.Namespace === "AWS/Lambda").props;
    expect(alarm).toMatchObject({
      MetricName: "Errors",
      Dimensions: [{ Name: "FunctionName", Value: { Ref: sweep.id } }],
      Statistic: "Sum",
      Period: 900,
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      EvaluationPeriods: 1,
      TreatMissingData: "notBreaching",
    });
    expect(alarm.AlarmActions).toEqual([exportOf(templateOf(Alerts), { Ref: onlyResource(templateOf(Alerts), "AWS::SNS::Topic").id })]);
  });

  it("lets the sweep list the bucket under incoming/ only, besides what the inbound function may do: no queue, no mail, no timers", () => {
    const statements = grants(INBOUND_SWEEP_HANDLER);
    expect(statements.filter((s) => actionsOf(s).includes("s3:ListBucket"))).toEqual([
      { Effect: "Allow", Action: "s3:ListBucket", Resource: bucketArn(), Condition: { StringLike: { "s3:prefix": [`${INBOUND_PREFIX}*`] } } },
    ]);
    expect(statements.flatMap(actionsOf).filter((a) => !a.startsWith("dynamodb:")).sort()).toEqual([
      "s3:DeleteObject",
      "s3:GetObject",
      "s3:ListBucket",
      "s3:PutObject",
      "xray:PutTelemetryRecords",
      "xray:PutTraceSegments",
    ]);
  });
});

describe("stream", () => {
  function streamFunction() {
    return onlyResource(stream, "AWS::Lambda::Function", (p) => p.Handler === STREAM_HANDLER);
  }

  function deadLetterQueue() {
    return onlyResource(stream, "AWS::SQS::Queue");
  }

  /** The IAM statements of a function's role, from every policy attached to it in its stack. */
  function roleStatements(template: Template, fn: { props: Json }): Json[] {
    const roleId = fn.props.Role["Fn::GetAtt"][0];
    return resourcesOf(template, "AWS::IAM::Policy")
      .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
  }

  it("maps the table's stream to the stream function: from the oldest change, in batches of 200, bisected, bounded, partial failures", () => {
    const fn = streamFunction();
    const streamArn = exportOf(storage, { "Fn::GetAtt": [table().id, "StreamArn"] });
    stream.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
    stream.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      EventSourceArn: streamArn,
      FunctionName: { Ref: fn.id },
      StartingPosition: "TRIM_HORIZON",
      BatchSize: 200,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 21600,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [deadLetterQueue().id, "Arn"] } } },
    });
    // One batch at a time per shard (no parallelization factor), so a partition's changes arrive in order.
    expect(onlyResource(stream, "AWS::Lambda::EventSourceMapping").props.ParallelizationFactor).toBeUndefined();
  });

  it("dead-letters to an encrypted, TLS-only queue kept 14 days, whose URL is an output", () => {
    const queue = deadLetterQueue();
    expect(queue.props).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86400 });
    stream.hasResourceProperties("AWS::SQS::QueuePolicy", {
      Queues: [{ Ref: queue.id }],
      PolicyDocument: {
        Statement: [
          {
            Effect: "Deny",
            Action: "sqs:*",
            Principal: { AWS: "*" },
            Condition: { Bool: { "aws:SecureTransport": "false" } },
            Resource: { "Fn::GetAtt": [queue.id, "Arn"] },
          },
        ],
      },
    });
    expect(stream.findOutputs("StreamDeadLetterQueue")).toEqual({ StreamDeadLetterQueue: expect.objectContaining({ Value: { Ref: queue.id } }) });
  });

  it("runs the stream handler with the others' environment, on nodejs22.x, arm64", () => {
    const { props } = streamFunction();
    expect(props).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], MemorySize: 1024, Timeout: 300 });
    expect(props.Environment.Variables.TABLE_NAME).toEqual(exportOf(storage, { Ref: table().id }));
    // All but the origin secret, which the API alone checks.
    const shared = Object.keys(apiFunction().props.Environment.Variables).filter((name) => name !== "ORIGIN_SECRET");
    expect(props.Environment.Variables).toEqual(expect.objectContaining(Object.fromEntries(shared.map((name) => [name, expect.anything()]))));
    expect(props.Environment.Variables.ORIGIN_SECRET).toBeUndefined();
  });

  it("lets the function do what the others do, read the stream and send to its dead-letter queue; nothing more", () => {
    const statements = roleStatements(stream, streamFunction());
    // The timer function has the same reach (it sends letters' retries and re-arms timers).
    const timerStatements = roleStatements(timers, onlyResource(timers, "AWS::Lambda::Function", (p) => p.Handler === TIMER_HANDLER));
    const streamArn = exportOf(storage, { "Fn::GetAtt": [table().id, "StreamArn"] });
    const queueArn = { "Fn::GetAtt": [deadLetterQueue().id, "Arn"] };
    // Granted by the event source mapping (the CDK's grantStreamRead; ListStreams takes no resource) and by the on-failure
    // destination (grantSendMessages).
    expect(statements).toContainEqual({ Effect: "Allow", Action: "dynamodb:ListStreams", Resource: "*" });
    expect(statements).toContainEqual({
      Effect: "Allow",
      Action: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
      Resource: streamArn,
    });
    expect(statements).toContainEqual({ Effect: "Allow", Action: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], Resource: queueArn });
    const shared = statements.filter((s) => !actionsOf(s).some((a) => a.startsWith("sqs:") || a.startsWith("aoss:") || ["dynamodb:ListStreams", "dynamodb:DescribeStream"].includes(a)));
    expect(shared.flatMap(actionsOf).sort()).toEqual(timerStatements.flatMap(actionsOf).sort());
    expect(statements.flatMap(actionsOf)).toHaveLength(timerStatements.flatMap(actionsOf).length + 8);
    expect(statements.flatMap(actionsOf)).toEqual(expect.arrayContaining(["ses:SendRawEmail", "scheduler:CreateSchedule", "iam:PassRole"]));
  });
});

describe("Lambda functions, in every stack", () => {
  function allFunctions() {
    return stacksOf(app).flatMap((stack) =>
      resourcesOf(Template.fromStack(stack), "AWS::Lambda::Function").map(([id, resource]) => ({ stack: stack.stackName, id, props: resource.Properties as Json })),
    );
  }

  it("runs every one on nodejs22.x, a runtime Lambda supports (nodejs20.x is deprecated)", () => {
    const functions = allFunctions();
    expect(functions.length).toBeGreaterThanOrEqual(4);
    expect(functions.filter((f) => f.props.Runtime !== "nodejs22.x").map((f) => `${f.stack}/${f.id}: ${f.props.Runtime}`)).toEqual([]);
  });

  it("runs each of the app's own functions on arm64; the rest are SST's and the CDK's deploy-time helpers", () => {
    const functions = allFunctions();
    const own = functions.filter((f) => String(f.props.Handler).startsWith("functions/src/"));
    expect(own.map((f) => f.props.Handler).sort()).toEqual([HANDLER, INBOUND_HANDLER, INBOUND_FAILURES_HANDLER, INBOUND_SWEEP_HANDLER, TIMER_HANDLER, STREAM_HANDLER].sort());
    for (const f of own) expect(f.props.Architectures, f.props.Handler).toEqual(["arm64"]);
    // Custom resources (SST's stack metadata, log retention, emptying buckets on removal), run during deploys only:
    // SST and the CDK choose their architecture.
    const helpers = functions.filter((f) => !own.includes(f));
    expect(new Set(helpers.map((f) => f.props.Handler))).toEqual(new Set(["index.handler"]));
    expect(new Set(helpers.map((f) => f.id.replace(/[0-9A-F]{8}$/, "").replace(/^LogRetention[0-9a-f]+$/, "LogRetention")))).toEqual(
      new Set(["CustomResourceHandler", "LogRetention", "CustomS3AutoDeleteObjectsCustomResourceProviderHandler"]),
    );
  });
});

describe("IAM, in every stack", () => {
  it("allows no action as '*' or 'service:*' (denying everything over plain HTTP is fine)", () => {
    const statements = stacksOf(app).flatMap((stack) => policyStatements(stack.stackName, Template.fromStack(stack)));
    expect(statements.length).toBeGreaterThan(10);
    const wildcards = statements.filter(
      ({ statement }) => statement.Effect !== "Deny" && actionsOf(statement).some((a) => a === "*" || /^[^:]+:\*$/.test(a)),
    );
    expect(wildcards).toEqual([]);
    const denies = statements.filter(({ statement }) => statement.Effect === "Deny");
    expect(denies.every(({ statement }) => statement.Condition?.Bool?.["aws:SecureTransport"] === "false")).toBe(true);
    expect(statements.filter(({ statement }) => statement.NotAction)).toEqual([]);
  });
});

describe("cdk-nag's AwsSolutions checks, on every stack", () => {
  it("find nothing that is not explained next to the resource it concerns", () => {
    const { errors, warnings } = nagFindings(app);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe("the API function's bundle", () => {
  const execFileAsync = promisify(execFile);
  let copy: string | undefined;

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it("is the bundled handler alone, with no native file, and signs up from a copy outside the repository", async () => {
    const fn = getStack(Api).node.findAll().find((c): c is SstFunction => c instanceof SstFunction)!;
    const artifact = join(useProject().paths.artifacts, fn.node.addr);
    // One JavaScript file and SST's empty install manifest: no copied binary, no node_modules. Password hashing is
    // WebAssembly inside the bundle (core/auth/password.ts), so the same zip runs on any architecture.
    const files = readdirSync(artifact, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(artifact, join(entry.parentPath, entry.name)))
      .sort();
    expect(files).toEqual(["functions/src/api/lambda.mjs", "package-lock.json", "package.json"]);
    expect(JSON.parse(readFileSync(join(artifact, "package.json"), "utf8"))).toEqual({ dependencies: {} });
    const code = readFileSync(join(artifact, "functions/src/api/lambda.mjs"), "utf8");
    expect(code).not.toMatch(/\.node["']/);
    expect(code).not.toContain("@node-rs/");

    // Outside the repository nothing can fall back to the checkout's node_modules: the bundle must stand alone.
    copy = mkdtempSync(join(tmpdir(), "frontline-lambda-"));
    cpSync(artifact, copy, { recursive: true });
    const tableName = await useTestTable();
    const input = makeSignup();
    writeFileSync(
      join(copy, "invoke.mjs"),
      `const bundle = new URL("./functions/src/api/lambda.mjs", import.meta.url);
const { handler } = await import(bundle);
const body = ${JSON.stringify(JSON.stringify(input))};
const http = { method: "POST", path: "/api/signup", protocol: "HTTP/1.1", sourceIp: "203.0.113.9", userAgent: "infra-test" };
const signup = (origin) => handler({
  version: "2.0", routeKey: "ANY /api/{proxy+}", rawPath: "/api/signup", rawQueryString: "",
  headers: { host: "abc123.execute-api.us-east-1.amazonaws.com", "content-type": "application/json", "x-forwarded-proto": "https", ...origin },
  requestContext: { accountId: "123456789012", apiId: "abc123", domainName: "abc123.execute-api.us-east-1.amazonaws.com",
    domainPrefix: "abc123", http, requestId: "r1", routeKey: "ANY /api/{proxy+}", stage: "$default", time: "", timeEpoch: Date.now() },
  body, isBase64Encoded: false,
}, { awsRequestId: "r1", functionName: "api" });
// Straight to the API's own URL, then through CloudFront (which adds the origin secret).
const direct = await signup({});
const result = await signup({ ${JSON.stringify(ORIGIN_HEADER)}: process.env.ORIGIN_SECRET });
console.log(JSON.stringify({ direct: direct.statusCode, statusCode: result.statusCode, body: JSON.parse(result.body) }));
`,
    );
    // The function's environment as synthesised, with the test table in place of the deployed one.
    const vars = apiFunction().props.Environment.Variables as Record<string, unknown>;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      ...Object.fromEntries(Object.entries(vars).filter((entry): entry is [string, string] => typeof entry[1] === "string")),
      // References to resources that exist only once deployed: stand-ins (a sign-up sends no mail and arms no timer).
      MAIL_BUCKET: "mail-bucket",
      SCHEDULER_ROLE_ARN: "arn:aws:iam::123456789012:role/scheduler",
      TIMER_DLQ_ARN: "arn:aws:sqs:us-east-1:123456789012:dlq",
      TIMER_FUNCTION_ARN: "arn:aws:lambda:us-east-1:123456789012:function:timer",
      ORIGIN_SECRET: "stand-in-for-the-stage-origin-secret",
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
      // This test file's own database in DynamoDB Local (test/support/local-key.ts).
      DYNAMODB_LOCAL_KEY: process.env.DYNAMODB_LOCAL_KEY ?? "",
      AWS_REGION: "us-east-1",
    };
    const { stdout } = await execFileAsync(process.execPath, [join(copy, "invoke.mjs")], { cwd: copy, env, timeout: 60_000 });
    const result = JSON.parse(stdout.trim().split("\n").pop()!);
    expect(result.direct).toBe(403);
    expect(result.statusCode).toBe(201);
    expect(result.body.tenant.inboundAddress).toBe(`${input.slug}@${INBOUND_DOMAIN}`);
  });
});

describe("the mail, timer and stream functions' bundles", () => {
  const execFileAsync = promisify(execFile);
  const copies: string[] = [];
  afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("load from a copy outside the repository, with no node_modules and no native file", async () => {
    const functions = [Email, Timers, Stream].flatMap((stack) => getStack(stack).node.findAll().filter((c): c is SstFunction => c instanceof SstFunction));
    // The inbound function, its failures queue's consumer and the sweep; the timer and stream functions.
    expect(functions).toHaveLength(5);
    for (const fn of functions) {
      const artifact = join(useProject().paths.artifacts, fn.node.addr);
      expect(existsSync(join(artifact, "node_modules"))).toBe(false);
      expect(readdirSync(artifact, { recursive: true }).filter((file) => String(file).endsWith(".node"))).toEqual([]);
      const copy = mkdtempSync(join(tmpdir(), "frontline-fn-"));
      copies.push(copy);
      cpSync(artifact, copy, { recursive: true });
      const bundle = readdirSync(join(copy, "functions/src"), { recursive: true }).find((f) => String(f).endsWith(".mjs"))!;
      const { stdout } = await execFileAsync(process.execPath, ["-e", `import(${JSON.stringify(join(copy, "functions/src", String(bundle)))}).then((m) => console.log(typeof m.handler))`], {
        cwd: copy,
        env: { PATH: process.env.PATH ?? "" },
        timeout: 60_000,
      });
      expect(stdout.trim()).toBe("function");
    }
  });
});

describe("the bundle benchmark (packages/local/bench/bundles.ts)", () => {
  const outDir = mkdtempSync(join(tmpdir(), "frontline-bench-"));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  function appFunctions(): Json[] {
    return stacksOf(app)
      .flatMap((stack) => resourcesOf(Template.fromStack(stack), "AWS::Lambda::Function").map(([, r]) => r.Properties as Json))
      .filter((p) => String(p.Handler).startsWith("functions/src/"));
  }

  it("knows every function of the app, its memory, and the environment infra gives it", () => {
    const functions = appFunctions();
    expect(functions.map((p) => p.Handler).sort()).toEqual(FUNCTIONS.map((fn) => fn.handler).sort());
    for (const props of functions) {
      const fn = FUNCTIONS.find((f) => f.handler === props.Handler)!;
      expect(fn.memoryMb, fn.name).toBe(props.MemorySize);
      const env = lambdaEnvironment(fn, "/var/task");
      expect(Object.keys(props.Environment.Variables).filter((name) => !(name in env)), fn.name).toEqual([]);
    }
  });

  it("builds each function's bundle byte for byte as SST built it for the app", async () => {
    const built = stacksOf(app).flatMap((stack) => stack.node.findAll().filter((c): c is SstFunction => c instanceof SstFunction));
    expect(built).toHaveLength(FUNCTIONS.length);
    for (const fn of built) {
      const artifact = join(useProject().paths.artifacts, fn.node.addr);
      const [code] = readdirSync(artifact, { recursive: true }).map(String).filter((file) => file.endsWith(".mjs"));
      const mine = FUNCTIONS.find((f) => `${f.handler.replace(/\.[^.]+$/, "")}.mjs` === code);
      expect(mine, code).toBeDefined();
      const ours = await bundle(mine!, join(outDir, mine!.name));
      expect(relative(join(outDir, mine!.name), ours.file)).toBe(code);
      expect(ours.bytes, code).toBe(statSync(join(artifact, code!)).size);
      expect(readFileSync(ours.file).equals(readFileSync(join(artifact, code!))), code).toBe(true);
    }
  });
});
