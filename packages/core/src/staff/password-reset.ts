import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId, withActor } from "../actor";
import { hashPassword } from "../auth/password";
import * as Throttle from "../auth/throttle";
import { useConfig } from "../config";
import { PLATFORM_TENANT_ID } from "../db/keys";
import { guarded, transact } from "../db/transaction";
import { useDb } from "../db/service";
import { Conflict, Forbidden, msg, NotFound, type Message } from "../error";
import { Event } from "../event";
import { createId } from "../id";
import { useClock } from "../port";
import { Session } from "../session";
import { Tenant } from "../tenant";
import { parse } from "../validation";
import { Workspace } from "../workspace";
import type { PasswordResetEntity } from "./password-reset.entity";
import { EmailSchema, findByEmail, getRecord, PasswordSchema, view as staffView, type Info as StaffInfo } from "./index";

/**
 * Choosing a new password with a link sent by mail: asked for on the sign-in page by whoever knows the workspace's
 * address and the account's email (the answer is the same whether there is such an account or not), or sent by an
 * admin from the staff page. The link works once, for an hour, and only until the password is next changed; using it
 * ends every session of the account and signs the person in. The letter is written by reaction (email/reactions.ts).
 */

export type Record = EntityItem<typeof PasswordResetEntity>;

/** How long a link works. */
export const VALID_MINUTES = 60;

/**
 * Requests are counted before anything is looked up, exactly alike for accounts that exist and those that do not:
 * a few letters an hour to one account (per workspace address and email, as typed), more from one source across
 * accounts.
 */
export const Limits = { windowSeconds: 3600, perAccount: 3, perSource: 20 };

const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");
const PREFIX = "flr";

function parseToken(token: string): { tenantId: string; resetId: string; secret: string } | undefined {
  const parts = token.split(".");
  if (parts.length !== 4 || parts[0] !== PREFIX) return undefined;
  const [, tenantId, resetId, secret] = parts as [string, string, string, string];
  if (!/^[a-z0-9-]{1,64}$/.test(tenantId) || !/^[0-9A-Z]{26}$/.test(resetId) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  return { tenantId, resetId, secret };
}

/**
 * A link's token. Its secret is derived from the workspace's secret and the link's id, so it is never stored (only
 * its hash is) and the letter that carries it can be written by a reaction.
 */
export async function resetToken(tenantId: string, resetId: string): Promise<string> {
  const secret = createHmac("sha256", await Tenant.mailSecret(tenantId)).update(`password-reset:${resetId}`).digest("base64url");
  return `${PREFIX}.${tenantId}.${resetId}.${secret}`;
}

export const resetLink = async (tenantId: string, resetId: string) => `${useConfig().appUrl}/reset-password/${await resetToken(tenantId, resetId)}`;

export const RequestSchema = z
  .object({
    slug: z.string({ error: "Enter your workspace address" }).trim().toLowerCase().min(1, "Enter your workspace address").max(64),
    email: EmailSchema,
  })
  .strict();

export const requestRefusal = (minutes: number): Message => msg("Too many password reset requests; try again in {minutes} min", { minutes });

function subjects(slug: string, email: string, ip: string | undefined): Throttle.Subject[] {
  const { windowSeconds, perAccount, perSource } = Limits;
  const list: Throttle.Subject[] = [{ tenantId: slug, key: `reset:${email}`, limit: perAccount, windowSeconds }];
  if (ip) list.push({ tenantId: PLATFORM_TENANT_ID, key: `reset-source:${Throttle.sourceOf(ip)}`, limit: perSource, windowSeconds });
  return list;
}

/**
 * Someone asks for a link on the sign-in page (public). Whether or not the workspace and the account exist, the
 * answer is the same and nothing is said; an active account gets its letter.
 */
export async function request(raw: z.input<typeof RequestSchema>, origin: { ip?: string } = {}): Promise<void> {
  const input = parse(RequestSchema, raw);
  // Counted under the workspace an address names (its current one or an alias), or the address as typed.
  const tenantId = await Tenant.resolve(input.slug);
  const slugShaped = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(input.slug);
  await Throttle.take(subjects(tenantId ?? (slugShaped ? input.slug : "-"), input.email, origin.ip), requestRefusal);
  const staff = tenantId ? await findByEmail(tenantId, input.email) : undefined;
  if (!staff || staff.status !== "active") return;
  await withActor({ type: "system", tenantId: staff.tenantId, reason: "password reset" }, () =>
    open(staff.tenantId, staff, { type: "staff", id: staff.staffId, name: staff.name }),
  );
}

/** An admin sends a staff member a link (the owner's account only by the owner). The letter is the same. */
export async function send(staffId: string): Promise<{ email: string; validUntil: string }> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const tenantId = useTenantId();
  const staff = await getRecord(tenantId, staffId);
  if (staff.role === "owner" && !(actor.type === "staff" && (actor.role === "owner" || actor.staffId === staffId))) {
    throw new Forbidden("Only the owner changes the owner's account");
  }
  if (staff.status !== "active") throw new Conflict("This account is disabled; activate it first");
  await Throttle.take(subjects(tenantId, staff.email, undefined), requestRefusal);
  const made = await open(tenantId, staff, Event.actorOf(actor));
  return { email: staff.email, validUntil: made.validUntil };
}

