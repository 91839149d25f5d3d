import { beforeAll } from "vitest";
import { Areas, loadAreas, Locales } from "../src/i18n";

// Components render synchronously in their tests; every area of every language is loaded before, as the app loads a
// page's strings before it renders the page.
beforeAll(async () => {
  await Promise.all(Locales.map((locale) => loadAreas(locale, Areas)));
});
