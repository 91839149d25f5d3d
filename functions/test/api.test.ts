import { beforeAll, describe, expect, it } from "vitest";
import { Hono } from "hono";
import { createApp } from "../src/api/app";
import { NotImplemented } from "@frontline/core/error";
import { translationOf } from "@frontline/core/locale/errors";
import { errorResponse } from "../src/api/errors";
import { useTestTable } from "../../test/support/db";
import { makeSignup } from "../../test/support/factories";
import { caller, signupVia, type Fetch } from "../../test/support/api";

beforeAll(useTestTable);

const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);
const api = caller(fetcher);

function cookiesOf(response: Response): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, value] = pair!.split("=");
    jar[name!] = value ?? "";
  }
  return jar;
}

describe("POST /api/signup", () => {
  it("returns 201 with the tenant and a session, and sets the session and CSRF cookies", async () => {
    const input = makeSignup();
    const response = await api.post("/api/signup", input);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.tenant).toMatchObject({ slug: input.slug, inboundAddress: `${input.slug}@frontline.localhost`, planStatus: "trial" });
    expect(body.token).toMatch(/^fls\./);
    const setCookie = response.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/fl_session=fls\.[^;]+; Path=\/api; Expires=[^;]+; HttpOnly; SameSite=Lax/);
    expect(setCookie).toMatch(/fl_csrf=[^;]+; Path=\/;/);
    expect(setCookie).not.toMatch(/fl_csrf=[^\n]*HttpOnly/);
  });

  it("gives 409 for a taken slug and 400 with a message per field", async () => {
    const input = makeSignup();
    expect((await api.post("/api/signup", input)).status).toBe(201);
    const taken = await api.post("/api/signup", { ...input, email: "second@example.com" });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.issues).toEqual([expect.objectContaining({ path: "slug", code: "taken" })]);

    const invalid = await api.post("/api/signup", { slug: "x" });
    expect(invalid.status).toBe(400);
    const error = (await invalid.json()).error;
    expect(error.code).toBe("invalid");
    expect(error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["email", "ownerName", "password", "slug", "workspaceName"]);
  });

  it("opens at most 5 workspaces a day from one address (429 with Retry-After), not counting a taken address", async () => {
    const from = (sourceIp: string) => ({ event: { requestContext: { http: { sourceIp } } } });
    const signup = (input: ReturnType<typeof makeSignup>, sourceIp: string) =>
      app.request("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) }, from(sourceIp));
    const first = makeSignup();
    expect((await signup(first, "203.0.113.50")).status).toBe(201);
    expect((await signup({ ...first, email: "again@example.com" }, "203.0.113.50")).status).toBe(409);
    for (let i = 0; i < 4; i++) expect((await signup(makeSignup(), "203.0.113.50")).status).toBe(201);
    const sixth = makeSignup();
    const refused = await signup(sixth, "203.0.113.50");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(23 * 3600);
    expect((await refused.json()).error.code).toBe("too_many_requests");
    // Nothing was opened: the same address is free for a sign-up from elsewhere.
    expect((await signup(sixth, "198.51.100.51")).status).toBe(201);
  });

  it("answers a body that is not JSON with 400, not 500", async () => {
    const response = await fetcher("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/not valid JSON/);
    const text = await fetcher("/api/signup", { method: "POST", body: "slug=x" });
    expect(text.status).toBe(400);
  });

  it("refuses a body over 1 MiB", async () => {
    const response = await api.post("/api/signup", { ...makeSignup(), padding: "x".repeat(1_100_000) });
    expect(response.status).toBe(400);
  });
});

