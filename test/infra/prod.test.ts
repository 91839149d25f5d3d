import { Template } from "aws-cdk-lib/assertions";
import type { App } from "sst/constructs";
import { beforeAll, describe, expect, it } from "vitest";
import { Alerts } from "../../infra/alerts";
import { Api } from "../../infra/api";
import { Storage } from "../../infra/storage";
import { Stream } from "../../infra/stream";
import { Timers } from "../../infra/timers";
import { VIEWER_TLS, Web } from "../../infra/web";
import { ORIGIN_HEADER } from "../../functions/src/api/origin";
import { ensureWebBuilt } from "../../packages/local/src/web-build";
import { actionsOf, deployEnv, nagFindings, onlyResource, policyStatements, resourcesOf, rootDir, stacksOf, synthesize, templateOf, type Json } from "./support";

/**
 * The prod stage: the table survives `sst remove` and cannot be deleted by accident; with a custom domain whose DNS
 * is kept elsewhere (no hosted zone: domain.test.ts has one), the site and the API are on TLS 1.2 at least and the
 * API's execute-api URL is off. Without the Email stack, which is the same on every stage.
 */

const DOMAIN_ENV = {
  INBOUND_DOMAIN: "inbound.frontline.example",
  WEB_DOMAIN: "help.frontline.example",
  WEB_CERTIFICATE_ARN: "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555",
};

let app: App;

deployEnv(DOMAIN_ENV);
beforeAll(async () => {
  await ensureWebBuilt(rootDir);
  // sst.config.ts sets no default removal policy on prod (config.test.ts): each resource keeps its own.
  app = await synthesize("prod", (a) => {
    a.stack(Alerts).stack(Storage).stack(Timers).stack(Stream).stack(Api).stack(Web);
  });
});

describe("the prod stage", () => {
  it("retains the table and protects it from deletion", () => {
    const { resource, props } = onlyResource(templateOf(Storage), "AWS::DynamoDB::Table");
    expect(resource.DeletionPolicy).toBe("Retain");
    expect(resource.UpdateReplacePolicy).toBe("Retain");
    expect(props.DeletionProtectionEnabled).toBe(true);
    expect(props.TableName).toBe("prod-frontline-table");
    expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(props.StreamSpecification).toEqual({ StreamViewType: "NEW_AND_OLD_IMAGES" });
  });

  it("takes the inbound domain from the deploy environment", () => {
    const fn = onlyResource(templateOf(Api), "AWS::Lambda::Function", (p) => p.Handler === "functions/src/api/lambda.handler");
    expect(fn.props.Environment.Variables.INBOUND_DOMAIN).toBe("inbound.frontline.example");
  });

  it("allows no wildcard action at all, not even a prefix such as s3:Get* (only the plain-HTTP denials use one)", () => {
    // But for the CDK's helper that empties the site's bucket when the stage is removed (the bucket holds only the
    // built app, which every deploy uploads again): its grant on that bucket is the CDK's own, with its prefixes.
    const emptiesSiteBucket = (statement: Json) => JSON.stringify(statement.Principal ?? {}).includes("CustomS3AutoDeleteObjectsCustomResourceProviderRole");
    const statements = stacksOf(app)
      .flatMap((stack) => policyStatements(stack.stackName, Template.fromStack(stack)))
      .filter(({ statement }) => !emptiesSiteBucket(statement));
    expect(statements.length).toBeGreaterThan(3);
    expect(statements.filter(({ statement }) => statement.Effect !== "Deny" && actionsOf(statement).some((a) => a.includes("*")))).toEqual([]);
  });

  it("leaves no cdk-nag AwsSolutions finding unexplained (the prod table and buckets as well)", () => {
    expect(nagFindings(app)).toEqual({ errors: [], warnings: [] });
  });
});

describe("the prod stage with a custom domain (DNS kept elsewhere)", () => {
  const distribution = (): Json => onlyResource(templateOf(Web), "AWS::CloudFront::Distribution").props.DistributionConfig;

  it("serves the site on its own name, TLS 1.2 at least, with the certificate from us-east-1", () => {
    const config = distribution();
    expect(config.Aliases).toEqual(["help.frontline.example"]);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: DOMAIN_ENV.WEB_CERTIFICATE_ARN,
      MinimumProtocolVersion: "TLSv1.2_2021",
      SslSupportMethod: "sni-only",
    });
    expect(VIEWER_TLS).toBe("TLSv1.2_2021");
    const outputs = templateOf(Web).toJSON().Outputs;
    expect(outputs.SiteUrl.Value).toBe("https://help.frontline.example");
    expect(outputs.CustomDomain.Value).toBe("help.frontline.example (TLSv1.2_2021 at least)");
    // No hosted zone: the CNAME to publish by hand.
    expect(outputs.SiteDomainTarget.Value).toEqual({ "Fn::GetAtt": [onlyResource(templateOf(Web), "AWS::CloudFront::Distribution").id, "DomainName"] });
    templateOf(Web).resourceCountIs("AWS::Route53::RecordSet", 0);
  });

  it("gives the API its own name on a TLS 1.2 policy, switches its execute-api URL off, and makes that CloudFront's origin", () => {
    const api = templateOf(Api);
    const domain = onlyResource(api, "AWS::ApiGatewayV2::DomainName");
    expect(domain.props).toMatchObject({
      DomainName: "api.help.frontline.example",
      DomainNameConfigurations: [{ CertificateArn: DOMAIN_ENV.WEB_CERTIFICATE_ARN, EndpointType: "REGIONAL", SecurityPolicy: "TLS_1_2" }],
    });
    const httpApi = onlyResource(api, "AWS::ApiGatewayV2::Api");
    expect(httpApi.props.DisableExecuteApiEndpoint).toBe(true);
    const mapping = onlyResource(api, "AWS::ApiGatewayV2::ApiMapping").props;
    expect(mapping).toMatchObject({ ApiId: { Ref: httpApi.id }, DomainName: { Ref: domain.id } });
    const outputs = api.toJSON().Outputs;
    expect(outputs.ApiUrl.Value).toBe("https://api.help.frontline.example");
    expect(outputs.ApiDomainTarget.Value).toEqual({ "Fn::GetAtt": [domain.id, "RegionalDomainName"] });

    const origin = distribution().Origins.find((o: Json) => o.CustomOriginConfig);
    expect(origin.DomainName).toBe("api.help.frontline.example");
    expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe("https-only");
    expect(origin.OriginCustomHeaders.map((h: Json) => h.HeaderName)).toEqual([ORIGIN_HEADER]);
    expect(JSON.stringify(origin.OriginCustomHeaders[0].HeaderValue)).toContain("{{resolve:secretsmanager:");
  });

  it("explains no TLS finding any more: the distribution carries no CFR4 reason", () => {
    const { resource } = onlyResource(templateOf(Web), "AWS::CloudFront::Distribution");
    const reasons = (resource.Metadata?.cdk_nag?.rules_to_suppress ?? []).map((r: Json) => r.id);
    expect(reasons).not.toContain("AwsSolutions-CFR4");
    expect(reasons.length).toBeGreaterThan(0);
    expect(resourcesOf(templateOf(Api), "AWS::Route53::RecordSet")).toEqual([]);
  });
});
