import { simpleParser } from "mailparser";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useDb } from "@frontline/core/db";
import { Mail, Outbox, StopList } from "@frontline/core/email";
import { Inbound } from "@frontline/core/email/inbound";
import { Event } from "@frontline/core/event";
import { Ticket } from "@frontline/core/ticket";
import { Timers } from "@frontline/core/timer";
import { configurePorts } from "@frontline/core/port";
import { settle, testPorts, useTestTable } from "../../../test/support/db";
import { headerOf, rawMail } from "../../../test/support/mail";
import { makeWorkspace, type TestWorkspace } from "../../../test/support/workspace";

beforeAll(useTestTable);
/** Moves this file's clock (the mail leases' tests); back to real time after each test. */
let offsetMs = 0;
configurePorts({ clock: { now: () => new Date(Date.now() + offsetMs) } });
afterEach(() => {
  offsetMs = 0;
});

let ws: TestWorkspace;
let address: string;
beforeEach(async () => {
  await settle(); // what the previous test set going ends before this one counts letters
  ws = await makeWorkspace();
  address = `${ws.tenantId}@frontline.localhost`;
  testPorts.mailer.sent.length = 0;
});

const deliver = (raw: Buffer, to: string[] = [address], from = "carla@customer.example", auth?: Inbound.Envelope["auth"]) => Inbound.receive(raw, { from, to, auth });
/** Delivers one mail, then lets its reactions run (letters, references), as a person would wait a moment. */
const one = async (raw: Buffer, to?: string[], from?: string, auth?: Inbound.Envelope["auth"]) => {
  const outcomes = await deliver(raw, to, from, auth);
  expect(outcomes).toHaveLength(1);
  await settle();
  return outcomes[0]!;
};
const lettersTo = (to: string) => testPorts.mailer.sent.filter((m) => m.recipients.includes(to));

