import { handle } from "hono/aws-lambda";
import { createApp } from "./app";

/** API Gateway (HTTP API, payload v2) entry point: the same application object the local server runs. */
export const handler = handle(createApp());
