import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, parse, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import type { BuildOptions, Metafile } from "esbuild";
import type { NodeJSProps } from "sst/constructs";
import { LAMBDA_ARCHITECTURE, LAMBDA_NODEJS, LAMBDA_RUNTIME } from "../../../infra/lambda";

/**
 * `npm run bench:bundles` (also the "bundles" section of `npm run bench`): each Lambda's bundle as infra deploys it,
 * built here with the same esbuild and the same options, and measured: minified size, gzipped size (about what the
 * zip costs to download), module init time (the bundle imported in a fresh `node` with a Lambda's environment,
 * median of 5), and the largest packages in the API bundle.
 *
 * The options are SST 2.49.8's own (sst/runtime/handlers/node.js, deploy mode) applied to `LAMBDA_NODEJS`, the
 * `nodejs` props infra/functions.ts gives every function; test/infra/app.test.ts checks that the API bundle built here
 * is byte for byte the one SST builds in the synthesised app, and test/infra/bundles.test.ts holds its size to a budget.
 */

export const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Every Lambda of the app, by the handler infra gives it (test/infra/app.test.ts checks that the list is complete). */
export const FUNCTIONS = [
  { name: "api", handler: "functions/src/api/lambda.handler", memoryMb: 1024 },
  { name: "inbound", handler: "functions/src/mail/inbound.handler", memoryMb: 1024 },
  { name: "inbound-retry", handler: "functions/src/mail/inbound-failures.handler", memoryMb: 1024 },
  { name: "inbound-sweep", handler: "functions/src/mail/inbound-sweep.handler", memoryMb: 1024 },
  { name: "timer", handler: "functions/src/timer/handler.handler", memoryMb: 512 },
  { name: "stream", handler: "functions/src/stream/handler.handler", memoryMb: 1024 },
] as const;

export type LambdaFunction = (typeof FUNCTIONS)[number];

/** The SST version whose build this file reproduces; another one must be read again before trusting the figures. */
const SST_VERSION = "2.49.8";

const requireHere = createRequire(import.meta.url);

/** The esbuild SST itself imports (sst/node_modules/esbuild, 0.18.13 with sst 2.49.8), not the newer one vite uses. */
function sstEsbuild(): typeof import("esbuild") {
  const version = (requireHere("sst/package.json") as { version: string }).version;
  if (version !== SST_VERSION) {
    throw new Error(`sst is ${version}; packages/local/bench/bundles.ts reproduces sst ${SST_VERSION}'s build: check sst/runtime/handlers/node.js`);
  }
  return createRequire(requireHere.resolve("sst/runtime/handlers/node.js"))("esbuild") as typeof import("esbuild");
}

/** The source file of a handler, as SST finds it: the first of these extensions that exists. */
export function entryOf(handler: string): string {
  const parsed = parse(handler);
  const file = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]
    .map((ext) => join(parsed.dir, parsed.name + ext))
    .find((candidate) => existsSync(join(rootDir, candidate)));
  if (!file) throw new Error(`Could not find file for handler "${handler}"`);
  return file;
}

/**
 * The esbuild options SST 2.49.8 builds a Node.js function with for `sst deploy` (runtime/handlers/node.js, `build`,
 * mode "deploy"): forced externals, keepNames, the ESM banner that gives the bundle `require` and `__dirname`, a
 * source map (uploaded apart from the code), then `nodejs.esbuild` over everything but `external`.
 */
export function sstBuildOptions(entry: string, outfile: string, nodejs: NodeJSProps = LAMBDA_NODEJS): BuildOptions {
  if ((nodejs.format ?? "esm") !== "esm") throw new Error("Only ESM functions are reproduced here");
  if (nodejs.splitting) throw new Error("Code splitting is not reproduced here (one output file per function)");
  const forceExternal = ["sharp", "pg-native"];
  const { external, ...override } = (nodejs.esbuild ?? {}) as BuildOptions;
  return {
    entryPoints: [entry],
    platform: "node",
    external: [...forceExternal, ...(nodejs.install ?? []), ...(external ?? [])],
    loader: nodejs.loader,
    keepNames: true,
    bundle: true,
    logLevel: "silent",
    metafile: true,
    format: "esm",
    target: "esnext",
    mainFields: ["module", "main"],
    banner: {
      js: [
        `import { createRequire as topLevelCreateRequire } from 'module';`,
        `const require = topLevelCreateRequire(import.meta.url);`,
        `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
        `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
        nodejs.banner || "",
      ].join("\n"),
    },
    outfile,
    sourcemap: nodejs.sourcemap === false ? false : true,
    minify: nodejs.minify,
    // SST leaves the working directory to esbuild (process.cwd(), the project's root under `sst deploy`); fixed here
    // so that the bench gives the same bytes from any directory.
    absWorkingDir: rootDir,
    ...override,
  };
}

