import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Every time the core acts on comes from the clock port (`useClock`), so that a test or the bench that sets the time
 * gets it everywhere (a ticket opened "at" an instant, its SLA deadlines, its letters). Wall time is read directly only
 * where it measures the process itself, listed here with the reason; any other `new Date()` or `Date.now()` fails.
 */
const WALL_TIME: Record<string, { count: number; why: string }> = {
  "port/index.ts": { count: 1, why: "the system clock itself" },
  "plan/index.ts": { count: 2, why: "the plan cache's lifetime in this process" },
  "workspace/index.ts": { count: 4, why: "the configuration cache's lifetime, and stamps compared with the stream's write times" },
  "stream/handler.ts": { count: 1, why: "how long a batch of reactions took" },
  "email/outbox.ts": { count: 2, why: "how long a request waits for its letter to be sent" },
  "email/mail.ts": { count: 2, why: "how long a request waits for its mail to be processed" },
  "stream/failure.ts": { count: 2, why: "how long a request waits for a reaction to be run again" },
};

const src = join(dirname(fileURLToPath(import.meta.url)), "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("the core's sense of time", () => {
  it("reads the time through the clock port, except where it measures the process itself", () => {
    const found: Record<string, number> = {};
    for (const file of sources(src)) {
      const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      const count = (text.match(/new Date\(\)|Date\.now\(\)/g) ?? []).length;
      if (count) found[relative(src, file).split("\\").join("/")] = count;
    }
    expect(found).toEqual(Object.fromEntries(Object.entries(WALL_TIME).map(([file, { count }]) => [file, count])));
  });
});
