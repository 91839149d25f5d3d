import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";

/**
 * Every test of the project, in one `vitest run`:
 *   core       pure domain logic and the data layer against real DynamoDB Local
 *   functions  the HTTP API (through the app object and the Lambda adapter) against DynamoDB Local
 *   infra      the SST stacks synthesised offline, asserted as CloudFormation templates
 *   web        SolidJS components in happy-dom
 *   e2e        the real runtime: `npm start`, and the web app driven in Chromium
 * DynamoDB Local is started once for the run (test/support/global-setup.ts); each test file uses its own table.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.SST_TELEMETRY_DISABLED = "1";

/**
 * The API's request limits count requests per second, so a test that is not about them would pass or fail with the
 * machine's speed: they are off unless a test sets its own (functions/test/request-limit.test.ts does, with rates
 * that cannot refill during a test). Processes the tests start inherit it.
 */
const env = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  SST_TELEMETRY_DISABLED: "1",
  REQUEST_LIMITS: "off",
};

/**
 * Time limits per test and per hook in the core and functions projects (vitest's defaults are 5 s and 10 s). Their
 * files run in parallel workers that share the machine's cores with DynamoDB Local, and every sign-up, invitation and
 * sign-in (right or wrong) costs one argon2id in WebAssembly (~90 ms of CPU here, core/auth/password.ts). The defaults
 * were already nearly reached before (4.3 s measured for a burst of concurrent ticket creations on 2 cores); a test
 * making 30 failed sign-ins needs ~3 s of hashing alone, and a hook seeding 36 tickets took over 10 s under load.
 * The limits catch hangs; speed is measured by `npm run bench`.
 */
const DOMAIN_TIMEOUTS = { testTimeout: 20_000, hookTimeout: 30_000 };

/** Each test file has a DynamoDB Local database of its own (test/support/local-key.ts), and may not scan (no-scan.ts). */
const setupFiles = ["test/support/local-key.ts", "test/support/no-scan.ts"];

export default defineConfig({
  test: {
    globalSetup: ["test/support/global-setup.ts"],
    env,
    projects: [
      {
        test: {
          name: "core",
          environment: "node",
          include: ["packages/core/**/*.test.ts", "packages/local/**/*.test.ts"],
          setupFiles,
          env,
          ...DOMAIN_TIMEOUTS,
        },
      },
      {
        test: { name: "functions", environment: "node", include: ["functions/**/*.test.ts"], setupFiles, env, ...DOMAIN_TIMEOUTS },
      },
      {
        test: {
          name: "infra",
          environment: "node",
          include: ["test/infra/**/*.test.ts"],
          setupFiles,
          env,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        plugins: [solid()],
        resolve: { conditions: ["development", "browser"] },
        test: { name: "web", environment: "happy-dom", include: ["web/**/*.test.{ts,tsx}"], setupFiles: ["web/test/catalogues.ts"], env },
      },
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          setupFiles,
          env,
          // A page shows a change once its request is answered; under the whole suite's load that can take seconds.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
