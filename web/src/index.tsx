import { render } from "solid-js/web";
import { App } from "./app";
import { initialLocale, loadCatalogue } from "./i18n";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
// The reader's language first, so the first paint is already in it; English if its chunk cannot be loaded.
void loadCatalogue(initialLocale())
  .catch(() => undefined)
  .finally(() => render(() => <App />, root));
