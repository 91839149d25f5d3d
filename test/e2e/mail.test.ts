import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "../../packages/local/src/runtime";
import { signupVia, type Workspace } from "../support/api";
import { fakeDns } from "../support/dns";
import { rawMail } from "../support/mail";
import { startTestRuntime } from "../support/runtime";

/**
 * The email channel end to end over real sockets: nodemailer speaks SMTP to the runtime's inbound server, the API
 * shows the ticket, the agent's reply lands in the outbox folder with the threading headers, and the customer's reply
 * to it (sent to its Reply-To, naming its Message-ID) joins the same ticket.
 */
let runtime: Runtime;
let ws: Workspace;
let address: string;
/** The DNS the runtime checks senders with: customer.example publishes a DKIM key and a DMARC policy. */
const dns = fakeDns();
const signAsCustomer = dns.dkimKey("customer.example");
dns.txt.set("_dmarc.customer.example", "v=DMARC1; p=reject");

beforeAll(async () => {
  runtime = await startTestRuntime({ smtpPort: 0, mailResolver: dns.resolve });
  ws = await signupVia((path, init) => fetch(runtime.url + path, init));
  address = `${ws.slug}@frontline.localhost`;
});

afterAll(async () => {
  await runtime?.stop();
});

const smtp = () => nodemailer.createTransport({ host: "127.0.0.1", port: runtime.smtpPort!, secure: false, ignoreTLS: true });

