import { availableParallelism } from "node:os";
import { Throttle } from "@frontline/core/auth";
import { CapacityMeter } from "@frontline/core/db";
import { startRuntime } from "../src/runtime";
import { measure, table, type Row } from "./harness";

/**
 * `npm run bench`: the local runtime (DynamoDB Local in memory, the HTTP server) driven over loopback HTTP.
 * Figures are for this machine and DynamoDB Local; DynamoDB's capacity units are what AWS would bill per operation.
 * Set BENCH_SCALE=0.2 for a quick run.
 */
const scale = Number(process.env.BENCH_SCALE ?? 1);
const n = (count: number) => Math.max(10, Math.round(count * scale));

async function main() {
  CapacityMeter.enable();
  const runtime = await startRuntime({ port: 0 });
  const url = runtime.url;
  const json = (method: string, path: string, body?: unknown, token?: string) =>
    fetch(url + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const rows: Row[] = [];
  try {
    const runId = Date.now().toString(36);
    rows.push(
      await measure("POST /api/signup", n(40), 4, async (i) => {
        const r = await json("POST", "/api/signup", {
          workspaceName: `Bench ${i}`,
          slug: `bench-${runId}-${i}`,
          ownerName: "Bench Owner",
          email: `owner${i}@bench.example`,
          password: "benchmark passphrase",
        });
        await r.arrayBuffer();
        return r.status === 201;
      }),
    );

    const credentials = { slug: `bench-${runId}-0`, email: "owner0@bench.example", password: "benchmark passphrase" };
    rows.push(
      await measure("POST /api/auth/login", n(200), 8, async () => {
        const r = await json("POST", "/api/auth/login", credentials);
        await r.arrayBuffer();
        return r.status === 200;
      }),
    );

    const token = ((await (await json("POST", "/api/auth/login", credentials)).json()) as { token: string }).token;
    rows.push(
      await measure("GET /api/me", n(2000), 16, async () => {
        const r = await json("GET", "/api/me", undefined, token);
        await r.arrayBuffer();
        return r.status === 200;
      }),
    );
    // One source may fail 30 times in 15 minutes (core/auth/throttle.ts): first the full cost of a refused password
    // (an argon2 check against a decoy hash, as for an unknown account), then the cost of refusing a locked source.
    const wrong = (i: number) => ({ ...credentials, email: `nobody${i}@bench.example`, password: "wrong" });
    rows.push(
      await measure("POST /api/auth/login (wrong password: 401)", Throttle.Limits.perSource, 6, async (i) => {
        const r = await json("POST", "/api/auth/login", wrong(i));
        await r.arrayBuffer();
        return r.status === 401;
      }),
    );
    rows.push(
      await measure("POST /api/auth/login (locked source: 429)", n(200), 8, async (i) => {
        const r = await json("POST", "/api/auth/login", wrong(i));
        await r.arrayBuffer();
        return r.status === 429;
      }),
    );
  } finally {
    await runtime.stop();
  }

  console.log(`\nFrontline benchmark: local runtime over loopback HTTP, DynamoDB Local in memory, ${availableParallelism()} cores, Node ${process.version}\n`);
  console.log(table(rows));
  console.log("\nRCU/WCU: DynamoDB capacity units consumed per operation (as DynamoDB Local reports them).");
  if (rows.some((r) => r.errors > 0)) {
    console.error("\nSome operations failed; the figures above are not trustworthy.");
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
