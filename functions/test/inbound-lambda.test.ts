import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import type { SESEvent, SQSEvent, SQSRecord } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Mail } from "@frontline/core/email";
import { Inbound } from "@frontline/core/email/inbound";
import { configurePorts } from "@frontline/core/port";
import { Ticket } from "@frontline/core/ticket";
import { handler, INBOUND_PREFIX } from "../src/mail/inbound";
import { handler as onFailure, type InvocationRecord } from "../src/mail/inbound-failures";
import { SWEEP, handler as sweep, storedEnvelope } from "../src/mail/inbound-sweep";
import { testPorts, useTestTable } from "../../test/support/db";
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

/** What an S3 client was asked, by command name and input, as the SDK would send it. */
type Sent = { name: string; input: Record<string, unknown> };

/**
 * The mail bucket behind a real S3Client whose send() answers from memory: GetObject (NoSuchKey, as S3 names it, for a
 * missing key), DeleteObject, and ListObjectsV2 in pages of `pageSize` keys, in key order, whose continuation token
 * (opaque to the caller) carries on after the page's last key, as S3's does whatever was deleted meanwhile.
 */
function bucketClient(objects: Map<string, { body: Buffer; lastModified: Date }>, pageSize = 1000) {
  const client = new S3Client({ region: "eu-west-1" });
  const sent: Sent[] = [];
  (client as unknown as { send: (command: { input: Record<string, unknown>; constructor: { name: string } }) => Promise<unknown> }).send = async (command) => {
    const { name } = command.constructor;
    const input = command.input;
    sent.push({ name, input });
    const key = input.Key as string;
    if (name === GetObjectCommand.name) {
      const object = objects.get(key);
      if (!object) throw Object.assign(new Error("The specified key does not exist."), { name: "NoSuchKey", $metadata: { httpStatusCode: 404 } });
      return { Body: { transformToByteArray: async () => new Uint8Array(object.body) } };
    }
    if (name === DeleteObjectCommand.name) {
      objects.delete(key);
      return {};
    }
    if (name === ListObjectsV2Command.name) {
      const keys = [...objects.keys()].filter((k) => k.startsWith(input.Prefix as string)).sort();
      const after = input.ContinuationToken ? Buffer.from(input.ContinuationToken as string, "base64").toString() : "";
      const rest = keys.filter((k) => k > after);
      const page = rest.slice(0, pageSize);
      const more = rest.length > pageSize;
      return {
        Contents: page.map((k) => ({ Key: k, LastModified: objects.get(k)!.lastModified, Size: objects.get(k)!.body.length })),
        IsTruncated: more,
        ...(more ? { NextContinuationToken: Buffer.from(page.at(-1)!).toString("base64") } : {}),
      };
    }
    throw new Error(`Unexpected S3 command ${name}`);
  };
  return { client, sent };
}

/** What SES writes on top of a message it stores: the MAIL FROM and its own Received field naming the recipient. */
function asStoredBySes(raw: Buffer, sesMessageId: string, mailFrom: string, recipient: string | undefined): Buffer {
  const head =
    `Return-Path: <${mailFrom}>\r\n` +
    `Received: from mail.customer.example (mail.customer.example [198.51.100.7])\r\n by inbound-smtp.eu-west-1.amazonaws.com with SMTP id ${sesMessageId}` +
    `${recipient ? `\r\n for ${recipient}` : ""};\r\n Sun, 22 Nov 2026 10:00:00 +0000 (UTC)\r\n` +
    "X-SES-Spam-Verdict: PASS\r\nX-SES-Virus-Verdict: PASS\r\n";
  return Buffer.concat([Buffer.from(head, "latin1"), raw]);
}

const key = (sesMessageId: string) => `${INBOUND_PREFIX}${sesMessageId}`;
const MINUTE = 60_000;

