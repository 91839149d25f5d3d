import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { TransientMailError, type Mailer } from "@frontline/core/port";

/**
 * The local Mailer: every message is written as an .eml file under the outbox folder (open it with any mail client),
 * and, when SMTP_RELAY_URL is set (smtp://user:pass@host:port), also relayed over SMTP. A relay that cannot be reached
 * or answers 4xx is a transient failure (retried); a 5xx answer is permanent.
 */
export function localMailer(options: { outboxDir: string; relayUrl?: string }): Mailer & { outboxDir: string } {
  const relay = options.relayUrl ? nodemailer.createTransport(options.relayUrl) : undefined;
  let sequence = 0;
  return {
    outboxDir: options.outboxDir,
    async send(mail) {
      await mkdir(options.outboxDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const safeTo = (mail.recipients[0] ?? "unknown").replace(/[^a-z0-9@._-]/gi, "_");
      const file = join(options.outboxDir, `${stamp}-${process.pid}-${++sequence}-${safeTo}.eml`);
      await writeFile(file, mail.raw);
      if (!relay) return { providerMessageId: file };
      try {
        const info = await relay.sendMail({ envelope: { from: mail.envelopeFrom, to: mail.recipients }, raw: mail.raw });
        return { providerMessageId: info.messageId };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (code && code >= 500) throw new Error(`The relay refused the message: ${(error as Error).message}`);
        throw new TransientMailError(`The relay failed: ${(error as Error).message}`);
      }
    },
  };
}
