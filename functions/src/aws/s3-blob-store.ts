import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { BlobStore } from "@frontline/core/port";

/** The BlobStore on S3: one bucket, keys as given, encrypted at rest. */
export function s3BlobStore(client: S3Client, bucket: string): BlobStore {
  return {
    async put(key, body, options) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: options?.contentType ?? "application/octet-stream",
          ServerSideEncryption: "AES256",
        }),
      );
    },
    async get(key) {
      try {
        const result = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return result.Body ? Buffer.from(await result.Body.transformToByteArray()) : undefined;
      } catch (error) {
        if ((error as Error).name === "NoSuchKey") return undefined;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
