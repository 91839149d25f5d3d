import { simpleParser } from "mailparser";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Auth } from "@frontline/core/auth";
import { useDb } from "@frontline/core/db";
import { Conflict, Forbidden, Invalid, NotFound, TooManyRequests, Unauthenticated } from "@frontline/core/error";
import { Event } from "@frontline/core/event";
import { configurePorts } from "@frontline/core/port";
import { Session } from "@frontline/core/session";
import { Staff } from "@frontline/core/staff";
import { PasswordReset } from "@frontline/core/staff/password-reset";
import { settle, testPorts, useTestTable } from "../../../test/support/db";
import { makeWorkspace, type TestWorkspace } from "../../../test/support/workspace";

beforeAll(useTestTable);
// Passwords are hashed (argon2id) in most of these tests.
vi.setConfig({ testTimeout: 60_000 });

/** Minutes the test moves the clock forward (a link's expiry reads the Clock port). */
let minutes = 0;
configurePorts({ clock: { now: () => new Date(Date.now() + minutes * 60_000) } });
beforeEach(async () => {
  await settle();
  minutes = 0;
  testPorts.mailer.sent.length = 0;
});

const PASSWORD = "a long enough passphrase";

/** The letters sent to `address` since the test began, parsed. */
async function lettersTo(address: string) {
  const mails = testPorts.mailer.sent.filter((m) => m.recipients.includes(address));
  return Promise.all(mails.map((m) => simpleParser(m.raw)));
}

const tokenOf = (text: string | undefined) => /\/reset-password\/(flr\.[^\s]+)/.exec(text ?? "")?.[1];

async function agentIn(ws: TestWorkspace, locale?: "uk" | "hu") {
  const agent = await ws.staff("agent");
  const info = await ws.as(ws.owner, () => Staff.get(agent.staffId));
  if (locale) await ws.as(agent, () => Staff.update(agent.staffId, { locale }));
  return { agent, email: info.email };
}

