import { afterAll } from "vitest";
import { NoScan } from "../../packages/local/bench/no-scan";

/**
 * Set up for every test file of the domain, API and end-to-end projects: "no request path scans" (DESIGN.md) holds in
 * every test, not only in the bench. A ScanCommand fails where it is sent, and the file fails at its end even if the
 * code that sent it swallowed the error.
 */
NoScan.install();
afterAll(() => NoScan.assertNone());
