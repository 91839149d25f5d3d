import { randomBytes, timingSafeEqual } from "node:crypto";
import { argon2id } from "hash-wasm";

/**
 * Argon2id with OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane), as PHC strings
 * (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, unpadded base64).
 * The parameters are stored in the PHC string, so raising them later still verifies older hashes.
 *
 * Pure WebAssembly (hash-wasm), so every Lambda architecture runs the same bundle with no native binary. The hashes
 * are the standard encoding: those written by @node-rs/argon2 before (same parameters, 16-byte salt, 32-byte hash)
 * verify unchanged (packages/core/test/password.test.ts). The computation runs on the calling thread: ~90 ms on a
 * 2-core dev machine, most of it first-touch page faults, since hash-wasm gives every call a fresh WebAssembly memory
 * (native code took ~12 ms). A Lambda serves one request at a time, so nothing else waits on it there; the local
 * runtime's event loop does, for that long, per sign-in.
 */
export const PasswordHashing = { memorySize: 19_456, iterations: 2, parallelism: 1, saltLength: 16, hashLength: 32 } as const;

export async function hashPassword(password: string): Promise<string> {
  if (!password) throw new Error("An empty password cannot be hashed");
  const { memorySize, iterations, parallelism, saltLength, hashLength } = PasswordHashing;
  return argon2id({ password, salt: randomBytes(saltLength), memorySize, iterations, parallelism, hashLength, outputType: "encoded" });
}

/** A PHC string of argon2id, version 19 (0x13, the only version in use since 2016). */
const PHC = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,4}),p=(\d{1,3})\$([A-Za-z0-9+/]{11,})\$([A-Za-z0-9+/]{6,})$/;

/**
 * Checks a password against a stored PHC string with the parameters it names, comparing in constant time.
 * A malformed hash, or an empty password, is a mismatch rather than an error.
 */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const match = PHC.exec(hash);
  if (!match || !password) return false;
  const [, m, t, p, salt, expected] = match as unknown as [string, string, string, string, string, string];
  const wanted = Buffer.from(expected, "base64");
  try {
    const actual = await argon2id({
      password,
      salt: Buffer.from(salt, "base64"),
      memorySize: Number(m),
      iterations: Number(t),
      parallelism: Number(p),
      hashLength: wanted.length,
      outputType: "binary",
    });
    return actual.length === wanted.length && timingSafeEqual(actual, wanted);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends the same time as a real check when there is no account to check against, so that an unknown account and
 * a wrong password cannot be told apart by timing.
 */
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword("frontline-decoy-password");
  await verifyPassword(await decoy, password);
  return false;
}
