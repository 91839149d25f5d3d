import { describe, expect, it } from "vitest";
import { entities } from "./service";
import { Table } from "./table";

/**
 * The isolation rule of the data model: every partition key, on the table and on every GSI, starts with the tenant
 * id, so that IAM `dynamodb:LeadingKeys` can confine a request to one tenant. This checks every entity and index.
 */
describe("every partition key starts with the tenant id", () => {
  const indexFields = new Set<string>([Table.partitionKey, ...Object.values(Table.globalIndexes).map((i) => i.partitionKey)]);

  for (const [name, entity] of Object.entries(entities)) {
    const indexes = (entity.schema as { indexes: Record<string, { index?: string; pk: { field: string; composite: readonly string[]; template?: string } }> }).indexes;
    for (const [indexName, index] of Object.entries(indexes)) {
      it(`${name}.${indexName}`, () => {
        expect(indexFields.has(index.pk.field)).toBe(true);
        expect(index.pk.composite[0]).toBe("tenantId");
        expect(index.pk.template).toMatch(/^t#\$\{tenantId\}/);
      });
    }
  }

  it("stores the tenant prefix in the written keys", () => {
    const params = entities.session
      .create({ tenantId: "acme", sessionId: "s", staffId: "u", csrfToken: "c", createdAt: "2026-01-01T00:00:00Z", expiresAt: 1 })
      .params({ table: "x" }) as { Item: Record<string, string> };
    expect(params.Item.pk).toBe("t#acme");
    expect(params.Item.gsi1pk).toBe("t#acme#sessions#u");
  });
});
