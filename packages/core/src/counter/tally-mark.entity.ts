import { Entity } from "../db/entity";
import { tenantIdAttribute } from "../db/keys";

/**
 * Says that a change's contribution to some counters has been added (Counter.applyOnce): written in the same
 * transaction as the counters, so a change delivered again adds nothing. One partition per change; DynamoDB deletes
 * the mark after a couple of days, long after the stream has stopped delivering the change.
 */
export const TallyMarkEntity = new Entity({
  model: { entity: "tallyMark", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    /** `<tally>#<change id>`. */
    markId: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["tenantId", "markId"], template: "t#${tenantId}#tally#${markId}", casing: "none" },
      sk: { field: "sk", composite: [], template: "mark", casing: "none" },
    },
  },
});