describe("the SES inbound mail handler", () => {
  it("reads the stored message from S3, receives it for the envelope recipients, not the To header, then removes SES's copy", async () => {
    const ws = await makeWorkspace();
    const raw = await rawMail({ to: "support@customer-facing.example", subject: "Via SES" });
    const objects = new Map([[key("ses-message-1"), { body: raw, lastModified: new Date() }]]);
    const { client, sent } = bucketClient(objects);
    const envelope = [`${ws.tenantId}@frontline.localhost`];
    await handler(sesEvent("ses-message-1", "carla@customer.example", envelope), client, "mail-bucket");
    // A second delivery of the same event: SES's copy is gone, the mail was taken in.
    await handler(sesEvent("ses-message-1", "carla@customer.example", envelope), client, "mail-bucket");
    expect(sent).toEqual([
      { name: GetObjectCommand.name, input: { Bucket: "mail-bucket", Key: key("ses-message-1") } },
      { name: DeleteObjectCommand.name, input: { Bucket: "mail-bucket", Key: key("ses-message-1") } },
      { name: GetObjectCommand.name, input: { Bucket: "mail-bucket", Key: key("ses-message-1") } },
    ]);
    expect(objects.size).toBe(0);
    const tickets = await withActor(ws.owner, () => Ticket.list({ view: "all" }));
    expect(tickets.tickets.map((t) => t.subject)).toEqual(["Via SES"]);
  });

  it("passes SES's SPF, DKIM and DMARC verdicts on, kept with the mail", async () => {
    const ws = await makeWorkspace();
    const raw = await rawMail({ to: "support@customer-facing.example", subject: "No DMARC record" });
    const { client } = bucketClient(new Map([[key("ses-message-2"), { body: raw, lastModified: new Date() }]]));
    await handler(sesEvent("ses-message-2", "carla@customer.example", [`${ws.tenantId}@frontline.localhost`], "GRAY"), client, "mail-bucket");
    const received = await withActor(ws.owner, () => Mail.list({}));
    expect(received.mail.map((m) => m.auth)).toEqual([{ spf: "pass", dkim: "pass", dmarc: "gray" }]);
  });
});

describe("the failures queue's consumer", () => {
  /** An SQS message as the event source mapping delivers it, its body the invocation record Lambda sent. */
  function sqsMessage(messageId: string, body: unknown): SQSRecord {
    return {
      messageId,
      receiptHandle: `handle-${messageId}`,
      body: typeof body === "string" ? body : JSON.stringify(body),
      attributes: { ApproximateReceiveCount: "1", SentTimestamp: "1795860000000", SenderId: "AIDAEXAMPLE", ApproximateFirstReceiveTimestamp: "1795860000001" },
      messageAttributes: {},
      md5OfBody: "",
      eventSource: "aws:sqs",
      eventSourceARN: "arn:aws:sqs:eu-west-1:123456789012:inbound-failures",
      awsRegion: "eu-west-1",
    };
  }

  function invocationRecord(event: SESEvent): InvocationRecord {
    return {
      version: "1.0",
      timestamp: "2026-11-22T10:03:12.000Z",
      requestContext: {
        requestId: "0d2e1c4b-2a8f-4c1e-9d52-8f3f7a1c0e11",
        functionArn: "arn:aws:lambda:eu-west-1:123456789012:function:test-frontline-inbound:$LATEST",
        condition: "RetriesExhausted",
        approximateInvokeCount: 3,
      },
      requestPayload: event,
      responseContext: { statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" },
      responsePayload: { errorType: "Error", errorMessage: "Processing failed", trace: [] },
    };
  }

  it("takes in a mail whose SES invocations all failed, with SES's envelope and verdicts, once however often it comes", async () => {
    const ws = await makeWorkspace();
    const raw = await rawMail({ to: "support@customer-facing.example", subject: "Failed twice" });
    const objects = new Map([[key("ses-failed-1"), { body: raw, lastModified: new Date() }]]);
    const { client, sent } = bucketClient(objects);
    const event = sesEvent("ses-failed-1", "carla@customer.example", [`${ws.tenantId}+payments@frontline.localhost`]);

    // The first attempts: the store of raw mail is down, so the inbound function fails and SES's copy stays.
    const working = testPorts.blobs;
    configurePorts({ blobs: { ...working, put: async () => Promise.reject(new Error("S3 is down")) } });
    await expect(handler(event, client, "mail-bucket")).rejects.toThrow("S3 is down");
    configurePorts({ blobs: working });
    expect(objects.has(key("ses-failed-1"))).toBe(true);

    const batch: SQSEvent = { Records: [sqsMessage("m-1", invocationRecord(event)), sqsMessage("m-2", invocationRecord(event))] };
    expect(await onFailure(batch, client, "mail-bucket")).toEqual({ batchItemFailures: [] });
    expect(objects.size).toBe(0);
    expect(sent.map((c) => c.name)).toEqual([GetObjectCommand.name, GetObjectCommand.name, DeleteObjectCommand.name, GetObjectCommand.name]);
    const received = await withActor(ws.owner, () => Mail.list({}));
    expect(received.mail).toHaveLength(1);
    expect(received.mail[0]).toMatchObject({ subject: "Failed twice", status: "ticket_created", recipients: [`${ws.tenantId}+payments`] });
    expect(received.mail[0]!.auth).toEqual({ spf: "pass", dkim: "pass", dmarc: "pass" });
  });

  it("reports back only the messages that failed again, for SQS to retry and then park", async () => {
    const ws = await makeWorkspace();
    const raw = await rawMail({ subject: "Fine this time" });
    const { client } = bucketClient(new Map([[key("ses-failed-2"), { body: raw, lastModified: new Date() }]]));
    const good = sqsMessage("good", invocationRecord(sesEvent("ses-failed-2", "carla@customer.example", [`${ws.tenantId}@frontline.localhost`])));
    const result = await onFailure({ Records: [sqsMessage("not-json", "{"), good, sqsMessage("not-ses", { requestPayload: { detail: {} } })] }, client, "mail-bucket");
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: "not-json" }, { itemIdentifier: "not-ses" }] });
    expect((await withActor(ws.owner, () => Mail.list({}))).mail.map((m) => m.subject)).toEqual(["Fine this time"]);
  });
});

