import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import * as z from "zod";
import { onConfigChange } from "../config";
import { isConditionFailure } from "../db/condition";
import { PLATFORM_TENANT_ID } from "../db/keys";
import { useDb } from "../db/service";
import { Invalid } from "../error";
import { useClock } from "../port";

/**
 * Pagination cursors, opaque and signed. A list hands out `<state>.<mac>`: its position (for most lists the
 * ElectroDB cursor, a raw DynamoDB key) in base64url JSON, and an HMAC-SHA256 of the workspace, the list (its name and
 * the filters that choose what it reads) and that state, under the platform's cursor key. A cursor a client made up,
 * changed, took from another workspace or from another list fails the MAC and is a 400 on `cursor`: it never reaches
 * DynamoDB, where a foreign key would be a 500 or would steer the query.
 */

const MAC_BYTES = 16;
const INVALID = () => Invalid.field("cursor", "invalid_cursor", "This cursor is not valid for this list; start from the first page");

let key: Promise<Buffer> | undefined;
onConfigChange(() => (key = undefined));

/** The platform's cursor key, read once per process; the first process ever to need it makes it. */
function useKey(): Promise<Buffer> {
  key ??= (async () => {
    const db = useDb().entities.cursorKey;
    const found = await db.get({ tenantId: PLATFORM_TENANT_ID }).go({ consistent: true });
    if (found.data) return Buffer.from(found.data.key, "base64url");
    try {
      await db.create({ tenantId: PLATFORM_TENANT_ID, key: randomBytes(32).toString("base64url"), createdAt: useClock().now().toISOString() }).go();
    } catch (error) {
      if (!isConditionFailure(error)) throw error; // another process made it first: use theirs
    }
    const made = await db.get({ tenantId: PLATFORM_TENANT_ID }).go({ consistent: true });
    return Buffer.from(made.data!.key, "base64url");
  })().catch((error: unknown) => {
    key = undefined;
    throw error;
  });
  return key;
}

/**
 * A key for another purpose than cursors, derived from the platform key (an HMAC of the purpose under it), so that a
 * MAC made for one purpose never verifies for another: sign-in's device cookies are signed with
 * `derivedKey("device-cookie")` (auth/device.ts).
 */
export async function derivedKey(purpose: string): Promise<Buffer> {
  return createHmac("sha256", await useKey()).update(`frontline key for: ${purpose}`).digest();
}

/**
 * The list a cursor belongs to: its name and the filters that choose what it reads (everything in `filters` but the
 * cursor and the page size), so that a cursor of one view is refused by another.
 */
export function list(name: string, filters: { [field: string]: unknown } = {}): string {
  const chosen = Object.entries(filters)
    .filter(([field, value]) => field !== "cursor" && field !== "limit" && value !== undefined)
    .sort(([x], [y]) => (x < y ? -1 : 1));
  return chosen.length ? `${name}?${JSON.stringify(chosen)}` : name;
}

async function mac(tenantId: string, list: string, state: string): Promise<Buffer> {
  return createHmac("sha256", await useKey())
    .update(`${tenantId}\n${JSON.stringify(list)}\n${state}`)
    .digest()
    .subarray(0, MAC_BYTES);
}

/** The cursor for the next page of `list` in `tenantId`; null when there is none (`state` null). */
export async function seal(tenantId: string, list: string, state: unknown): Promise<string | null> {
  if (state === null || state === undefined) return null;
  const encoded = Buffer.from(JSON.stringify(state), "utf8").toString("base64url");
  return `${encoded}.${(await mac(tenantId, list, encoded)).toString("base64url")}`;
}

/**
 * The state a cursor of `list` in `tenantId` carries (by default an ElectroDB cursor); null when no cursor was given.
 * Anything this API did not hand out for that list and workspace is a 400 on `cursor`.
 */
export async function open<S extends z.ZodType = z.ZodString>(tenantId: string, list: string, cursor: string | undefined, schema?: S): Promise<z.output<S> | null> {
  if (cursor === undefined || cursor === "") return null;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(cursor);
  if (!match) throw INVALID();
  const [, encoded, given] = match as unknown as [string, string, string];
  const expected = await mac(tenantId, list, encoded);
  const signature = Buffer.from(given, "base64url");
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) throw INVALID();
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    throw INVALID(); // signed by us, so only after a change of format
  }
  const parsed = (schema ?? z.string()).safeParse(raw);
  if (!parsed.success) throw INVALID();
  return parsed.data as z.output<S>;
}

export * as Cursor from "./index";
