import { Template } from "aws-cdk-lib/assertions";
import type { App } from "sst/constructs";
import { beforeAll, describe, expect, it } from "vitest";
import { Alerts } from "../../infra/alerts";
import { Api } from "../../infra/api";
import { Storage } from "../../infra/storage";
import { Stream } from "../../infra/stream";
import { Timers } from "../../infra/timers";
import { actionsOf, nagFindings, onlyResource, policyStatements, stacksOf, synthesize, templateOf } from "./support";

/**
 * The prod stage: the table survives `sst remove` and cannot be deleted by accident. Storage, Timers, Stream and Api
 * only: the Web stack needs web/dist, which app.test.ts builds when stale (one builder at a time; the Web stack is the
 * same on every stage except for the bucket's auto-delete on throw-away stages).
 */

let app: App;

beforeAll(async () => {
  process.env.INBOUND_DOMAIN = "inbound.frontline.example";
  // sst.config.ts sets no default removal policy on prod (config.test.ts): each resource keeps its own.
  app = await synthesize("prod", (a) => {
    a.stack(Alerts).stack(Storage).stack(Timers).stack(Stream).stack(Api);
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
    const statements = stacksOf(app).flatMap((stack) => policyStatements(stack.stackName, Template.fromStack(stack)));
    expect(statements.length).toBeGreaterThan(3);
    expect(statements.filter(({ statement }) => statement.Effect !== "Deny" && actionsOf(statement).some((a) => a.includes("*")))).toEqual([]);
  });

  it("leaves no cdk-nag AwsSolutions finding unexplained (the prod table and buckets as well)", () => {
    expect(nagFindings(app)).toEqual({ errors: [], warnings: [] });
  });
});
