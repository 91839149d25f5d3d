import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { Inbound, type Envelope } from "@frontline/core/email/inbound";
import { headerFields } from "@frontline/core/email/parse";
import { configureAwsPorts } from "../aws/ports";
import { INBOUND_PREFIX, takeIn } from "./inbound";

configureAwsPorts();
const s3 = new S3Client({});

/**
 * The sweep's defaults. A message SES stored that long ago and that is still under incoming/ was not taken in by its
 * own invocation (which takes seconds) nor by its two retries (at about 1 and 3 minutes); the failures queue may have
 * it too, and whichever comes second finds it gone. It stops this long before the function's timeout, leaving the
 * rest to the next run.
 */
export const SWEEP = { olderThanMinutes: 15, reserveMs: 30_000 } as const;

export interface SweepInput {
  /** Only messages stored at least this long ago (an operator may run it with 0). */
  olderThanMinutes?: number;
}

export interface SweepResult {
  /** Messages older than the limit found under incoming/. */
  found: number;
  takenIn: number;
  /** Taken in meanwhile by another path. */
  gone: number;
  /** Their keys: each is logged with its error, and the run fails (the function's errors alarm). */
  failed: string[];
  /** Left for the next run, for want of time. */
  left: number;
}

/** Addresses in a header value or a Received field's "for" clause. */
const ADDRESS = /[^\s<>,;:"()]+@[^\s<>,;:"()]+/g;
const SES_RECEIVED = /\bby inbound-smtp\.[a-z0-9-]+\.amazonaws\.com\b/i;

/**
 * The envelope of a message SES stored, read back from what SES writes on top of it: Return-Path (the MAIL FROM;
 * "<>" for a bounce) and its own Received field, whose "for <address>" names the recipient. Only the topmost of
 * each counts: those lower down came with the message, and anyone could have written them. Without a "for" (SES
 * names no single recipient), the recipients are the addresses of Delivered-To, To and Cc, of which the core takes
 * only ours. SES's verdicts are not read back (its event had them): with no verdict, a subject token does not thread
 * the mail (core/email/thread.ts), In-Reply-To and References still do.
 */
export function storedEnvelope(raw: Buffer): Envelope {
  const fields = headerFields(raw);
  const first = fields[0];
  const from = first && first.name.toLowerCase() === "return-path" ? (first.value.match(ADDRESS)?.[0] ?? "") : undefined;
  const received = fields.find((f) => f.name.toLowerCase() === "received");
  const named = received && SES_RECEIVED.test(received.value) ? /\bfor\s+([^;]+);/i.exec(received.value)?.[1]?.match(ADDRESS) : undefined;
  const to =
    named ?? fields.filter((f) => ["delivered-to", "to", "cc"].includes(f.name.toLowerCase())).flatMap((f) => f.value.match(ADDRESS) ?? []);
  return { from, to: [...new Set(to.map((address) => address.toLowerCase()))] };
}

/**
 * The stored envelope, when it names an inbound address of ours. When it does not, the message is left where it is
 * (taking it in would receive it for nobody, then remove it): the run fails and a person looks.
 */
function routableEnvelope(raw: Buffer): Envelope {
  const envelope = storedEnvelope(raw);
  if (!Inbound.ourRecipients(envelope.to).length) {
    throw new Error(`No recipient at the inbound domain can be read from the stored message (found: ${envelope.to.join(", ") || "none"})`);
  }
  return envelope;
}

/**
 * The scheduled sweep (infra/email.ts, every 15 minutes): takes in every message under incoming/ stored before
 * `olderThanMinutes`, through the same path as the inbound function (inbound.ts takeIn). Taking in is idempotent
 * (the core's mail records are keyed by workspace and Message-ID), so a message the failures queue or a late
 * invocation takes in at the same time is received once.
 */
export async function handler(
  input: SweepInput = {},
  context: { getRemainingTimeInMillis(): number } = { getRemainingTimeInMillis: () => Infinity },
  s3Client: S3Client = s3,
  bucket = process.env.MAIL_BUCKET!,
  now = () => new Date(),
): Promise<SweepResult> {
  const olderThanMinutes = typeof input.olderThanMinutes === "number" && input.olderThanMinutes >= 0 ? input.olderThanMinutes : SWEEP.olderThanMinutes;
  const before = now().getTime() - olderThanMinutes * 60_000;
  const result: SweepResult = { found: 0, takenIn: 0, gone: 0, failed: [], left: 0 };
  let token: string | undefined;
  do {
    const page = await s3Client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: INBOUND_PREFIX, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      if (!object.Key || !object.LastModified || object.LastModified.getTime() > before) continue;
      result.found++;
      if (context.getRemainingTimeInMillis() < SWEEP.reserveMs) {
        result.left++;
        continue;
      }
      try {
        const taken = await takeIn(s3Client, bucket, object.Key.slice(INBOUND_PREFIX.length), routableEnvelope);
        if (taken === "received") result.takenIn++;
        else result.gone++;
      } catch (error) {
        console.error(JSON.stringify({ level: "error", msg: "the sweep could not take in a stored mail", key: object.Key, error: String((error as Error)?.stack ?? error) }));
        result.failed.push(object.Key);
      }
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  console.log(JSON.stringify({ level: "info", msg: "inbound sweep", ...result, failed: result.failed.length }));
  if (result.failed.length) throw new Error(`The sweep could not take in ${result.failed.length} stored mail (${result.failed.slice(0, 5).join(", ")}): see the log`);
  return result;
}
