import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
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
