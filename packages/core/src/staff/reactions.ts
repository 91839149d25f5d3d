import { usePorts } from "../port";
import { defineReaction, field } from "../stream";
import { PLATFORM_TENANT_ID } from "../db/keys";
import { createOwner, forgetDepartment, recordSignIn } from "./index";
import { armExpiry, expiryTimer } from "./invitation";

type InvitationItem = { tenantId: string; invitationId: string; expiresAt: string; status: string };

/** A pending invitation has a timer that frees its seat when it expires; answering it takes the timer away. */
export const invitationExpiry = defineReaction({
  name: "staff.invitation-expiry",
  on: ["invitation"],
  when: (change) => change.kind === "insert" || field(change, "status").changed,
  async each(change) {
    const item = (change.after ?? change.before) as InvitationItem;
    if (change.after && item.status === "pending") await armExpiry(item);
    else await usePorts().scheduler.cancel(expiryTimer(item.invitationId));
  },
});

/** A deleted department leaves every staff member's list of departments. */
export const departmentGone = defineReaction({
  name: "staff.department-gone",
  on: ["department"],
  when: (change) => change.kind === "remove",
  async each(change) {
    await forgetDepartment(change.tenantId!, (change.before as { departmentId: string }).departmentId);
  },
});

/** A new workspace's owner gets their account, if sign-up stopped before making it. */
export const ownerAccount = defineReaction({
  name: "staff.owner-account",
  on: ["tenant"],
  when: (change) => change.kind === "insert" && Boolean(change.after?.pendingOwner),
  async each(change) {
    await createOwner(change.tenantId!);
  },
});

/**
 * A new session is a sign-in: its staff member's record notes when (the "Last signed in" of the staff page). The
 * session is its own aggregate, written alone by whatever signed the person in (the sign-in form, an accepted
 * invitation, sign-up); the staff record follows here, with the session's own time, so a replay is harmless.
 */
export const signedIn = defineReaction({
  name: "staff.signed-in",
  on: ["session"],
  when: (change) => change.kind === "insert" && change.tenantId !== PLATFORM_TENANT_ID,
  async each(change) {
    const session = change.after as { tenantId: string; staffId: string; createdAt: string };
    await recordSignIn(session.tenantId, session.staffId, session.createdAt);
  },
});

export const reactions = [invitationExpiry, departmentGone, ownerAccount, signedIn];
