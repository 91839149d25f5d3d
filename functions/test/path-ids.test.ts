import { beforeAll, describe, expect, it } from "vitest";
import { Operator } from "@frontline/core/operator";
import { createApp } from "../src/api/app";
import { documentedOperations, MAX_PATH_ID_BYTES } from "../src/api/openapi";
import { useTestTable } from "../../test/support/db";
import { caller, signupVia, type Caller, type Fetch } from "../../test/support/api";

/**
 * An id in a path that no thing can have (longer than any id, past DynamoDB's key size) is a JSON 404 on every route
 * that takes one, checked once in `route()`, never a 500. The routes come from the API's own list, so a new one joins.
 */
const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);
const operatorAccount = { email: "ids-operator@frontline.localhost", name: "Ids Operator", password: "operator passphrase" };

let owner: Caller;
let operator: Caller;

beforeAll(async () => {
  await useTestTable();
  owner = (await signupVia(fetcher)).as;
  await Operator.ensure(operatorAccount);
  const { token } = await (await caller(fetcher).post("/api/operator/login", { email: operatorAccount.email, password: operatorAccount.password })).json();
  operator = caller(fetcher, { authorization: `Bearer ${token}` });
});

const withIds = documentedOperations().filter((op) => op.path.includes("/:"));

/** Calls `op` with every path id set to `id`, as the most powerful caller of its kind (a body where it takes one). */
function call(op: (typeof withIds)[number], id: string) {
  const path = "/api" + op.path.replace(/:\w+/g, encodeURIComponent(id));
  const as = op.path.startsWith("/operator/") ? operator : owner;
  return as.send(op.method.toUpperCase(), path, op.method === "get" || op.method === "delete" ? undefined : {});
}

describe("ids in paths", () => {
  it("covers the API's routes with ids", () => {
    expect(withIds.length).toBeGreaterThanOrEqual(40);
  });

  for (const op of withIds) {
    it(`${op.method.toUpperCase()} /api${op.path}: a 2,000-character id, or one of too many bytes, is a JSON 404`, async () => {
      for (const id of ["x".repeat(2000), "я".repeat(MAX_PATH_ID_BYTES / 2 + 1)]) {
        const response = await call(op, id);
        const text = await response.text();
        expect(response.status, text).toBe(404);
        expect(JSON.parse(text).error).toMatchObject({ code: "not_found", message: "Item not found" });
      }
    });

    it(`${op.method.toUpperCase()} /api${op.path}: the longest id allowed reaches the route and is no 500`, async () => {
      for (const id of ["x".repeat(MAX_PATH_ID_BYTES), "я".repeat(MAX_PATH_ID_BYTES / 2)]) {
        const response = await call(op, id);
        expect(response.status, await response.text()).toBeLessThan(500);
      }
    });
  }
});
