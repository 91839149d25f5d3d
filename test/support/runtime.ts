import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { configure } from "@frontline/core/config";
import { fakeDns } from "./dns";
import { startRuntime, type Runtime, type RuntimeOptions } from "../../packages/local/src/runtime";

/**
 * The local runtime on a free port, over the run's DynamoDB Local and a table of its own; its SMTP server checks
 * senders against a DNS of no records (tests reach no network) unless the test gives one.
 */
export function startTestRuntime(options: Partial<RuntimeOptions> = {}): Promise<Runtime> {
  // Every workspace an end-to-end file opens comes from 127.0.0.1: lift the daily sign-ups per source.
  configure({ signupsPerSourcePerDay: 1_000_000 });
  return startRuntime({
    port: 0,
    dynamoEndpoint: inject("dynamoEndpoint"),
    tableName: `test-${randomBytes(6).toString("hex")}`,
    mailResolver: fakeDns().resolve,
    ...options,
  });
}
