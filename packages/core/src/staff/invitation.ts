import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import * as z from "zod";
import { Locales } from "../locale";
import type { EntityItem } from "electrodb";
import { Access } from "../access";
import { usePrincipal, useTenantId, withActor } from "../actor";
import { hashPassword } from "../auth/password";
import { useConfig } from "../config";
import { Counter } from "../counter";
import { guarded, transact, type TxEntities, type TxWrite } from "../db/transaction";
import { useDb } from "../db/service";
import { Conflict, Invalid, msg, NotFound } from "../error";
import { Event } from "../event";
import { createId } from "../id";
import { Plan } from "../plan";
import * as Limits from "../plan/limits";
import { useClock, usePorts } from "../port";
import { Tenant } from "../tenant";
import { Workspace } from "../workspace";
import { Session } from "../session";
import type { InvitationEntity } from "./invitation.entity";
import { EmailSchema, NameSchema, PasswordSchema, findByEmail, getRecord, view as staffView, type Info as StaffInfo } from "./index";
import { RoleSchema } from "./role";
import { parse } from "../validation";

export type Record = EntityItem<typeof InvitationEntity>;

/** How long an invitation link works. */
export const VALID_DAYS = 7;

export interface Info {
  invitationId: string;
  email: string;
  name?: string;
  role: Record["role"];
  departmentIds: string[];
  invitedBy: { id: string; name: string };
  createdAt: string;
  expiresAt: string;
  status: Record["status"];
}

function view(i: Record, now = useClock().now().toISOString()): Info {
  return {
    invitationId: i.invitationId,
    email: i.email,
    name: i.name,
    role: i.role,
    departmentIds: i.departmentIds ?? [],
    invitedBy: { id: i.invitedBy, name: i.invitedByName },
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    status: i.status === "pending" && i.expiresAt <= now ? "expired" : i.status,
  };
}

const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");
const PREFIX = "fli";

function parseToken(token: string): { tenantId: string; invitationId: string; secret: string } | undefined {
  const parts = token.split(".");
  if (parts.length !== 4 || parts[0] !== PREFIX) return undefined;
  const [, tenantId, invitationId, secret] = parts as [string, string, string, string];
  if (!/^[a-z0-9-]{1,64}$/.test(tenantId) || !/^[0-9A-Z]{26}$/.test(invitationId) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  return { tenantId, invitationId, secret };
}

export const CreateSchema = z
  .object({
    email: EmailSchema,
    name: NameSchema.optional(),
    role: RoleSchema.exclude(["owner"], { error: "Invite as admin, supervisor, dispatcher or agent" }),
    departmentIds: z.array(z.string().min(1).max(64)).max(100).default([]),
  })
  .strict();

/**
 * Invites someone to the staff (admins): reserves a seat under the plan in the same transaction (over the limit, a
 * 402 naming it), mails the link, and arms a timer that frees the seat if the link expires unused. The link is also
 * returned, for the admin to pass on another way.
 */
export async function create(raw: z.input<typeof CreateSchema>): Promise<{ invitation: Info; link: string }> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const input = parse(CreateSchema, raw);
  const tenantId = useTenantId();
  const db = useDb().entities;
  if (await findByEmail(tenantId, input.email)) {
    throw new Conflict("This person is already on the staff", [{ path: "email", code: "taken", message: "Already on the staff" }]);
  }
  const now = useClock().now();
  const pending = (await db.invitation.query.byId({ tenantId }).go({ pages: "all" })).data.filter(
    (i) => i.email === input.email && i.status === "pending" && i.expiresAt > now.toISOString(),
  );
  if (pending.length) throw new Conflict("This person has a pending invitation", [{ path: "email", code: "pending", message: "Already invited; revoke that invitation to send a new one" }]);
  const departments = new Set((await db.department.query.byId({ tenantId }).go({ pages: "all" })).data.map((d) => d.departmentId));
  const unknown = input.departmentIds.findIndex((id) => !departments.has(id));
  if (unknown >= 0) throw Invalid.field(`departmentIds.${unknown}`, "not_found", "There is no such department");

  const { plan } = await Plan.subscription(tenantId);
  await Limits.seatsUsed(tenantId);
  const invitationId = createId();
  const token = await invitationToken(tenantId, invitationId);
  const link = `${useConfig().appUrl}/invite/${token}`;
  const expiresAt = new Date(now.getTime() + VALID_DAYS * 86_400_000).toISOString();
  const by = Event.actorOf(actor);
  const record = {
    tenantId,
    invitationId,
    email: input.email,
    name: input.name,
    role: input.role,
    departmentIds: input.departmentIds,
    tokenHash: digest(parseToken(token)!.secret),
    invitedBy: by.id,
    invitedByName: by.name,
    createdAt: now.toISOString(),
    expiresAt,
    status: "pending" as const,
  };
  await transact((entities) => [
    Counter.take(entities, tenantId, Limits.SEATS, plan.staffLimit, () => Limits.seatLimit(plan)),
    entities.invitation.create(record).commit(),
    Event.write(entities, actor, {
      action: "staff.invite",
      target: { type: "invitation", id: invitationId, label: input.email },
      after: { email: input.email, role: input.role, departmentIds: input.departmentIds, expiresAt },
    }),
  ]);
  return { invitation: view(record as Record), link };
}

