import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { Api as HttpApi, use, type StackContext } from "sst/constructs";
import { useProject } from "sst/project.js";
import { inboundDomain } from "./config";
import { appFunction } from "./functions";
import { Storage } from "./storage";
import { Timers } from "./timers";

/** Every path under /api reaches the one function; the Hono app does the routing (and answers 404 itself). */
export const API_ROUTES = ["ANY /api", "ANY /api/{proxy+}"] as const;

export const API_HANDLER = "functions/src/api/lambda.handler";

/** The Lambda architecture, and the prebuilt @node-rs/argon2 binary that matches it (Lambda's Linux is glibc). */
export const API_ARCHITECTURE = "x86_64";
export const ARGON2_BINDING = { package: "@node-rs/argon2-linux-x64-gnu", file: "argon2.linux-x64-gnu.node" } as const;

/**
 * How the argon2 native binary reaches Lambda.
 *
 * SST's `nodejs.install: ["@node-rs/argon2"]` does not work for it: SST runs `npm install --omit=optional` in the
 * bundle folder, and @node-rs/argon2 ships its binaries as optional dependencies, so the bundle gets the JS loader
 * without any binary (measured: "added 1 package"), and every cold start fails with "Cannot find native binding".
 * It would also fetch `@node-rs/argon2@*` from the registry on every synthesis, tests included, unpinned (the version
 * comes from functions/package.json, which does not list it).
 *
 * Instead, esbuild bundles @node-rs/argon2's JS loader (the per-platform packages are marked external, as esbuild
 * cannot bundle a .node file), and the linux-x64-gnu binary from the pinned, already installed package is copied
 * next to the bundled handler (functions/src/api/lambda.mjs in the zip). The loader first tries
 * `require("./argon2.linux-x64-gnu.node")`, which the ESM bundle's createRequire(import.meta.url) resolves relative
 * to the bundle, so the binary is found without node_modules and without network. test/infra/app.test.ts runs the
 * built bundle (a sign-up, so an argon2 hash) from a copy outside the repository to prove it.
 */
export function argon2Binding(root: string): { from: string; to: string } {
  const fromHandler = createRequire(join(root, "functions", "src", "api", "lambda.ts"));
  const loader = fromHandler.resolve("@node-rs/argon2/package.json");
  const fromLoader = createRequire(loader);
  let bindingManifest: string;
  try {
    bindingManifest = fromLoader.resolve(`${ARGON2_BINDING.package}/package.json`);
  } catch {
    throw new Error(
      `${ARGON2_BINDING.package} is not installed, so the API function would have no argon2 binary for Lambda ` +
        `(${API_ARCHITECTURE}, Linux glibc). npm only installs the binary for the machine it runs on; on another ` +
        `platform add it with: npm install --no-save --force ${ARGON2_BINDING.package}@${version(loader)}`,
    );
  }
  if (version(bindingManifest) !== version(loader)) {
    throw new Error(
      `${ARGON2_BINDING.package}@${version(bindingManifest)} does not match @node-rs/argon2@${version(loader)}: reinstall it ` +
        `at the same version.`,
    );
  }
  const binary = join(dirname(bindingManifest), ARGON2_BINDING.file);
  if (!existsSync(binary)) throw new Error(`Missing ${binary}: reinstall ${ARGON2_BINDING.package}.`);
  // SST joins copyFiles.from to the project root, so it must be relative; `to` is relative to the bundle's root.
  return { from: relative(root, binary), to: join(dirname(API_HANDLER), ARGON2_BINDING.file) };
}

function version(manifest: string): string {
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** API Gateway HTTP API (payload v2) with every /api route on the one Lambda that serves the Hono app. */
export function Api({ app, stack }: StackContext) {
  const { table, bucket } = use(Storage);
  const { timers } = use(Timers);

  const handler = appFunction(stack, "ApiFunction", { table, bucket, timers, inboundDomain: inboundDomain(app.stage) }, {
    handler: API_HANDLER,
    architecture: API_ARCHITECTURE,
    // argon2id takes ~19 MiB per hash and its speed scales with the CPU share Lambda gives to memory.
    memorySize: 1024,
    // Below the HTTP API's 30 s integration limit, so a slow request ends as a Lambda timeout we can see in logs.
    timeout: 20,
    copyFiles: [argon2Binding(useProject().paths.root)],
  });

  const api = new HttpApi(stack, "Api", {
    // The browser reaches the API through the site's CloudFront distribution (same origin, see infra/web.ts),
    // so no cross-origin access is granted.
    cors: false,
    routes: Object.fromEntries(API_ROUTES.map((route) => [route, handler])),
  });

  stack.addOutputs({ ApiUrl: api.url });
  return { api, handler };
}
