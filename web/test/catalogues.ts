import { beforeAll } from "vitest";
import { loadCatalogue, Locales } from "../src/i18n";

// Components render synchronously in their tests; every language is loaded before, as the app loads the reader's
// language before its first paint.
beforeAll(async () => {
  await Promise.all(Locales.map(loadCatalogue));
});