export interface Bundle {
  fn: LambdaFunction;
  /** The bundled handler, where SST would put it relative to the function's artifact folder. */
  file: string;
  bytes: number;
  gzipBytes: number;
  metafile: Metafile;
}

/**
 * Bundles one function into `outDir` (functions/src/<dir>/<name>.mjs under it, as in SST's artifact folder).
 * `nodejs` defaults to what infra gives every function.
 */
export async function bundle(fn: LambdaFunction, outDir: string, nodejs: NodeJSProps = LAMBDA_NODEJS): Promise<Bundle> {
  const entry = entryOf(fn.handler);
  const parsed = parse(entry);
  const file = join(outDir, parsed.dir, `${parsed.name.replace(".", "-")}.mjs`);
  const result = await sstEsbuild().build(sstBuildOptions(entry, file, nodejs));
  const code = readFileSync(file);
  return { fn, file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, metafile: result.metafile! };
}

/**
 * What a function's process has in its environment on Lambda, with local stand-ins: the variables infra/functions.ts
 * and SST set (test/infra/app.test.ts checks that none is missing here) and those the Lambda runtime sets. Nothing from this
 * process's own environment (NODE_OPTIONS would load tsx into the child, for one).
 */
export function lambdaEnvironment(fn: LambdaFunction, taskRoot: string): Record<string, string> {
  const region = "us-east-1";
  const account = "123456789012";
  return {
    // infra/functions.ts
    TABLE_NAME: "bench-frontline-table",
    INBOUND_DOMAIN: "frontline.localhost",
    MAIL_BUCKET: "bench-frontline-mail",
    SCHEDULE_GROUP: "bench-frontline-timers",
    SCHEDULER_ROLE_ARN: `arn:aws:iam::${account}:role/bench-scheduler`,
    TIMER_DLQ_ARN: `arn:aws:sqs:${region}:${account}:bench-timer-dlq`,
    TIMER_FUNCTION_ARN: `arn:aws:lambda:${region}:${account}:function:bench-frontline-timer`,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    APP_URL: "http://localhost:3000",
    // infra/api.ts: the API's alone (its adapter refuses to start without it)
    ...(fn.name === "api" ? { ORIGIN_SECRET: "bench-origin-secret" } : {}),
    // infra/search.ts: the functions that search or feed the index
    ...(fn.name === "api" || fn.name === "stream" ? { SEARCH_ENDPOINT: "https://bench0000000000.us-east-1.aoss.amazonaws.com", SEARCH_INDEX_PREFIX: "frontline" } : {}),
    // SST's own, on every function it builds.
    SST_APP: "frontline",
    SST_STAGE: "bench",
    SST_SSM_PREFIX: "/sst/frontline/bench/",
    AWS_NODEJS_CONNECTION_REUSE_ENABLED: "1",
    // The Lambda runtime's own (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${LAMBDA_RUNTIME}`,
    AWS_LAMBDA_FUNCTION_NAME: `bench-frontline-${fn.name}`,
    AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/bench-frontline-${fn.name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef",
    AWS_ACCESS_KEY_ID: "AKIDBENCHBENCHBENCH0",
    AWS_SECRET_ACCESS_KEY: "bench-secret",
    AWS_SESSION_TOKEN: "bench-session",
    AWS_XRAY_CONTEXT_MISSING: "LOG_ERROR",
    AWS_XRAY_DAEMON_ADDRESS: "169.254.79.129:2000",
    _X_AMZN_TRACE_ID: "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0",
    _HANDLER: fn.handler,
    LAMBDA_TASK_ROOT: taskRoot,
    LAMBDA_RUNTIME_DIR: "/var/runtime",
    LANG: "en_US.UTF-8",
    TZ: ":UTC",
    PATH: "/usr/local/bin:/usr/bin:/bin",
  };
}

/**
 * Imports the bundle in a fresh `node` (this machine's) with the function's environment and returns how long the
 * import took (its module init: every top-level statement of the bundle), `runs` times.
 */
export async function initTimes(b: Bundle, taskRoot: string, runs = 5): Promise<number[]> {
  const script = `
const started = performance.now();
const module = await import(process.argv[1]);
const ms = performance.now() - started;
if (typeof module.handler !== "function") throw new Error("no handler export");
process.stdout.write(JSON.stringify({ ms }));
`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, pathToFileURL(b.file).href], {
      cwd: taskRoot,
      env: lambdaEnvironment(b.fn, taskRoot),
      timeout: 60_000,
    });
    times.push((JSON.parse(stdout) as { ms: number }).ms);
  }
  return times;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The package a bundled input file belongs to: the npm package under the last node_modules, else the workspace. */
