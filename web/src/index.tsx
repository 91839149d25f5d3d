import { render } from "solid-js/web";
import { App } from "./app";
import { initialLocale, loadAreas } from "./i18n";
import { keepFocus } from "./keyboard/focus-keeper";
import "./styles.css";

keepFocus(document);
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
// The frame's strings in the reader's language first, so that the first paint is already in it.
void loadAreas(initialLocale(), ["base"])
  .catch(() => undefined)
  .finally(() => render(() => <App />, root));
