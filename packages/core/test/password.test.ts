import { describe, expect, it } from "vitest";
import { PasswordHashing, hashPassword, verifyDecoy, verifyPassword } from "../src/auth/password";

/**
 * Hashes written by the previous implementation (@node-rs/argon2 2.2.1, argon2id, m=19456, t=2, p=1), captured from
 * its own `hash()` before it was removed: every existing account's password hash looks like these, and must still
 * sign in.
 */
const NODE_RS_ARGON2 = [
  {
    password: "correct horse battery staple",
    hash: "$argon2id$v=19$m=19456,t=2,p=1$Xo3Nw7q1RiLsJD02Xjscsw$X+SZ+FVigjCzjCAn2Y0E9wXXmAdRWG6XXwJFMctns3g",
  },
  {
    password: "пароль-Jelszó-құпия 🔑",
    hash: "$argon2id$v=19$m=19456,t=2,p=1$bUi0SLPqBAKi2GeGHy1ecA$fR2HSyOpZcaaO0xBhKa4/6LMoDYnWJJfo+Ozinl/MX4",
  },
  {
    password: "frontline-demo",
    hash: "$argon2id$v=19$m=19456,t=2,p=1$krhw/qKYZrHmCe/Vkm9DCg$jx1ogdc//GORgGujgP4IW/wqLHjFKTxrDiRiavOIvxE",
  },
] as const;

describe("password hashing", () => {
  it("verifies the hashes @node-rs/argon2 wrote, and refuses a wrong password against them", async () => {
    for (const { password, hash } of NODE_RS_ARGON2) {
      expect(await verifyPassword(hash, password), password).toBe(true);
      expect(await verifyPassword(hash, `${password} `), password).toBe(false);
      expect(await verifyPassword(hash, password.toUpperCase()), password).toBe(false);
    }
    expect(await verifyPassword(NODE_RS_ARGON2[0].hash, "wrong password")).toBe(false);
  });

  it("hashes as argon2id with the same parameters, a fresh 16-byte salt and a 32-byte hash, in PHC form", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(PasswordHashing).toMatchObject({ memorySize: 19_456, iterations: 2, parallelism: 1 });
    const [, , , , salt, digest] = hash.split("$");
    expect(Buffer.from(salt!, "base64")).toHaveLength(16);
    expect(Buffer.from(digest!, "base64")).toHaveLength(32);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapler")).toBe(false);
    // A new salt every time.
    expect(await hashPassword("correct horse battery staple")).not.toBe(hash);
  });

  it("honours the parameters a stored hash names, so raising them later keeps older hashes valid", async () => {
    const { argon2id } = await import("hash-wasm");
    const older = await argon2id({
      password: "old account",
      salt: Buffer.alloc(16, 7),
      memorySize: 4096,
      iterations: 3,
      parallelism: 2,
      hashLength: 32,
      outputType: "encoded",
    });
    expect(older).toMatch(/^\$argon2id\$v=19\$m=4096,t=3,p=2\$/);
    expect(await verifyPassword(older, "old account")).toBe(true);
    expect(await verifyPassword(older, "old accounts")).toBe(false);
  });

  it("treats a malformed or foreign hash, and an empty password, as a mismatch rather than an error", async () => {
    const good = NODE_RS_ARGON2[0];
    for (const hash of [
      "",
      "not a hash",
      good.hash.replace("argon2id", "argon2i"),
      good.hash.replace("v=19", "v=16"),
      good.hash.replace("m=19456", "m=x"),
      good.hash.slice(0, -10),
      `${good.hash}$`,
      "$2b$10$abcdefghijklmnopqrstuu5Vw3Y1m1yQ2gS0aQ4nU6p2WvZQzQbC", // bcrypt
    ]) {
      expect(await verifyPassword(hash, good.password), hash).toBe(false);
    }
    expect(await verifyPassword(good.hash, "")).toBe(false);
    await expect(hashPassword("")).rejects.toThrow();
  });

  it("spends about as long on an unknown account (the decoy) as on a wrong password, and always refuses", async () => {
    const hash = await hashPassword("the real one");
    expect(await verifyDecoy("frontline-decoy-password")).toBe(false);
    const time = async (fn: () => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        await fn();
        samples.push(performance.now() - started);
      }
      return samples.sort((a, b) => a - b)[3]!;
    };
    const wrong = await time(() => verifyPassword(hash, "a wrong guess"));
    const unknown = await time(() => verifyDecoy("a wrong guess"));
    // The same work (one argon2id with the same parameters): within a factor of two either way, even on a busy machine.
    expect(unknown).toBeGreaterThan(wrong / 2);
    expect(unknown).toBeLessThan(wrong * 2);
  });
});
