import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { startRuntime, type Runtime, type RuntimeOptions } from "../../packages/local/src/runtime";

/** The local runtime on a free port, over the run's DynamoDB Local and a table of its own. */
export function startTestRuntime(options: Partial<RuntimeOptions> = {}): Promise<Runtime> {
  return startRuntime({
    port: 0,
    dynamoEndpoint: inject("dynamoEndpoint"),
    tableName: `test-${randomBytes(6).toString("hex")}`,
    ...options,
  });
}
