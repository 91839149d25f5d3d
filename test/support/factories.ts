import { randomBytes } from "node:crypto";
import type { Tenant } from "@frontline/core/tenant";

/** Sign-up input with a unique slug and email; override any field. */
export function makeSignup(overrides: Partial<Tenant.SignupInput> = {}): Tenant.SignupInput {
  const suffix = randomBytes(4).toString("hex");
  return {
    workspaceName: `Workspace ${suffix}`,
    slug: `ws-${suffix}`,
    ownerName: "Olga Owner",
    email: `owner-${suffix}@example.com`,
    password: "a long enough passphrase",
    ...overrides,
  };
}
