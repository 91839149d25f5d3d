import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signupVia } from "../../../test/support/api";
import { useTestTable } from "../../../test/support/db";
import { startHttpServer, type HttpServer } from "./server";

beforeAll(useTestTable);

describe("the local HTTP server", () => {
  let server: HttpServer;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "frontline-web-"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Frontline</title>");
    server = await startHttpServer({ port: 0, webDist: dist });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("answers an unknown API path with a JSON 404, and any other unknown path with the web app", async () => {
    const ws = await signupVia((path, init) => fetch(`${server.url}${path}`, init));
    for (const path of ["/api/nowhere", "/api/tickets/export/all", "/api/"]) {
      const response = await ws.as.get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toMatch(/^application\/json/);
      expect((await response.json()).error.code, path).toBe("not_found");
    }
    // A known route still answers, and the web app keeps its own paths.
    expect((await ws.as.get("/api/me")).status).toBe(200);
    const page = await fetch(`${server.url}/tickets/123`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>Frontline</title>");
  });
});
