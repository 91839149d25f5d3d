import type { App } from "sst/constructs";
import { describe, expect, it } from "vitest";
import { Alerts } from "../../infra/alerts";
import { Api } from "../../infra/api";
import { DEFAULT_INBOUND_DOMAIN, alertEmail, customDomain, inboundDomain } from "../../infra/config";
import { Email } from "../../infra/email";
import { Storage } from "../../infra/storage";
import { Stream } from "../../infra/stream";
import { Timers } from "../../infra/timers";
import { Web } from "../../infra/web";
import config from "../../sst.config";

/** sst.config.ts's stage handling and the deploy-time settings, without synthesising. */

function mountOn(stage: string) {
  const calls: { removal: string[]; stacks: unknown[] } = { removal: [], stacks: [] };
  const app = {
    stage,
    setDefaultRemovalPolicy: (policy: string) => calls.removal.push(policy),
    stack(fn: unknown) {
      calls.stacks.push(fn);
      return app;
    },
  };
  void config.stacks(app as unknown as App);
  return calls;
}

describe("sst.config.ts stacks", () => {
  it("mounts alerts, storage, timers, stream, api, email and web in dependency order", () => {
    expect(mountOn("dev").stacks).toEqual([Alerts, Storage, Timers, Stream, Api, Email, Web]);
  });

  it("destroys the resources of throw-away stages on removal, and leaves prod's to their own policies", () => {
    expect(mountOn("dev").removal).toEqual(["destroy"]);
    expect(mountOn("test").removal).toEqual(["destroy"]);
    expect(mountOn("prod").removal).toEqual([]);
  });
});

describe("the inbound domain", () => {
  it("comes from INBOUND_DOMAIN, normalised", () => {
    expect(inboundDomain("prod", { INBOUND_DOMAIN: " Inbound.Example.COM " })).toBe("inbound.example.com");
  });

  it("defaults to the local one on throw-away stages", () => {
    expect(inboundDomain("dev", {})).toBe(DEFAULT_INBOUND_DOMAIN);
    expect(DEFAULT_INBOUND_DOMAIN).toBe("frontline.localhost");
  });

  it("must be set on prod, and be a domain name", () => {
    expect(() => inboundDomain("prod", {})).toThrow(/INBOUND_DOMAIN is not set/);
    expect(() => inboundDomain("dev", { INBOUND_DOMAIN: "https://example.com" })).toThrow(/must be a domain name/);
    expect(() => inboundDomain("dev", { INBOUND_DOMAIN: "example" })).toThrow(/must be a domain name/);
  });
});

describe("the ops alerts address", () => {
  it("comes from ALERT_EMAIL, and may be left out", () => {
    expect(alertEmail({ ALERT_EMAIL: " ops@example.com " })).toBe("ops@example.com");
    expect(alertEmail({})).toBeUndefined();
    expect(() => alertEmail({ ALERT_EMAIL: "ops" })).toThrow(/must be an email address/);
  });
});

describe("the custom domain", () => {
  const cert = (region: string, id = "11111111-2222-3333-4444-555555555555") => `arn:aws:acm:${region}:123456789012:certificate/${id}`;
  const site = { WEB_DOMAIN: " Help.Example.COM ", WEB_CERTIFICATE_ARN: cert("us-east-1") };

  it("is none unless WEB_DOMAIN is set, and the other settings need it", () => {
    expect(customDomain("us-east-1", {})).toBeUndefined();
    expect(() => customDomain("us-east-1", { WEB_CERTIFICATE_ARN: cert("us-east-1"), HOSTED_ZONE_ID: "Z1" })).toThrow(
      /WEB_CERTIFICATE_ARN, HOSTED_ZONE_ID set without WEB_DOMAIN/,
    );
  });

  it("puts the API on api.<site> with the site's certificate when the app is in us-east-1", () => {
    expect(customDomain("us-east-1", site)).toEqual({
      web: { domain: "help.example.com", certificateArn: cert("us-east-1") },
      api: { domain: "api.help.example.com", certificateArn: cert("us-east-1") },
    });
  });

  it("takes the site's certificate from us-east-1 and the API's from the app's region", () => {
    expect(() => customDomain("us-east-1", { ...site, WEB_CERTIFICATE_ARN: cert("eu-west-1") })).toThrow(/WEB_CERTIFICATE_ARN must be a certificate in us-east-1/);
    expect(() => customDomain("eu-west-1", site)).toThrow(/API_CERTIFICATE_ARN is not set: API Gateway takes its certificates from the app's region, eu-west-1/);
    expect(() => customDomain("eu-west-1", { ...site, API_CERTIFICATE_ARN: cert("us-east-1") })).toThrow(/must be a certificate in eu-west-1/);
    expect(customDomain("eu-west-1", { ...site, API_CERTIFICATE_ARN: cert("eu-west-1", "9") })?.api.certificateArn).toBe(cert("eu-west-1", "9"));
    expect(() => customDomain("us-east-1", { ...site, WEB_CERTIFICATE_ARN: "certificate/123" })).toThrow(/must be an ACM certificate ARN/);
    expect(() => customDomain("us-east-1", { WEB_DOMAIN: "help.example.com" })).toThrow(/WEB_CERTIFICATE_ARN is not set/);
  });

  it("checks the names, and keeps the API's apart from the site's", () => {
    expect(() => customDomain("us-east-1", { ...site, WEB_DOMAIN: "https://help.example.com" })).toThrow(/WEB_DOMAIN must be a domain name/);
    expect(() => customDomain("us-east-1", { ...site, API_DOMAIN: "help.example.com" })).toThrow(/API_DOMAIN must differ from WEB_DOMAIN/);
    expect(customDomain("us-east-1", { ...site, API_DOMAIN: "Origin.Example.com" })?.api.domain).toBe("origin.example.com");
  });

  it("takes a hosted zone's id and name together, and both names must be in it", () => {
    const zone = { HOSTED_ZONE_ID: "Z0123456789ABCDEFGHIJ", HOSTED_ZONE_NAME: "example.com." };
    expect(customDomain("us-east-1", { ...site, ...zone })?.zone).toEqual({ id: "Z0123456789ABCDEFGHIJ", name: "example.com" });
    expect(() => customDomain("us-east-1", { ...site, HOSTED_ZONE_ID: zone.HOSTED_ZONE_ID })).toThrow(/go together/);
    expect(() => customDomain("us-east-1", { ...site, ...zone, HOSTED_ZONE_ID: "example.com" })).toThrow(/must be a Route 53 hosted zone id/);
    expect(() => customDomain("us-east-1", { ...site, ...zone, API_DOMAIN: "api.example.org" })).toThrow(/API_DOMAIN api.example.org is not in the hosted zone example.com/);
    expect(() => customDomain("us-east-1", { ...site, ...zone, HOSTED_ZONE_NAME: "ample.com" })).toThrow(/WEB_DOMAIN help.example.com is not in the hosted zone ample.com/);
  });
});
