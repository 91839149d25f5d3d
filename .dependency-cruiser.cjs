/**
 * The project's dependency rules, checked by `npm test` (`npm run deps`). See docs/architecture.md.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      severity: "error",
      comment: "Modules react to each other's changes; they do not import each other both ways.",
      // A module's `export * as Name from "./index"` names itself: not a cycle between modules.
      from: { path: "^((packages|functions)/.+)$" },
      to: { circular: true, pathNot: "^$1$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "entity-owned-by-its-folder",
      severity: "error",
      comment:
        "An entity's definition is used by its own folder (and the service that puts every entity on the table). Other " +
        "modules go through that folder's functions, or react to its changes.",
      from: { path: "^packages/core/src/([^/]+)/", pathNot: "^packages/core/src/db/service\\.ts$" },
      to: { path: "^packages/core/src/[^/]+/[^/]+\\.entity\\.ts$", pathNot: "^packages/core/src/$1/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "reactions-composed-outside-the-core",
      severity: "error",
      comment: "The list of every reaction is a composition root: the stream consumers import it, the core does not.",
      from: { path: "^packages/core/src/", pathNot: "^packages/core/src/reactions/" },
      to: { path: "^packages/core/src/reactions/" },
    },
    {
      name: "core-uses-ports-not-sdks",
      severity: "error",
      comment: "The core declares ports (Mailer, Scheduler, BlobStore, SearchIndex); the AWS adapters live in functions/, the local ones in packages/local.",
      from: { path: "^packages/core/src/" },
      to: { path: "(@aws-sdk/client-(ses|sesv2|scheduler|s3)|@opensearch-project|better-sqlite3)" },
    },
    {
      name: "api-reaches-no-mail-machinery",
      severity: "error",
      comment:
        "The API function parses no mail and composes none (reactions do, in the stream function): its bundle must not " +
        "carry the MIME parser, the composer, their character sets, or the SES and Scheduler clients.",
      from: { path: "^functions/src/api/lambda\\.ts$" },
      to: { path: "(mailparser|nodemailer|iconv-lite|libmime|encoding-japanese|@aws-sdk/client-(ses|scheduler))", reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.tsx?$" },
    // What survives compilation: a type-only import is no dependency at run time (and no cycle).
    tsPreCompilationDeps: false,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], mainFields: ["module", "main", "types"] },
    combinedDependencies: true,
  },
};
