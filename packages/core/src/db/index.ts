export { Table, createTableInput, type GlobalIndexName } from "./table";
export { useDb, entities } from "./service";
export { useDynamo } from "./client";
export { CallMeter, CapacityMeter, type CallCount } from "./capacity";
export { PLATFORM_TENANT_ID } from "./keys";
export { transact } from "./transaction";
export { isConditionFailure } from "./condition";
export { asMaintenance, maintenanceTask } from "./maintenance";
