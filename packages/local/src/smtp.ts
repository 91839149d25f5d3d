import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { Inbound, ParseLimits } from "@frontline/core/email/inbound";
import { checkSender, systemResolver, type DNSResolver } from "./mail-auth";

export interface SmtpServer {
  port: number;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The local inbound mail server (the stand-in for SES receiving): mail for an existing tenant's address is stored and
 * processed before the 250 answer; anything else is refused at RCPT TO with 550 (no relaying). A failure to store is
 * a 451, so the sender tries again later, as is a message another attempt is processing right now; a message that
 * cannot be read is still accepted, kept and recorded as unprocessable. The sender is checked first (SPF, DKIM,
 * DMARC: mail-auth.ts) and the verdict goes with the mail; the check cannot fail a delivery.
 */
export function startSmtpServer(options: { port: number; host?: string; resolver?: DNSResolver }): Promise<SmtpServer> {
  const resolver = options.resolver ?? systemResolver();
  const server = new SMTPServer({
    name: "frontline.localhost",
    banner: "Frontline inbound mail",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: ParseLimits.rawBytes,
    logger: false,
    async onRcptTo(address, _session, callback) {
      try {
        if (await Inbound.acceptsRecipient(address.address)) return callback();
        callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here, and this server does not relay`));
      } catch (error) {
        callback(smtpError(451, `4.3.0 Temporary failure: ${(error as Error).message}`));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
          return callback(smtpError(552, `5.3.4 The message is over ${ParseLimits.rawBytes / 1048576} MiB`));
        }
        const raw = Buffer.concat(chunks);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        checkSender(raw, { ip: session.remoteAddress, helo: session.hostNameAppearsAs, sender: from }, resolver)
          .then((auth) => Inbound.receive(raw, { from, to: session.envelope.rcptTo.map((r) => r.address), auth }))
          .then((outcomes) => callback(null, `Received: ${outcomes.map((o) => o.status).join(", ") || "nothing"}`))
          .catch((error: Error) => {
            // Held by another attempt: not acknowledged, so the sender comes back (and its lease's timer is a backstop).
            if (error instanceof Inbound.InProgress) return callback(smtpError(451, `4.3.0 ${error.message}`));
            console.error(JSON.stringify({ level: "error", msg: "receiving mail failed", error: String(error.stack ?? error) }));
            callback(smtpError(451, "4.3.0 Temporary failure; please try again later"));
          });
      });
    },
  });
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${options.port} (SMTP) is already in use; set SMTP_PORT to another port.`) : error);
    server.once("error", onError);
    server.listen(options.port, options.host ?? "127.0.0.1", () => {
      server.off("error", onError);
      server.on("error", (error) => console.error(JSON.stringify({ level: "error", msg: "smtp server error", error: String(error) })));
      resolve({
        port: (server.server.address() as AddressInfo).port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
