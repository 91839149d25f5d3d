import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { configure } from "@frontline/core/config";
import { Plan } from "@frontline/core/plan";
import { ensureTable } from "../../packages/local/src/dynamo";

/**
 * Points the core at a fresh table of its own on the run's DynamoDB Local and returns its name.
 * Call it in `beforeAll`; tables are dropped with the in-memory database at the end of the run.
 */
export async function useTestTable(): Promise<string> {
  const endpoint = inject("dynamoEndpoint");
  const tableName = `test-${randomBytes(6).toString("hex")}`;
  await ensureTable(endpoint, tableName);
  configure({ tableName, dynamoEndpoint: endpoint });
  await Plan.ensureCatalog();
  return tableName;
}
