import type { Handler, Hono } from "hono";
import * as z from "zod";
import { NotFound } from "@frontline/core/error";
import type { Env } from "./context";

/**
 * The API's routes and their OpenAPI description, declared together: `route()` registers the Hono handler and the
 * operation at once, with the zod schemas the core parses the request with, so the document cannot drift from the
 * API. GET /api/openapi.json serves `openApiDocument()`.
 */

export type Method = "get" | "post" | "patch" | "put" | "delete";

export interface Operation {
  method: Method;
  /** The Hono path under /api, e.g. "/tickets/:id". */
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** The status of a successful answer (200 unless said). */
  status?: 200 | 201 | 202 | 204;
  /** Public routes need no session. */
  public?: boolean;
}

const operations: Operation[] = [];

/**
 * The longest id a path may carry, in UTF-8 bytes. The longest id anything has is a stop-list entry (an address, at
 * most 254); a longer one names nothing, and would exceed DynamoDB's key size (a 500) if it reached the table.
 */
export const MAX_PATH_ID_BYTES = 256;

/** Registers `handler` on `router` and describes it in the OpenAPI document. */
export function route<E extends Env>(router: Hono<E>, operation: Operation, handler: Handler<E>): void {
  operations.push(operation);
  // Every path id is checked here, once for all routes: one that cannot exist is a 404 before any handler reads it.
  // (`next` as a rest parameter: a handler declares one parameter, which is how route lists tell it from middleware.)
  const checked: Handler<E> = (c, ...next) => {
    for (const value of Object.values(c.req.param() as { [name: string]: string })) {
      if (Buffer.byteLength(value, "utf8") > MAX_PATH_ID_BYTES) throw new NotFound("Item");
    }
    return handler(c, ...next);
  };
  router.on(operation.method.toUpperCase(), operation.path, checked);
}

export function documentedOperations(): readonly Operation[] {
  return operations;
}

function jsonSchema(schema: z.ZodType): { [key: string]: unknown } {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { [key: string]: unknown };
  return rest;
}

const ERRORS: { [status: string]: string } = {
  "400": "Invalid input: `error.issues` lists a message per field",
  "401": "Not signed in, or the session ended",
  "403": "Signed in, but not allowed to do this",
  "404": "No such thing in this workspace (or not visible to you)",
  "409": "Conflict: a taken value, or a stale version (`error.current` holds the current state)",
};

export function openApiDocument(info: { title: string; version: string }) {
  const paths: { [path: string]: { [method: string]: unknown } } = {};
  for (const op of operations) {
    const path = "/api" + op.path.replace(/:(\w+)/g, "{$1}");
    const pathParams = [...op.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const queryParams: unknown[] = [];
    if (op.query) {
      type ObjectSchema = { properties?: { [name: string]: unknown }; required?: string[]; anyOf?: ObjectSchema[] };
      const schema = jsonSchema(op.query) as ObjectSchema;
      // A union of query shapes (a queue, or a search) documents every parameter of every shape, none required.
      const shapes = schema.anyOf ?? [schema];
      const seen = new Set<string>();
      for (const shape of shapes) {
        for (const [name, property] of Object.entries(shape.properties ?? {})) {
          if (seen.has(name)) continue;
          seen.add(name);
          const required = shapes.length === 1 && (shape.required?.includes(name) ?? false);
          queryParams.push({ name, in: "query", required, schema: property });
        }
      }
    }
    const status = String(op.status ?? 200);
    const responses: { [status: string]: unknown } = {
      [status]: { description: status === "204" ? "Done; no content" : "Success" },
    };
    for (const [code, description] of Object.entries(ERRORS)) {
      if (op.public && (code === "401" || code === "403")) continue;
      responses[code] = { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    }
    (paths[path] ??= {})[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      operationId: `${op.method}${op.path.replace(/\/:?(\w)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, "")}`,
      ...(op.public ? { security: [] } : {}),
      parameters: [...pathParams, ...queryParams],
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info,
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A session token from POST /api/auth/login" },
        cookie: { type: "apiKey", in: "cookie", name: "fl_session", description: "The web app's session; unsafe methods also need X-CSRF-Token" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message", "requestId"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                requestId: { type: "string" },
                issues: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: { path: { type: "string" }, code: { type: "string" }, message: { type: "string" } },
                  },
                },
                current: { description: "The current state, on a stale-version conflict" },
              },
            },
          },
        },
      },
    },
  };
}