describe("sign-in, session and sign-out", () => {
  it("signs in, reads /api/me with the Bearer token, and signs out", async () => {
    const ws = await signupVia(fetcher, {}, { plan: "standard" });
    const login = await api.post("/api/auth/login", { slug: ws.slug, email: ws.email, password: ws.password });
    expect(login.status).toBe(200);
    const { token, staff } = await login.json();
    expect(staff.email).toBe(ws.email);

    const me = await api.get("/api/me", { authorization: `Bearer ${token}` });
    expect(me.status).toBe(200);
    const body = await me.json();
    expect(body.staff).toMatchObject({ email: ws.email, role: "owner" });
    expect(body.staff).not.toHaveProperty("passwordHash");
    expect(body.tenant.slug).toBe(ws.slug);
    expect(body.plan).toMatchObject({ planId: "standard", name: "Standard", staffLimit: 2, dailyTicketLimit: 10 });
    expect(body.billing).toEqual({ balanceMinor: 3000, currency: "USD", trialCreditMinor: 3000, daysLeft: 30, dailyPriceMinor: 100 });
    expect(body.subscription).toEqual({ addOns: [], features: [], dailyPriceMinor: 100 });
    expect(body.inboundAddress).toBe(`${ws.slug}@frontline.localhost`);

    expect((await api.post("/api/auth/logout", undefined, { authorization: `Bearer ${token}` })).status).toBe(204);
    expect((await api.get("/api/me", { authorization: `Bearer ${token}` })).status).toBe(401);
    // The sign-up session is a different session and still works.
    expect((await ws.as.get("/api/me")).status).toBe(200);
  });

  it("gives the same 401 for a wrong password and an unknown account, and 429 with Retry-After when locked", async () => {
    const ws = await signupVia(fetcher);
    const wrong = await api.post("/api/auth/login", { slug: ws.slug, email: ws.email, password: "not the password" });
    const unknown = await api.post("/api/auth/login", { slug: ws.slug, email: "nobody@example.com", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
    for (let i = 0; i < 4; i++) await api.post("/api/auth/login", { slug: ws.slug, email: ws.email, password: "still wrong" });
    const locked = await api.post("/api/auth/login", { slug: ws.slug, email: ws.email, password: ws.password });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("checks at most 5 of 40 concurrent wrong passwords from one address, and still lets the owner in from another", async () => {
    const ws = await signupVia(fetcher);
    // The address as API Gateway gives it to the Lambda adapter.
    const from = (sourceIp: string) => ({ event: { requestContext: { http: { sourceIp } } } });
    const login = (password: string, sourceIp: string) =>
      app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ slug: ws.slug, email: ws.email, password }) }, from(sourceIp));
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => login(`guess ${i}`, "203.0.113.40")));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    const refused = responses.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(800);
    expect((await refused.json()).error).toMatchObject({ code: "too_many_requests", retryAfterSeconds: expect.any(Number) });
    expect((await login(ws.password, "203.0.113.40")).status).toBe(429);
    expect((await login(ws.password, "198.51.100.41")).status).toBe(200);
  });

  it("accepts the session cookie, and requires the CSRF header for unsafe requests made with it", async () => {
    const input = makeSignup();
    const signup = await api.post("/api/signup", input);
    const jar = cookiesOf(signup);
    const cookie = `fl_session=${jar.fl_session}; fl_csrf=${jar.fl_csrf}`;
    expect((await api.get("/api/me", { cookie })).status).toBe(200);

    const withoutCsrf = await api.post("/api/auth/logout", undefined, { cookie });
    expect(withoutCsrf.status).toBe(403);
    const wrongCsrf = await api.post("/api/auth/logout", undefined, { cookie, "x-csrf-token": "forged" });
    expect(wrongCsrf.status).toBe(403);
    expect((await api.get("/api/me", { cookie })).status).toBe(200);

    const logout = await api.post("/api/auth/logout", undefined, { cookie, "x-csrf-token": jar.fl_csrf! });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().join("\n")).toMatch(/fl_session=;.*Max-Age=0/);
    expect((await api.get("/api/me", { cookie })).status).toBe(401);
  });

  it("rejects a malformed Authorization header and a garbage token with 401", async () => {
    expect((await api.get("/api/me", { authorization: "Basic abc" })).status).toBe(401);
    expect((await api.get("/api/me", { authorization: "Bearer fls.nope.nope" })).status).toBe(401);
    expect((await api.get("/api/me")).status).toBe(401);
  });
});