export function packageOf(input: string): string {
  const at = input.lastIndexOf("node_modules/");
  if (at >= 0) {
    const [first, second] = input.slice(at + "node_modules/".length).split("/");
    return first!.startsWith("@") ? `${first}/${second}` : first!;
  }
  if (input.startsWith("packages/")) return `@frontline/${input.split("/")[1]}`;
  if (input.startsWith("functions/")) return "@frontline/functions";
  return input.split("/")[0]!;
}

/** Bytes of the output file that each package contributes (after minification), largest first. */
export function packagesOf(b: Bundle): { name: string; bytes: number; files: number }[] {
  const output = Object.entries(b.metafile.outputs).find(([path]) => path.endsWith(".mjs"))?.[1];
  if (!output) throw new Error(`No .mjs output in the metafile of ${b.fn.name}`);
  const byPackage = new Map<string, { bytes: number; files: number }>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = packageOf(input);
    const entry = byPackage.get(name) ?? { bytes: 0, files: 0 };
    entry.bytes += bytesInOutput;
    entry.files += 1;
    byPackage.set(name, entry);
  }
  return [...byPackage].map(([name, v]) => ({ name, ...v })).sort((a, b) => b.bytes - a.bytes);
}

export interface BundleRow {
  name: string;
  entry: string;
  bytes: number;
  gzipBytes: number;
  initMs: number;
  initRuns: number[];
}

export interface BundleReport {
  rows: BundleRow[];
  apiPackages: { name: string; bytes: number; files: number }[];
  apiBytes: number;
}

/** Builds and measures every function (in a temporary folder outside the repository: no node_modules to fall back on). */
export async function measureBundles(options: { runs?: number; top?: number } = {}): Promise<BundleReport> {
  const outDir = mkdtempSync(join(tmpdir(), "frontline-bundles-"));
  try {
    const rows: BundleRow[] = [];
    let apiPackages: BundleReport["apiPackages"] = [];
    let apiBytes = 0;
    for (const fn of FUNCTIONS) {
      const taskRoot = join(outDir, fn.name);
      const b = await bundle(fn, taskRoot);
      const runs = await initTimes(b, taskRoot, options.runs ?? 5);
      rows.push({ name: fn.name, entry: entryOf(fn.handler), bytes: b.bytes, gzipBytes: b.gzipBytes, initMs: median(runs), initRuns: runs });
      if (fn.name === "api") {
        apiPackages = packagesOf(b).slice(0, options.top ?? 15);
        apiBytes = b.bytes;
      }
    }
    return { rows, apiPackages, apiBytes };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toLocaleString("en", { maximumFractionDigits: 0 })} KB`;

/** A Markdown table, the first `left` columns aligned left and the others right. */
function render(rows: string[][], left: number): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => (i < left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ") + " |";
  return [line(rows[0]!), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...rows.slice(1).map(line)].join("\n");
}

export function formatBundles(report: BundleReport): string {
  const functions = [
    ["function", "entry", LAMBDA_NODEJS.minify ? "minified" : "size", "gzip", "init ms (median)", "init ms (runs)"],
    ...report.rows.map((r) => [r.name, r.entry, kb(r.bytes), kb(r.gzipBytes), r.initMs.toFixed(0), r.initRuns.map((t) => t.toFixed(0)).join(" ")]),
  ];
  const packages = [
    ["package", "bytes", "share", "files"],
    ...report.apiPackages.map((p) => [p.name, kb(p.bytes), `${((100 * p.bytes) / report.apiBytes).toFixed(1)}%`, String(p.files)]),
  ];
  const target = String(LAMBDA_NODEJS.esbuild?.target ?? "esnext");
  return [
    `Lambda bundles as infra builds them (esbuild ${sstEsbuild().version} via sst ${SST_VERSION}, for ${LAMBDA_RUNTIME} ${LAMBDA_ARCHITECTURE}; ` +
      `ESM, minify ${LAMBDA_NODEJS.minify ? "on" : "off"}, target ${target}):`,
    "",
    render(functions, 2),
    "",
    `Init: the bundle imported in a fresh node ${process.version} on this machine (${availableParallelism()} cores, load ` +
      `${loadavg().map((l) => l.toFixed(1)).join(" ")}), with a Lambda's environment (stand-in values).`,
    "",
    `The ${report.apiPackages.length} largest packages in the API bundle (their bytes in the output, from esbuild's metafile):`,
    "",
    render(packages, 1),
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  measureBundles()
    .then((report) => console.log(formatBundles(report)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
