import { S3Client } from "@aws-sdk/client-s3";
import { configurePorts } from "@frontline/core/port";
import { s3BlobStore } from "./s3-blob-store";

/**
 * Plugs in the one port the API uses: the blob store on S3 (attachments, raw mail, large HTML). The API sends no
 * mail and arms no timer (reactions do, in the stream function), so it carries neither SES nor the Scheduler client.
 * Outside AWS (MAIL_BUCKET unset) the local or in-memory adapters stay in place.
 */
export function configureBlobPort(env: NodeJS.ProcessEnv = process.env): boolean {
  if (!env.MAIL_BUCKET) return false;
  configurePorts({ blobs: s3BlobStore(new S3Client({}), env.MAIL_BUCKET) });
  return true;
}
