import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition, timestamps } from "../db/keys";

/** A ticket category (Support, Complaints, Payments...) with its own staff access. */
export const DepartmentEntity = new Entity({
  model: { entity: "department", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    departmentId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    description: { type: "string" },
    isDefault: { type: "boolean", required: true, default: false },
    /**
     * The local part after "+" of the department's inbound address (`<slug>+<address>@<domain>`), unique in the
     * workspace. Unset on departments made before it existed: theirs is their name in Latin letters.
     */
    address: { type: "string" },
    /** An archived department takes no new tickets and leaves the pickers; its tickets stay where they are. */
    archivedAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("dept", ["departmentId"]) },
  },
});