describe("a new mail", () => {
  it("becomes a ticket from a new customer, and the customer gets a threaded acknowledgement with the number", async () => {
    const raw = await rawMail({ to: address, messageId: "<first-1@customer.example>" });
    const outcome = await one(raw);
    expect(outcome).toMatchObject({ status: "ticket_created", ticketNumber: 1 });
    const detail = await ws.as(ws.owner, () => Ticket.get(outcome.ticketId!));
    expect(detail.ticket).toMatchObject({ channel: "email", status: "new", subject: "My order has not arrived", requester: { name: "Carla Customer", email: "carla@customer.example" } });
    expect(detail.messages[0]).toMatchObject({ kind: "customer", body: "Hello, I ordered a lamp two weeks ago and it has not arrived." });

    const [ack] = lettersTo("carla@customer.example");
    expect(ack).toBeTruthy();
    const letter = await simpleParser(ack!.raw);
    expect(letter.subject).toBe("[#1] My order has not arrived");
    expect(letter.inReplyTo).toBe("<first-1@customer.example>");
    expect(letter.text).toContain("#1");
    expect(headerOf(ack!.raw, "Auto-Submitted")).toBe("auto-replied");
    expect(letter.replyTo?.value[0]?.address).toMatch(new RegExp(`^${ws.tenantId}\\+t1-[a-z2-7]{12}@frontline\\.localhost$`));
    expect(letter.from?.value[0]).toMatchObject({ address });
    // The raw message was stored before anything else.
    expect(testPorts.blobs.keys().some((k) => k.startsWith(`raw/${ws.tenantId}/`))).toBe(true);
  });

  it("changes nothing when the same message is delivered again, even 5 times at once", async () => {
    const raw = await rawMail({ to: address, messageId: "<dup-1@customer.example>" });
    // A delivery that finds another attempt at work is told to come back later, as a mail server is (451).
    const settled = await Promise.allSettled(Array.from({ length: 5 }, () => deliver(raw)));
    const outcomes = settled.flatMap((s) => (s.status === "fulfilled" ? s.value : []));
    for (const s of settled) if (s.status === "rejected") expect(s.reason).toBeInstanceOf(Inbound.InProgress);
    await settle();
    const created = outcomes.filter((o) => !o.duplicate);
    expect(created).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.mailId)).size).toBe(1);
    const again = await one(raw);
    expect(again).toMatchObject({ duplicate: true, status: "ticket_created", ticketId: created[0]!.ticketId });
    const all = await ws.as(ws.owner, () => Ticket.list({ view: "all" }));
    expect(all.tickets).toHaveLength(1);
    expect(lettersTo("carla@customer.example")).toHaveLength(1);
  });

  it("keeps and shows a different message under a Message-ID received before, but not the same one come another way", async () => {
    const raw = await rawMail({ to: address, messageId: "<reused-1@customer.example>", subject: "First words" });
    const first = await one(raw);
    // The same message again, with the trace fields another hop adds: the same mail.
    const rerouted = Buffer.concat([Buffer.from("Received: from mx2.customer.example by mx.frontline.localhost; Fri, 4 Dec 2026 10:00:00 +0000\r\nReturn-Path: <carla@customer.example>\r\n"), raw]);
    expect(await one(rerouted)).toMatchObject({ duplicate: true, mailId: first.mailId });
    // Another message that reuses the Message-ID: kept, processed, and shown as such.
    const otherRaw = await rawMail({ to: address, messageId: "<reused-1@customer.example>", subject: "Other words", text: "Something else entirely." });
    const other = await one(otherRaw);
    expect(other.duplicate).toBeUndefined();
    expect(other.mailId).not.toBe(first.mailId);
    expect(other.status).toBe("ticket_created");
    const shown = await ws.as(ws.owner, () => Mail.get(other.mailId));
    expect(shown).toMatchObject({ sameMessageIdAs: first.mailId, subject: "Other words" });
    // Each, delivered again, is itself.
    expect(await one(otherRaw)).toMatchObject({ duplicate: true, mailId: other.mailId });
    expect(await one(raw)).toMatchObject({ duplicate: true, mailId: first.mailId });
  });

  it("routes by the envelope recipient, so Bcc'd and plus-addressed mail reach the right department", async () => {
    const payments = await ws.department("Payments & Refunds");
    const raw = await rawMail({ to: "someone-else@example.com", subject: "Refund" });
    const outcome = await one(raw, [`${ws.tenantId}+payments-refunds@frontline.localhost`]);
    const ticket = await ws.as(ws.owner, () => Ticket.get(outcome.ticketId!));
    expect(ticket.ticket.departmentId).toBe(payments);
  });

  it("keeps attachments and sanitised HTML, and trims the quoted history from what is shown", async () => {
    const raw = await rawMail({
      to: address,
      text: "It still fails.\n\nOn Mon, 1 Jan 2026, Support <s@x.example> wrote:\n> Try again",
      html: '<p onclick="steal()">It still fails.</p><script>alert(1)</script><img src="cid:shot" alt="screen">',
      attachments: [
        { filename: "screen.png", content: Buffer.from("89504e47", "hex"), contentType: "image/png", cid: "shot" },
        { filename: "log.txt", content: "line 1\nline 2" },
      ],
    });
    const outcome = await one(raw);
    const { messages } = await ws.as(ws.owner, () => Ticket.get(outcome.ticketId!));
    const first = await useDb().entities.message.query.byId({ tenantId: ws.tenantId, ticketId: outcome.ticketId! }).go();
    const message = first.data[0]!;
    expect(messages[0]!.body).toBe("It still fails.");
    expect(message.fullBody).toContain("> Try again");
    expect(message.html).toContain("It still fails.");
    expect(message.html).not.toMatch(/script|onclick|alert/);
    expect(message.attachments?.map((a) => a.filename).sort()).toEqual(["log.txt", "screen.png"]);
    const log = message.attachments!.find((a) => a.filename === "log.txt")!;
    expect((await testPorts.blobs.get(log.blobKey))?.toString()).toBe("line 1\nline 2");
  });

  it("ignores mail from the stop list, and refuses addresses of no workspace", async () => {
    await ws.as(ws.owner, () => StopList.add({ value: "spam.example" }));
    const outcome = await one(await rawMail({ from: "x@mail.spam.example", to: address }), [address], "x@mail.spam.example");
    expect(outcome).toMatchObject({ status: "ignored", reason: "On the stop list (spam.example)" });
    expect(await Inbound.acceptsRecipient("no-such-workspace@frontline.localhost")).toBe(false);
    expect(await Inbound.acceptsRecipient(`${ws.tenantId}@elsewhere.example`)).toBe(false);
    expect(await Inbound.acceptsRecipient(`${ws.tenantId}+anything@frontline.localhost`)).toBe(true);
  });

  it("holds a sender's messages over the rate cap, and an admin releases them", async () => {
    const outcomes = [];
    for (let i = 0; i < Inbound.RateCap.messages + 2; i++) {
      const [outcome] = await deliver(await rawMail({ from: "flood@customer.example", to: address, subject: `Flood ${i}` }), [address], "flood@customer.example");
      outcomes.push(outcome!);
    }
    expect(outcomes.filter((o) => o.status === "ticket_created")).toHaveLength(Inbound.RateCap.messages);
    const held = outcomes.filter((o) => o.status === "held");
    expect(held).toHaveLength(2);
    expect(held[0]!.reason).toMatch(/Held: flood@customer.example sent over 20 messages in 2 hours/);
    // An admin asks for it again: the request is answered at once, and the mail is processed by reaction.
    const requested = await ws.as(ws.owner, () => Mail.requestReprocess(held[0]!.mailId));
    expect(requested.status).toBe("processing");
    await settle();
    const released = await ws.as(ws.owner, () => Mail.get(held[0]!.mailId));
    expect(released.status).toBe("ticket_created");
    const history = await ws.as(ws.owner, () => Event.list({ action: "mail.reprocess" }));
    expect(history.events).toHaveLength(1);
  }, 60_000);
});

