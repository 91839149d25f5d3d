import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { hu } from "./hu";
import { kk } from "./kk";
import { ru } from "./ru";
import { uk } from "./uk";
import { ErrorLocales, type ErrorLocale } from "./index";

/**
 * Every message the API can answer with is in every language. The messages are found in the source text of the core
 * and the API (the way they are written: zod's message arguments and `error`/`message` options, field issues, the
 * core's errors and their subclasses, `msg(...)`), so a message added anywhere without its translations fails here.
 */

const ROOT = join(import.meta.dirname, "../../../../..");
const SCANNED = ["packages/core/src", "functions/src"];

/** The core's errors whose first argument is a message (NotFound's is the entity: "<entity> not found"). */
const ERRORS = new Set(["Unauthenticated", "Forbidden", "Conflict", "LimitReached", "TooManyRequests", "NotImplemented", "AppError"]);
/** zod checks whose message follows a value (`.max(80, "At most 80 characters")`), and those with only a message. */
const VALUE_CHECKS = new Set(["min", "max", "length", "regex", "refine", "gt", "gte", "lt", "lte", "multipleOf", "startsWith", "endsWith", "includes"]);
const MESSAGE_CHECKS = new Set(["int", "positive", "negative", "nonnegative", "nonpositive", "nonempty", "email", "url", "uuid"]);
/** zod calls that may take `{ error }` or `{ message }` options. */
const OPTION_CALLS = new Set([...VALUE_CHECKS, ...MESSAGE_CHECKS, "string", "number", "boolean", "bigint", "enum", "literal", "union", "discriminatedUnion", "array", "datetime", "date", "time", "exclude", "extract"]);

/**
 * Where a message is passed on rather than written, and why that is fine. Each must still be found (a stale entry
 * fails), so the list cannot hide a new case.
 */
const PASSED_ON = [
  { file: "packages/core/src/error.ts", text: "message", why: "normalises what a call site wrote" },
  { file: "packages/core/src/error.ts", text: "`${entity} not found`", why: "NotFound's entity is scanned at each `new NotFound`" },
  { file: "packages/core/src/error.ts", text: "said.toString()", why: "a raised issue: its message was scanned where it was written" },
  { file: "packages/core/src/error.ts", text: "sayError(locale, issue.said)", why: "an issue said in the reader's language" },
  { file: "packages/core/src/validation.ts", text: "issue.message", why: "zod's message, scanned where the schema wrote it" },
  { file: "functions/src/api/errors.ts", text: "error.message", why: "Hono's own refusals: said in English unless catalogued" },
];

interface Scan {
  sources: Map<string, string[]>;
  problems: string[];
  passedOn: Set<string>;
}

function files(): string[] {
  return SCANNED.flatMap((dir) =>
    (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts"))
      .map((f) => join(ROOT, dir, f))
      .filter((f) => !relative(ROOT, f).startsWith("packages/core/src/locale/errors/")),
  );
}

const textOf = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

const nameOf = (expression: ts.Expression): string | undefined =>
  ts.isIdentifier(expression) ? expression.text : ts.isPropertyAccessExpression(expression) ? expression.name.text : undefined;

/** The leftmost name of a call chain: `z` in `z.string().trim().min(1)`. */
function rootOf(expression: ts.Expression): string | undefined {
  let node: ts.Expression = expression;
  for (;;) {
    if (ts.isCallExpression(node)) node = node.expression;
    else if (ts.isPropertyAccessExpression(node)) node = node.expression;
    else if (ts.isParenthesizedExpression(node)) node = node.expression;
    else return ts.isIdentifier(node) ? node.text : undefined;
  }
}
const isSchema = (root: string | undefined) => root === "z" || /Schema$/.test(root ?? "");

/**
 * Names declared to hold Messages: functions that return one (anywhere: `Lifecycle.transitionError`), and, in their
 * own file, parameters typed Message (or a function returning one) and constants made by `msg`.
 */
function messageNames(sources: ts.SourceFile[]) {
  const functions = new Set<string>();
  const local = new Map<string, Set<string>>();
  const isMessage = (type: ts.TypeNode | undefined, file: ts.SourceFile) => !!type && /^(\([^)]*\)\s*=>\s*)?Message$/.test(type.getText(file));
  for (const file of sources) {
    const names = new Set<string>();
    local.set(file.fileName, names);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionDeclaration(node) && node.name && isMessage(node.type, file)) functions.add(node.name.text);
      if (ts.isParameter(node) && ts.isIdentifier(node.name) && isMessage(node.type, file)) names.add(node.name.text);
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
        const init = node.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && isMessage(init.type, file)) functions.add(node.name.text);
        if (init && ts.isCallExpression(init) && nameOf(init.expression) === "msg") names.add(node.name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { functions, local };
}

