import { handle } from "hono/aws-lambda";
import { configureAwsPorts } from "../aws/ports";
import { createApp } from "./app";

configureAwsPorts();

/** API Gateway (HTTP API, payload v2) entry point: the same application object the local server runs. */
export const handler = handle(createApp());