describe("a mail whose attempt dies", () => {
  /** Delivers a mail whose processing stops for good where it stores its attachment (as a killed process would). */
  async function deliverAndDie(subject: string) {
    const raw = await rawMail({ to: address, subject, attachments: [{ filename: "log.txt", content: "boom" }] });
    const put = testPorts.blobs.put;
    let resume!: () => void;
    const stuck = new Promise<void>((resolve) => (resume = resolve));
    let reached = false;
    testPorts.blobs.put = async (key, body, options) => {
      if (key.startsWith("att/")) {
        reached = true;
        await stuck;
      }
      return put.call(testPorts.blobs, key, body, options);
    };
    const dying = deliver(raw);
    await expect.poll(() => reached, { timeout: 10_000 }).toBe(true);
    testPorts.blobs.put = put;
    const mailId = (await ws.as(ws.owner, () => Mail.list({ status: "processing" }))).mail[0]!.mailId;
    return { raw, mailId, dying, resume };
  }

  it("is not acknowledged to a sender that retries while it is held, and is taken over when its lease ends", async () => {
    const { raw, mailId, dying, resume } = await deliverAndDie("Dies while processing");
    // The sender's server tries again: not a 250 while the other attempt holds it.
    await expect(deliver(raw)).rejects.toBeInstanceOf(Inbound.InProgress);
    await settle();
    const timer = testPorts.scheduler.timers.get(Inbound.leaseTimer(mailId));
    expect(timer?.payload).toMatchObject({ kind: "mail.lease", tenantId: ws.tenantId, mailId, attempt: 1 });
    // Fired on time, while the attempt may still be alive, the timer changes nothing.
    await Timers.fire(timer!.payload);
    expect((await ws.as(ws.owner, () => Mail.get(mailId))).status).toBe("processing");
    await expect(ws.as(ws.owner, () => Mail.requestReprocess(mailId))).rejects.toThrow(/being processed/);

    offsetMs = Mail.LEASE_MS + 2_000;
    expect(await ws.as(ws.owner, () => Mail.get(mailId))).toMatchObject({ status: "processing", stale: true });
    await Timers.fire(timer!.payload);
    const after = await ws.as(ws.owner, () => Mail.get(mailId));
    expect(after).toMatchObject({ status: "ticket_created" });
    await settle();
    expect(testPorts.scheduler.timers.has(Inbound.leaseTimer(mailId))).toBe(false);
    expect(lettersTo("carla@customer.example")).toHaveLength(1);

    // The first attempt comes back to life: fenced out, it makes nothing more.
    resume();
    const [late] = await dying.catch((error: unknown) => (error instanceof Inbound.InProgress ? error.outcomes : Promise.reject(error)));
    expect(late).toMatchObject({ duplicate: true, status: "ticket_created", ticketId: after.ticketId });
    await settle();
    expect((await ws.as(ws.owner, () => Ticket.list({ view: "all" }))).tickets).toHaveLength(1);
    expect(lettersTo("carla@customer.example")).toHaveLength(1);
    // A sender retrying now is answered as received.
    expect(await deliver(raw)).toMatchObject([{ duplicate: true, status: "ticket_created" }]);
  });

  it("can be processed again by an admin once its lease has ended", async () => {
    const { mailId } = await deliverAndDie("Stalled mail");
    await settle();
    offsetMs = Mail.LEASE_MS + 2_000;
    const requested = await ws.as(ws.owner, () => Mail.requestReprocess(mailId));
    expect(requested).toMatchObject({ status: "processing" });
    expect(requested.stale).toBeUndefined();
    await settle();
    expect(await ws.as(ws.owner, () => Mail.get(mailId))).toMatchObject({ status: "ticket_created" });
  });
});

