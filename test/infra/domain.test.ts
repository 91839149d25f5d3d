import type { App } from "sst/constructs";
import { beforeAll, describe, expect, it } from "vitest";
import { Alerts } from "../../infra/alerts";
import { Api } from "../../infra/api";
import { Storage } from "../../infra/storage";
import { Timers } from "../../infra/timers";
import { Web } from "../../infra/web";
import { ensureWebBuilt } from "../../packages/local/src/web-build";
import { deployEnv, nagFindings, onlyResource, resourcesOf, rootDir, synthesize, templateOf, type Json } from "./support";

/**
 * A stage with a custom domain whose DNS is a Route 53 hosted zone: the stack publishes both names itself (alias
 * records), the API's under a name of its own choosing and its own regional certificate. prod.test.ts has a domain
 * with DNS kept elsewhere, app.test.ts none.
 */

const ENV = {
  WEB_DOMAIN: "help.frontline.example",
  WEB_CERTIFICATE_ARN: "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555",
  API_DOMAIN: "origin.help.frontline.example",
  API_CERTIFICATE_ARN: "arn:aws:acm:us-east-1:123456789012:certificate/66666666-7777-8888-9999-000000000000",
  HOSTED_ZONE_ID: "Z0123456789ABCDEFGHIJ",
  HOSTED_ZONE_NAME: "frontline.example",
};

let app: App;

deployEnv(ENV);
beforeAll(async () => {
  await ensureWebBuilt(rootDir);
  app = await synthesize("staging", (a) => {
    a.stack(Alerts).stack(Storage).stack(Timers).stack(Api).stack(Web);
  });
});

/** The A and AAAA records for `name`, as [type, alias target] pairs. */
function aliases(template: ReturnType<typeof templateOf>, name: string): [string, Json][] {
  return resourcesOf(template, "AWS::Route53::RecordSet")
    .map(([, r]) => r.Properties as Json)
    .filter((p) => p.Name === `${name}.`)
    .map((p) => {
      expect(p.HostedZoneId).toBe(ENV.HOSTED_ZONE_ID);
      return [p.Type, p.AliasTarget];
    });
}

describe("a stage with a custom domain in a Route 53 hosted zone", () => {
  it("publishes the site's name as aliases of the distribution, on TLS 1.2 at least", () => {
    const web = templateOf(Web);
    const distribution = onlyResource(web, "AWS::CloudFront::Distribution");
    expect(distribution.props.DistributionConfig.Aliases).toEqual([ENV.WEB_DOMAIN]);
    expect(distribution.props.DistributionConfig.ViewerCertificate).toMatchObject({ AcmCertificateArn: ENV.WEB_CERTIFICATE_ARN, MinimumProtocolVersion: "TLSv1.2_2021" });
    const target = { DNSName: { "Fn::GetAtt": [distribution.id, "DomainName"] }, HostedZoneId: expect.anything() };
    expect(aliases(web, ENV.WEB_DOMAIN)).toEqual([
      ["A", target],
      ["AAAA", target],
    ]);
    expect(web.toJSON().Outputs.SiteDomainTarget).toBeUndefined();
  });

  it("publishes the API's own name, with its own certificate, as aliases of its regional endpoint, and CloudFront goes there", () => {
    const api = templateOf(Api);
    const domain = onlyResource(api, "AWS::ApiGatewayV2::DomainName");
    expect(domain.props).toMatchObject({
      DomainName: ENV.API_DOMAIN,
      DomainNameConfigurations: [{ CertificateArn: ENV.API_CERTIFICATE_ARN, EndpointType: "REGIONAL", SecurityPolicy: "TLS_1_2" }],
    });
    const target = { DNSName: { "Fn::GetAtt": [domain.id, "RegionalDomainName"] }, HostedZoneId: { "Fn::GetAtt": [domain.id, "RegionalHostedZoneId"] } };
    expect(aliases(api, ENV.API_DOMAIN)).toEqual([
      ["A", target],
      ["AAAA", target],
    ]);
    expect(onlyResource(api, "AWS::ApiGatewayV2::Api").props.DisableExecuteApiEndpoint).toBe(true);
    expect(api.toJSON().Outputs.ApiDomainTarget).toBeUndefined();
    const origin = onlyResource(templateOf(Web), "AWS::CloudFront::Distribution").props.DistributionConfig.Origins.find((o: Json) => o.CustomOriginConfig);
    expect(origin.DomainName).toBe(ENV.API_DOMAIN);
  });

  it("leaves no cdk-nag AwsSolutions finding unexplained", () => {
    expect(nagFindings(app)).toEqual({ errors: [], warnings: [] });
  });
});
