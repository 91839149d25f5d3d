import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";

/**
 * Argon2id with OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane).
 * The parameters are stored in the PHC string, so raising them later still verifies older hashes.
 */
const options = { algorithm: 2 /* Algorithm.Argon2id, a const enum that isolated modules cannot read */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, options);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2Verify(hash, password);
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