describe("threading", () => {
  async function ticketWithAck() {
    const outcome = await one(await rawMail({ to: address, messageId: `<root-${Date.now()}@customer.example>` }));
    const ack = await simpleParser(lettersTo("carla@customer.example").at(-1)!.raw);
    return { outcome, ack, replyTo: ack.replyTo!.value[0]!.address! };
  }

  it("joins the ticket by the reply token, reopening a solved ticket", async () => {
    const { outcome, ack, replyTo } = await ticketWithAck();
    await ws.as(ws.owner, async () => {
      const t = await Ticket.load(outcome.ticketId!);
      await Ticket.update(t.ticketId, { version: t.version, status: "solved" });
    });
    await settle();
    const reply = await rawMail({ to: replyTo, subject: `Re: ${ack.subject}`, text: "Still broken" });
    const joined = await one(reply, [replyTo]);
    expect(joined).toMatchObject({ status: "reply_added", ticketId: outcome.ticketId });
    const detail = await ws.as(ws.owner, () => Ticket.get(outcome.ticketId!));
    expect(detail.ticket.status).toBe("open");
    expect(detail.messages.filter((m) => m.kind === "customer").map((m) => m.body)).toEqual([expect.any(String), "Still broken"]);
  });

  it("joins by In-Reply-To for a participant, but opens a new linked ticket for a stranger who quotes the same id", async () => {
    const { outcome, ack } = await ticketWithAck();
    const ourId = ack.messageId!;
    const participant = await one(await rawMail({ to: address, inReplyTo: ourId, references: ourId, text: "more info" }));
    expect(participant).toMatchObject({ status: "reply_added", ticketId: outcome.ticketId });

    const stranger = await one(
      await rawMail({ from: "mallory@evil.example", to: address, inReplyTo: ourId, references: ourId, subject: "Re: [#1] hijack", text: "let me in" }),
      [address],
      "mallory@evil.example",
    );
    expect(stranger.status).toBe("ticket_created");
    expect(stranger.ticketId).not.toBe(outcome.ticketId);
    const strangers = await ws.as(ws.owner, () => Ticket.get(stranger.ticketId!));
    expect(strangers.ticket.linkedTo).toBe(outcome.ticketId);
    const original = await ws.as(ws.owner, () => Ticket.get(outcome.ticketId!));
    expect(original.messages.map((m) => m.body)).not.toContain("let me in");
  });

  it("honours a [#number] subject token only from a participant", async () => {
    const { outcome } = await ticketWithAck();
    const number = outcome.ticketNumber!;
    const fromRequester = await one(await rawMail({ to: address, subject: `Re: [#${number}] thanks` }), [address], undefined, { dmarc: "pass" });
    expect(fromRequester).toMatchObject({ status: "reply_added", ticketId: outcome.ticketId });
    const forged = await one(await rawMail({ from: "mallory@evil.example", to: address, subject: `[#${number}] injected` }), [address], "mallory@evil.example", { dmarc: "pass" });
    expect(forged.status).toBe("ticket_created");
    expect(forged.ticketId).not.toBe(outcome.ticketId);
  });

  it("opens a new, linked ticket for a participant's subject token in a mail whose sender is not authenticated", async () => {
    const { outcome } = await ticketWithAck();
    const number = outcome.ticketNumber!;
    // Anyone can write carla's address in From: without DMARC (or an aligned DKIM signature) the token is not enough.
    for (const auth of [undefined, { spf: "pass", dkim: "none", dmarc: "none" }, { dkim: "pass", dmarc: "fail", dkimDomain: "customer.example" }, { dmarc: "temperror" }]) {
      const spoofed = await one(await rawMail({ to: address, subject: `Re: [#${number}] spoofed`, text: `spoofed ${JSON.stringify(auth)}` }), [address], undefined, auth);
      expect(spoofed.status).toBe("ticket_created");
      expect(spoofed.ticketId).not.toBe(outcome.ticketId);
      const opened = await ws.as(ws.owner, () => Ticket.get(spoofed.ticketId!));
      expect(opened.ticket.linkedTo).toBe(outcome.ticketId);
      expect((await ws.as(ws.owner, () => Mail.get(spoofed.mailId))).auth).toEqual(auth && { spf: auth.spf, dkim: auth.dkim, dmarc: auth.dmarc });
    }
    const original = await ws.as(ws.owner, () => Ticket.get(outcome.ticketId!));
    expect(original.messages.map((m) => m.body).join("\n")).not.toContain("spoofed");

    // A DMARC pass, or (no DMARC record) a DKIM signature of the From domain, joins.
    const passed = await one(await rawMail({ to: address, subject: `Re: [#${number}] signed` }), [address], undefined, { spf: "pass", dkim: "pass", dmarc: "pass" });
    expect(passed).toMatchObject({ status: "reply_added", ticketId: outcome.ticketId });
    expect((await ws.as(ws.owner, () => Mail.get(passed.mailId))).auth).toEqual({ spf: "pass", dkim: "pass", dmarc: "pass" });
    const signed = await one(await rawMail({ to: address, subject: `Re: [#${number}] dkim` }), [address], undefined, { dkim: "pass", dmarc: "none", dkimDomain: "customer.example" });
    expect(signed).toMatchObject({ status: "reply_added", ticketId: outcome.ticketId });
    const otherSigner = await one(await rawMail({ to: address, subject: `Re: [#${number}] other signer` }), [address], undefined, { dkim: "pass", dmarc: "none", dkimDomain: "evil.example" });
    expect(otherSigner.status).toBe("ticket_created");
  });

  it("refuses a forged token, and a token or reference of another workspace", async () => {
    const { outcome, ack, replyTo } = await ticketWithAck();
    const forgedToken = replyTo.replace(/-[a-z2-7]{12}@/, "-aaaaaaaaaaaa@");
    const forged = await one(await rawMail({ from: "mallory@evil.example", to: forgedToken, text: "forged" }), [forgedToken], "mallory@evil.example");
    expect(forged.ticketId).not.toBe(outcome.ticketId);

    // The same token and Message-ID sent to another workspace's address name nothing there.
    const other = await makeWorkspace();
    const theirs = `${other.tenantId}+${replyTo.split("+")[1]!.split("@")[0]}@frontline.localhost`;
    const crossed = await Inbound.receive(await rawMail({ to: theirs, inReplyTo: ack.messageId!, references: ack.messageId! }), { from: "carla@customer.example", to: [theirs] });
    expect(crossed[0]).toMatchObject({ tenantId: other.tenantId, status: "ticket_created", ticketNumber: 1 });
    const mine = await ws.as(ws.owner, () => Ticket.get(outcome.ticketId!));
    expect(mine.messages.filter((m) => m.kind === "customer")).toHaveLength(1);
  });

  it("opens a follow-up for a reply to a closed ticket", async () => {
    const { outcome, replyTo } = await ticketWithAck();
    await ws.as(ws.owner, async () => {
      const t = await Ticket.load(outcome.ticketId!);
      const solved = await Ticket.update(t.ticketId, { version: t.version, status: "solved" });
      await Ticket.update(t.ticketId, { version: solved.version, status: "closed" });
    });
    const later = await one(await rawMail({ to: replyTo, text: "It broke again" }), [replyTo]);
    expect(later.status).toBe("ticket_created");
    const followUp = await ws.as(ws.owner, () => Ticket.get(later.ticketId!));
    expect(followUp.ticket.followUpOf).toBe(outcome.ticketId);
  });
});

