import { Signup } from "@frontline/core/signup";
import { beforeAll, describe, expect, it } from "vitest";
import { Auth } from "@frontline/core/auth";
import { useDb } from "@frontline/core/db";
import { msg, TooManyRequests, Unauthenticated } from "@frontline/core/error";
import { Session } from "@frontline/core/session";
import { Tenant } from "@frontline/core/tenant";
import { settle, useTestTable } from "../../../test/support/db";
import { makeSignup } from "../../../test/support/factories";

beforeAll(useTestTable);

async function workspace() {
  const input = makeSignup();
  const result = await Signup.signup(input);
  return { input, result };
}

describe("Auth.login", () => {
  it("signs in with workspace, email (any case) and password and records the sign-in", async () => {
    const { input } = await workspace();
    const result = await Auth.login({ slug: input.slug, email: input.email.toUpperCase(), password: input.password }, { ip: "10.0.0.1" });
    expect(result.staff.email).toBe(input.email);
    expect(result.tenant.slug).toBe(input.slug);
    const { actor } = await Auth.authenticate(result.session.token);
    expect(actor).toMatchObject({ type: "staff", tenantId: input.slug, staffId: result.staff.staffId, role: "owner" });
    await settle(); // the staff record follows the session (staff.signed-in)
    const staff = await useDb().entities.staff.get({ tenantId: input.slug, staffId: result.staff.staffId }).go();
    expect(staff.data?.lastLoginAt).toBe(result.session.session.createdAt);
    expect(result.session.session.ip).toBe("10.0.0.1");
  });

  it("answers an unknown workspace, an unknown email and a wrong password the same way", async () => {
    const { input } = await workspace();
    const attempts = [
      { slug: "no-such-workspace", email: input.email, password: input.password },
      { slug: input.slug, email: "stranger@example.com", password: input.password },
      { slug: input.slug, email: input.email, password: "wrong password!" },
    ];
    const messages = [];
    for (const attempt of attempts) {
      const error = await Auth.login(attempt).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Unauthenticated);
      messages.push((error as Error).message);
    }
    expect(new Set(messages).size).toBe(1);
  });

  it("locks an account from one source after 5 failures, even for the right password, and says for how long", async () => {
    const { input } = await workspace();
    for (let i = 0; i < Auth.Throttle.Limits.perAccountAndSource; i++) {
      await expect(Auth.login({ ...input, password: `wrong ${i}` })).rejects.toBeInstanceOf(Unauthenticated);
    }
    const locked = await Auth.login({ slug: input.slug, email: input.email, password: input.password }).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(TooManyRequests);
    expect((locked as TooManyRequests).retryAfterSeconds).toBeGreaterThan(800);
    expect((locked as TooManyRequests).retryAfterSeconds).toBeLessThanOrEqual(900);
  });

  it("locks unknown accounts the same way, so the lock reveals nothing", async () => {
    const slug = makeSignup().slug;
    for (let i = 0; i < Auth.Throttle.Limits.perAccountAndSource; i++) {
      await expect(Auth.login({ slug, email: "ghost@example.com", password: "x" })).rejects.toBeInstanceOf(Unauthenticated);
    }
    await expect(Auth.login({ slug, email: "ghost@example.com", password: "x" })).rejects.toBeInstanceOf(TooManyRequests);
  });

  it("locks a source address that fails across many accounts", { timeout: 30_000 }, async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const { input } = await workspace();
    for (let i = 0; i < Auth.Throttle.Limits.perSource; i++) {
      await Auth.login({ slug: input.slug, email: `probe${i}@example.com`, password: "x" }, { ip }).catch(() => undefined);
    }
    await expect(Auth.login({ ...input }, { ip })).rejects.toBeInstanceOf(TooManyRequests);
    // The same account from another address is still welcome.
    await expect(Auth.login({ ...input }, { ip: "198.51.100.7" })).resolves.toBeTruthy();
  });

  it("checks at most 5 of 40 concurrent wrong passwords from one source", async () => {
    const { input } = await workspace();
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => Auth.login({ ...input, password: `guess ${i}` }, { ip: "203.0.113.9" }).catch((e: unknown) => e)),
    );
    // A 401 is only ever answered after the password was checked; a 429 before.
    const checked = outcomes.filter((o) => o instanceof Unauthenticated).length;
    const refused = outcomes.filter((o) => o instanceof TooManyRequests).length;
    expect(checked).toBe(Auth.Throttle.Limits.perAccountAndSource);
    expect(refused).toBe(40 - checked);
  });

  it("lets the owner in from another address while a guesser at one address has spent its budget", async () => {
    const { input } = await workspace();
    const attacker = "203.0.113.66";
    await Promise.all(Array.from({ length: 40 }, (_, i) => Auth.login({ ...input, password: `guess ${i}` }, { ip: attacker }).catch(() => undefined)));
    await expect(Auth.login({ ...input }, { ip: attacker })).rejects.toBeInstanceOf(TooManyRequests);
    await expect(Auth.login({ ...input }, { ip: "198.51.100.20" })).resolves.toBeTruthy();
  });

  it("bounds a guesser spread over 5 addresses by the account's limit across sources", { timeout: 30_000 }, async () => {
    const { input } = await workspace();
    const sources = Array.from({ length: 5 }, (_, s) => `203.0.113.${100 + s}`);
    const outcomes = await Promise.all(
      sources.flatMap((ip) => Array.from({ length: 20 }, (_, i) => Auth.login({ ...input, password: `guess ${i}` }, { ip }).catch((e: unknown) => e))),
    );
    const checked = outcomes.filter((o) => o instanceof Unauthenticated).length;
    expect(checked).toBeLessThanOrEqual(Auth.Throttle.Limits.perAccount);
    expect(checked).toBeGreaterThan(Auth.Throttle.Limits.perAccountAndSource);
    expect(checked + outcomes.filter((o) => o instanceof TooManyRequests).length).toBe(100);
  });

  it("takes a source's IPv6 /64 as one source", async () => {
    const { input } = await workspace();
    for (let i = 0; i < Auth.Throttle.Limits.perAccountAndSource; i++) {
      await Auth.login({ ...input, password: "wrong" }, { ip: `2001:db8:1:2::${i + 1}` }).catch(() => undefined);
    }
    await expect(Auth.login({ ...input }, { ip: "2001:db8:1:2:ffff::7" })).rejects.toBeInstanceOf(TooManyRequests);
    await expect(Auth.login({ ...input }, { ip: "2001:db8:1:3::1" })).resolves.toBeTruthy();
  });

  it("takes an IPv4-mapped IPv6 address, in any notation, as its IPv4 address", async () => {
    const { input } = await workspace();
    const notations = ["198.51.100.77", "::ffff:198.51.100.77", "::ffff:c633:644d", "0:0:0:0:0:ffff:c633:644d", "::FFFF:198.51.100.77"];
    for (const ip of notations) await Auth.login({ ...input, password: "wrong" }, { ip }).catch(() => undefined);
    await expect(Auth.login({ ...input }, { ip: "::ffff:c633:644d" })).rejects.toBeInstanceOf(TooManyRequests);
    // Another mapped address is another source.
    await expect(Auth.login({ ...input }, { ip: "::ffff:c633:644e" })).resolves.toBeTruthy();
  });

  it("starts a new window once the old one has ended", async () => {
    const subject = { tenantId: makeSignup().slug, key: "account:window@example.com", limit: 2, windowSeconds: 900 };
    const refusal = (minutes: number) => msg("wait {minutes}", { minutes });
    const start = Date.now() - (subject.windowSeconds + 60) * 1000;
    for (let i = 0; i < subject.limit; i++) await Auth.Throttle.take([subject], refusal, start);
    await expect(Auth.Throttle.take([subject], refusal, start)).rejects.toBeInstanceOf(TooManyRequests);
    await Auth.Throttle.take([subject], refusal);
    const stored = await useDb().entities.loginThrottle.get({ tenantId: subject.tenantId, key: subject.key }).go();
    expect(stored.data?.attempts).toBe(1);
  });

  it("gives back what it took when a later subject refuses", async () => {
    const tenantId = makeSignup().slug;
    const open = { tenantId, key: "open", limit: 5, windowSeconds: 900 };
    const full = { tenantId, key: "full", limit: 1, windowSeconds: 900 };
    const refusal = (minutes: number) => msg("wait {minutes}", { minutes });
    await Auth.Throttle.take([full], refusal);
    await expect(Auth.Throttle.take([open, full], refusal)).rejects.toBeInstanceOf(TooManyRequests);
    const stored = await useDb().entities.loginThrottle.get({ tenantId, key: "open" }).go();
    expect(stored.data?.attempts).toBe(0);
  });

  it("forgets earlier failures after a successful sign-in", { timeout: 30_000 }, async () => {
    const { input } = await workspace();
    for (let i = 0; i < Auth.Throttle.Limits.perAccountAndSource - 1; i++) {
      await Auth.login({ ...input, password: "wrong one" }).catch(() => undefined);
    }
    await Auth.login({ ...input });
    for (let i = 0; i < Auth.Throttle.Limits.perAccountAndSource - 1; i++) {
      await Auth.login({ ...input, password: "wrong one" }).catch(() => undefined);
    }
    await expect(Auth.login({ ...input })).resolves.toBeTruthy();
  });

  it("refuses a disabled account", async () => {
    const { input, result } = await workspace();
    await useDb().entities.staff.patch({ tenantId: input.slug, staffId: result.staff.staffId }).set({ status: "disabled" }).go();
    await settle(); // every process learns of the change by the stream: here, the stamp the session is read with
    await expect(Auth.login({ ...input })).rejects.toThrow(/disabled/);
    await expect(Auth.authenticate(result.session.token)).rejects.toBeInstanceOf(Unauthenticated);
  });
});

