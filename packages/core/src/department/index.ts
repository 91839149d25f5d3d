import type { EntityItem } from "electrodb";
import { useTenantId } from "../actor";
import { useDb } from "../db/service";
import type { DepartmentEntity } from "./department.entity";

export type Info = Pick<EntityItem<typeof DepartmentEntity>, "departmentId" | "name" | "description" | "isDefault" | "createdAt">;

/** The department every workspace starts with. */
export const DEFAULT_NAME = "Support";

export function view(item: EntityItem<typeof DepartmentEntity>): Info {
  return {
    departmentId: item.departmentId,
    name: item.name,
    description: item.description,
    isDefault: item.isDefault,
    createdAt: item.createdAt,
  };
}

/** The current tenant's departments, by name. */
export async function list(): Promise<Info[]> {
  const result = await useDb().entities.department.query.byId({ tenantId: useTenantId() }).go({ pages: "all" });
  return result.data.map(view).sort((a, b) => a.name.localeCompare(b.name));
}

export * as Department from "./index";
