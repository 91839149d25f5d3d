import { App as CdkApp, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { App } from "sst/constructs";
import { beforeAll, describe, expect, it } from "vitest";
import { Alerts } from "../../infra/alerts";
import { Api } from "../../infra/api";
import { Email, INBOUND_FAILURES_HANDLER, INBOUND_HANDLER, INBOUND_SWEEP_HANDLER } from "../../infra/email";
import { SEARCH_INDEX_PREFIX, SEARCH_PERMISSIONS, searchCollection, serverlessName } from "../../infra/search";
import { Storage } from "../../infra/storage";
import { STREAM_HANDLER, Stream } from "../../infra/stream";
import { TIMER_HANDLER, Timers } from "../../infra/timers";
import { DEFAULT_INDEX_PREFIX, SearchEnv } from "../../functions/src/aws/search-port";
import { actionsOf, nagFindings, onlyResource, policyStatements, resourcesOf, stacksOf, synthesize, templateOf, type Json } from "./support";

/**
 * The search collection on AWS (infra/search.ts) as the app's stacks synthesise it offline: the collection and its
 * policies in the Storage stack, and what the stream function and the API may do with it, each in its own stack.
 */

const STAGE = "test";
const API_HANDLER = "functions/src/api/lambda.handler";
const COLLECTION = "test-frontline-search";

let app: App;
let storage: Template;
let stream: Template;
let api: Template;

beforeAll(async () => {
  // Every stack with a function (the Web stack has none, and needs the web app built).
  app = await synthesize(STAGE, (a) => {
    a.stack(Alerts).stack(Storage).stack(Timers).stack(Stream).stack(Api).stack(Email);
  });
  storage = templateOf(Storage);
  stream = templateOf(Stream);
  api = templateOf(Api);
});

/** The name under which `producer` exports `value` (a Ref or GetAtt), as a consumer's Fn::ImportValue names it. */
function exportOf(producer: Template, value: Json): Json {
  const outputs = Object.values(producer.toJSON().Outputs ?? {}) as Json[];
  const output = outputs.find((o) => JSON.stringify(o.Value) === JSON.stringify(value) && o.Export);
  if (!output) throw new Error(`No export of ${JSON.stringify(value)}`);
  return { "Fn::ImportValue": output.Export.Name };
}

/** A policy document as CloudFormation will write it, with each role's ARN as `role:<logical id>`. */
function policyJson(value: Json): Json {
  if (typeof value === "string") return JSON.parse(value);
  const [separator, parts] = value["Fn::Join"] as [string, Json[]];
  const text = parts
    .map((part) => {
      if (typeof part === "string") return part;
      const [id, attribute] = part["Fn::GetAtt"] ?? [];
      if (attribute !== "Arn") throw new Error(`Unexpected token in a policy: ${JSON.stringify(part)}`);
      return `role:${id}`;
    })
    .join(separator);
  return JSON.parse(text);
}

function collection() {
  return onlyResource(storage, "AWS::OpenSearchServerless::Collection");
}

function functionOf(template: Template, handler: string) {
  return onlyResource(template, "AWS::Lambda::Function", (p) => p.Handler === handler);
}

const roleOf = (fn: { props: Json }): string => fn.props.Role["Fn::GetAtt"][0];

/** Every function of the app's own, with its stack's template. */
function appFunctions() {
  return stacksOf(app).flatMap((stack) =>
    resourcesOf(Template.fromStack(stack), "AWS::Lambda::Function")
      .filter(([, r]) => String(r.Properties.Handler).startsWith("functions/src/"))
      .map(([id, r]) => ({ stack: stack.stackName, id, props: r.Properties as Json })),
  );
}

describe("the collection", () => {
  it("is one SEARCH collection named after the stage, in the Storage stack, without standby replicas off prod", () => {
    const { props } = collection();
    expect(props).toMatchObject({ Name: COLLECTION, Type: "SEARCH", StandbyReplicas: "DISABLED" });
    const elsewhere = stacksOf(app)
      .filter((stack) => stack.stackName !== "test-frontline-Storage")
      .flatMap((stack) => resourcesOf(Template.fromStack(stack), "AWS::OpenSearchServerless::Collection"));
    expect(elsewhere).toEqual([]);
    expect(storage.findOutputs("SearchEndpoint")).toEqual({
      SearchEndpoint: expect.objectContaining({ Value: { "Fn::GetAtt": [collection().id, "CollectionEndpoint"] } }),
    });
  });

  it("is encrypted with an AWS-owned key by a policy naming it alone, made before it", () => {
    const policies = resourcesOf(storage, "AWS::OpenSearchServerless::SecurityPolicy").filter(([, r]) => r.Properties.Type === "encryption");
    expect(policies).toHaveLength(1);
    const [id, policy] = policies[0]!;
    expect(policy.Properties.Name).toBe(COLLECTION);
    expect(policyJson(policy.Properties.Policy)).toEqual({ Rules: [{ ResourceType: "collection", Resource: [`collection/${COLLECTION}`] }], AWSOwnedKey: true });
    expect(collection().resource.DependsOn).toContain(id);
  });

  it("is reachable on its OpenSearch endpoint only (no Dashboards), by a network policy naming it alone, made before it", () => {
    const policies = resourcesOf(storage, "AWS::OpenSearchServerless::SecurityPolicy").filter(([, r]) => r.Properties.Type === "network");
    expect(policies).toHaveLength(1);
    const [id, policy] = policies[0]!;
    expect(policy.Properties.Name).toBe(COLLECTION);
    expect(policyJson(policy.Properties.Policy)).toEqual([{ Rules: [{ ResourceType: "collection", Resource: [`collection/${COLLECTION}`] }], AllowFromPublic: true }]);
    expect(collection().resource.DependsOn).toContain(id);
  });

  it("has standby replicas on prod", () => {
    const stack = new Stack(new CdkApp(), "Prod");
    searchCollection(stack, "prod", true);
    const { props } = onlyResource(Template.fromStack(stack), "AWS::OpenSearchServerless::Collection");
    expect(props).toMatchObject({ Name: "prod-frontline-search", Type: "SEARCH", StandbyReplicas: "ENABLED" });
  });
});

describe("the data access policies", () => {
  function accessPolicies() {
    return stacksOf(app).flatMap((stack) =>
      resourcesOf(Template.fromStack(stack), "AWS::OpenSearchServerless::AccessPolicy").map(([id, r]) => ({ stack: stack.stackName, id, props: r.Properties as Json })),
    );
  }

  it("grant the collection to two principals in all, exactly the stream function's role and the API's", () => {
    const policies = accessPolicies();
    expect(policies.map((p) => p.stack).sort()).toEqual(["test-frontline-Api", "test-frontline-Stream"]);
    expect(policies.every((p) => p.props.Type === "data")).toBe(true);
    const principals = policies.flatMap((p) => policyJson(p.props.Policy).flatMap((entry: Json) => entry.Principal));
    expect(principals.sort()).toEqual(
      [`role:${roleOf(functionOf(api, API_HANDLER))}`, `role:${roleOf(functionOf(stream, STREAM_HANDLER))}`].sort(),
    );
  });

  it("let the stream function's role create, describe and update this app's indexes and write and read their documents, nothing else", () => {
    const policy = onlyResource(stream, "AWS::OpenSearchServerless::AccessPolicy");
    expect(policy.props.Name).toBe("test-frontline-search-write");
    expect(policyJson(policy.props.Policy)).toEqual([
      {
        Rules: [
          {
            ResourceType: "index",
            Resource: [`index/${COLLECTION}/${SEARCH_INDEX_PREFIX}-*`],
            Permission: ["aoss:CreateIndex", "aoss:DescribeIndex", "aoss:UpdateIndex", "aoss:WriteDocument", "aoss:ReadDocument"],
          },
        ],
        Principal: [`role:${roleOf(functionOf(stream, STREAM_HANDLER))}`],
      },
    ]);
  });

  it("let the API's role read documents and describe the indexes, nothing else", () => {
    const policy = onlyResource(api, "AWS::OpenSearchServerless::AccessPolicy");
    expect(policy.props.Name).toBe("test-frontline-search-read");
    expect(policyJson(policy.props.Policy)).toEqual([
      {
        Rules: [{ ResourceType: "index", Resource: [`index/${COLLECTION}/${SEARCH_INDEX_PREFIX}-*`], Permission: ["aoss:ReadDocument", "aoss:DescribeIndex"] }],
        Principal: [`role:${roleOf(functionOf(api, API_HANDLER))}`],
      },
    ]);
    expect(SEARCH_PERMISSIONS.read).not.toContain("aoss:WriteDocument");
  });
});

describe("IAM", () => {
  it("lets the stream function's and the API's roles call this collection's data plane, and no other role anything of aoss", () => {
    const collectionArn = exportOf(storage, { "Fn::GetAtt": [collection().id, "Arn"] });
    const found = stacksOf(app).flatMap((stack) => policyStatements(stack.stackName, Template.fromStack(stack)));
    const aoss = found.filter(({ statement }) => actionsOf(statement).some((a) => a.startsWith("aoss:")));
    expect(aoss.map(({ stack, statement }) => ({ stack, statement }))).toEqual([
      { stack: "test-frontline-Stream", statement: { Effect: "Allow", Action: "aoss:APIAccessAll", Resource: collectionArn } },
      { stack: "test-frontline-Api", statement: { Effect: "Allow", Action: "aoss:APIAccessAll", Resource: collectionArn } },
    ]);
    // Each in a policy of that function's own role.
    for (const [template, handler] of [
      [stream, STREAM_HANDLER],
      [api, API_HANDLER],
    ] as const) {
      const roleId = roleOf(functionOf(template, handler));
      const statements = resourcesOf(template, "AWS::IAM::Policy")
        .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
      expect(statements.filter((s) => actionsOf(s).some((a) => a.startsWith("aoss:"))), handler).toEqual([
        { Effect: "Allow", Action: "aoss:APIAccessAll", Resource: collectionArn },
      ]);
    }
    expect(JSON.stringify(aoss)).not.toContain('"*"');
  });
});

describe("the functions' environment", () => {
  it("gives the collection's endpoint and the index prefix to the stream function and the API, the adapter's own default prefix", () => {
    const endpoint = exportOf(storage, { "Fn::GetAtt": [collection().id, "CollectionEndpoint"] });
    for (const fn of [functionOf(stream, STREAM_HANDLER), functionOf(api, API_HANDLER)]) {
      expect(fn.props.Environment.Variables, fn.props.Handler).toMatchObject({ SEARCH_ENDPOINT: endpoint, SEARCH_INDEX_PREFIX: SEARCH_INDEX_PREFIX });
    }
    expect(SEARCH_INDEX_PREFIX).toBe(DEFAULT_INDEX_PREFIX);
  });

  it("gives it to no other function", () => {
    const functions = appFunctions();
    expect(functions.map((f) => f.props.Handler).sort()).toEqual(
      [API_HANDLER, STREAM_HANDLER, TIMER_HANDLER, INBOUND_HANDLER, INBOUND_FAILURES_HANDLER, INBOUND_SWEEP_HANDLER].sort(),
    );
    const withSearch = functions.filter((f) => SearchEnv.some((name) => name in f.props.Environment.Variables)).map((f) => f.props.Handler);
    expect(withSearch.sort()).toEqual([API_HANDLER, STREAM_HANDLER].sort());
  });
});

describe("names", () => {
  it("fit Serverless's rule (3 to 32 of a-z, 0-9 and '-', from a letter) and stay apart for any stage", () => {
    expect(serverlessName("test", "search")).toBe("test-frontline-search");
    const stages = ["test", "prod", "Feature_Branch.42", "a-very-long-stage-name-for-a-feature-branch", "a-very-long-stage-name-for-a-feature-branch-2", "42"];
    const names = stages.flatMap((stage) => ["search", "search-write", "search-read"].map((what) => serverlessName(stage, what)));
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9-]{2,31}$/);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("cdk-nag", () => {
  it("finds nothing unexplained in the stacks that hold the collection and its users", () => {
    const { errors, warnings } = nagFindings(app);
    const mine = (finding: string) => /^\/test-frontline-(Storage|Stream|Api)\//.test(finding);
    expect(errors.filter(mine)).toEqual([]);
    expect(warnings.filter(mine)).toEqual([]);
  });
});
