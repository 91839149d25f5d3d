import { handle } from "hono/aws-lambda";
import { configure } from "@frontline/core/config";
import { configureBlobPort } from "../aws/blob-port";
import { configureSearchPort } from "../aws/search-port";
import { createApp } from "./app";
import { originSecretFrom } from "./origin";

configureBlobPort();
configureSearchPort();
// Behind CloudFront only: an instance without the origin secret refuses to start rather than serve its own URL to anyone.
configure({ originSecret: originSecretFrom(process.env) });

/** API Gateway (HTTP API, payload v2) entry point: the same application object the local server runs. */
export const handler = handle(createApp());
