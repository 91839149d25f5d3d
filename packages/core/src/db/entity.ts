import { Entity as ElectroEntity } from "electrodb";

/**
 * ElectroDB's Entity without its model check at construction. ElectroDB 3.9 validates every model against a JSON
 * schema (jsonschema) each time an Entity is built, twice for a v1 model (first as a beta model, which fails, then as
 * a v1 one): for the table's entities that was about half of the API's module init on Lambda (~80-150 ms of a cold
 * start, measured with `npm run bench:bundles`). The models are constants, so the check is made once, where it can
 * fail a build: db/entity.test.ts builds every entity of the table with ElectroDB's own, checking Entity.
 *
 * Every entity file builds its entities with this class; nothing else changes: the overridden method is ElectroDB's
 * own hook, `_validateModel`, called once from its constructor (electrodb is pinned, and the test fails if a new
 * version stops calling it). The class keeps ElectroDB's constructor type, so every entity's inferred types are
 * exactly ElectroDB's.
 */
class UncheckedEntity extends (ElectroEntity as unknown as new (...args: unknown[]) => object) {
  /** Replaces ElectroDB's model validation (see above). */
  _validateModel(): void {}
}

export const Entity = UncheckedEntity as unknown as typeof ElectroEntity;
