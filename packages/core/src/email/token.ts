import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The reply token in the Reply-To address of every mail we send: `t<ticket number>-<signature>`, the signature an
 * HMAC of the tenant and the number under the tenant's own secret. A reply to that address joins the ticket; a forged
 * or foreign token does not. Short enough that `<slug>+<token>@` fits the 64-character limit of a local part.
 */
const SIGNATURE_LENGTH = 12;
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

function base32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

function signature(secret: string, tenantId: string, number: number): string {
  return base32(createHmac("sha256", secret).update(`${tenantId}:ticket:${number}`).digest(), SIGNATURE_LENGTH);
}

export function replyToken(secret: string, tenantId: string, number: number): string {
  return `t${number}-${signature(secret, tenantId, number)}`;
}

/** Looks like a reply token (so it is not taken for a department name). */
export function isTokenShaped(tag: string): boolean {
  return /^t\d{1,12}-[a-z2-7]{12}$/.test(tag);
}

/** The ticket number a token names, if its signature verifies under this tenant's secret. */
export function verifyToken(secret: string, tenantId: string, tag: string): number | undefined {
  const match = /^t(\d{1,12})-([a-z2-7]{12})$/.exec(tag);
  if (!match) return undefined;
  const number = Number(match[1]);
  const expected = Buffer.from(signature(secret, tenantId, number));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? number : undefined;
}
