import { S3Client } from "@aws-sdk/client-s3";
import { SESClient } from "@aws-sdk/client-ses";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { configurePorts } from "@frontline/core/port";
import { s3BlobStore } from "./s3-blob-store";
import { eventBridgeScheduler } from "./scheduler";
import { searchPort } from "./search-port";
import { sesMailer } from "./ses-mailer";

/** The environment every Lambda of the app gets from infra/ (see infra/api.ts, infra/email.ts, infra/timers.ts). */
export const PortEnv = ["MAIL_BUCKET", "SCHEDULE_GROUP", "TIMER_FUNCTION_ARN", "SCHEDULER_ROLE_ARN", "TIMER_DLQ_ARN"] as const;

/**
 * Plugs the AWS adapters into the core, once per Lambda instance. Outside AWS (the local runtime, tests) the variables
 * are absent and the local or in-memory adapters stay in place. The search index is plugged in where SEARCH_ENDPOINT is
 * set (search-port.ts): not every function gets it, so it is not one of PortEnv.
 */
export function configureAwsPorts(env: NodeJS.ProcessEnv = process.env): boolean {
  const missing = PortEnv.filter((name) => !env[name]);
  if (missing.length === PortEnv.length) return false;
  if (missing.length) throw new Error(`Missing environment for the AWS adapters: ${missing.join(", ")}`);
  configurePorts({
    blobs: s3BlobStore(new S3Client({}), env.MAIL_BUCKET!),
    mailer: sesMailer(new SESClient({})),
    scheduler: eventBridgeScheduler(new SchedulerClient({}), {
      group: env.SCHEDULE_GROUP!,
      targetArn: env.TIMER_FUNCTION_ARN!,
      roleArn: env.SCHEDULER_ROLE_ARN!,
      deadLetterArn: env.TIMER_DLQ_ARN!,
    }),
    ...searchPort(env),
  });
  return true;
}
