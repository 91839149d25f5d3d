import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, relative } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { createApp, unknownRoute } from "@frontline/functions/api/app";
import { CallMeter, type CallCount } from "@frontline/core/db";
import { SECURITY_HEADERS } from "../../../web/src/security-headers";

export interface HttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the API application object and the built web app (a single-page app: unknown paths get index.html).
 */
export function startHttpServer(options: { port: number; host?: string; webDist?: string; meter?: (count: CallCount) => void }): Promise<HttpServer> {
  const root = new Hono();
  if (options.meter) {
    // The bench's meter: what each API request asked of DynamoDB (its own calls, not the reactions that follow).
    const meter = options.meter;
    root.use("/api/*", async (_c, next) => {
      const { count } = await CallMeter.measure(() => next());
      meter(count);
    });
  }
  root.route("/", createApp());
  // Mounted here, the app's own not-found never runs: an unknown API path would get the web app's page.
  root.all("/api/*", unknownRoute);
  const dist = options.webDist;
  if (dist && existsSync(join(dist, "index.html"))) {
    const index = readFileSync(join(dist, "index.html"), "utf8");
    // The web app's files and pages carry the headers CloudFront adds on AWS (CSP, no framing...); the API's
    // responses, answered above, keep their own.
    root.use("*", async (c, next) => {
      await next();
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    });
    root.use("/assets/*", serveStatic({ root: relative(process.cwd(), dist) || "." }));
    root.use("*", serveStatic({ root: relative(process.cwd(), dist) || "." }));
    root.get("*", (c) => c.html(index));
  } else {
    root.get("*", (c) => c.text("The web app is not built: run `npm run build:web`.", 503));
  }
  return new Promise((resolve, reject) => {
    let server: ServerType;
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${options.port} is already in use; stop whatever uses it or set PORT to another port.`)
          : error,
      );
    server = serve({ fetch: root.fetch, port: options.port, hostname: options.host ?? "127.0.0.1" }, (info: AddressInfo) => {
      server.off("error", onError);
      const host = options.host && options.host !== "0.0.0.0" ? options.host : "localhost";
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
    server.once("error", onError);
  });
}
