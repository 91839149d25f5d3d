/**
 * What the console writes on the browser's console before a string a page asked for and its loaded areas lack
 * (./index.tsx); the Chromium tests fail on it (test/support/browser.ts).
 */
export const MISSING_STRING = "[missing-string]";
