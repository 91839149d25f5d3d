import { resolve } from "node:path";
import { Aspects, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { App, getStack } from "sst/constructs";
import type { FunctionalStack } from "sst/constructs/FunctionalStack.js";
import { initProject } from "sst/project.js";
import { afterAll, beforeAll } from "vitest";

export const rootDir = resolve(import.meta.dirname, "../..");

/**
 * Synthesises the app offline, as STACK.md describes: no AWS calls (vitest sets NODE_ENV=test, which SST checks),
 * functions bundled with the local esbuild into .sst/artifacts. Call it once per test file: SST keeps the project
 * in module state, and each test file runs in its own worker.
 */
export async function synthesize(stage: string, mount: (app: App) => void | Promise<void>): Promise<App> {
  await initProject({ stage });
  const app = new App({ mode: "deploy", stage, name: "frontline" });
  // cdk-nag's AwsSolutions pack on every stack (nagFindings reads what it found). No report files: nothing to keep.
  Aspects.of(app).add(new AwsSolutionsChecks({ reports: false }));
  await mount(app);
  await app.finish();
  return app;
}

/**
 * Deploy-time settings (infra/config.ts reads them from the environment when the app is synthesised) for the test file
 * that calls this, set before its other `beforeAll` hooks and removed after its tests.
 */
export function deployEnv(env: Record<string, string>): void {
  beforeAll(() => {
    Object.assign(process.env, env);
  });
  afterAll(() => {
    for (const name of Object.keys(env)) delete process.env[name];
  });
}

/**
 * What cdk-nag's AwsSolutions pack found and nobody explained, in every stack: "<stack path>: <rule>" for each error
 * and warning. A suppression (NagSuppressions, next to the resource it concerns) carries its reason in the template.
 */
export function nagFindings(app: App): { errors: string[]; warnings: string[] } {
  // The assembly as already synthesised: a forced synthesis (Annotations.fromStack) would run SST's own aspects twice.
  const assembly = app.synth();
  const found = (level: string) =>
    stacksOf(app).flatMap((stack) =>
      assembly
        .getStackArtifact(stack.artifactId)
        .messages.filter((m) => m.level === level && String(m.entry.data).startsWith("AwsSolutions-"))
        .map((m) => `${m.id}: ${String(m.entry.data).split(":")[0]}`),
    );
  return { errors: found("error"), warnings: found("warning") };
}

export function templateOf(stack: FunctionalStack<unknown>): Template {
  return Template.fromStack(getStack(stack));
}

export function stacksOf(app: App): Stack[] {
  return app.node.children.filter((child): child is Stack => child instanceof Stack);
}

// Templates are untyped JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Resources of a type, as [logicalId, resource] pairs. */
export function resourcesOf(template: Template, type: string): [string, Json][] {
  return Object.entries(template.findResources(type));
}

/** The single resource of a type matching `where`, failing when there is none or several. */
export function onlyResource(template: Template, type: string, where: (props: Json) => boolean = () => true) {
  const matches = resourcesOf(template, type).filter(([, resource]) => where(resource.Properties ?? {}));
  if (matches.length !== 1) throw new Error(`Expected one ${type}, found ${matches.length}`);
  const [id, resource] = matches[0]!;
  return { id, resource, props: resource.Properties as Json };
}

export interface FoundStatement {
  stack: string;
  resource: string;
  statement: Json;
}

/**
 * Every IAM policy statement in a template: identity policies (AWS::IAM::Policy, ManagedPolicy, a role's inline
 * Policies), trust policies and resource policies (bucket policies and the like): any `Statement` list anywhere in
 * a resource's properties.
 */
export function policyStatements(stackName: string, template: Template): FoundStatement[] {
  const found: FoundStatement[] = [];
  const visit = (resource: string, value: Json): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(resource, item));
    if (!value || typeof value !== "object") return;
    for (const [key, child] of Object.entries(value)) {
      if (key === "Statement") {
        for (const statement of [child].flat()) found.push({ stack: stackName, resource, statement });
      } else visit(resource, child);
    }
  };
  for (const [id, resource] of Object.entries(template.toJSON().Resources ?? {})) visit(id, (resource as Json).Properties);
  return found;
}

/** A statement's actions (Action or NotAction) as a list of strings. */
export function actionsOf(statement: Json): string[] {
  return [statement.Action ?? [], statement.NotAction ?? []].flat();
}
