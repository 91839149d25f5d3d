import type { SSTConfig } from "sst";
import { Alerts } from "./infra/alerts";
import { Api } from "./infra/api";
import { Email } from "./infra/email";
import { Storage } from "./infra/storage";
import { Stream } from "./infra/stream";
import { Timers } from "./infra/timers";
import { Web } from "./infra/web";

/**
 * Frontline on AWS (SST v2, CDK-based): `npx sst deploy --stage <name>` with your own credentials.
 *   Alerts   the "ops alerts" topic every alarm notifies (ALERT_EMAIL subscribes an address)
 *   Storage  the one DynamoDB table, built from packages/core/src/db/table.ts, with its change stream; the mail bucket;
 *            the search collection (OpenSearch Serverless, infra/search.ts), which the stream feeds and the API reads
 *   Timers   EventBridge Scheduler: the schedule group, the timer function, its role and dead-letter queue
 *   Stream   the table's stream -> the stream function, which runs every reaction to a change (letters, counters,
 *            timers...), through an event source mapping: partial batch failures, bisection, bounded retries and age,
 *            an SQS dead-letter queue
 *   Api      API Gateway HTTP API -> one Lambda serving every /api/* route (the same Hono app the local runtime serves)
 *   Email    SES: receiving into the mail bucket and the inbound function, sending as the inbound domain
 *   Web      the SolidJS app on S3 + CloudFront; CloudFront also routes /api/* to the HTTP API (one origin, one cookie)
 * Deploy-time settings come from the environment: AWS_REGION (default us-east-1), INBOUND_DOMAIN (see infra/config.ts).
 */
export default {
  config() {
    return {
      name: "frontline",
      region: process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || "us-east-1",
    };
  },
  stacks(app) {
    // Throw-away stages clean up after themselves on `sst remove`; "prod" keeps every resource's own policy
    // (the table is RETAIN with deletion protection there, see infra/storage.ts).
    if (app.stage !== "prod") app.setDefaultRemovalPolicy("destroy");
    app.stack(Alerts).stack(Storage).stack(Timers).stack(Stream).stack(Api).stack(Email).stack(Web);
  },
} satisfies SSTConfig;