function scan(): Scan {
  const result: Scan = { sources: new Map(), problems: [], passedOn: new Set() };
  const parsed = files().map((path) => ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true));
  const { functions, local } = messageNames(parsed);

  for (const file of parsed) {
    const path = relative(ROOT, file.fileName);
    const where = (node: ts.Node) => `${path}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
    const add = (source: string, node: ts.Node): void => void result.sources.set(source, [...(result.sources.get(source) ?? []), where(node)]);
    const messages = local.get(file.fileName)!;
    const constants = new Map<string, ts.Expression>();
    const collect = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const) {
        constants.set(node.name.text, node.initializer);
      }
      ts.forEachChild(node, collect);
    };
    collect(file);

    /** A message argument: written here, or passed on from where it was written. */
    const message = (node: ts.Expression): void => {
      const text = textOf(node);
      if (text !== undefined) return add(text, node);
      if (ts.isParenthesizedExpression(node)) return message(node.expression);
      if (ts.isConditionalExpression(node)) return (message(node.whenTrue), message(node.whenFalse));
      if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
        return (message(node.left), message(node.right));
      }
      if (ts.isCallExpression(node) && ["msg"].includes(nameOf(node.expression) ?? "")) return; // scanned as a call
      if (ts.isCallExpression(node) && (functions.has(nameOf(node.expression) ?? "") || messages.has(nameOf(node.expression) ?? ""))) return;
      if (ts.isIdentifier(node) && messages.has(node.text)) return;
      if (ts.isIdentifier(node) && constants.has(node.text)) return message(constants.get(node.text)!);
      const exempt = PASSED_ON.find((p) => p.file === path && node.getText(file).includes(p.text));
      if (exempt) return void result.passedOn.add(`${exempt.file}: ${exempt.text}`);
      if (ts.isNewExpression(node) && nameOf(node.expression) === "Message") return; // scanned as a `new Message`
      result.problems.push(`${where(node)}: ${node.getText(file)} is not a message the catalogues can have: write it, or msg("... {value} ...", { value })`);
    };

    /** `{ error: "..." }` / `{ message: "..." }` options of a zod call. */
    const options = (node: ts.Expression) => {
      if (!ts.isObjectLiteralExpression(node)) return;
      for (const property of node.properties) {
        const name = property.name && ts.isIdentifier(property.name) ? property.name.text : undefined;
        if (name !== "error" && name !== "message") continue;
        if (ts.isPropertyAssignment(property)) message(property.initializer);
        else result.problems.push(`${where(property)}: give zod's ${name} as a written message`);
      }
    };

    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const callee = nameOf(node.expression);
        if (callee === "msg") {
          const source = textOf(node.arguments[0]);
          if (source === undefined) result.problems.push(`${where(node)}: msg() takes its source as written text`);
          else add(source, node);
        } else if (callee === "field" && ts.isPropertyAccessExpression(node.expression) && nameOf(node.expression.expression) === "Invalid") {
          if (node.arguments[2]) message(node.arguments[2]);
        } else if (node.expression.kind === ts.SyntaxKind.SuperKeyword && path !== "packages/core/src/error.ts") {
          const heritage = ts.findAncestor(node, ts.isClassLike)?.heritageClauses?.[0]?.types[0]?.expression;
          if (heritage && ERRORS.has(heritage.getText(file)) && node.arguments[0]) message(node.arguments[0]);
        } else if (callee && ts.isPropertyAccessExpression(node.expression) && isSchema(rootOf(node.expression))) {
          if (VALUE_CHECKS.has(callee) && node.arguments[1] && !ts.isObjectLiteralExpression(node.arguments[1])) message(node.arguments[1]);
          if (MESSAGE_CHECKS.has(callee) && node.arguments[0] && !ts.isObjectLiteralExpression(node.arguments[0])) message(node.arguments[0]);
          if (OPTION_CALLS.has(callee)) node.arguments.forEach(options);
        } else if (callee === "addIssue") {
          node.arguments.forEach(options);
        }
      }
      if (ts.isNewExpression(node)) {
        const created = nameOf(node.expression);
        const first = node.arguments?.[0];
        if (created === "Message" && first) {
          const source = textOf(first);
          if (source !== undefined) add(source, node);
          else message(first);
        }
        if (created && ERRORS.has(created) && first) message(first);
        if (created === "HTTPException") node.arguments?.forEach(options);
        if (created === "NotFound") {
          const entity = textOf(first);
          if (entity === undefined) result.problems.push(`${where(node)}: name NotFound's entity as written text`);
          else add(`${entity} not found`, node);
        }
      }
      // A field issue written out: { path, code, message }.
      if (ts.isObjectLiteralExpression(node)) {
        const names = node.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ""));
        if (names.includes("path") && names.includes("code") && names.includes("message")) {
          const property = node.properties[names.indexOf("message")]!;
          if (ts.isPropertyAssignment(property)) {
            // An OpenAPI description of an issue ({ message: { type: "string" } }) is not one.
            if (!ts.isObjectLiteralExpression(property.initializer)) message(property.initializer);
          } else if (ts.isShorthandPropertyAssignment(property)) message(property.name);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return result;
}