describe("loops, automatic replies and bounces", () => {
  it("adds an out-of-office reply to its ticket as a note, answers nobody, and ignores one to no ticket", async () => {
    const first = await one(await rawMail({ to: address }));
    const ack = await simpleParser(lettersTo("carla@customer.example").at(-1)!.raw);
    const before = testPorts.mailer.sent.length;
    const ooo = await one(await rawMail({ to: ack.replyTo!.value[0]!.address!, subject: "Out of office", headers: { "Auto-Submitted": "auto-replied" } }), [ack.replyTo!.value[0]!.address!]);
    expect(ooo).toMatchObject({ status: "note_added", ticketId: first.ticketId });
    const detail = await ws.as(ws.owner, () => Ticket.get(first.ticketId!));
    expect(detail.messages.at(-1)).toMatchObject({ kind: "note" });
    expect(detail.ticket.status).toBe("new");
    const stray = await one(await rawMail({ from: "boss@other.example", to: address, subject: "Automatic reply: away", headers: { "Auto-Submitted": "auto-replied" } }), [address], "boss@other.example");
    expect(stray).toMatchObject({ status: "ignored" });
    expect(testPorts.mailer.sent.length).toBe(before);
  });

  it("records bulk and no-reply mail as tickets that are never answered", async () => {
    for (const [headers, from] of [
      [{ Precedence: "bulk" }, "news@shop.example"],
      [{ "Auto-Submitted": "auto-generated" }, "monitor@ops.example"],
      [{}, "no-reply@service.example"],
    ] as const) {
      const outcome = await one(await rawMail({ from, to: address, headers }), [address], from);
      expect(outcome.status, from).toBe("ticket_created");
      expect(lettersTo(from), from).toHaveLength(0);
      const ticket = await ws.as(ws.owner, () => Ticket.get(outcome.ticketId!));
      const record = await useDb().entities.ticket.get({ tenantId: ws.tenantId, ticketId: ticket.ticket.ticketId }).go();
      expect(record.data?.automated, from).toBe(true);
    }
  });

  it("acknowledges at most 3 new conversations an hour from one address; the rest are kept, shown and not sent", async () => {
    const robot = "robot@customer.example";
    const outcomes: Inbound.Outcome[] = [];
    for (let i = 0; i < 5; i++) outcomes.push(await one(await rawMail({ from: robot, to: address, subject: `New conversation ${i}` }), [address], robot));
    await settle();
    expect(outcomes.every((o) => o.status === "ticket_created")).toBe(true);
    expect(lettersTo(robot)).toHaveLength(Outbox.AutoLetterCap.letters);
    const held = await ws.as(ws.owner, () => Outbox.list({ status: "suppressed" }));
    expect(held.entries.filter((e) => e.to === robot).map((e) => e.kind)).toEqual(["ticket_received", "ticket_received"]);
    const last = await ws.as(ws.owner, () => Ticket.get(outcomes[4]!.ticketId!));
    expect(last.messages.find((m) => m.system?.action === "suppressed")?.system?.reason).toBe("Over 3 acknowledgements an hour to robot@customer.example");
    // An agent's reply is not automatic: it goes out.
    await ws.as(ws.owner, () => Ticket.reply(outcomes[4]!.ticketId!, { body: "A person answers" }));
    await settle();
    expect(lettersTo(robot)).toHaveLength(Outbox.AutoLetterCap.letters + 1);
  });

  it("ignores mail loops and our own mail coming back, and never answers them", async () => {
    await one(await rawMail({ to: address }));
    const ours = testPorts.mailer.sent.at(-1)!.raw;
    const before = testPorts.mailer.sent.length;
    expect(await one(ours)).toMatchObject({ status: "ignored", reason: "Our own mail came back (loop)" });
    expect(await one(await rawMail({ to: address, headers: { "X-Loop": "helpdesk@other.example" } }))).toMatchObject({ status: "ignored" });
    expect(testPorts.mailer.sent.length).toBe(before);
  });

  /** A delivery status report of a hard failure for `recipient`, about the message `originalId`. */
  const dsn = (recipient: string, originalId: string, id = `<dsn-${Math.random().toString(36).slice(2)}@mx.customer.example>`) =>
    Buffer.from(
      [
        "From: MAILER-DAEMON@mx.customer.example",
        `To: ${address}`,
        "Subject: Undelivered Mail Returned to Sender",
        "Auto-Submitted: auto-replied",
        `Message-ID: ${id}`,
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        "",
        "--b",
        "Content-Type: text/plain",
        "",
        "Your message could not be delivered.",
        "--b",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.customer.example",
        "",
        `Final-Recipient: rfc822; ${recipient}`,
        "Action: failed",
        "Status: 5.1.1",
        "Diagnostic-Code: smtp; 550 5.1.1 user unknown",
        "",
        "--b",
        "Content-Type: text/rfc822-headers",
        "",
        `Message-ID: ${originalId}`,
        "Subject: [#1] whatever",
        "",
        "--b--",
        "",
      ].join("\r\n"),
    );
  const undeliverable = async (customerId: string) => (await useDb().entities.customer.get({ tenantId: ws.tenantId, customerId }).go()).data?.undeliverableAt;

  it("turns a hard bounce of our reply into an undeliverable customer and a ticket that says so; the agent sends again", async () => {
    const first = await one(await rawMail({ from: "gone@customer.example", to: address }), [address], "gone@customer.example");
    const ack = lettersTo("gone@customer.example").at(-1)!;
    const ackId = (await simpleParser(ack.raw)).messageId!;
    const before = testPorts.mailer.sent.length;
    const outcome = await one(dsn("gone@customer.example", ackId), [address], "");
    expect(outcome).toMatchObject({ status: "ignored", ticketId: first.ticketId });
    expect(outcome.reason).toMatch(/Hard bounce: gone@customer.example 5.1.1/);
    const detail = await ws.as(ws.owner, () => Ticket.get(first.ticketId!));
    expect(detail.messages.at(-1)).toMatchObject({ kind: "system", system: { action: "undelivered" } });
    expect(detail.messages.at(-1)!.outboxId).toBeUndefined(); // it was sent: nothing to send again from this line
    expect(await undeliverable(detail.ticket.requester.customerId)).toBeTruthy();
    expect(detail.ticket.deliveryFailedAt).toBeTruthy();
    expect((await ws.as(ws.owner, () => Ticket.list({ view: "all" }))).tickets).toHaveLength(1);
    expect(testPorts.mailer.sent.length).toBe(before);

    // The next reply is not sent to an address that bounced, and the thread says so, once, where it can be sent again.
    const reply = await ws.as(ws.owner, () => Ticket.reply(first.ticketId!, { body: "Hello?" }));
    expect(reply.ticket.ticketId).toBe(first.ticketId);
    await settle();
    await settle();
    expect(testPorts.mailer.sent.length).toBe(before);
    const thread = (await ws.as(ws.owner, () => Ticket.get(first.ticketId!))).messages;
    const suppressed = thread.filter((m) => m.system?.action === "suppressed");
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.system?.reason).toMatch(/Mail to gone@customer.example bounced before/);
    const outboxId = suppressed[0]!.outboxId!;
    expect(outboxId).toBeTruthy();

    const resent = await ws.as(ws.owner, () => Outbox.resend(first.ticketId!, outboxId, 0));
    expect(resent.status).toBe("queued");
    await settle();
    expect(await undeliverable(detail.ticket.requester.customerId)).toBeFalsy();
    const letters = lettersTo("gone@customer.example").slice(-1);
    expect(letters[0]!.raw.toString()).toContain("Hello?");
    expect(testPorts.mailer.sent.length).toBe(before + 1);
    await settle();
    // Delivered, the ticket no longer says the customer did not get our last mail.
    expect((await ws.as(ws.owner, () => Ticket.get(first.ticketId!))).ticket.deliveryFailedAt).toBeUndefined();
    expect((await ws.as(ws.owner, () => Ticket.get(first.ticketId!))).messages.filter((m) => m.system?.action === "suppressed")).toHaveLength(1);
    // Sent, it cannot be sent again; nor can a letter of another ticket be sent through this one.
    await expect(ws.as(ws.owner, () => Outbox.resend(first.ticketId!, outboxId))).rejects.toThrow(/this one is sent/);
    const other = await one(await rawMail({ to: address, subject: "Another" }));
    await expect(ws.as(ws.owner, () => Outbox.resend(other.ticketId!, outboxId))).rejects.toThrow(/not found/i);
  });

  it("believes a bounce only about a letter of ours, and only for that letter's recipient", async () => {
    const first = await one(await rawMail({ from: "kept@customer.example", to: address }), [address], "kept@customer.example");
    const customerId = (await ws.as(ws.owner, () => Ticket.get(first.ticketId!))).ticket.requester.customerId;
    const ackId = (await simpleParser(lettersTo("kept@customer.example").at(-1)!.raw)).messageId!;

    // A forged report naming our customer, about a message we never sent.
    const forged = await one(dsn("kept@customer.example", "<made-up@anywhere.example>"), [address], "");
    expect(forged).toMatchObject({ status: "ignored" });
    expect(forged.reason).toMatch(/no letter of ours; nobody marked undeliverable/);
    // A report about our letter that names another address than the one we sent it to.
    const elsewhere = await one(dsn("someone-else@customer.example", ackId), [address], "");
    expect(elsewhere.reason).toMatch(/naming others than our letter's recipient kept@customer.example/);
    expect(await undeliverable(customerId)).toBeFalsy();

    const before = lettersTo("kept@customer.example").length;
    await ws.as(ws.owner, () => Ticket.reply(first.ticketId!, { body: "Still here" }));
    await settle();
    expect(lettersTo("kept@customer.example")).toHaveLength(before + 1);
  });
});

