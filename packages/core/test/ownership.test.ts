import { readdirSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * An entity is written only in its own folder (docs/architecture.md): every create, put, patch, update, upsert,
 * delete or remove on an ElectroDB entity in packages/core/src is found with the TypeScript compiler (the receiver's
 * symbol resolved to the entity it names, through `entities.<name>`, `useDb().entities.<name>`, a variable holding one,
 * or a transaction builder's destructured parameter), and its file must be in the folder of that entity's definition.
 * Other modules use the folder's functions (their own transaction) or react to its changes. dependency-cruiser
 * (.dependency-cruiser.cjs, `npm run deps`) checks the imports: no cycle, entity definitions used only by their folder.
 */
const root = join(import.meta.dirname, "..", "src");
const WRITES = new Set(["create", "put", "patch", "update", "upsert", "delete", "remove"]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

const folderOf = (file: string) => relative(root, file).split(sep)[0]!;

/** Entity names (as on `entities`) -> the folder of their definition, from db/service.ts. */
function entityFolders(program: ts.Program): Map<string, string> {
  const service = program.getSourceFile(join(root, "db", "service.ts"))!;
  const imported = new Map<string, string>();
  const folders = new Map<string, string>();
  service.forEachChild((node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const folder = folderOf(join(dirname(service.fileName), node.moduleSpecifier.text));
      const names = node.importClause?.namedBindings;
      if (names && ts.isNamedImports(names)) for (const n of names.elements) imported.set(n.name.text, folder);
    }
    if (ts.isVariableStatement(node)) {
      for (const d of node.declarationList.declarations) {
        if (d.name.getText(service) !== "entities" || !d.initializer || !ts.isObjectLiteralExpression(d.initializer)) continue;
        for (const p of d.initializer.properties) {
          if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.initializer)) folders.set(p.name.getText(service), imported.get(p.initializer.text)!);
        }
      }
    }
  });
  return folders;
}

/** The entity name an expression stands for, if it stands for one. */
function entityNamed(expression: ts.Expression, checker: ts.TypeChecker, names: Map<string, string>, depth = 0): string | undefined {
  if (depth > 5) return undefined;
  if (ts.isPropertyAccessExpression(expression)) {
    // x.entities.ticket, entities.ticket, useDb().entities.ticket
    const holder = expression.expression;
    const holderText = ts.isPropertyAccessExpression(holder) ? holder.name.text : ts.isIdentifier(holder) ? holder.text : "";
    if (names.has(expression.name.text) && (holderText === "entities" || resolvesToEntities(holder, checker))) return expression.name.text;
    return undefined;
  }
  if (ts.isIdentifier(expression)) {
    const symbol = checker.getSymbolAtLocation(expression);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!declaration) return undefined;
    // A destructured transaction builder's parameter: ({ tenant, event }) => ...
    if (ts.isBindingElement(declaration)) {
      const name = (declaration.propertyName ?? declaration.name).getText();
      return names.has(name) ? name : undefined;
    }
    // const db = useDb().entities.outbox
    if (ts.isVariableDeclaration(declaration) && declaration.initializer) return entityNamed(declaration.initializer, checker, names, depth + 1);
  }
  return undefined;
}

/** Is this expression the entities of the service (a variable holding `useDb().entities`, say)? */
function resolvesToEntities(expression: ts.Expression, checker: ts.TypeChecker): boolean {
  if (!ts.isIdentifier(expression)) return false;
  const declaration = checker.getSymbolAtLocation(expression)?.valueDeclaration;
  return Boolean(declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && /\.entities$/.test(declaration.initializer.getText()));
}

function writesOutsideTheirFolder(): string[] {
  const files = sources(root);
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const names = entityFolders(program);
  const found: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && WRITES.has(node.expression.name.text)) {
        const entity = entityNamed(node.expression.expression, checker, names);
        if (entity && names.get(entity) !== folderOf(file)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          found.push(`${relative(root, file)}:${line + 1} writes ${entity} (of ${names.get(entity)}/)`);
        }
      }
      node.forEachChild(visit);
    };
    visit(source);
  }
  return found;
}

describe("the write ownership rule", () => {
  it("finds every entity written in packages/core/src only in its own folder", () => {
    expect(writesOutsideTheirFolder()).toEqual([]);
  }, 60_000);
});
