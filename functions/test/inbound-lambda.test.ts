import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { SESEvent } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Mail } from "@frontline/core/email";
import { Ticket } from "@frontline/core/ticket";
import { handler, INBOUND_PREFIX } from "../src/mail/inbound";
import { useTestTable } from "../../test/support/db";
import { rawMail } from "../../test/support/mail";
import { makeWorkspace } from "../../test/support/workspace";

beforeAll(useTestTable);

/** An SES receipt-rule Lambda event, as SES sends it (trimmed to what the handler reads, plus the usual verdicts). */
function sesEvent(messageId: string, source: string, recipients: string[], dmarc = "PASS"): SESEvent {
  return {
    Records: [
      {
        eventSource: "aws:ses",
        eventVersion: "1.0",
        ses: {
          mail: {
            timestamp: "2026-11-22T10:00:00.000Z",
            source,
            messageId,
            destination: ["support@customer-facing.example"],
            headersTruncated: false,
            headers: [],
            commonHeaders: { returnPath: source, messageId: "<x@y>", date: "", from: [source], to: recipients, subject: "s" },
          },
          receipt: {
            timestamp: "2026-11-22T10:00:00.000Z",
            processingTimeMillis: 100,
            recipients,
            spamVerdict: { status: "PASS" },
            virusVerdict: { status: "PASS" },
            spfVerdict: { status: "PASS" },
            dkimVerdict: { status: "PASS" },
            dmarcVerdict: { status: dmarc },
            action: { type: "Lambda", functionArn: "arn:aws:lambda:eu-west-1:123456789012:function:inbound", invocationType: "Event" },
          },
        },
      },
    ],
  } as SESEvent;
}

describe("the SES inbound mail handler", () => {
  it("reads the stored message from S3 and receives it for the envelope recipients, not the To header", async () => {
    const ws = await makeWorkspace();
    const raw = await rawMail({ to: "support@customer-facing.example", subject: "Via SES" });
    const client = new S3Client({ region: "eu-west-1" });
    const requested: unknown[] = [];
    (client as unknown as { send: (c: GetObjectCommand) => Promise<unknown> }).send = async (command) => {
      requested.push(command.input);
      return { Body: { transformToByteArray: async () => new Uint8Array(raw) } };
    };
    const envelope = [`${ws.tenantId}@frontline.localhost`];
    await handler(sesEvent("ses-message-1", "carla@customer.example", envelope), client, "mail-bucket");
    await handler(sesEvent("ses-message-1", "carla@customer.example", envelope), client, "mail-bucket");
    expect(requested).toEqual([
      { Bucket: "mail-bucket", Key: `${INBOUND_PREFIX}ses-message-1` },
      { Bucket: "mail-bucket", Key: `${INBOUND_PREFIX}ses-message-1` },
    ]);
    const tickets = await withActor(ws.owner, () => Ticket.list({ view: "all" }));
    expect(tickets.tickets.map((t) => t.subject)).toEqual(["Via SES"]);
  });

  it("passes SES's SPF, DKIM and DMARC verdicts on, kept with the mail", async () => {
    const ws = await makeWorkspace();
    const raw = await rawMail({ to: "support@customer-facing.example", subject: "No DMARC record" });
    const client = new S3Client({ region: "eu-west-1" });
    (client as unknown as { send: () => Promise<unknown> }).send = async () => ({ Body: { transformToByteArray: async () => new Uint8Array(raw) } });
    await handler(sesEvent("ses-message-2", "carla@customer.example", [`${ws.tenantId}@frontline.localhost`], "GRAY"), client, "mail-bucket");
    const received = await withActor(ws.owner, () => Mail.list({}));
    expect(received.mail.map((m) => m.auth)).toEqual([{ spf: "pass", dkim: "pass", dmarc: "gray" }]);
  });
});
