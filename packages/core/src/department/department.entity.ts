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
    /** An archived department takes no new tickets and leaves the pickers; its tickets stay where they are. */
    archivedAt: { type: "string" },
    ...timestamps,
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("dept", ["departmentId"]) },
  },
});
