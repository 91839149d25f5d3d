import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

/**
 * An invitation to join a workspace's staff: a link with a secret (stored as its SHA-256 only) that expires. A pending
 * invitation holds a staff seat (plan/limits.ts) until it is accepted, revoked or expires.
 */
export const InvitationEntity = new Entity({
  model: { entity: "invitation", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    invitationId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    name: { type: "string", readOnly: true },
    role: { type: ["admin", "supervisor", "dispatcher", "agent"] as const, required: true, readOnly: true },
    departmentIds: { type: "list", items: { type: "string" }, readOnly: true },
    tokenHash: { type: "string", required: true, readOnly: true },
    invitedBy: { type: "string", required: true, readOnly: true },
    invitedByName: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "string", required: true, readOnly: true },
    status: { type: ["pending", "accepted", "revoked", "expired"] as const, required: true },
    staffId: { type: "string" },
    closedAt: { type: "string" },
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("invite", ["invitationId"]) },
  },
});
