import { S3Client } from "@aws-sdk/client-s3";
import type { SESEvent, SQSBatchResponse, SQSEvent } from "aws-lambda";
import { configureAwsPorts } from "../aws/ports";
import { handler as receiveSesEvent } from "./inbound";

configureAwsPorts();
const s3 = new S3Client({});

/**
 * What Lambda sends to the inbound function's on-failure destination (infra/email.ts) when an SES invocation failed
 * all its attempts ("RetriesExhausted") or waited too long to run ("EventAgeExceeded"): the invocation record, with
 * the SES event as it was, envelope and verdicts included.
 */
export interface InvocationRecord {
  version: string;
  timestamp: string;
  requestContext: { requestId: string; functionArn: string; condition: string; approximateInvokeCount: number };
  requestPayload: SESEvent;
  responseContext?: { statusCode: number; executedVersion: string; functionError?: string };
  responsePayload?: unknown;
}

/**
 * The failures queue's consumer: each record is an SES event the inbound function gave up on, taken in again the same
 * way (inbound.ts), with the envelope SES gave. One that fails again is reported back to SQS, which retries it and
 * then parks it in InboundParked, whose alarm tells a person. A message taken in meanwhile (by the sweep) is a no-op.
 */
export async function handler(event: SQSEvent, s3Client: S3Client = s3, bucket = process.env.MAIL_BUCKET!): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse["batchItemFailures"] = [];
  for (const message of event.Records) {
    try {
      const record = JSON.parse(message.body) as InvocationRecord;
      if (!Array.isArray(record.requestPayload?.Records)) throw new Error("The message is not an invocation record of an SES event");
      await receiveSesEvent(record.requestPayload, s3Client, bucket);
    } catch (error) {
      console.error(JSON.stringify({ level: "error", msg: "a failed inbound mail failed again", sqsMessageId: message.messageId, error: String((error as Error)?.stack ?? error) }));
      batchItemFailures.push({ itemIdentifier: message.messageId });
    }
  }
  return { batchItemFailures };
}
