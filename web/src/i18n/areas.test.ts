import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { flatten } from "@solid-primitives/i18n";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { Areas, type Area } from "./index";

/**
 * A page loads its own strings only: "base" before the first paint, and the areas its route names in `withStrings`.
 * This reads the code as it is written: for each route, every file its page imports (and imports later), every
 * catalogue key those files name, and fails on a key whose area the route does not load, which would show as a blank
 * (and a `[missing-string]` on the console, which the Chromium tests also fail on).
 */
const src = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Which area each top-level section of the catalogue is in, read from the area files themselves. */
const sectionArea = new Map<string, Area>();
for (const area of Areas) {
  const text = readFileSync(join(src, "i18n/areas", area, "en.ts"), "utf8");
  for (const match of text.matchAll(/^ {2}(\w+): /gm)) sectionArea.set(match[1]!, area);
}

const keys = Object.entries(flatten(en as Record<string, unknown>) as Record<string, unknown>)
  .filter(([, value]) => typeof value !== "object")
  .map(([key]) => key);
const keySet = new Set(keys);

/** The sections a file names: whole keys in quotes, and computed ones by their written start ("roles.${role}"). */
function sectionsNamed(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/["'`]([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)(\.\$\{|["'`])/g)) {
    const [, written, end] = match;
    const known = end === ".${" ? keys.some((key) => key.startsWith(`${written}.`)) : keySet.has(written!);
    if (known) found.add(written!.split(".")[0]!);
  }
  for (const match of text.matchAll(/`([a-zA-Z]+)\.\$\{/g)) {
    if (keys.some((key) => key.startsWith(`${match[1]}.`))) found.add(match[1]!);
  }
  return found;
}

/** The file a relative import names. */
function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")].find((file) => existsSync(file) && statSync(file).isFile());
}

/** Every file `entry` imports, at once or later, inside web/src but outside the catalogues, with `entry` itself. */
function closure(entry: string, stopAt: Set<string> = new Set()): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || stopAt.has(file) || file.includes(`${src}/i18n/`)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:from |import\()"(\.{1,2}\/[^"]+)"/g)) {
      const target = resolveImport(file, match[1]!);
      if (target && !target.endsWith(".css")) visit(target);
    }
  };
  visit(entry);
  return [...seen];
}

interface RouteDeclaration {
  where: string;
  areas: Area[];
  file: string;
}

/** The routes' declarations: `withStrings([...], () => import("./page"))` or `withStrings([...], () => Page)`. */
function declarations(file: string): RouteDeclaration[] {
  const text = readFileSync(file, "utf8");
  const imported = new Map<string, string>();
  for (const match of text.matchAll(/import \{([^}]+)\} from "(\.[^"]+)"/g)) {
    for (const name of match[1]!.split(",")) {
      const [exported, local] = name.trim().split(/\s+as\s+/);
      if (exported) imported.set((local ?? exported).trim(), match[2]!);
    }
  }
  const found: RouteDeclaration[] = [];
  for (const match of text.matchAll(/const (\w+) = withStrings\(\[([^\]]*)\], \(\) => (?:import\("([^"]+)"\)|(\w+)\))/g)) {
    const [, name, list, dynamic, eager] = match;
    const spec = dynamic ?? imported.get(eager!);
    const target = spec && resolveImport(file, spec);
    if (!target) throw new Error(`${file}: cannot find the page of ${name}`);
    found.push({ where: `${name} (${file.slice(src.length + 1)})`, areas: [...list!.matchAll(/"(\w+)"/g)].map((m) => m[1] as Area), file: target });
  }
  return found;
}

const routes = [...declarations(join(src, "app.tsx")), ...declarations(join(src, "operator/index.ts"))];

describe("the areas of the catalogue", () => {
  it("hold every section once, in the areas the console loads", () => {
    expect([...new Set(keys.map((key) => key.split(".")[0]!))].filter((section) => !sectionArea.has(section))).toEqual([]);
    expect(new Set(sectionArea.values())).toEqual(new Set(Areas));
  });

  it("are declared by every page of the console", () => {
    // The reading of app.tsx finds the routes: a change in how they are written must not make this test see none.
    expect(routes.length).toBeGreaterThanOrEqual(30);
    for (const route of routes) expect(route.areas.length, route.where).toBeGreaterThan(0);
  });

  it.each(routes.map((route) => [route.where, route] as const))("%s loads the strings its page shows", (_where, route) => {
    const loads = new Set<Area>(["base", ...route.areas]);
    // A page's own lazily loaded parts count; other routes' pages (reached by a link, not an import) do not.
    const missing: string[] = [];
    for (const file of closure(route.file)) {
      for (const section of sectionsNamed(readFileSync(file, "utf8"))) {
        const area = sectionArea.get(section)!;
        if (!loads.has(area)) missing.push(`${file.slice(src.length + 1)} names ${section}.* (area "${area}")`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the frame every page shows needs base strings only", () => {
    const frame = closure(join(src, "components/app-shell.tsx"));
    const outside = frame.flatMap((file) => [...sectionsNamed(readFileSync(file, "utf8"))].filter((s) => sectionArea.get(s) !== "base").map((s) => `${file}: ${s}`));
    expect(outside).toEqual([]);
  });
});
