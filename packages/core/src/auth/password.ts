/**
 * Argon2id with OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane).
 * The parameters are stored in the PHC string, so raising them later still verifies older hashes.
 *
 * The native module is loaded on first use: functions that never hash (inbound mail, timers) neither load it nor
 * ship its binary (infra/functions.ts).
 */
const options = { algorithm: 2 /* Algorithm.Argon2id, a const enum that isolated modules cannot read */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const argon2 = () => import("@node-rs/argon2");

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, options);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await (await argon2()).verify(hash, password);
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
