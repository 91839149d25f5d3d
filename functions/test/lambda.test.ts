import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { configure, useConfig } from "@frontline/core/config";
import { handler } from "../src/api/lambda";
import { ORIGIN_HEADER, originSecretFrom } from "../src/api/origin";
import { useTestTable } from "../../test/support/db";
import { makeSignup } from "../../test/support/factories";

/** What infra gives the API function (ORIGIN_SECRET, infra/api.ts): set before the adapter's module starts. */
const ORIGIN_SECRET = vi.hoisted(() => {
  const secret = "a-stage-origin-secret-0123456789abcdef";
  process.env.ORIGIN_SECRET = secret;
  return secret;
});

beforeAll(useTestTable);
afterAll(() => {
  delete process.env.ORIGIN_SECRET;
});

/** The header CloudFront adds to each request it forwards (infra/web.ts). */
const viaCloudFront = { [ORIGIN_HEADER]: ORIGIN_SECRET };

/** An API Gateway HTTP API (payload format 2.0) event, as the Lambda receives it. */
function event(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; cookies?: string[] } = {}): APIGatewayProxyEventV2 {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return {
    version: "2.0",
    routeKey: "ANY /api/{proxy+}",
    rawPath: path,
    rawQueryString: "",
    cookies: options.cookies,
    headers: {
      host: "abc123.execute-api.us-east-1.amazonaws.com",
      "x-forwarded-proto": "https",
      ...(body ? { "content-type": "application/json" } : {}),
      ...(options.headers ?? viaCloudFront),
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.us-east-1.amazonaws.com",
      domainPrefix: "abc123",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "203.0.113.9", userAgent: "vitest" },
      requestId: "req-1",
      routeKey: "ANY /api/{proxy+}",
      stage: "$default",
      time: "22/Nov/2026:10:00:00 +0000",
      timeEpoch: Date.now(),
    },
    body,
    isBase64Encoded: false,
  };
}

const context = { awsRequestId: "aws-req-1", functionName: "api" } as Context;

async function invoke(e: APIGatewayProxyEventV2) {
  // aws-lambda's event type (what API Gateway sends) is stricter about `body` than Hono's; the shapes agree otherwise.
  const result = (await handler(e as unknown as Parameters<typeof handler>[0], context)) as Exclude<APIGatewayProxyResultV2, string>;
  return { ...result, json: result.body ? JSON.parse(result.body) : undefined };
}

describe("the Lambda adapter", () => {
  it("signs up, then serves /api/me with the returned token, against DynamoDB Local", async () => {
    const input = makeSignup();
    const signup = await invoke(event("POST", "/api/signup", { body: input }));
    expect(signup.statusCode).toBe(201);
    expect(signup.json.tenant.inboundAddress).toBe(`${input.slug}@frontline.localhost`);
    // Behind API Gateway the request is https, so the cookies are Secure.
    expect(signup.cookies?.join("\n")).toMatch(/fl_session=fls\.[^;]+;.*HttpOnly;.*Secure/);

    const me = await invoke(event("GET", "/api/me", { headers: { ...viaCloudFront, authorization: `Bearer ${signup.json.token}` } }));
    expect(me.statusCode).toBe(200);
    expect(me.json.tenant.slug).toBe(input.slug);
    expect(me.json.billing.balanceMinor).toBe(3000);
  });

  it("reads the session cookie from the v2 cookies array and records the source address from the request context", async () => {
    const input = makeSignup();
    await invoke(event("POST", "/api/signup", { body: input }));
    const login = await invoke(event("POST", "/api/auth/login", { body: { slug: input.slug, email: input.email, password: input.password } }));
    expect(login.statusCode).toBe(200);
    const cookies = (login.cookies ?? []).map((c) => c.split(";")[0]!);
    const me = await invoke(event("GET", "/api/me", { cookies }));
    expect(me.statusCode).toBe(200);
    expect(me.json.staff.email).toBe(input.email);
  });

  it("maps errors to the same JSON bodies as the local server", async () => {
    const bad = await invoke(event("POST", "/api/signup", { body: { slug: "!" } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json.error.code).toBe("invalid");
    const anonymous = await invoke(event("GET", "/api/me"));
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("the Lambda adapter, called past CloudFront", () => {
  it("refuses with a 403 JSON error any request without CloudFront's origin secret, before doing anything", async () => {
    const input = makeSignup();
    const direct = await invoke(event("POST", "/api/signup", { body: input, headers: {} }));
    expect(direct.statusCode).toBe(403);
    expect(direct.headers?.["content-type"]).toMatch(/^application\/json/);
    expect(direct.json.error).toMatchObject({ code: "forbidden", message: "This API answers only through the site's own address" });
    expect(direct.json.error.requestId).toEqual(expect.any(String));
    const guessed = await invoke(event("POST", "/api/signup", { body: input, headers: { [ORIGIN_HEADER]: `${ORIGIN_SECRET.slice(0, -1)}0` } }));
    expect(guessed.statusCode).toBe(403);
    // Unknown routes and reads too: the API's own URL serves nothing.
    expect((await invoke(event("GET", "/api/openapi.json", { headers: {} }))).statusCode).toBe(403);
    expect((await invoke(event("GET", "/api/nothing-here", { headers: {} }))).statusCode).toBe(403);
    // Nothing was signed up: the same sign-up through CloudFront is the first one.
    const through = await invoke(event("POST", "/api/signup", { body: input }));
    expect(through.statusCode).toBe(201);
  });

  it("takes the secret from ORIGIN_SECRET, and will not start without one", () => {
    expect(useConfig().originSecret).toBe(ORIGIN_SECRET);
    expect(originSecretFrom({ ORIGIN_SECRET: "s3cret" })).toBe("s3cret");
    expect(() => originSecretFrom({})).toThrow(/ORIGIN_SECRET is not set/);
    expect(() => originSecretFrom({ ORIGIN_SECRET: "" })).toThrow(/ORIGIN_SECRET is not set/);
  });

  it("checks nothing where the configuration says no CDN is in front (the local runtime)", async () => {
    configure({ originSecret: null });
    try {
      const anonymous = await invoke(event("GET", "/api/me", { headers: {} }));
      expect(anonymous.statusCode).toBe(401);
    } finally {
      configure({ originSecret: ORIGIN_SECRET });
    }
  });
});
