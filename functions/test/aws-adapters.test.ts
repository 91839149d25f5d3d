import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { SendRawEmailCommand, SESClient } from "@aws-sdk/client-ses";
import { CreateScheduleCommand, DeleteScheduleCommand, SchedulerClient, UpdateScheduleCommand } from "@aws-sdk/client-scheduler";
import { TransientMailError } from "@frontline/core/port";
import { describe, expect, it } from "vitest";
import { s3BlobStore } from "../src/aws/s3-blob-store";
import { atExpression, eventBridgeScheduler } from "../src/aws/scheduler";
import { sesMailer } from "../src/aws/ses-mailer";
import { configureAwsPorts } from "../src/aws/ports";

/** A client whose send() records each command and answers from `respond` (throwing what it throws). */
function stub<C extends { send: unknown }>(client: C, respond: (command: { input: unknown; constructor: { name: string } }) => unknown = () => ({})) {
  const sent: { name: string; input: unknown }[] = [];
  (client as unknown as { send: (command: { input: unknown; constructor: { name: string } }) => Promise<unknown> }).send = async (command) => {
    sent.push({ name: command.constructor.name, input: command.input });
    return respond(command);
  };
  return sent;
}

const awsError = (name: string, message = name, extra: object = {}) => Object.assign(new Error(message), { name, ...extra });

describe("the SES mailer", () => {
  it("sends the raw message with its envelope through SendRawEmail", async () => {
    const client = new SESClient({ region: "eu-west-1" });
    const sent = stub(client, () => ({ MessageId: "ses-1" }));
    const raw = Buffer.from("From: a@b\r\n\r\nhi");
    const result = await sesMailer(client).send({ envelopeFrom: "acme@inbound.example", recipients: ["carla@customer.example"], raw });
    expect(result).toEqual({ providerMessageId: "ses-1" });
    expect(sent).toEqual([
      { name: SendRawEmailCommand.name, input: { Source: "acme@inbound.example", Destinations: ["carla@customer.example"], RawMessage: { Data: raw } } },
    ]);
  });

  it("makes throttling a transient failure (retried) and a rejection a permanent one", async () => {
    const client = new SESClient({ region: "eu-west-1" });
    const mail = { envelopeFrom: "a@b.example", recipients: ["c@d.example"], raw: Buffer.from("x") };
    stub(client, () => {
      throw awsError("Throttling", "Maximum sending rate exceeded.");
    });
    await expect(sesMailer(client).send(mail)).rejects.toBeInstanceOf(TransientMailError);
    stub(client, () => {
      throw awsError("ServiceUnavailable", "down", { $metadata: { httpStatusCode: 503 } });
    });
    await expect(sesMailer(client).send(mail)).rejects.toBeInstanceOf(TransientMailError);
    stub(client, () => {
      throw awsError("MessageRejected", "Email address is not verified.");
    });
    const permanent = await sesMailer(client).send(mail).catch((e: unknown) => e);
    expect(permanent).not.toBeInstanceOf(TransientMailError);
    expect((permanent as Error).message).toMatch(/SES refused the message: MessageRejected/);
  });
});

describe("the EventBridge Scheduler adapter", () => {
  const target = {
    group: "prod-frontline-timers",
    targetArn: "arn:aws:lambda:eu-west-1:123456789012:function:timer",
    roleArn: "arn:aws:iam::123456789012:role/scheduler",
    deadLetterArn: "arn:aws:sqs:eu-west-1:123456789012:timers-dlq",
  };
  const now = () => new Date("2026-11-22T10:00:00.000Z");

  it("creates one exact, self-deleting, retried one-time schedule per timer", async () => {
    const client = new SchedulerClient({ region: "eu-west-1" });
    const sent = stub(client);
    await eventBridgeScheduler(client, target, now).arm("sla-acme-01ABC-first-1", new Date("2026-11-22T10:30:00.250Z"), { kind: "sla", tenantId: "acme", ticketId: "01ABC" });
    expect(sent).toEqual([
      {
        name: CreateScheduleCommand.name,
        input: {
          Name: "sla-acme-01ABC-first-1",
          GroupName: "prod-frontline-timers",
          ScheduleExpression: "at(2026-11-22T10:30:00)",
          ScheduleExpressionTimezone: "UTC",
          FlexibleTimeWindow: { Mode: "OFF" },
          ActionAfterCompletion: "DELETE",
          State: "ENABLED",
          Target: {
            Arn: target.targetArn,
            RoleArn: target.roleArn,
            Input: JSON.stringify({ kind: "sla", tenantId: "acme", ticketId: "01ABC" }),
            RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 10 },
            DeadLetterConfig: { Arn: target.deadLetterArn },
          },
        },
      },
    ]);
  });

  it("updates a schedule of the same name, and deletes without minding one already gone", async () => {
    const client = new SchedulerClient({ region: "eu-west-1" });
    const sent = stub(client, (command) => {
      if (command.constructor.name === CreateScheduleCommand.name) throw awsError("ConflictException");
      if (command.constructor.name === DeleteScheduleCommand.name) throw awsError("ResourceNotFoundException");
      return {};
    });
    const scheduler = eventBridgeScheduler(client, target, now);
    await scheduler.arm("x", new Date("2026-11-22T11:00:00Z"), { kind: "k", tenantId: "t" });
    await scheduler.cancel("x");
    expect(sent.map((s) => s.name)).toEqual([CreateScheduleCommand.name, UpdateScheduleCommand.name, DeleteScheduleCommand.name]);
    expect(sent[2]!.input).toEqual({ Name: "x", GroupName: "prod-frontline-timers" });
    await expect(scheduler.arm("not a valid name!", new Date(), { kind: "k", tenantId: "t" })).rejects.toThrow(/Timer names/);
  });

  it("fires a time already past a moment from now", () => {
    expect(atExpression(new Date("2026-11-22T09:00:00Z"), now())).toBe("at(2026-11-22T10:00:02)");
  });
});

describe("the S3 blob store", () => {
  it("puts encrypted objects, reads them back, and answers a missing key with undefined", async () => {
    const client = new S3Client({ region: "eu-west-1" });
    const sent = stub(client, (command) => {
      if (command.constructor.name === GetObjectCommand.name) {
        const key = (command.input as { Key: string }).Key;
        if (key === "missing") throw awsError("NoSuchKey");
        return { Body: { transformToByteArray: async () => new Uint8Array([104, 105]) } };
      }
      return {};
    });
    const store = s3BlobStore(client, "mail-bucket");
    await store.put("raw/acme/abc.eml", Buffer.from("hi"), { contentType: "message/rfc822" });
    expect(sent[0]).toEqual({
      name: PutObjectCommand.name,
      input: { Bucket: "mail-bucket", Key: "raw/acme/abc.eml", Body: Buffer.from("hi"), ContentType: "message/rfc822", ServerSideEncryption: "AES256" },
    });
    expect((await store.get("raw/acme/abc.eml"))?.toString()).toBe("hi");
    expect(await store.get("missing")).toBeUndefined();
  });
});

describe("configuring the AWS adapters", () => {
  it("leaves the local adapters alone outside AWS, and refuses a half-configured environment", () => {
    expect(configureAwsPorts({})).toBe(false);
    expect(() => configureAwsPorts({ MAIL_BUCKET: "b" })).toThrow(/Missing environment for the AWS adapters: SCHEDULE_GROUP/);
  });
});
