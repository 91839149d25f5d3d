import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { SESEvent, SESReceipt } from "aws-lambda";
import { Inbound } from "@frontline/core/email/inbound";
import { configureAwsPorts } from "../aws/ports";

configureAwsPorts();
const s3 = new S3Client({});

/** Where the SES receipt rule's S3 action puts each message (infra/email.ts). */
export const INBOUND_PREFIX = "incoming/";

/**
 * SES receiving: the receipt rule stores the raw message in the mail bucket, then invokes this with the envelope
 * (the recipients of the SMTP transaction, not the To header). The same core entry point as the local SMTP server.
 * A failure throws, so Lambda retries the event; receiving is idempotent per Message-ID.
 */

/** SES's SPF, DKIM and DMARC verdicts ("PASS", "FAIL", "GRAY" for no policy, "PROCESSING_FAILED"), in lower case. */
export function verdicts(receipt: SESReceipt) {
  const status = (verdict: { status?: string } | undefined) => verdict?.status?.toLowerCase();
  return { spf: status(receipt.spfVerdict), dkim: status(receipt.dkimVerdict), dmarc: status(receipt.dmarcVerdict) };
}

export async function handler(event: SESEvent, s3Client: S3Client = s3, bucket = process.env.MAIL_BUCKET!): Promise<void> {
  for (const record of event.Records) {
    const { mail, receipt } = record.ses;
    const object = await s3Client.send(new GetObjectCommand({ Bucket: bucket, Key: `${INBOUND_PREFIX}${mail.messageId}` }));
    const raw = Buffer.from(await object.Body!.transformToByteArray());
    await Inbound.receive(raw, { from: mail.source, to: receipt.recipients, auth: verdicts(receipt) });
  }
}