/**
 * An invitation's token. Its secret is derived from the workspace's secret and the invitation's id, so it is never
 * stored (only its hash is) and the letter that carries it can be written by a reaction (email/reactions.ts).
 */
export async function invitationToken(tenantId: string, invitationId: string): Promise<string> {
  const secret = createHmac("sha256", await Tenant.mailSecret(tenantId)).update(`invitation:${invitationId}`).digest("base64url");
  return `${PREFIX}.${tenantId}.${invitationId}.${secret}`;
}

export async function list(): Promise<Info[]> {
  Access.assertConfigures(usePrincipal());
  const result = await useDb().entities.invitation.query.byId({ tenantId: useTenantId() }).go({ pages: "all" });
  return result.data.map((i) => view(i)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** Takes a pending invitation back and frees its seat (admins). */
export async function revoke(invitationId: string): Promise<Info> {
  const actor = usePrincipal();
  Access.assertConfigures(actor);
  const tenantId = useTenantId();
  const current = (await useDb().entities.invitation.get({ tenantId, invitationId }).go()).data;
  if (!current) throw new NotFound("Invitation");
  if (current.status !== "pending") throw new Conflict(msg("This invitation is {status, select, accepted {accepted} revoked {revoked} expired {expired} other {{status}}} already", { status: current.status }));
  await close(current, "revoked", (entities) => [
    Event.write(entities, actor, { action: "staff.invite_revoke", target: { type: "invitation", id: invitationId, label: current.email } }),
  ]);
  return view((await useDb().entities.invitation.get({ tenantId, invitationId }).go()).data!);
}

/** The expiry timer: an invitation still pending after its time frees its seat (a late or repeated timer does nothing). */
export async function expire(tenantId: string, invitationId: string): Promise<void> {
  await withActor({ type: "system", tenantId, reason: "invitations" }, async () => {
    const current = (await useDb().entities.invitation.get({ tenantId, invitationId }).go({ consistent: true })).data;
    if (!current || current.status !== "pending") return;
    if (current.expiresAt > useClock().now().toISOString()) {
      await armExpiry(current);
      return;
    }
    await close(current, "expired", (entities) => [
      Event.write(entities, { type: "system", id: "system", name: "invitations" }, { action: "staff.invite_expire", target: { type: "invitation", id: invitationId, label: current.email } }),
    ]).catch((error: unknown) => {
      if (!(error instanceof Conflict)) throw error; // accepted or revoked meanwhile
    });
  });
}

async function close(current: Record, status: "revoked" | "expired", extra: (entities: TxEntities) => TxWrite[]) {
  const tenantId = current.tenantId;
  await transact((entities) => [
    guarded(
      entities.invitation
        .patch({ tenantId, invitationId: current.invitationId })
        .set({ status, closedAt: useClock().now().toISOString() })
        .where((a, op) => op.eq(a.status, "pending"))
        .commit(),
      () => new Conflict("The invitation was answered meanwhile"),
    ),
    Counter.giveBack(entities, tenantId, Limits.SEATS),
    ...extra(entities),
  ]);
}

/** The timer that frees a pending invitation's seat when it expires (armed by reaction: reactions.ts). */
export const expiryTimer = (invitationId: string) => `invite.${invitationId}`;

export async function armExpiry(item: Pick<Record, "tenantId" | "invitationId" | "expiresAt">): Promise<void> {
  await usePorts().scheduler.arm(expiryTimer(item.invitationId), new Date(item.expiresAt), { kind: "invitation.expire", tenantId: item.tenantId, invitationId: item.invitationId });
}

async function findByToken(token: string): Promise<Record> {
  const parsed = parseToken(token);
  const invalid = () => new NotFound("Invitation");
  if (!parsed) throw invalid();
  const found = (await useDb().entities.invitation.get({ tenantId: parsed.tenantId, invitationId: parsed.invitationId }).go({ consistent: true })).data;
  if (!found) throw invalid();
  const a = Buffer.from(found.tokenHash);
  const b = Buffer.from(digest(parsed.secret));
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw invalid();
  return found;
}

export interface Preview {
  workspace: string;
  email: string;
  name?: string;
  role: Record["role"];
  expiresAt: string;
  status: Info["status"];
}

/** What the invitation page shows before the person accepts (public, by the token). */
export async function preview(token: string): Promise<Preview> {
  const found = await findByToken(token);
  const tenant = (await Workspace.config(found.tenantId)).tenant;
  return { workspace: tenant?.name ?? found.tenantId, email: found.email, name: found.name, role: found.role, expiresAt: found.expiresAt, status: view(found).status };
}

export const AcceptSchema = z.object({ token: z.string().min(1).max(300), name: NameSchema, password: PasswordSchema, locale: z.enum(Locales).optional() }).strict();

/** Joins the staff with an invitation's link (public): the account, then a signed-in session. */
export async function accept(raw: z.input<typeof AcceptSchema>, origin: { ip?: string; userAgent?: string } = {}): Promise<{ staff: StaffInfo; session: Session.Issued; tenantId: string }> {
  const input = parse(AcceptSchema, raw);
  const found = await findByToken(input.token);
  const info = view(found);
  if (info.status !== "pending") throw new Conflict(info.status === "expired" ? "This invitation has expired; ask for a new one" : msg("This invitation was {status, select, accepted {accepted} revoked {revoked} other {{status}}}", { status: info.status }));
  const tenantId = found.tenantId;
  const staffId = createId();
  const passwordHash = await hashPassword(input.password);
  await withActor({ type: "system", tenantId, reason: "invitations" }, () =>
    transact((entities) => [
        guarded(
          entities.invitation
            .patch({ tenantId, invitationId: found.invitationId })
            .set({ status: "accepted", staffId, closedAt: useClock().now().toISOString() })
            .where((a, op) => op.eq(a.status, "pending"))
            .commit(),
          () => new Conflict("This invitation was answered meanwhile"),
        ),
        guarded(entities.staffEmail.create({ tenantId, email: found.email, staffId }).commit(), () =>
          new Conflict("A staff member with this email address already exists", [{ path: "email", code: "taken", message: "Already on the staff" }]),
        ),
        entities.staff
          .create({
            tenantId,
            staffId,
            email: found.email,
            name: input.name,
            role: found.role,
            passwordHash,
            departmentIds: found.departmentIds?.length ? found.departmentIds : undefined,
            locale: input.locale,
          })
          .commit(),
        Event.write(entities, { type: "staff", id: staffId, name: input.name }, {
          action: "staff.join",
          target: { type: "staff", id: staffId, label: input.name },
          after: { email: found.email, role: found.role, invitation: found.invitationId },
        }),
      ]),
  );
  Workspace.changed(tenantId);
  const session = await Session.create({ tenantId, staffId, ip: origin.ip, userAgent: origin.userAgent });
  return { staff: staffView(await getRecord(tenantId, staffId)), session, tenantId };
}

export * as Invitation from "./invitation";
