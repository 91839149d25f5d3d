import { createHmac, timingSafeEqual } from "node:crypto";
import { Cursor } from "../cursor";
import { createId } from "../id";
import { useClock } from "../port";

/**
 * Device cookies, as OWASP recommends against online guessing ("Slow Down Online Guessing Attacks with Device
 * Cookies"): a successful sign-in leaves the browser a token bound to that account, and a later attempt on the same
 * account that presents it is counted on that device's own budget (./throttle.ts), not on the account's or the
 * source's. A guesser who knows a workspace and an email can spend the account's budget and keep out anyone on a
 * new device, but not its people on the devices they have signed in from before.
 *
 * A token is `fld.<id>.<issued, Unix seconds>.<mac>`, the MAC an HMAC-SHA256 of the workspace, the email, the id and
 * the issue time under a key derived from the platform's key. It is good for DAYS days from its issue. One browser
 * may be remembered for a few accounts (several workspaces, or colleagues sharing a desk): the cookie holds up to KEPT
 * tokens, newest first, separated by "~". A token of another account cannot be told from a forged one without that
 * account, so the others are kept as they are, if well formed and not expired; they are worth nothing to anyone
 * but the account they were made for.
 */
export const DAYS = 90;
export const KEPT = 5;

const PREFIX = "fld";
const TOKEN = /^fld\.([0-9A-Z]{26})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;
const LIFETIME_SECONDS = DAYS * 24 * 3600;
/** A token issued a little "later" than now is another process's clock, not a forgery. */
const CLOCK_SKEW_SECONDS = 300;

interface Parsed {
  token: string;
  id: string;
  issued: number;
  mac: string;
}

function parse(token: string): Parsed | undefined {
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  const [, id, issued, mac] = match as unknown as [string, string, string, string];
  return { token, id, issued: Number(issued), mac };
}

/** The well-formed tokens of a cookie that have not expired, at most KEPT of them. */
function tokensOf(cookie: string | undefined, nowSeconds: number): Parsed[] {
  if (!cookie) return [];
  return cookie
    .split("~", KEPT)
    .map(parse)
    .filter((t): t is Parsed => t !== undefined && t.issued > nowSeconds - LIFETIME_SECONDS && t.issued <= nowSeconds + CLOCK_SKEW_SECONDS);
}

async function macOf(tenantId: string, email: string, id: string, issued: number): Promise<string> {
  return createHmac("sha256", await Cursor.derivedKey("device-cookie"))
    .update(`${tenantId}\n${email.toLowerCase()}\n${id}\n${issued}`)
    .digest("base64url");
}

async function proves(token: Parsed, tenantId: string, email: string): Promise<boolean> {
  const expected = Buffer.from(await macOf(tenantId, email, token.id, token.issued));
  const given = Buffer.from(token.mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The id of the device the cookie proves for this account (workspace and email), if any of its tokens does. */
export async function recognise(cookie: string | undefined, tenantId: string, email: string, now = useClock().now()): Promise<string | undefined> {
  for (const token of tokensOf(cookie, Math.floor(now.getTime() / 1000))) {
    if (await proves(token, tenantId, email)) return token.id;
  }
  return undefined;
}

export interface Issued {
  /** The cookie's new value: this account's fresh token first, then the others it held. */
  value: string;
  expiresAt: string;
}

/**
 * The cookie after a successful sign-in to this account: a fresh token for it (a new id: the old one's budget is
 * done with), in front of the other accounts' tokens the cookie held, less this account's old ones.
 */
export async function remember(cookie: string | undefined, tenantId: string, email: string, now = useClock().now()): Promise<Issued> {
  const issued = Math.floor(now.getTime() / 1000);
  const id = createId();
  const fresh = `${PREFIX}.${id}.${issued}.${await macOf(tenantId, email, id, issued)}`;
  // The cookie lists its tokens newest first, as written here; so the oldest fall off the end.
  const others: string[] = [];
  for (const token of tokensOf(cookie, issued)) if (!(await proves(token, tenantId, email))) others.push(token.token);
  const kept = [fresh, ...others].slice(0, KEPT);
  return { value: kept.join("~"), expiresAt: new Date((issued + LIFETIME_SECONDS) * 1000).toISOString() };
}
