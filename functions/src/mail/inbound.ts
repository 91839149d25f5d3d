import { DeleteObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { SESEvent, SESReceipt } from "aws-lambda";
import { Inbound, type Envelope } from "@frontline/core/email/inbound";
import { configureAwsPorts } from "../aws/ports";

configureAwsPorts();
const s3 = new S3Client({});

/** Where the SES receipt rule's S3 action puts each message (infra/email.ts). */
export const INBOUND_PREFIX = "incoming/";

/**
 * SES receiving: the receipt rule stores the raw message in the mail bucket, then invokes this with the envelope
 * (the recipients of the SMTP transaction, not the To header). The same core entry point as the local SMTP server.
 * A failure throws, so Lambda retries the event; receiving is idempotent per Message-ID. A message whose invocations
 * all failed is taken in from the failures queue (inbound-failures.ts), or by the sweep (inbound-sweep.ts).
 */

/** SES's SPF, DKIM and DMARC verdicts ("PASS", "FAIL", "GRAY" for no policy, "PROCESSING_FAILED"), in lower case. */
export function verdicts(receipt: SESReceipt) {
  const status = (verdict: { status?: string } | undefined) => verdict?.status?.toLowerCase();
  return { spf: status(receipt.spfVerdict), dkim: status(receipt.dkimVerdict), dmarc: status(receipt.dmarcVerdict) };
}

/**
 * Takes in one message SES stored under incoming/<its SES message id>: receives it (the core first keeps its own copy,
 * raw/<workspace>/<sha256>.eml, then the mail record), and only then removes SES's copy. So incoming/ holds exactly
 * the mail not taken in yet, which is what the sweep looks for. "gone": SES's copy was taken in already (by another
 * delivery of the same event, the failures queue or the sweep).
 */
export async function takeIn(s3Client: S3Client, bucket: string, sesMessageId: string, envelopeOf: (raw: Buffer) => Envelope): Promise<"received" | "gone"> {
  const key = `${INBOUND_PREFIX}${sesMessageId}`;
  let raw: Buffer;
  try {
    const object = await s3Client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    raw = Buffer.from(await object.Body!.transformToByteArray());
  } catch (error) {
    if ((error as Error).name === "NoSuchKey") return "gone";
    throw error;
  }
  await Inbound.receive(raw, envelopeOf(raw));
  await s3Client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  return "received";
}

export async function handler(event: SESEvent, s3Client: S3Client = s3, bucket = process.env.MAIL_BUCKET!): Promise<void> {
  for (const record of event.Records) {
    const { mail, receipt } = record.ses;
    await takeIn(s3Client, bucket, mail.messageId, () => ({ from: mail.source, to: receipt.recipients, auth: verdicts(receipt) }));
  }
}