describe("sessions", () => {
  it("stores only a hash of the token and accepts the token until it is revoked", async () => {
    const { input, result } = await workspace();
    const token = result.session.token;
    const stored = await useDb().entities.session.query.byId({ tenantId: input.slug }).go();
    const serialized = JSON.stringify(stored.data);
    expect(serialized).not.toContain(token.split(".")[2]);

    const { actor } = await Auth.authenticate(token);
    await Auth.logout(actor);
    await expect(Auth.authenticate(token)).rejects.toBeInstanceOf(Unauthenticated);
  });

  it("refuses an expired session even before DynamoDB's TTL deletes it", async () => {
    const { input, result } = await workspace();
    const parsed = Session.parseToken(result.session.token)!;
    await useDb().entities.session.patch({ tenantId: input.slug, sessionId: parsed.sessionId }).set({ expiresAt: Math.floor(Date.now() / 1000) - 1 }).go();
    await expect(Auth.authenticate(result.session.token)).rejects.toBeInstanceOf(Unauthenticated);
  });

  it("refuses a token whose tenant part was swapped for another workspace", async () => {
    const a = await workspace();
    const b = await workspace();
    const secret = a.result.session.token.split(".")[2];
    await expect(Auth.authenticate(`fls.${b.input.slug}.${secret}`)).rejects.toBeInstanceOf(Unauthenticated);
  });

  it("refuses malformed tokens without touching the database", async () => {
    for (const token of ["", "abc", "fls..x", "fls.UPPER.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "fls.a.b.c"]) {
      expect(Session.parseToken(token)).toBeUndefined();
      await expect(Auth.authenticate(token)).rejects.toBeInstanceOf(Unauthenticated);
    }
  });

  it("revokes every session of a staff member at once", async () => {
    const { input, result } = await workspace();
    const second = await Auth.login({ ...input });
    expect(await Session.revokeAllOf(input.slug, result.staff.staffId)).toBe(2);
    await expect(Auth.authenticate(result.session.token)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(Auth.authenticate(second.session.token)).rejects.toBeInstanceOf(Unauthenticated);
  });
});

describe("Auth.Device", () => {
  const day = 86_400_000;
  it("renews an account's token and keeps the newest tokens of other accounts, up to 5 in all", async () => {
    const now = Math.floor(Date.now() / 1000) * 1000; // tokens count whole seconds
    const slug = makeSignup().slug;
    let cookie: string | undefined;
    // Six accounts signed into from one browser, a day apart, the last one twice.
    for (let i = 0; i < 6; i++) cookie = (await Auth.Device.remember(cookie, slug, `person${i}@example.com`, new Date(now - (6 - i) * day))).value;
    const again = await Auth.Device.remember(cookie, slug, "person5@example.com", new Date(now));
    const tokens = again.value.split("~");
    expect(tokens).toHaveLength(Auth.Device.KEPT);
    expect(new Set(tokens).size).toBe(Auth.Device.KEPT);
    expect(Date.parse(again.expiresAt) - now).toBe(Auth.Device.DAYS * day);
    // The renewed account first, then persons 4 to 1, newest first; person 0, the oldest, is gone.
    const holders = await Promise.all(
      tokens.map(async (token) => {
        for (let i = 0; i < 6; i++) if (await Auth.Device.recognise(token, slug, `person${i}@example.com`)) return i;
        return undefined;
      }),
    );
    expect(holders).toEqual([5, 4, 3, 2, 1]);
    // An email is matched as sign-in matches it, in any case; another workspace's same email is another account.
    expect(await Auth.Device.recognise(again.value, slug, "PERSON5@example.com")).toBeTruthy();
    expect(await Auth.Device.recognise(again.value, makeSignup().slug, "person5@example.com")).toBeUndefined();
  });
});