describe("errors in the reader's language", () => {
  interface Said {
    code: string;
    message: string;
    issues?: { path: string; message: string }[];
  }
  const errorOf = async (response: Response) => ((await response.json()) as { error: Said }).error;

  it("says them in the first language of Accept-Language that the product speaks, codes and paths unchanged", async () => {
    const english = await errorOf(await api.post("/api/signup", { slug: "x" }));
    const response = await api.post("/api/signup", { slug: "x" }, { "accept-language": "de-DE, hu;q=0.8, en;q=0.5" });
    expect(response.headers.get("content-language")).toBe("hu");
    const hungarian = await errorOf(response);
    expect(hungarian.code).toBe(english.code);
    expect(hungarian.issues!.map((i) => i.path)).toEqual(english.issues!.map((i) => i.path));
    const required = english.issues!.find((i) => i.path === "email")!.message;
    expect(hungarian.issues!.find((i) => i.path === "email")!.message).toBe(translationOf("hu", required));
    // A limit is said with its number in the reader's words, not English's.
    const slug = (said: Said) => said.issues!.find((i) => i.path === "slug")!.message;
    expect(slug(hungarian)).not.toBe(slug(english));
    expect(slug(hungarian)).toMatch(/\d/);
  });

  it("say what a workspace address may hold when it has Cyrillic letters: Latin letters, digits and hyphens, in each language", async () => {
    const words = { en: /Latin letters \(a–z\), digits and hyphens/, ru: /латинские буквы \(a–z\), цифры и дефисы/, uk: /латинські літери \(a–z\), цифри й дефіси/, kk: /латын әріптерін \(a–z\), цифрларды және дефисті/, hu: /latin betűk \(a–z\), számjegyek és kötőjelek/ };
    for (const [locale, said] of Object.entries(words)) {
      const response = await api.post("/api/signup", makeSignup({ slug: "підтримка" }), { "accept-language": locale });
      expect(response.status, locale).toBe(400);
      const issue = (await errorOf(response)).issues!.find((i) => i.path === "slug")!;
      expect(issue.message, locale).toMatch(said);
      // Cyrillic letters are lowercase letters too: the message must not send anyone looking for their caps lock.
      expect(issue.message, locale).not.toMatch(/lowercase|строчн|малі|кіші|kisbetű/i);
    }
  });

  it("says them in a signed-in person's own language, whatever the browser asks for", async () => {
    const ws = await signupVia(fetcher, { locale: "uk" });
    const missing = await ws.as.get("/api/tickets/T-none", { "accept-language": "hu" });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-language")).toBe("uk");
    expect((await errorOf(missing)).message).toBe(translationOf("uk", "Ticket not found"));
  });
});

describe("error mapping", () => {
  it("answers unknown routes with a JSON 404 and unfinished features with 501", async () => {
    const ws = await signupVia(fetcher);
    const missing = await ws.as.get("/api/nothing-here");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    const unfinished = new Hono().get("/later", () => {
      throw new NotImplemented("Exports are not available yet");
    });
    unfinished.onError(errorResponse);
    const later = await unfinished.request("/later");
    expect(later.status).toBe(501);
    expect((await later.json()).error).toMatchObject({ code: "not_implemented", message: "Exports are not available yet" });
  });

  it("turns an unexpected error into a bare 500 with a request id and no internals", async () => {
    const broken = new Hono().get("/boom", () => {
      throw new Error("secret internal detail");
    });
    broken.onError(errorResponse);
    const errors: string[] = [];
    const original = console.error;
    console.error = (line: string) => errors.push(line);
    try {
      const response = await broken.request("/boom");
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toContain("secret internal detail");
      expect(JSON.parse(text).error.code).toBe("internal");
      expect(errors.join("\n")).toContain("secret internal detail");
    } finally {
      console.error = original;
    }
  });

  it("answers health checks and tags every response with a request id", async () => {
    const response = await api.get("/api/health");
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe("ok");
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
