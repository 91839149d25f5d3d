import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { EventActions, systemActorKey } from "./filters";

/**
 * The event log names each action and each part of the system that acts, in the reader's language: the codes and
 * actors are found where the core writes them, so a new one without its name in the catalogues fails here.
 */

const ROOT = join(import.meta.dirname, "../../..");
const SCANNED = ["packages/core/src", "functions/src"];

function sources(): { file: string; text: string }[] {
  return SCANNED.flatMap((dir) =>
    (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts"))
      .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), "utf8") })),
  );
}

/** Actions the core builds from a value, and the values it may have (read from the value's type in its file). */
const BUILT = [{ file: "packages/core/src/billing/index.ts", template: "`billing.${movement.kind}`", kinds: /kind: ((?:"[a-z_]+"(?: \| )?)+);/ }];

function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const { file, text } of sources()) {
    for (const line of text.split("\n").filter((l) => /\baction: /.test(l))) {
      for (const match of line.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) found.add(match[1]!);
      const built = BUILT.find((b) => b.file === file && line.includes(b.template));
      if (/\baction: `/.test(line) && !built) throw new Error(`${file}: an action built from a value that actions.test.ts does not know: ${line.trim()}`);
      if (built) for (const kind of text.match(built.kinds)![1]!.matchAll(/"([a-z_]+)"/g)) found.add(`billing.${kind[1]}`);
    }
  }
  return found;
}

function systemActors(): Set<string> {
  const found = new Set<string>();
  for (const { text } of sources()) {
    for (const m of text.matchAll(/type: "system", id: "([a-z_]+)", name: "([^"]+)"/g)) found.add(systemActorKey({ id: m[1]!, name: m[2]! }));
    // A system principal's reason becomes its events' actor name (Event.actorOf).
    for (const m of text.matchAll(/type: "system", tenantId(?:: [A-Za-z]+)?, reason: "([^"]+)"/g)) found.add(systemActorKey({ id: "system", name: m[1]! }));
  }
  return found;
}

const named = (tree: unknown, path: string) => path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);

describe("the event log's names", () => {
  it("list every action the core writes, and only those", () => {
    const written = writtenActions();
    expect(written.size).toBeGreaterThan(50);
    expect([...written].filter((a) => !(EventActions as readonly string[]).includes(a)).sort(), "written but not listed").toEqual([]);
    expect(EventActions.filter((a) => !written.has(a)), "listed but never written").toEqual([]);
  });

  it("name every listed action and every system actor in the catalogue", () => {
    for (const action of EventActions) expect(typeof named(en.eventLog.actions, action), action).toBe("string");
    const actors = systemActors();
    expect(actors.size).toBeGreaterThan(5);
    for (const actor of actors) expect(typeof named(en.eventLog.systemActors, actor), actor).toBe("string");
  });
});
