import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Staff } from "@frontline/core/staff";
import { PasswordReset } from "@frontline/core/staff/password-reset";
import { createApp } from "../src/api/app";
import { settle, testPorts, useTestTable } from "../../test/support/db";
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

async function agent(locale?: "ru" | "kk") {
  const email = `agent-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const info = await withActor({ type: "system", tenantId: ws.slug, reason: "test" }, () =>
    Staff.create({ name: "Aigerim Agent", email, role: "agent", password: "a long enough passphrase", ...(locale ? { locale } : {}) }),
  );
  return { email, staffId: info.staffId };
}

/** The token of the last letter sent to `email`, once the reactions have run. */
async function tokenMailedTo(email: string) {
  await settle();
  const mail = testPorts.mailer.sent.filter((m) => m.recipients.includes(email)).at(-1);
  const letter = mail ? await simpleParser(mail.raw) : undefined;
  return { letter, token: /\/reset-password\/(flr\.\S+)/.exec(letter?.text ?? "")?.[1] };
}

describe("password reset over HTTP", () => {
  it("answers the same for an account, a stranger and an unknown workspace", async () => {
    const { email } = await agent();
    const answers = await Promise.all([
      anonymous.post("/api/password-reset", { slug: ws.slug, email }),
      anonymous.post("/api/password-reset", { slug: ws.slug, email: "stranger@example.com" }),
      anonymous.post("/api/password-reset", { slug: "no-such-workspace-here", email }),
    ]);
    const bodies = await Promise.all(answers.map(async (r) => `${r.status} ${await r.text()}`));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toBe(`202 ${JSON.stringify({ requested: true, validMinutes: 60 })}`);
    expect((await tokenMailedTo(email)).token).toBeDefined();
  });

  it("refuses bad input with field-level messages, in the reader's language, never a 500", async () => {
    const bad = await anonymous.post("/api/password-reset", { slug: "", email: "nope", extra: 1 }, { "accept-language": "uk" });
    expect(bad.status).toBe(400);
    const issues = (await bad.json()).error.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual(["", "email", "slug"]);
    expect(issues.find((i) => i.path === "slug")!.message).toBe("Вкажіть адресу робочого простору");
    expect((await anonymous.post("/api/password-reset", "not json")).status).toBe(400);
    expect((await anonymous.get("/api/password-reset/preview")).status).toBe(400);
    expect((await anonymous.get(`/api/password-reset/preview?token=${"x".repeat(301)}`)).status).toBe(400);
    expect((await anonymous.get("/api/password-reset/preview?token=flr.nope")).status).toBe(404);
    const weak = await anonymous.post("/api/password-reset/complete", { token: "flr.a.b.c", password: "short" });
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.issues.map((i: { path: string }) => i.path)).toEqual(["password"]);
  });

  it("sets the new password with the link once, ends the other sessions and signs in", async () => {
    const { email } = await agent("kk");
    const old = await (await anonymous.post("/api/auth/login", { slug: ws.slug, email, password: "a long enough passphrase" })).json();
    expect((await anonymous.post("/api/password-reset", { slug: ws.slug, email })).status).toBe(202);
    const { letter, token } = await tokenMailedTo(email);
    expect(letter!.subject).toMatch(/жаңа құпиясөз$/);
    const preview = await (await anonymous.get(`/api/password-reset/preview?token=${encodeURIComponent(token!)}`)).json();
    expect(preview.reset).toMatchObject({ email, status: "pending" });

    const done = await anonymous.post("/api/password-reset/complete", { token, password: "my brand new passphrase" });
    expect(done.status).toBe(200);
    expect(done.headers.get("set-cookie")).toMatch(/fl_session=/);
    const { token: session } = await done.json();
    expect((await caller(fetcher, { authorization: `Bearer ${session}` }).get("/api/me")).status).toBe(200);
    expect((await caller(fetcher, { authorization: `Bearer ${old.token}` }).get("/api/me")).status).toBe(401);

    const again = await anonymous.post("/api/password-reset/complete", { token, password: "another passphrase again" });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ message: "This link has been used already; ask for a new one", current: { status: "used" } });
  });

  it("is limited per account: a 429 with Retry-After, the same for an account that does not exist", async () => {
    const { email } = await agent();
    for (const who of [email, "ghost@example.com"]) {
      for (let i = 0; i < PasswordReset.Limits.perAccount; i++) expect((await anonymous.post("/api/password-reset", { slug: ws.slug, email: who })).status).toBe(202);
      const refused = await anonymous.post("/api/password-reset", { slug: ws.slug, email: who });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("lets admins send a link from the staff page, not agents", async () => {
    const { email, staffId } = await agent();
    const sent = await ws.as.post(`/api/staff/${staffId}/password-reset`);
    expect(sent.status).toBe(202);
    expect(await sent.json()).toMatchObject({ email });
    expect((await tokenMailedTo(email)).token).toBeDefined();
    const { token } = await (await anonymous.post("/api/auth/login", { slug: ws.slug, email, password: "a long enough passphrase" })).json();
    expect((await caller(fetcher, { authorization: `Bearer ${token}` }).post(`/api/staff/${ws.staffId}/password-reset`)).status).toBe(403);
    expect((await ws.as.post("/api/staff/01ABCDEFGHJKMNPQRSTVWXYZ00/password-reset")).status).toBe(404);
  });
});
