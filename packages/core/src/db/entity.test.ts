import { Entity as ElectroEntity } from "electrodb";
import { describe, expect, it, vi } from "vitest";
import { Entity } from "./entity";
import { entities } from "./service";

/** The model check that db/entity.ts leaves out of every cold start is made here, once, on every entity of the table. */
describe("entity models", () => {
  for (const [name, entity] of Object.entries(entities)) {
    it(`${name} is a valid ElectroDB model`, () => {
      expect(entity).toBeInstanceOf(Entity);
      expect(entity).toBeInstanceOf(ElectroEntity);
      expect(() => new ElectroEntity(entity.schema)).not.toThrow();
    });
  }

  it("ElectroDB's own Entity still rejects a bad model, so the check above can fail", () => {
    const bad = { model: { entity: "x", version: "1", service: "frontline" }, attributes: { a: { type: "string" } }, indexes: { byA: { pk: { field: 7 } } } };
    expect(() => new ElectroEntity(bad as never)).toThrow(/Invalid model|field/i);
  });

  it("the check is skipped through ElectroDB's own hook, called once per entity built", () => {
    const hook = vi.spyOn(ElectroEntity.prototype as unknown as { _validateModel: () => void }, "_validateModel");
    try {
      new ElectroEntity(entities.ticket.schema);
      expect(hook).toHaveBeenCalledTimes(1);
    } finally {
      hook.mockRestore();
    }
    const own = vi.spyOn(Entity.prototype as unknown as { _validateModel: () => void }, "_validateModel");
    try {
      new Entity(entities.ticket.schema);
      expect(own).toHaveBeenCalledTimes(1);
    } finally {
      own.mockRestore();
    }
  });
});
