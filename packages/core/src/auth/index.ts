import * as z from "zod";
import { type Actor } from "../actor";
import { Unauthenticated } from "../error";
import { Session } from "../session";
import { Staff } from "../staff";
import { Tenant } from "../tenant";
import { parse } from "../validation";
import { Workspace } from "../workspace";
import { verifyDecoy, verifyPassword } from "./password";
import * as Device from "./device";
import * as Throttle from "./throttle";

export { hashPassword, verifyPassword } from "./password";
export { Device, Throttle };

export const LoginSchema = z.object({
  slug: z.string({ error: "Enter your workspace address" }).trim().toLowerCase().min(1, "Enter your workspace address").max(64),
  email: Staff.EmailSchema,
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(256),
});

/** Where a sign-in comes from; used for per-source throttling and recorded on the session. */
export interface Origin {
  ip?: string;
  userAgent?: string;
  /** The device cookie the browser sent (./device.ts), as it came. */
  device?: string;
}

const WRONG = "Wrong workspace, email or password";

/**
 * Signs a staff member in. An unknown workspace, an unknown email and a wrong password all give the same answer in
 * about the same time. The attempt is counted before the password is checked, per account and source, per account
 * and per source, or only on the device when it brings a device cookie of this account (./throttle.ts); a wrong
 * password keeps it counted, a right one gives it back. A successful sign-in renews the device cookie.
 */
export async function login(raw: z.input<typeof LoginSchema>, origin: Origin = {}) {
  const input = parse(LoginSchema, raw);
  // The workspace's current address or one it had: counted and found under the workspace, whichever is typed.
  const workspace = await Tenant.resolve(input.slug);
  const subject = workspace ?? input.slug;
  const deviceId = await Device.recognise(origin.device, subject, input.email);
  const taken = await Throttle.take(Throttle.signIn(subject, input.email, origin.ip, deviceId), Throttle.signInRefusal);
  const staff = workspace ? await Staff.findByEmail(workspace, input.email) : undefined;
  const valid = staff ? await verifyPassword(staff.passwordHash, input.password) : await verifyDecoy(input.password);
  if (!staff || !valid) throw new Unauthenticated(WRONG);
  await Throttle.succeeded(taken);
  if (staff.status !== "active") throw new Unauthenticated("This account is disabled; ask your workspace admin");
  const tenantId = staff.tenantId;
  const [tenant, session, device] = await Promise.all([
    Tenant.get(tenantId),
    Session.create({ tenantId, staffId: staff.staffId, ip: origin.ip, userAgent: origin.userAgent }),
    Device.remember(origin.device, tenantId, input.email),
  ]);
  return { tenant, staff: Staff.view(staff), session, device };
}

export interface Authenticated {
  actor: Extract<Actor, { type: "staff" }>;
  session: Session.Info;
  /** The staff member as read for this request, so that handlers need not read it again. */
  staff: Staff.Info;
}

/** Resolves a session token to the acting staff member. */
export async function authenticate(token: string): Promise<Authenticated> {
  const { session, configStamp } = await Session.verify(token);
  // The staff member and the workspace come from the configuration this process keeps, current as of the stamp read
  // with the session: a signed-in request costs one read.
  const config = await Workspace.config(session.tenantId, { stamp: configStamp });
  const staff = config.staff.find((s) => s.staffId === session.staffId);
  const tenant = { data: config.tenant };
  if (!staff || staff.status !== "active") throw new Unauthenticated();
  const info = Staff.view(staff);
  return {
    session,
    staff: info,
    actor: {
      type: "staff",
      tenantId: session.tenantId,
      staffId: staff.staffId,
      role: staff.role,
      name: staff.name,
      departmentIds: info.departmentIds,
      sessionId: session.sessionId,
      suspended: tenant.data?.planStatus === "suspended",
    },
  };
}

export async function logout(actor: Extract<Actor, { type: "staff" }>): Promise<void> {
  await Session.revoke(actor.tenantId, actor.sessionId);
}

export * as Auth from "./index";
