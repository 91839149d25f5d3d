import { Entity } from "../db/entity";
import { sortKey, tenantIdAttribute, tenantPartition, timestamps } from "../db/keys";

/** The platform's plan catalog, stored under the reserved `_platform` tenant. */
export const PlanEntity = new Entity({
  model: { entity: "plan", version: "1", service: "frontline" },
  attributes: {
    tenantId: tenantIdAttribute,
    planId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    pricePerDayMinor: { type: "number", required: true },
    currency: { type: "string", required: true },
    /** Staff seats included; null means unlimited. */
    staffLimit: { type: "number" },
    /** New tickets a day; null means unlimited. */
    dailyTicketLimit: { type: "number" },
    features: { type: "set", items: "string" },
    addOns: {
      type: "list",
      items: {
        type: "map",
        properties: {
          addOnId: { type: "string", required: true },
          name: { type: "string", required: true },
          pricePerDayMinor: { type: "number", required: true },
        },
      },
    },
    ...timestamps,
  },
  indexes: {
    byId: { pk: tenantPartition, sk: sortKey("plan", ["planId"]) },
  },
});
