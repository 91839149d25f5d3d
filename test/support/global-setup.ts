import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startDynamoLocal, type DynamoLocal } from "../../packages/local/src/dynamo";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    /** A folder of the run's own for files tests make (search indexes), removed when the run ends. */
    scratchDir: string;
  }
}

let dynamo: DynamoLocal | undefined;
let scratch: string | undefined;

/** One DynamoDB Local (in memory) for the whole run; test files isolate themselves with their own tables. */
export async function setup(project: TestProject) {
  dynamo = await startDynamoLocal();
  project.provide("dynamoEndpoint", dynamo.endpoint);
  scratch = mkdtempSync(join(tmpdir(), "frontline-run-"));
  project.provide("scratchDir", scratch);
}

export async function teardown() {
  await dynamo?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
