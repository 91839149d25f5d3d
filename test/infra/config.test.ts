import type { App } from "sst/constructs";
import { describe, expect, it } from "vitest";
import { Alerts } from "../../infra/alerts";
import { Api } from "../../infra/api";
import { DEFAULT_INBOUND_DOMAIN, alertEmail, inboundDomain } from "../../infra/config";
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
