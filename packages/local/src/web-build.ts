import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** True when web/dist is missing or older than the web app's sources. */
export function webBuildNeeded(webDir: string): boolean {
  const built = join(webDir, "dist", "index.html");
  if (!existsSync(built)) return true;
  const sources = ["src", "index.html", "vite.config.ts", "public"].map((p) => join(webDir, p)).filter(existsSync);
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

/** Builds the web app with Vite, printing its output; throws when the build fails. */
export function buildWeb(rootDir: string): void {
  const result = spawnSync("npm", ["run", "build:web", "--silent"], { cwd: rootDir, stdio: "inherit" });
  if (result.status !== 0) throw new Error("Building the web app failed (see the output above).");
}

/**
 * Builds the web app when web/dist is stale, one builder at a time: test files running in parallel that all need
 * web/dist (the infra tests synthesise the StaticSite from it) wait for the one that builds, then find it fresh.
 * The lock is a directory next to dist; one older than `staleAfterMs` was left by a killed run and is taken over.
 */
export async function ensureWebBuilt(rootDir: string, staleAfterMs = 10 * 60_000): Promise<void> {
  const webDir = join(rootDir, "web");
  if (!webBuildNeeded(webDir)) return;
  const lock = join(webDir, ".build-lock");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > staleAfterMs) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (webBuildNeeded(webDir)) buildWeb(rootDir);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
