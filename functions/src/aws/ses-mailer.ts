import { SendRawEmailCommand, type SESClient } from "@aws-sdk/client-ses";
import { TransientMailError, type Mailer } from "@frontline/core/port";

/** SES answers that mean "not now": the outbox tries again later. Anything else (a rejected message) is permanent. */
const TRANSIENT = new Set(["Throttling", "ThrottlingException", "TooManyRequestsException", "ServiceUnavailable", "ServiceUnavailableException", "InternalFailure", "RequestTimeout"]);

export function isTransientSesError(error: unknown): boolean {
  const e = error as { name?: string; message?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  return (
    TRANSIENT.has(e.name ?? "") ||
    /maximum sending rate exceeded|throttl/i.test(e.message ?? "") ||
    Boolean(e.$retryable) ||
    (e.$metadata?.httpStatusCode ?? 0) >= 500
  );
}

/** The Mailer on SES: SendRawEmail with our own MIME, envelope sender and recipients. */
export function sesMailer(client: SESClient): Mailer {
  return {
    async send(mail) {
      try {
        const result = await client.send(
          new SendRawEmailCommand({ Source: mail.envelopeFrom, Destinations: mail.recipients, RawMessage: { Data: mail.raw } }),
        );
        return { providerMessageId: result.MessageId };
      } catch (error) {
        if (isTransientSesError(error)) throw new TransientMailError(`SES: ${(error as Error).name}: ${(error as Error).message}`);
        throw new Error(`SES refused the message: ${(error as Error).name}: ${(error as Error).message}`);
      }
    },
  };
}