describe("the sweep of incoming/", () => {
  const now = new Date("2026-11-22T12:00:00.000Z");
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);
  const plenty = { getRemainingTimeInMillis: () => 600_000 };

  it("takes in every stored mail left there 15 minutes and more, through the same path, and leaves the recent ones", async () => {
    const ws = await makeWorkspace();
    const address = `${ws.tenantId}@frontline.localhost`;
    const stored = async (id: string, subject: string, minutesAgo: number, recipient: string | undefined = address) => [
      key(id),
      { body: asStoredBySes(await rawMail({ to: "support@customer-facing.example", subject }), id, "carla@customer.example", recipient), lastModified: ago(minutesAgo) },
    ] as const;
    // Received already (its own invocation took it in but could not remove SES's copy): a duplicate, no second ticket.
    const earlier = await stored("ses-a-earlier", "Received already", 240);
    await Inbound.receive(earlier[1].body, { from: "carla@customer.example", to: [address] });
    const objects = new Map([
      earlier,
      await stored("ses-b-never-invoked", "Never invoked", 16),
      await stored("ses-c-just-now", "Just now", 2),
      await stored("ses-d-an-hour-ago", "An hour ago", 60),
      await stored("ses-e-yesterday", "Yesterday", 24 * 60),
    ]);
    const { client, sent } = bucketClient(objects, 2);

    const result = await sweep({}, plenty, client, "mail-bucket", () => now);
    expect(result).toEqual({ found: 4, takenIn: 4, gone: 0, failed: [], left: 0 });
    expect([...objects.keys()]).toEqual([key("ses-c-just-now")]);
    // The SDK's requests: three pages of two keys (continuation tokens), then a read and a removal per mail taken in.
    expect(sent.filter((c) => c.name === ListObjectsV2Command.name).map((c) => c.input)).toEqual([
      { Bucket: "mail-bucket", Prefix: "incoming/", ContinuationToken: undefined },
      { Bucket: "mail-bucket", Prefix: "incoming/", ContinuationToken: Buffer.from(key("ses-b-never-invoked")).toString("base64") },
      { Bucket: "mail-bucket", Prefix: "incoming/", ContinuationToken: Buffer.from(key("ses-d-an-hour-ago")).toString("base64") },
    ]);
    expect(sent.filter((c) => c.name === DeleteObjectCommand.name).map((c) => c.input)).toEqual(
      ["ses-a-earlier", "ses-b-never-invoked", "ses-d-an-hour-ago", "ses-e-yesterday"].map((id) => ({ Bucket: "mail-bucket", Key: key(id) })),
    );
    const received = await withActor(ws.owner, () => Mail.list({}));
    expect(received.mail.map((m) => m.subject).sort()).toEqual(["An hour ago", "Never invoked", "Received already", "Yesterday"]);
    expect(received.mail.every((m) => m.status === "ticket_created")).toBe(true);
    const tickets = await withActor(ws.owner, () => Ticket.list({ view: "all" }));
    expect(tickets.tickets).toHaveLength(4);

    // An operator's run with no age limit takes the recent one too; a second run finds nothing.
    expect(await sweep({ olderThanMinutes: 0 }, plenty, client, "mail-bucket", () => now)).toMatchObject({ found: 1, takenIn: 1 });
    expect(await sweep({}, plenty, client, "mail-bucket", () => now)).toEqual({ found: 0, takenIn: 0, gone: 0, failed: [], left: 0 });
  });

  it("leaves a stored mail whose recipient it cannot read, and fails the run (the errors alarm) naming it", async () => {
    const ws = await makeWorkspace();
    const unroutable = asStoredBySes(await rawMail({ to: "support@customer-facing.example", subject: "To whom?" }), "ses-f", "carla@customer.example", undefined);
    const routable = asStoredBySes(await rawMail({ subject: "To us" }), "ses-g", "carla@customer.example", `${ws.tenantId}@frontline.localhost`);
    const objects = new Map([
      [key("ses-f"), { body: unroutable, lastModified: ago(30) }],
      [key("ses-g"), { body: routable, lastModified: ago(30) }],
    ]);
    const { client } = bucketClient(objects);
    await expect(sweep({}, plenty, client, "mail-bucket", () => now)).rejects.toThrow("The sweep could not take in 1 stored mail (incoming/ses-f)");
    expect([...objects.keys()]).toEqual([key("ses-f")]);
    expect((await withActor(ws.owner, () => Mail.list({}))).mail.map((m) => m.subject)).toEqual(["To us"]);
  });

  it("stops before the function's time runs out and leaves the rest to the next run", async () => {
    const ws = await makeWorkspace();
    const objects = new Map(
      await Promise.all(
        ["ses-h", "ses-i", "ses-j"].map(async (id) => [key(id), { body: asStoredBySes(await rawMail({ subject: id }), id, "carla@customer.example", `${ws.tenantId}@frontline.localhost`), lastModified: ago(20) }] as const),
      ),
    );
    // Time for one mail: the second finds less than the reserve left.
    let remaining = SWEEP.reserveMs;
    const clock = { getRemainingTimeInMillis: () => remaining-- };
    const { client } = bucketClient(objects);
    expect(await sweep({}, clock, client, "mail-bucket", () => now)).toEqual({ found: 3, takenIn: 1, gone: 0, failed: [], left: 2 });
    expect(objects.size).toBe(2);
  });
});

