import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition } from "../db/keys";

export const FailureStatuses = ["retrying", "parked", "resolved"] as const;

/**
 * A reaction that failed on a change. While `retrying`, the change is delivered again; a reaction that keeps failing
 * is `parked` here with the change and its error, and the stream goes on without it: the operator console lists
 * parked reactions and runs them again (`resolved`). Kept under the platform tenant: the operator sees every
 * workspace's.
 */
export const ReactionFailureEntity = new Entity({
  model: { entity: "reactionFailure", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    /** `<reaction>#<change id>`. */
    failureId: { type: "string", required: true, readOnly: true },
    reaction: { type: "string", required: true, readOnly: true },
    changeId: { type: "string", required: true, readOnly: true },
    /** The workspace whose change it was. */
    workspaceId: { type: "string", readOnly: true },
    entity: { type: "string", readOnly: true },
    /** The change as delivered (JSON), or only its keys when it was too large to keep. */
    change: { type: "string", required: true },
    attempts: { type: "number", required: true },
    status: { type: FailureStatuses, required: true },
    error: { type: "string", required: true },
    firstFailedAt: { type: "string", required: true, readOnly: true },
    lastFailedAt: { type: "string", required: true },
    resolvedAt: { type: "string" },
    resolvedBy: { type: "string" },
    /** The operator asked for it to run again (by whom): the stream's handler runs it (handler.ts). */
    reprocessRequestedAt: { type: "string" },
    reprocessRequestedBy: { type: "string" },
    /** Epoch seconds: a failure that healed on redelivery is forgotten after a while. */
    expiresAt: { type: "number" },
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("rfail", ["failureId"]) },
    byStatus: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["tenantId", "status"], template: "t#${tenantId}#rfail#${status}", casing: "none" },
      sk: { field: "gsi1sk", composite: ["lastFailedAt", "failureId"], template: "${lastFailedAt}#${failureId}", casing: "none" },
    },
  },
});
