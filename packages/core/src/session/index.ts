import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { EntityItem } from "electrodb";
import { useConfig } from "../config";
import { getTogether } from "../db/batch";
import { useDb } from "../db/service";
import { isConditionFailure } from "../db/condition";
import { Unauthenticated } from "../error";
import type { SessionEntity } from "./session.entity";
import { useClock } from "../port";

export type Info = EntityItem<typeof SessionEntity>;

/**
 * Session tokens look like `fls.<tenantId>.<secret>`. The tenant id in the clear lets the server find the session's
 * partition without a global index; the secret is 32 random bytes and only its SHA-256 is stored.
 */
const PREFIX = "fls";

export interface Issued {
  token: string;
  csrfToken: string;
  expiresAt: string;
  session: Info;
}

function digest(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function parseToken(token: string): { tenantId: string; sessionId: string } | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== PREFIX) return undefined;
  const [, tenantId, secret] = parts as [string, string, string];
  if (!/^[a-z0-9-]{1,64}$/.test(tenantId) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  return { tenantId, sessionId: digest(secret) };
}

export async function create(input: { tenantId: string; staffId: string; ip?: string; userAgent?: string }): Promise<Issued> {
  const secret = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const now = useClock().now().getTime();
  const expiresAtSeconds = Math.floor(now / 1000) + useConfig().sessionTtlSeconds;
  const result = await useDb()
    .entities.session.create({
      tenantId: input.tenantId,
      sessionId: digest(secret),
      staffId: input.staffId,
      csrfToken,
      createdAt: new Date(now).toISOString(),
      expiresAt: expiresAtSeconds,
      ip: input.ip?.slice(0, 64),
      userAgent: input.userAgent?.slice(0, 256),
    })
    .go();
  return {
    token: `${PREFIX}.${input.tenantId}.${secret}`,
    csrfToken,
    expiresAt: new Date(expiresAtSeconds * 1000).toISOString(),
    session: result.data,
  };
}

/** Keeps a session whose token the caller made itself (the operator console's, which has a format of its own). */
export async function store(session: { tenantId: string; sessionId: string; staffId: string; csrfToken: string; createdAt: string; expiresAt: number; ip?: string }): Promise<void> {
  await useDb().entities.session.create(session).go();
}

/**
 * The live session a token names, and the stamp of its workspace's configuration, in one read; expired, revoked and
 * malformed tokens are all just "not signed in". Strongly consistent, so that a session revoked a moment ago is
 * refused everywhere at once.
 */
export async function verify(token: string): Promise<{ session: Info; configStamp: number }> {
  const parsed = parseToken(token);
  if (!parsed) throw new Unauthenticated();
  const db = useDb().entities;
  const [session, stamp] = await getTogether<Info, { version: number }>(
    { read: db.session.get(parsed), entity: db.session },
    { read: db.configStamp.get({ tenantId: parsed.tenantId }), entity: db.configStamp },
  );
  if (!session || session.revokedAt || session.expiresAt * 1000 <= useClock().now().getTime()) throw new Unauthenticated();
  return { session, configStamp: stamp?.version ?? 0 };
}

export function csrfMatches(session: Info, presented: string | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function revoke(tenantId: string, sessionId: string): Promise<void> {
  await useDb()
    .entities.session.patch({ tenantId, sessionId })
    .set({ revokedAt: useClock().now().toISOString() })
    .go()
    .catch((error: unknown) => {
      // Revoking a session that has already expired and been deleted is not an error.
      if (!isConditionFailure(error)) throw error;
    });
}

/** Revokes every session of one staff member (password change, staff disabled). */
export async function revokeAllOf(tenantId: string, staffId: string): Promise<number> {
  const result = await useDb().entities.session.query.byStaff({ tenantId, staffId }).go({ pages: "all" });
  const live = result.data.filter((s) => !s.revokedAt);
  await Promise.all(live.map((s) => revoke(tenantId, s.sessionId)));
  return live.length;
}

export * as Session from "./index";