describe("the envelope of a stored mail", () => {
  it("is SES's own Return-Path and Received fields, the topmost ones, not those the message brought", async () => {
    const forged = await rawMail({ headers: { Received: "from evil.example by inbound-smtp.eu-west-1.amazonaws.com with SMTP id x for other@frontline.localhost; now" } });
    expect(storedEnvelope(asStoredBySes(forged, "ses-k", "Carla@Customer.example", "Acme+Payments@frontline.localhost"))).toEqual({
      from: "Carla@Customer.example",
      to: ["acme+payments@frontline.localhost"],
    });
  });

  it("is the null sender for a bounce, and the To, Cc and Delivered-To addresses when SES names no recipient", async () => {
    const raw = await rawMail({ to: "acme@frontline.localhost, Someone <someone@else.example>", cc: "beta@frontline.localhost" });
    const stored = Buffer.concat([Buffer.from("Return-Path: <>\r\nReceived: from mx by inbound-smtp.eu-west-1.amazonaws.com with SMTP id y;\r\n now\r\n"), raw]);
    expect(storedEnvelope(stored)).toEqual({ from: "", to: ["acme@frontline.localhost", "someone@else.example", "beta@frontline.localhost"] });
    // Not stored by SES at all: no MAIL FROM to read.
    expect(storedEnvelope(raw).from).toBeUndefined();
  });
});