async function waitFor<T>(fn: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

function outboxFiles(): string[] {
  try {
    return readdirSync(runtime.outboxDir).filter((f) => f.endsWith(".eml")).sort();
  } catch {
    return [];
  }
}

describe("mail over SMTP", () => {
  it("turns a customer's mail into a ticket, mails the agent's reply with threading headers, and threads the answer", async () => {
    const sent = await smtp().sendMail({
      from: "Carla Customer <carla@customer.example>",
      to: address,
      subject: "The lamp is flickering",
      text: "Hello, the lamp I bought flickers.",
    });
    expect(sent.accepted).toEqual([address]);

    // The ticket is readable through the API as soon as the SMTP transaction ends.
    const list = await (await ws.as.get("/api/tickets?view=all")).json();
    expect(list.tickets).toHaveLength(1);
    const ticket = list.tickets[0];
    expect(ticket).toMatchObject({ subject: "The lamp is flickering", channel: "email", requester: { email: "carla@customer.example" } });

    const reply = await ws.as.post(`/api/tickets/${ticket.ticketId}/replies`, { body: "Please try another bulb." });
    expect(reply.status).toBe(201);
    // Letters are sent by reaction, within a moment: the acknowledgement of the mail, then the reply.
    const file = await waitFor(async () => outboxFiles().find((f) => readFileSync(join(runtime.outboxDir, f), "utf8").includes("Please try another bulb.")));
    const letter = await simpleParser(readFileSync(join(runtime.outboxDir, file)));
    expect(letter.to && !Array.isArray(letter.to) ? letter.to.value[0]?.address : undefined).toBe("carla@customer.example");
    expect(letter.inReplyTo).toBe(sent.messageId);
    expect(letter.references).toContain(sent.messageId);
    expect(letter.text).toContain("Please try another bulb.");
    expect(letter.from?.value[0]).toMatchObject({ name: `Olga Owner via ${ws.slug.replace("ws-", "Workspace ")}`, address });
    expect(letter.headers.get("auto-submitted")).toBeUndefined();
    const replyTo = letter.replyTo!.value[0]!.address!;
    expect(replyTo).toMatch(new RegExp(`^${ws.slug}\\+t${ticket.number}-[a-z2-7]{12}@frontline\\.localhost$`));

    await smtp().sendMail({
      from: "Carla Customer <carla@customer.example>",
      to: replyTo,
      subject: `Re: ${letter.subject}`,
      inReplyTo: letter.messageId,
      references: [sent.messageId, letter.messageId!],
      text: `It works now, thanks!\n\nOn Monday, Olga wrote:\n> Please try another bulb.`,
    });
    const detail = await (await ws.as.get(`/api/tickets/${ticket.ticketId}`)).json();
    const fromCustomer = detail.messages.filter((m: { kind: string }) => m.kind === "customer");
    expect(fromCustomer.map((m: { body: string }) => m.body)).toEqual(["Hello, the lamp I bought flickers.", "It works now, thanks!"]);
    expect((await (await ws.as.get("/api/tickets?view=all")).json()).tickets).toHaveLength(1);
  });

  it("makes one ticket of the same message delivered three times at once, asking the later ones to come back", async () => {
    const raw = await rawMail({ to: address, subject: "Sent thrice", messageId: "<thrice@customer.example>" });
    const send = () => smtp().sendMail({ envelope: { from: "carla@customer.example", to: [address] }, raw });
    const tries = await Promise.allSettled(Array.from({ length: 3 }, send));
    // A delivery that finds the message in another's hands is not acknowledged (451), so its server tries again.
    for (const t of tries) if (t.status === "rejected") expect(t.reason).toMatchObject({ responseCode: 451 });
    expect((await send()).response).toMatch(/^250 .*ticket_created/);
    const list = await (await ws.as.get("/api/tickets?view=all&sort=updated")).json();
    expect(list.tickets.filter((t: { subject: string }) => t.subject === "Sent thrice")).toHaveLength(1);
  });

  it("lets a [#number] subject token join a ticket only when the sender's DKIM signature and DMARC pass", async () => {
    const first = await smtp().sendMail({ from: "carla@customer.example", to: address, subject: "Cable", text: "The cable is frayed." });
    const ticket = (await (await ws.as.get("/api/tickets?view=all&sort=updated")).json()).tickets.find((t: { subject: string }) => t.subject === "Cable");
    expect(first.response).toMatch(/ticket_created/);
    const send = (raw: Buffer) => smtp().sendMail({ envelope: { from: "carla@customer.example", to: [address] }, raw });
    const tokened = (text: string) => rawMail({ to: address, subject: `Re: [#${ticket.number}] Cable`, text });

    // Anyone can put carla's address in From: unsigned, the token opens a new ticket, linked to the one it names.
    expect((await send(await tokened("Spoofed: send the refund to me"))).response).toMatch(/^250 .*ticket_created/);
    // Signed with customer.example's key: DKIM and DMARC pass, and the mail joins the ticket.
    expect((await send(await signAsCustomer(await tokened("Signed: here is a photo")))).response).toMatch(/^250 .*reply_added/);

    const detail = await (await ws.as.get(`/api/tickets/${ticket.ticketId}`)).json();
    expect(detail.messages.filter((m: { kind: string }) => m.kind === "customer").map((m: { body: string }) => m.body)).toEqual(["The cable is frayed.", "Signed: here is a photo"]);
    const spoofed = (await (await ws.as.get("/api/tickets?view=all&sort=updated")).json()).tickets.find((t: { subject: string }) => t.subject.includes(`[#${ticket.number}]`));
    expect((await (await ws.as.get(`/api/tickets/${spoofed.ticketId}`)).json()).ticket.linkedTo).toBe(ticket.ticketId);
  });

  it("sends a reply to a merged ticket's letter into the ticket it was merged into", async () => {
    const open = async (subject: string) => {
      await smtp().sendMail({ from: "Dora Dean <dora@customer.example>", to: address, subject, text: `About ${subject}` });
      return (await (await ws.as.get("/api/tickets?view=all&sort=updated")).json()).tickets.find((t: { subject: string }) => t.subject === subject);
    };
    const survivor = await open("Heater broken");
    const merged = await open("Heater still broken");
    // The merged ticket's acknowledgement: the letter the customer answers.
    const file = await waitFor(async () => outboxFiles().find((f) => readFileSync(join(runtime.outboxDir, f), "utf8").includes(`[#${merged.number}] Heater still broken`)));
    const ack = await simpleParser(readFileSync(join(runtime.outboxDir, file)));
    const merging = await ws.as.post(`/api/tickets/${merged.ticketId}/merge`, { version: merged.version, into: survivor.ticketId });
    expect(merging.status).toBe(200);

    const answer = await smtp().sendMail({
      from: "Dora Dean <dora@customer.example>",
      to: ack.replyTo!.value[0]!.address!,
      subject: `Re: ${ack.subject}`,
      inReplyTo: ack.messageId,
      references: [ack.messageId!],
      text: "It is cold in here.",
    });
    expect(answer.response).toMatch(/^250 .*reply_added/);
    const detail = await (await ws.as.get(`/api/tickets/${survivor.ticketId}`)).json();
    expect(detail.messages.filter((m: { kind: string; fromTicket?: unknown }) => m.kind === "customer" && !m.fromTicket).map((m: { body: string }) => m.body)).toEqual([
      "About Heater broken",
      "It is cold in here.",
    ]);
    expect((await (await ws.as.get(`/api/tickets/${merged.ticketId}`)).json()).messages.filter((m: { kind: string }) => m.kind === "customer")).toHaveLength(1);
  });

  it("refuses mail for addresses that are not a workspace's, without relaying", async () => {
    await expect(smtp().sendMail({ from: "x@customer.example", to: "nobody@frontline.localhost", text: "hi" })).rejects.toMatchObject({ responseCode: 550 });
    await expect(smtp().sendMail({ from: "x@customer.example", to: "someone@gmail.com", text: "relay me" })).rejects.toMatchObject({ responseCode: 550 });
  });

  it("delivers to the plus address of a department", async () => {
    const created = await ws.as.post("/api/departments", { name: "Payments" });
    const payments = (await created.json()).department.departmentId;
    await smtp().sendMail({ from: "carla@customer.example", to: `${ws.slug}+payments@frontline.localhost`, subject: "Refund", text: "Please refund" });
    const list = await (await ws.as.get(`/api/tickets?view=department&departmentId=${payments}`)).json();
    expect(list.tickets.map((t: { subject: string }) => t.subject)).toEqual(["Refund"]);
  });

  it("delivers to a department's own address: its Cyrillic name in Latin letters, or the one the admin chose", async () => {
    const ticketsOf = async (departmentId: string) =>
      ((await (await ws.as.get(`/api/tickets?view=department&departmentId=${departmentId}`)).json()) as { tickets: { subject: string }[] }).tickets.map((t) => t.subject);
    const made = await ws.as.post("/api/departments", { name: "Оплата і повернення" });
    const oplata = (await made.json()).department;
    expect(oplata).toMatchObject({ address: "oplata-i-povernennia", inboundAddress: `${ws.slug}+oplata-i-povernennia@frontline.localhost` });
    const chosen = await ws.as.post("/api/departments", { name: "Шағымдар", address: " Complaints " });
    const complaints = (await chosen.json()).department;
    expect(complaints.address).toBe("complaints");

    await smtp().sendMail({ from: "dana@customer.example", to: oplata.inboundAddress, subject: "Повернення коштів", text: "Поверніть, будь ласка" });
    await smtp().sendMail({ from: "dana@customer.example", to: `${ws.slug}+complaints@frontline.localhost`, subject: "Шағым", text: "Жауап жоқ" });
    await waitFor(async () => ((await ticketsOf(oplata.departmentId)).length ? true : undefined));
    await waitFor(async () => ((await ticketsOf(complaints.departmentId)).length ? true : undefined));
    expect(await ticketsOf(oplata.departmentId)).toEqual(["Повернення коштів"]);
    expect(await ticketsOf(complaints.departmentId)).toEqual(["Шағым"]);

    // A renamed department keeps the address its mail comes to; an admin may change it, to one no other department has.
    await ws.as.send("PATCH", `/api/departments/${complaints.departmentId}`, { name: "Шағымдар мен ұсыныстар" });
    const renamed = await ws.as.send("PATCH", `/api/departments/${complaints.departmentId}`, { address: "feedback" });
    expect((await renamed.json()).department).toMatchObject({ address: "feedback", inboundAddress: `${ws.slug}+feedback@frontline.localhost` });
    await smtp().sendMail({ from: "dana@customer.example", to: `${ws.slug}+feedback@frontline.localhost`, subject: "Ұсыныс", text: "Рақмет" });
    await waitFor(async () => ((await ticketsOf(complaints.departmentId)).length === 2 ? true : undefined));

    const taken = await ws.as.send("PATCH", `/api/departments/${complaints.departmentId}`, { address: "oplata-i-povernennia" }, { "accept-language": "uk" });
    expect(taken.status).toBe(409);
    const takenIssue = (await taken.json()).error.issues[0];
    expect(takenIssue).toMatchObject({ path: "address", code: "taken" });
    const bad = await ws.as.post("/api/departments", { name: "Доставка", address: "доставка" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([expect.objectContaining({ path: "address", message: expect.stringMatching(/Latin letters \(a–z\)/) })]);
  });
});
