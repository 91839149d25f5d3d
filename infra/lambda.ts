import type { FunctionProps } from "sst/constructs";

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