async function open(tenantId: string, staff: { staffId: string; email: string; name: string }, by: Event.EventActor): Promise<Record> {
  const now = useClock().now();
  const resetId = createId();
  const token = await resetToken(tenantId, resetId);
  const validUntil = new Date(now.getTime() + VALID_MINUTES * 60_000).toISOString();
  const record = {
    tenantId,
    resetId,
    staffId: staff.staffId,
    email: staff.email,
    tokenHash: digest(parseToken(token)!.secret),
    requestedBy: by.id,
    requestedByName: by.id === staff.staffId ? undefined : by.name,
    createdAt: now.toISOString(),
    validUntil,
    status: "pending" as const,
    purgeAt: Math.floor(now.getTime() / 1000) + VALID_MINUTES * 60 + 86_400,
  };
  await transact((entities) => [
    entities.passwordReset.create(record).commit(),
    Event.write(entities, by, {
      tenantId,
      action: "staff.password_link",
      target: { type: "staff", id: staff.staffId, label: staff.name },
      after: { email: staff.email, validUntil },
    }),
  ]);
  return record as Record;
}

export type Status = "pending" | "used" | "expired";

async function findByToken(token: string): Promise<{ found: Record; status: Status }> {
  const parsed = parseToken(token);
  const invalid = () => new NotFound("Password reset link");
  if (!parsed) throw invalid();
  const db = useDb().entities;
  const found = (await db.passwordReset.get({ tenantId: parsed.tenantId, resetId: parsed.resetId }).go({ consistent: true })).data;
  if (!found) throw invalid();
  const a = Buffer.from(found.tokenHash);
  const b = Buffer.from(digest(parsed.secret));
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw invalid();
  if (found.status === "used") return { found, status: "used" };
  if (found.validUntil <= useClock().now().toISOString()) return { found, status: "expired" };
  // A link asked for before the password was last chosen (through another link) is spent as well.
  const staff = (await db.staff.get({ tenantId: found.tenantId, staffId: found.staffId }).go({ consistent: true, attributes: ["status", "passwordChangedAt"] })).data;
  if (!staff || staff.status !== "active" || (staff.passwordChangedAt && staff.passwordChangedAt >= found.createdAt)) return { found, status: "used" };
  return { found, status: "pending" };
}

export interface Preview {
  workspace: string;
  email: string;
  validUntil: string;
  status: Status;
}

/** What the page a link opens shows before the new password is chosen (public, by the token). */
export async function preview(token: string): Promise<Preview> {
  const { found, status } = await findByToken(token);
  const tenant = (await Workspace.config(found.tenantId)).tenant;
  return { workspace: tenant?.name ?? found.tenantId, email: found.email, validUntil: found.validUntil, status };
}

export const CompleteSchema = z.object({ token: z.string({ error: "Open the link from the letter" }).min(1, "Open the link from the letter").max(300), password: PasswordSchema }).strict();

/**
 * Chooses the new password with a link (public): the link is spent and the password changed in one transaction, on
 * the condition that the link is still unused; then every session of the account ends and a new one begins.
 */
export async function complete(raw: z.input<typeof CompleteSchema>, origin: { ip?: string; userAgent?: string } = {}): Promise<{ staff: StaffInfo; session: Session.Issued; tenantId: string }> {
  const input = parse(CompleteSchema, raw);
  const { found, status } = await findByToken(input.token);
  if (status !== "pending") throw spent(status);
  const { tenantId, staffId } = found;
  const staff = await getRecord(tenantId, staffId);
  const passwordHash = await hashPassword(input.password);
  const now = useClock().now().toISOString();
  await withActor({ type: "system", tenantId, reason: "password reset" }, () =>
    transact((entities) => [
      guarded(
        entities.passwordReset
          .patch({ tenantId, resetId: found.resetId })
          .set({ status: "used", usedAt: now })
          .where((a, op) => `${op.eq(a.status, "pending")} AND ${op.gt(a.validUntil, now)}`)
          .commit(),
        () => spent("used"),
      ),
      guarded(
        entities.staff
          .patch({ tenantId, staffId })
          .set({ passwordHash, passwordChangedAt: now })
          .where((a, op) => `${op.eq(a.status, "active")} AND (${op.notExists(a.passwordChangedAt)} OR ${op.lt(a.passwordChangedAt, found.createdAt)})`)
          .commit(),
        () => spent("used"),
      ),
      Event.write(entities, { type: "staff", id: staffId, name: staff.name }, {
        action: "staff.password_reset",
        target: { type: "staff", id: staffId, label: staff.name },
        after: { link: found.resetId },
      }),
    ]),
  );
  Workspace.changed(tenantId);
  await Session.revokeAllOf(tenantId, staffId);
  const session = await Session.create({ tenantId, staffId, ip: origin.ip, userAgent: origin.userAgent });
  return { staff: staffView(await getRecord(tenantId, staffId)), session, tenantId };
}

function spent(status: Exclude<Status, "pending">) {
  return new Conflict(
    status === "expired" ? "This link has expired; ask for a new one" : "This link has been used already; ask for a new one",
    [],
    { status },
  );
}

export * as PasswordReset from "./password-reset";