describe("asking for a password reset link", () => {
  it("mails the link in the person's language; the link works once, ends the other sessions and signs in", async () => {
    const ws = await makeWorkspace();
    const { agent, email } = await agentIn(ws, "uk");
    const before = await Auth.login({ slug: ws.tenantId, email, password: PASSWORD });

    await PasswordReset.request({ slug: ws.tenantId.toUpperCase(), email: email.toUpperCase() }, { ip: "10.1.0.1" });
    await settle();
    const [letter, ...more] = await lettersTo(email);
    expect(more).toEqual([]);
    expect(letter!.subject).toMatch(/^Новий пароль для /);
    expect(letter!.text).toContain("посилання одноразове");
    expect(letter!.text).toContain(ws.tenantId);
    const token = tokenOf(letter!.text)!;
    expect(token).toBeDefined();

    // Only the token's hash is kept.
    const stored = (await useDb().entities.passwordReset.query.byId({ tenantId: ws.tenantId }).go()).data;
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token.split(".")[3]);

    expect(await PasswordReset.preview(token)).toMatchObject({ email, status: "pending" });
    const done = await PasswordReset.complete({ token, password: "a brand new passphrase" }, { ip: "10.1.0.1" });
    expect(done.staff.staffId).toBe(agent.staffId);
    expect((await Auth.authenticate(done.session.token)).actor.staffId).toBe(agent.staffId);
    await expect(Session.verify(before.session.token)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(Auth.login({ slug: ws.tenantId, email, password: PASSWORD })).rejects.toBeInstanceOf(Unauthenticated);
    expect((await Auth.login({ slug: ws.tenantId, email, password: "a brand new passphrase" })).staff.staffId).toBe(agent.staffId);

    // Once only.
    expect((await PasswordReset.preview(token)).status).toBe("used");
    const again = await PasswordReset.complete({ token, password: "yet another passphrase" }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(Conflict);
    expect((again as Conflict).message).toBe("This link has been used already; ask for a new one");
    expect((again as Conflict).details()).toMatchObject({ current: { status: "used" } });
    const { events } = await ws.as(ws.owner, () => Event.list({}));
    expect(events.filter((e) => e.target.id === agent.staffId).map((e) => e.action)).toEqual(expect.arrayContaining(["staff.password_link", "staff.password_reset"]));
  });

  it("answers the same, and mails nothing, for an unknown workspace, an unknown email or a disabled account", async () => {
    const ws = await makeWorkspace();
    const { agent, email } = await agentIn(ws);
    await ws.as(ws.owner, () => Staff.update(agent.staffId, { status: "disabled" }));
    const answers = await Promise.all([
      PasswordReset.request({ slug: "no-such-workspace", email }),
      PasswordReset.request({ slug: ws.tenantId, email: "stranger@example.com" }),
      PasswordReset.request({ slug: ws.tenantId, email }),
      PasswordReset.request({ slug: "not a slug!", email }),
    ]);
    expect(answers).toEqual([undefined, undefined, undefined, undefined]);
    await settle();
    expect(testPorts.mailer.sent).toEqual([]);
    expect((await useDb().entities.passwordReset.query.byId({ tenantId: ws.tenantId }).go()).data).toEqual([]);
  });

  it("refuses bad input field by field", async () => {
    const missing = await PasswordReset.request({ slug: "", email: "not an address" }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Invalid);
    expect((missing as Invalid).issues.map((i) => i.path).sort()).toEqual(["email", "slug"]);
    const weak = await PasswordReset.complete({ token: "flr.x.y.z", password: "short" }).catch((e: unknown) => e);
    expect(weak).toBeInstanceOf(Invalid);
    expect((weak as Invalid).issues.map((i) => i.path)).toEqual(["password"]);
    await expect(PasswordReset.preview("flr.nope")).rejects.toBeInstanceOf(NotFound);
  });

  it("expires after an hour", async () => {
    const ws = await makeWorkspace();
    const { email } = await agentIn(ws);
    await PasswordReset.request({ slug: ws.tenantId, email });
    await settle();
    const token = tokenOf((await lettersTo(email))[0]?.text)!;
    minutes = 59;
    expect((await PasswordReset.preview(token)).status).toBe("pending");
    minutes = 61;
    expect((await PasswordReset.preview(token)).status).toBe("expired");
    const late = await PasswordReset.complete({ token, password: "a brand new passphrase" }).catch((e: unknown) => e);
    expect((late as Conflict).message).toBe("This link has expired; ask for a new one");
    minutes = 0;
    await expect(Auth.login({ slug: ws.tenantId, email, password: PASSWORD })).resolves.toBeDefined();
  });

  it("spends an older link once a newer one has set the password", async () => {
    const ws = await makeWorkspace();
    const { email } = await agentIn(ws);
    await PasswordReset.request({ slug: ws.tenantId, email });
    await PasswordReset.request({ slug: ws.tenantId, email });
    await settle();
    const [first, second] = (await lettersTo(email)).map((l) => tokenOf(l.text)!);
    expect(first).not.toBe(second);
    await PasswordReset.complete({ token: second!, password: "a brand new passphrase" });
    expect((await PasswordReset.preview(first!)).status).toBe("used");
    await expect(PasswordReset.complete({ token: first!, password: "an attacker's passphrase" })).rejects.toBeInstanceOf(Conflict);
  });

  it("counts requests per account before looking anything up, known or not", async () => {
    const ws = await makeWorkspace();
    const { email } = await agentIn(ws);
    for (let i = 0; i < PasswordReset.Limits.perAccount; i++) await PasswordReset.request({ slug: ws.tenantId, email });
    await expect(PasswordReset.request({ slug: ws.tenantId, email })).rejects.toBeInstanceOf(TooManyRequests);
    for (let i = 0; i < PasswordReset.Limits.perAccount; i++) await PasswordReset.request({ slug: ws.tenantId, email: "ghost@example.com" });
    await expect(PasswordReset.request({ slug: ws.tenantId, email: "ghost@example.com" })).rejects.toBeInstanceOf(TooManyRequests);
    // Another account is not held back by the first one's count.
    await expect(PasswordReset.request({ slug: ws.tenantId, email: "someone-else@example.com" })).resolves.toBeUndefined();
    await settle();
    expect(await lettersTo(email)).toHaveLength(PasswordReset.Limits.perAccount);
  });
});

describe("an admin sending a link", () => {
  it("mails the same letter, naming the admin; agents may not, and only the owner sends one to the owner", async () => {
    const ws = await makeWorkspace();
    const { agent, email } = await agentIn(ws, "hu");
    const admin = await ws.staff("admin");
    const sent = await ws.as(admin, () => PasswordReset.send(agent.staffId));
    expect(sent.email).toBe(email);
    await settle();
    const [letter] = await lettersTo(email);
    expect(letter!.subject).toMatch(/^Új jelszó: /);
    expect(letter!.text).toContain(`${admin.name} linket küldött`);
    expect(tokenOf(letter!.text)).toBeDefined();

    await expect(ws.as(agent, () => PasswordReset.send(admin.staffId))).rejects.toBeInstanceOf(Forbidden);
    await expect(ws.as(admin, () => PasswordReset.send(ws.owner.staffId))).rejects.toBeInstanceOf(Forbidden);
    await expect(ws.as(ws.owner, () => PasswordReset.send(ws.owner.staffId))).resolves.toMatchObject({ validUntil: expect.any(String) });
    await expect(ws.as(admin, () => PasswordReset.send("01ABCDEFGHJKMNPQRSTVWXYZ00"))).rejects.toBeInstanceOf(NotFound);
  });
});
