import type { FunctionProps, NodeJSProps } from "sst/constructs";

/**
 * How every Lambda of the app runs. No construct here (nothing but constants), so that the bundle benchmark
 * (packages/local/bench/bundles.ts) reads the same settings as infra/functions.ts without loading the CDK.
 */

/** A runtime Lambda supports (nodejs20.x is deprecated); SST 2.49.8 and aws-cdk-lib 2.224 know it. */
export const LAMBDA_RUNTIME = "nodejs22.x" satisfies FunctionProps["runtime"];

/**
 * Graviton: cheaper per GB-second than x86_64, and the bundles are plain JavaScript and WebAssembly (no native
 * module: passwords are hashed by hash-wasm), so nothing depends on the architecture.
 */
export const LAMBDA_ARCHITECTURE = "arm_64" satisfies FunctionProps["architecture"];

/**
 * How SST bundles every function (esbuild; SST adds the rest, see packages/local/bench/bundles.ts, which builds and
 * measures the very same bundles): ESM; minified, so that a cold start reads and compiles less code (keepNames, which
 * SST always sets, keeps class and function names, so errors still say what they are); for the runtime's Node.js
 * rather than SST's default "esnext". Nothing is external: no native module, no node_modules in the zip.
 *
 * `tsconfigRaw` makes the build deterministic. Left to find tsconfig.json itself, SST's esbuild (0.18.13) adds
 * "use strict" (from `strict`, i.e. alwaysStrict) to some of our modules or not depending on which import of them it
 * resolves first (esbuild issue #3284): builds of the same code differed by a few dozen bytes, so the asset hash and
 * the deployed code changed on every deploy. ESM is strict anyway, and the output is otherwise identical (checked for
 * every function). tsconfigRaw stands in for tsconfig.json in the build: nothing else in it changes esbuild's
 * output today; a `paths` or decorators setting added there later would have to be added here too.
 *
 * `charset: "utf8"` keeps text as it is written: esbuild's default writes every character outside ASCII as a \u escape,
 * six bytes for a Cyrillic letter that UTF-8 writes in two, and the server carries its letters and error messages in
 * Russian, Ukrainian, Kazakh and Hungarian. Node.js reads its code as UTF-8.
 */
export const LAMBDA_NODEJS: NodeJSProps = {
  format: "esm",
  minify: true,
  esbuild: { target: "node22", charset: "utf8", tsconfigRaw: { compilerOptions: { alwaysStrict: false } } },
};
