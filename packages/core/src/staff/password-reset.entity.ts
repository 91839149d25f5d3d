import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

/**
 * A link to choose a new password, asked for by the staff member on the sign-in page or sent by an admin: a secret
 * (stored as its SHA-256 only) that works once, for an hour (staff/password-reset.ts). `purgeAt` (epoch seconds) is the
 * table's TTL: a link is forgotten a day after it stopped working.
 */
export const PasswordResetEntity = new Entity({
  model: { entity: "passwordReset", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    resetId: { type: "string", required: true, readOnly: true },
    staffId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    tokenHash: { type: "string", required: true, readOnly: true },
    /** Who asked: the staff member themselves, or the admin who sent it (by name, for the letter and the log). */
    requestedBy: { type: "string", required: true, readOnly: true },
    requestedByName: { type: "string", readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    /** When the link stops working (an hour after it was asked for). */
    validUntil: { type: "string", required: true, readOnly: true },
    status: { type: ["pending", "used"] as const, required: true },
    usedAt: { type: "string" },
    purgeAt: { type: "number", required: true, readOnly: true, field: "expiresAt" },
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("password-reset", ["resetId"]) },
  },
});
