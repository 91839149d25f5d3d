import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { flatten } from "@solid-primitives/i18n";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuilt } from "../../packages/local/src/web-build";

/**
 * The built console carries its strings as web/src/i18n/index.tsx says: one chunk per area and language, fetched when
 * a page needs it, and none in what every visit downloads first (the entry and what index.html preloads). Which areas a
 * page needs is checked where the routes are written (web/src/i18n/areas.test.ts), and a page that showed a string it
 * had not loaded would fail the Chromium tests.
 */
const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dist = join(rootDir, "web/dist");
const Areas = ["base", "auth", "workspace", "tickets", "mail", "admin", "operator", "search", "customers"] as const;
const Locales = ["en", "ru", "uk", "kk", "hu"] as const;

/** Strings that say themselves in one place only: long, without placeholders, and as the build writes them. */
function distinctive(strings: Record<string, unknown>): string[] {
  return Object.values(flatten(strings) as Record<string, unknown>).filter(
    (value): value is string => typeof value === "string" && value.length >= 24 && !/[{}`$\\"']/.test(value),
  );
}

/** The console's code outside its catalogues. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path.endsWith("/i18n") ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [readFileSync(path, "utf8")] : [];
  });
}

let assets: Map<string, string>;
let firstLoad: string[];
const said = new Map<string, string[]>();
const everything = new Map<string, string[]>();

beforeAll(async () => {
  await ensureWebBuilt(rootDir);
  const names = readdirSync(join(dist, "assets")).filter((name) => name.endsWith(".js"));
  assets = new Map(names.map((name) => [name, readFileSync(join(dist, "assets", name), "utf8")]));
  const html = readFileSync(join(dist, "index.html"), "utf8");
  firstLoad = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]!);
  for (const area of Areas) {
    for (const locale of Locales) {
      const module = (await import(`../../web/src/i18n/areas/${area}/${locale}.ts`)) as { default: Record<string, unknown> };
      said.set(`${area}-${locale}`, distinctive(module.default));
      everything.set(`${area}-${locale}`, Object.values(flatten(module.default) as Record<string, unknown>).filter((v): v is string => typeof v === "string"));
    }
  }
  // A string that is part of another area's or language's (or written in the code itself, as the API's English
  // sentence the sign-in page recognises) tells nothing about which chunk carries it.
  const code = sources(join(rootDir, "web/src")).join("\n");
  for (const [key, strings] of said) {
    const others = [...everything].filter(([other]) => other !== key).flatMap(([, list]) => list);
    const allOthers = others.join("\n");
    said.set(key, strings.filter((s) => !allOthers.includes(s) && !code.includes(s)));
  }
}, 180_000);

describe("the built console's strings", () => {
  it("are downloaded first by no visit", () => {
    expect(firstLoad.length).toBeGreaterThan(0);
    for (const name of firstLoad) {
      const text = assets.get(name)!;
      const found = [...said.values()].flat().filter((s) => text.includes(s));
      expect(found, name).toEqual([]);
    }
  });

  it.each(Areas.flatMap((area) => Locales.map((locale) => [area, locale] as const)))("of %s in %s are in a chunk of their own", (area, locale) => {
    const chunks = [...assets.keys()].filter((name) => name.startsWith(`strings-${area}-${locale}-`));
    expect(chunks, "one chunk").toHaveLength(1);
    const own = said.get(`${area}-${locale}`)!;
    expect(own.length, "strings to look for").toBeGreaterThan(area === "workspace" || area === "auth" || area === "search" || area === "customers" ? 1 : 10);
    const text = assets.get(chunks[0]!)!;
    expect(own.filter((s) => !text.includes(s)), "missing from its chunk").toEqual([]);
    const elsewhere = [...assets].filter(([name, other]) => name !== chunks[0] && own.some((s) => other.includes(s))).map(([name]) => name);
    expect(elsewhere, "also in other chunks").toEqual([]);
  });
});