describe("hostile input", () => {
  const mime = (parts: number) =>
    Buffer.from(
      [`From: a@b.example`, `To: ${address}`, "Subject: parts", 'Content-Type: multipart/mixed; boundary="x"', "", ...Array.from({ length: parts }, (_, i) => `--x\r\nContent-Type: text/plain\r\n\r\npart ${i}`), "--x--", ""].join("\r\n"),
    );

  it("records thousands of MIME parts, header floods, NUL bytes and huge messages as unprocessable, quickly, keeping the raw", async () => {
    const cases: [string, Buffer][] = [
      ["parts", mime(10_000)],
      ["headers", Buffer.from(`From: a@b.example\r\nTo: ${address}\r\n${"X-Flood: y\r\n".repeat(60_000)}\r\nbody`)],
      ["huge", Buffer.concat([Buffer.from(`From: a@b.example\r\nTo: ${address}\r\nSubject: big\r\n\r\n`), Buffer.alloc(31 * 1024 * 1024, 97)])],
    ];
    for (const [name, raw] of cases) {
      const started = performance.now();
      const outcome = await one(raw);
      expect(outcome.status, name).toBe("unprocessable");
      expect(performance.now() - started, name).toBeLessThan(5000);
      const record = await useDb().entities.mail.get({ tenantId: ws.tenantId, mailId: outcome.mailId }).go();
      expect((await testPorts.blobs.get(record.data!.rawKey))?.length, name).toBe(raw.length);
    }
    const nul = await one(Buffer.from(`From: Nul <nul@b.example>\r\nTo: ${address}\r\nSubject: a\u0000b\r\nMessage-ID: <nul@b.example>\r\n\r\nhello\u0000world`));
    expect(nul.status).toBe("ticket_created");
    const detail = await ws.as(ws.owner, () => Ticket.get(nul.ticketId!));
    expect(detail.messages[0]!.body).toBe("helloworld");
    // And the next ordinary message is processed as usual.
    expect((await one(await rawMail({ to: address }))).status).toBe("ticket_created");
  });
});
