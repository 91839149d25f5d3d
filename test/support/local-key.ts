import { randomBytes } from "node:crypto";

/**
 * Set up for every test file: a DynamoDB Local database of its own (localCredentials in packages/core/src/config.ts
 * says why), so that a file is as fast late in the run as alone. Processes the file starts inherit it.
 */
process.env.DYNAMODB_LOCAL_KEY = `test${randomBytes(6).toString("hex")}`;
