import { createHash } from "node:crypto";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { TransientMailError, type Mailer } from "@frontline/core/port";

/**
 * The local Mailer: every message is written as an .eml file under the outbox folder (open it with any mail client),
 * and, when SMTP_RELAY_URL is set (smtp://user:pass@host:port), also relayed over SMTP. A relay that cannot be reached
 * or answers 4xx is a transient failure (retried); a 5xx answer is permanent.
 *
 * Like a provider that knows what it has accepted, it takes a Message-ID once: a letter handed over again (the
 * process stopped between sending it and recording it sent, and the outbox tried again after the restart) is not
 * written twice. The file name carries a hash of the Message-ID for that. A letter is written under a temporary name
 * and renamed when whole, so a process killed while writing leaves no half letter that counts as accepted.
 */
export function localMailer(options: { outboxDir: string; relayUrl?: string }): Mailer & { outboxDir: string } {
  const relay = options.relayUrl ? nodemailer.createTransport(options.relayUrl) : undefined;
  let sequence = 0;
  let accepted: Promise<Set<string>> | undefined;
  const acceptedIds = () =>
    (accepted ??= readdir(options.outboxDir).then(
      (files) =>
        new Set(
          files
            .filter((f) => f.endsWith(".eml"))
            .map((f) => /-m([0-9a-f]{16})-/.exec(f)?.[1])
            .filter((h): h is string => Boolean(h)),
        ),
      () => new Set<string>(),
    ));
  return {
    outboxDir: options.outboxDir,
    async send(mail) {
      await mkdir(options.outboxDir, { recursive: true });
      const messageId = /^Message-ID:\s*(\S+)/im.exec(mail.raw.subarray(0, 8192).toString("latin1"))?.[1];
      const hash = createHash("sha256").update(messageId ?? mail.raw).digest("hex").slice(0, 16);
      const seen = await acceptedIds();
      if (seen.has(hash)) return { providerMessageId: `already accepted: ${messageId ?? hash}` };
      seen.add(hash);
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const safeTo = (mail.recipients[0] ?? "unknown").replace(/[^a-z0-9@._-]/gi, "_");
      const file = join(options.outboxDir, `${stamp}-${process.pid}-${++sequence}-m${hash}-${safeTo}.eml`);
      const partial = join(options.outboxDir, `.writing-${process.pid}-${sequence}`);
      try {
        await writeFile(partial, mail.raw);
        await rename(partial, file);
      } catch (error) {
        seen.delete(hash);
        await rm(partial, { force: true });
        throw error;
      }
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
