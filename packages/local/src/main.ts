import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { useConfig } from "@frontline/core/config";
import { assertJava } from "./dynamo";
import { assertPortFree } from "./port";
import { startRuntime } from "./runtime";
import { DemoLogin, DemoOperator, DemoStaff, seedDemo } from "./seed";
import { buildWeb, webBuildNeeded } from "./web-build";

/**
 * `npm start`: the whole help desk on this machine. Options:
 *   --memory         keep nothing (DynamoDB Local in memory) instead of DATA_DIR
 *   PORT=3000        HTTP port of the console, admin panel and API
 *   HOST=127.0.0.1   address to listen on
 *   DATA_DIR=.data   where DynamoDB Local keeps its data
 *   INBOUND_DOMAIN   domain of the tenants' inbound addresses (frontline.localhost)
 */
const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const args = new Set(process.argv.slice(2));
let runtime: Awaited<ReturnType<typeof startRuntime>> | undefined;

function portFrom(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number, got "${process.env[name]}"`);
  return value;
}

async function main() {
  const port = portFrom("PORT", 3000);
  const smtpPort = portFrom("SMTP_PORT", 2525);
  const memory = args.has("--memory");
  const dataDir = resolve(rootDir, process.env.DATA_DIR ?? ".data");
  const webDir = join(rootDir, "web");

  assertJava();
  if (port !== 0) await assertPortFree(port, "HTTP");
  if (smtpPort !== 0) await assertPortFree(smtpPort, "SMTP");
  if (webBuildNeeded(webDir)) {
    console.log("Building the web app...");
    buildWeb(rootDir);
  }

  runtime = await startRuntime({
    port,
    host: process.env.HOST,
    smtpPort,
    dataDir: memory ? undefined : join(dataDir, "dynamodb"),
    filesDir: memory ? undefined : dataDir,
    inboundDomain: process.env.INBOUND_DOMAIN,
    smtpRelayUrl: process.env.SMTP_RELAY_URL || undefined,
    webDist: join(webDir, "dist"),
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping...`);
    await runtime?.stop();
    console.log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  const seeded = await seedDemo();
  console.log(
    [
      "",
      "Frontline is running.",
      "",
      `  Console and admin   ${runtime.url}/`,
      `  Sign up             ${runtime.url}/signup`,
      `  API                 ${runtime.url}/api  (health: ${runtime.url}/api/health)`,
      `  Inbound mail (SMTP) localhost:${runtime.smtpPort}  (workspaces' addresses: <workspace>@${useConfig().inboundDomain})`,
      `  Sent mail           ${runtime.outboxDir}  (one .eml file per message${process.env.SMTP_RELAY_URL ? ", also relayed" : ""})`,
      `  Data                ${memory ? "in memory (--memory): nothing is kept" : dataDir}`,
      "",
      `  Demo login (${seeded === "created" ? "just created" : "already there"}):`,
      `    workspace  ${DemoLogin.slug}`,
      `    email      ${DemoLogin.email}`,
      `    password   ${DemoLogin.password}`,
      `  Other demo staff (same workspace and password): ${DemoStaff.map((s) => `${s.email} (${s.role})`).join(", ")}`,
      `  Operator console    ${runtime.url}/operator  (${DemoOperator.email} / ${DemoOperator.password})`,
      "",
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
}

main().catch(async (error: Error) => {
  console.error(`\nFrontline could not start: ${error.message}`);
  await runtime?.stop().catch(() => undefined);
  process.exit(1);
});
