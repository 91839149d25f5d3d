import { handle } from "hono/aws-lambda";
import { configureBlobPort } from "../aws/blob-port";
import { createApp } from "./app";

configureBlobPort();

/** API Gateway (HTTP API, payload v2) entry point: the same application object the local server runs. */
export const handler = handle(createApp());
