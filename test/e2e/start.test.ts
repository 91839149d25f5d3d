import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../packages/local/src/port";
import { buildWeb, webBuildNeeded } from "../../packages/local/src/web-build";
import { DemoLogin } from "../../packages/local/src/seed";

/**
 * `npm start` as a person runs it: a real process tree with Java, stopped with Ctrl-C (SIGINT to the process group).
 */
const root = resolve(import.meta.dirname, "../..");

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<Exit>;
}

function npmStart(env: Record<string, string>, args: string[] = []): Started {
  const child = spawn("npm", ["start", "--silent", "--", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true, // its own process group, so SIGINT reaches every process as Ctrl-C would
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<Exit>((r) => child.once("exit", (code, signal) => r({ code, signal })));
  return { child, output: () => output, exited };
}

async function waitFor(started: Started, text: string, ms = 90_000) {
  const deadline = Date.now() + ms;
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null) throw new Error(`npm start exited early:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ctrlC(started: Started) {
  process.kill(-started.child.pid!, "SIGINT");
  const exit = await started.exited;
  const deadline = Date.now() + 10_000;
  while (groupAlive(started.child.pid!) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return exit;
}

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

beforeAll(() => {
  if (webBuildNeeded(join(root, "web"))) buildWeb(root);
});

describe("npm start", () => {
  it("starts everything, prints the URLs and the demo login, serves the app, and Ctrl-C stops Java too", async () => {
    const port = await freePort();
    const started = npmStart({ PORT: String(port) }, ["--memory"]);
    try {
      await waitFor(started, "Press Ctrl-C to stop.");
      const out = started.output();
      expect(out).toContain(`http://localhost:${port}/`);
      expect(out).toContain(`http://localhost:${port}/api`);
      expect(out).toContain(DemoLogin.email);
      expect(out).toContain(DemoLogin.password);

      const base = `http://localhost:${port}`;
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      const page = await fetch(`${base}/signup`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<div id=\"root\"");
      const login = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ slug: DemoLogin.slug, email: DemoLogin.email, password: DemoLogin.password }),
      });
      expect(login.status).toBe(200);
    } finally {
      const exit = await ctrlC(started);
      // npm 11 dies by the SIGINT itself, as a shell does; Frontline's own process must have stopped cleanly.
      expect(exit.code === 0 || exit.signal === "SIGINT").toBe(true);
      expect(groupAlive(started.child.pid!)).toBe(false);
    }
    expect(started.output()).toContain("SIGINT: stopping...");
    expect(started.output()).toContain("Stopped.");
    expect(started.output()).not.toContain("could not start");
  });

  it("keeps data under DATA_DIR between starts and seeds the demo workspace only once", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "frontline-data-"));
    dataDirs.push(dataDir);
    for (const expected of ["just created", "already there"]) {
      const started = npmStart({ PORT: String(await freePort()), DATA_DIR: dataDir });
      try {
        await waitFor(started, "Press Ctrl-C to stop.");
        expect(started.output()).toContain(expected);
        expect(started.output()).toContain(dataDir);
      } finally {
        await ctrlC(started);
      }
    }
  });

  it("fails with a clear message when the port is taken", async () => {
    const server: Server = createServer();
    const port = await new Promise<number>((r) => server.listen(0, () => r((server.address() as { port: number }).port)));
    try {
      const started = npmStart({ PORT: String(port) }, ["--memory"]);
      const { code } = await started.exited;
      expect(code).not.toBe(0);
      expect(started.output()).toContain(`Port ${port} (HTTP) is already in use`);
    } finally {
      server.close();
    }
  });

  it("fails with a clear message when Java is missing", async () => {
    const tsx = join(root, "node_modules/tsx/dist/cli.mjs");
    const child = spawn(process.execPath, [tsx, "packages/local/src/main.ts", "--memory"], {
      cwd: root,
      env: { ...process.env, PATH: mkdtempSync(join(tmpdir(), "no-java-")), PORT: String(await freePort()) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((r) => child.once("exit", r));
    expect(code).not.toBe(0);
    expect(output).toMatch(/Java 17 or newer is needed/);
  });
});