/** The parser's node types this test reads (intl-messageformat's AST). */
const TYPE = { literal: 0, select: 5, plural: 6, pound: 7 } as const;
type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }>; children?: Node[] };

/** The arguments a message uses, the arms of its plurals and the options of its selects. */
function shapeOf(message: string, locale: ErrorLocale) {
  const args = new Set<string>();
  const plurals: { argument: string; arms: string[] }[] = [];
  const selects = new Map<string, string[]>();
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.type === TYPE.literal || node.type === TYPE.pound) continue;
      if (node.value) args.add(node.value);
      if (node.type === TYPE.plural && node.value) plurals.push({ argument: node.value, arms: Object.keys(node.options ?? {}) });
      if (node.type === TYPE.select && node.value) selects.set(node.value, Object.keys(node.options ?? {}).sort());
      for (const option of Object.values(node.options ?? {})) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst() as Node[]);
  return { args: [...args].sort(), plurals, selects };
}

const found = scan();
const translations: Record<Exclude<ErrorLocale, "en">, Record<string, string>> = { ru, uk, kk, hu };

describe("the messages in the code", () => {
  it("are each written where the catalogues can find them", () => {
    expect(found.problems).toEqual([]);
    expect(PASSED_ON.map((p) => `${p.file}: ${p.text}`).filter((p) => !found.passedOn.has(p)), "stale PASSED_ON entries").toEqual([]);
  });

  it("are found (the scan reads the patterns the code uses)", () => {
    for (const source of ["Enter a subject", "Use parked, retrying or resolved", "Ticket not found", "Sign in to continue", "Intervals of a day must not overlap", "There is no such department"]) {
      expect(found.sources.has(source), source).toBe(true);
    }
    expect(found.sources.size).toBeGreaterThan(150);
  });

  it("are each in the English catalogue, which has no message the code does not use", () => {
    const english = new Set<string>(en);
    const missing = [...found.sources].filter(([source]) => !english.has(source)).map(([source, at]) => `${JSON.stringify(source)} (${at[0]})`);
    expect(missing, "messages missing from locale/errors/en.ts").toEqual([]);
    expect(en.filter((source) => !found.sources.has(source)), "messages no code uses").toEqual([]);
    expect(en.length, "a message listed twice").toBe(english.size);
  });

  it("parse as ICU messages in English", () => {
    for (const source of en) expect(() => shapeOf(source, "en"), source).not.toThrow();
  });
});

describe.each(ErrorLocales.filter((l) => l !== "en") as Exclude<ErrorLocale, "en">[])("the %s error catalogue", (locale) => {
  const catalogue = translations[locale];

  it("has exactly the English messages, none empty or left in English", () => {
    expect(Object.keys(catalogue).filter((key) => !(en as readonly string[]).includes(key)), "keys English does not have").toEqual([]);
    expect(en.filter((key) => !(key in catalogue)), "keys missing").toEqual([]);
    for (const key of en) expect(catalogue[key]!.trim(), key).not.toBe("");
  });

  it("says each with English's arguments and selects, and every plural form the language has", () => {
    const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const key of en) {
      const english = shapeOf(key, "en");
      const theirs = shapeOf(catalogue[key]!, locale);
      expect(theirs.args, key).toEqual(english.args);
      expect(Object.fromEntries(theirs.selects), key).toEqual(Object.fromEntries(english.selects));
      for (const { argument, arms } of theirs.plurals) for (const form of forms) expect(arms, `${key}: ${argument} lacks "${form}"`).toContain(form);
    }
  });
});
