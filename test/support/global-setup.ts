import type { TestProject } from "vitest/node";
import { startDynamoLocal, type DynamoLocal } from "../../packages/local/src/dynamo";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

let dynamo: DynamoLocal | undefined;

/** One DynamoDB Local (in memory) for the whole run; test files isolate themselves with their own tables. */
export async function setup(project: TestProject) {
  dynamo = await startDynamoLocal();
  project.provide("dynamoEndpoint", dynamo.endpoint);
}

export async function teardown() {
  await dynamo?.stop();
}
