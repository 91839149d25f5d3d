import { beforeAll, describe, expect, it, vi } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Staff } from "@frontline/core/staff";
import { createApp } from "../src/api/app";
import { useTestTable } from "../../test/support/db";
import { makeSignup } from "../../test/support/factories";
import { caller, signupVia, type Fetch, type Workspace } from "../../test/support/api";

const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);
const anonymous = caller(fetcher);
let ws: Workspace;
vi.setConfig({ testTimeout: 60_000 });

beforeAll(async () => {
  await useTestTable();
  ws = await signupVia(fetcher);
});

describe("the workspace address over HTTP", () => {
  it("refuses a bad address field by field, in the reader's language, never a 500", async () => {
    const short = await ws.as.send("PUT", "/api/settings/address", { slug: "ab" }, { "accept-language": "ru" });
    expect(short.status).toBe(400);
    expect((await short.json()).error.issues).toEqual([expect.objectContaining({ path: "slug", message: "Не короче 3 символов" })]);
    for (const body of [{}, { slug: 42 }, { slug: "fine-address", extra: true }, { slug: "admin" }, { slug: "Bad_Address" }]) {
      const refused = await ws.as.send("PUT", "/api/settings/address", body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect((await refused.json()).error.issues.length).toBeGreaterThan(0);
    }
    expect((await ws.as.send("PUT", "/api/settings/address", "not json")).status).toBe(400);
  });

  it("is the owner's: an admin gets a 403", async () => {
    const email = `admin-${Math.random().toString(36).slice(2, 8)}@example.com`;
    await withActor({ type: "system", tenantId: ws.slug, reason: "test" }, () => Staff.create({ name: "Ada Admin", email, role: "admin", password: "a long enough passphrase" }));
    const { token } = await (await anonymous.post("/api/auth/login", { slug: ws.slug, email, password: "a long enough passphrase" })).json();
    expect((await caller(fetcher, { authorization: `Bearer ${token}` }).send("PUT", "/api/settings/address", { slug: `${ws.slug}-x` })).status).toBe(403);
  });

  it("changes it; the old one still signs in and cannot be signed up for", async () => {
    const next = `${ws.slug}-renamed`;
    const changed = await ws.as.send("PUT", "/api/settings/address", { slug: next });
    expect(changed.status).toBe(200);
    expect((await changed.json()).settings).toMatchObject({ slug: next, aliases: [ws.slug], inboundAddress: `${next}@frontline.localhost` });
    for (const slug of [ws.slug, next]) {
      const login = await anonymous.post("/api/auth/login", { slug, email: ws.email, password: ws.password });
      expect(login.status, slug).toBe(200);
      expect((await login.json()).tenant).toMatchObject({ tenantId: ws.slug, slug: next });
      const signup = await anonymous.post("/api/signup", makeSignup({ slug }));
      expect(signup.status, slug).toBe(409);
      expect((await signup.json()).error.issues).toEqual([expect.objectContaining({ path: "slug", code: "taken" })]);
    }
    expect((await (await ws.as.get("/api/me")).json()).tenant.slug).toBe(next);
  });
});
