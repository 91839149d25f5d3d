import { simpleParser } from "mailparser";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useDb } from "@frontline/core/db";
import { createId } from "@frontline/core/id";
import { Notification } from "@frontline/core/notification";
import { Staff } from "@frontline/core/staff";
import { Ticket } from "@frontline/core/ticket";
import { threadNotices } from "../src/notification/reactions";
import { settle, testPorts, useTestTable } from "../../../test/support/db";
import { makeWorkspace, type StaffActor, type TestWorkspace } from "../../../test/support/workspace";

beforeAll(useTestTable);
beforeEach(async () => {
  await settle();
  testPorts.mailer.sent.length = 0;
});

const request = (overrides: Partial<Ticket.CreateInput> = {}): Ticket.CreateInput => ({
  subject: "The printer eats paper",
  body: "Every second page is stuck.",
  requester: { email: "clerk@customer.example", name: "Carla Clerk" },
  ...overrides,
});

/** A staff member's notifications, newest first. */
const inbox = (ws: TestWorkspace, who: StaffActor) => ws.as(who, () => Notification.mine()).then((r) => r.notifications);
const about = (ws: TestWorkspace, who: StaffActor, ticketId: string) => inbox(ws, who).then((list) => list.filter((n) => n.ticketId === ticketId));

/** The letters the mailer sent to an address, parsed. */
async function lettersTo(address: string) {
  const mails = testPorts.mailer.sent.filter((m) => m.recipients.includes(address));
  return Promise.all(mails.map((m) => simpleParser(m.raw)));
}

async function emailOf(ws: TestWorkspace, who: StaffActor): Promise<string> {
  return (await ws.as(ws.owner, () => Staff.get(who.staffId))).email;
}

/** A customer's mail joining a ticket (what inbound mail does once it has found the ticket). */
async function customerWrites(ws: TestWorkspace, ticketId: string, body: string) {
  const t = await ws.as(ws.owner, () => Ticket.get(ticketId));
  await ws.as(ws.system, () =>
    Ticket.receive(ticketId, { customer: t.ticket.requester, body, mail: { messageId: createId() } }),
  );
}

describe("staff notifications, from the change stream", () => {
  let ws: TestWorkspace;
  let anna: StaffActor;
  let boris: StaffActor;
  let dana: StaffActor;
  let elsewhere: StaffActor;
  beforeAll(async () => {
    ws = await makeWorkspace();
    const billing = await ws.department("Billing");
    anna = await ws.staff("agent", [ws.supportId], "Anna Agent");
    boris = await ws.staff("supervisor", [ws.supportId], "Boris Supervisor");
    dana = await ws.staff("agent", [ws.supportId], "Dana Second");
    elsewhere = await ws.staff("agent", [billing], "Emil Billing");
    await ws.as(ws.owner, () => Staff.update(anna.staffId, { locale: "ru", timeZone: "Asia/Almaty" }));
  });

  it("tells the assignee a ticket is theirs, in their language and by mail, and not the person who assigned it", async () => {
    const t = await ws.as(ws.owner, () => Ticket.create(request()));
    await settle();
    await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: t.version, assigneeId: anna.staffId }));
    await settle();
    const mine = (await about(ws, anna, t.ticketId)).filter((n) => n.kind === "assigned");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.title).toBe(`Вам назначено обращение (${ws.owner.name})`);
    expect(mine[0]!.body).toBe(`#${t.number} The printer eats paper`);
    expect((await about(ws, ws.owner, t.ticketId)).filter((n) => n.kind === "assigned")).toEqual([]);
    const [letter] = await lettersTo(await emailOf(ws, anna));
    expect(letter?.subject).toBe(`[#${t.number}] Вам назначено обращение (${ws.owner.name})`);
    expect(letter?.text).toContain(`/tickets/${t.ticketId}`);
    // Her own time zone (Almaty is UTC+5), in Russian.
    expect(letter?.text).toMatch(/Когда: .*\d{4}/);
  });

  it("tells a department's staff of a new unassigned ticket, and of one moved in; not other departments, not its author", async () => {
    const t = await ws.as(dana, () => Ticket.create(request({ subject: "Queue me" })));
    await settle();
    expect((await about(ws, anna, t.ticketId)).map((n) => n.kind)).toEqual(["queue"]);
    expect((await about(ws, boris, t.ticketId)).map((n) => n.kind)).toEqual(["queue"]);
    expect(await about(ws, dana, t.ticketId)).toEqual([]);
    expect(await about(ws, elsewhere, t.ticketId)).toEqual([]);
    // Queue notices ring the bell but send no mail unless asked for.
    expect(await lettersTo(await emailOf(ws, boris))).toEqual([]);

    const billing = elsewhere.departmentIds[0]!;
    await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: t.version, departmentId: billing, reason: "It is about an invoice" }));
    await settle();
    const moved = await about(ws, elsewhere, t.ticketId);
    expect(moved.map((n) => [n.kind, n.title])).toEqual([["queue", "A ticket is waiting in Billing"]]);
  });

  it("tells the assignee of a customer's reply, and colleagues of an @mention in a note (the author never)", async () => {
    const t = await ws.as(ws.owner, () => Ticket.create(request({ subject: "Mentions", assigneeId: dana.staffId })));
    await settle();
    await customerWrites(ws, t.ticketId, "It still jams.");
    await ws.as(dana, () => Ticket.note(t.ticketId, { body: "@Anna Agent could you look? @boris.supervisor too, and me: @Dana Second" }));
    await settle();
    const forDana = await about(ws, dana, t.ticketId);
    expect(forDana.map((n) => [n.kind, n.title])).toEqual([
      ["reply", "Carla Clerk replied on your ticket"],
      ["assigned", `${ws.owner.name} assigned a ticket to you`],
    ]);
    expect((await about(ws, anna, t.ticketId)).map((n) => [n.kind, n.title])).toEqual([["mention", "Вас упомянули в заметке (Dana Second)"]]);
    expect((await about(ws, boris, t.ticketId)).map((n) => n.kind)).toEqual(["mention"]);
    // A mention is mailed by default, with the note quoted.
    const [letter] = await lettersTo(await emailOf(ws, boris));
    expect(letter?.text).toContain("> @Anna Agent could you look?");
  });

  it("tells followers of replies, notes, status and assignment, once each, but not of their own changes", async () => {
    const t = await ws.as(ws.owner, () => Ticket.create(request({ subject: "Followed", assigneeId: anna.staffId })));
    await settle();
    await ws.as(boris, () => Notification.Follow.follow(t.ticketId));
    expect(await ws.as(boris, () => Notification.Follow.following(t.ticketId))).toBe(true);
    await ws.as(anna, () => Ticket.reply(t.ticketId, { body: "We are on it." }));
    await ws.as(boris, () => Ticket.note(t.ticketId, { body: "My own note." }));
    await settle();
    const current = await ws.as(ws.owner, () => Ticket.get(t.ticketId));
    await ws.as(ws.owner, () => Ticket.update(t.ticketId, { version: current.ticket.version, status: "pending", assigneeId: dana.staffId }));
    await settle();
    const titles = (await about(ws, boris, t.ticketId)).map((n) => [n.kind, n.title]).reverse();
    expect(titles).toContainEqual(["follow", "Anna Agent replied on a ticket you follow"]);
    expect(titles).toContainEqual(["follow", `${ws.owner.name} set a ticket you follow to “Pending”`]);
    expect(titles).toContainEqual(["follow", `${ws.owner.name} assigned a ticket you follow to Dana Second`]);
    expect(titles.filter(([, title]) => title!.includes("note"))).toEqual([]);
    // The new assignee hears it once: "assigned to you", not also "a ticket you follow".
    await ws.as(dana, () => Notification.Follow.follow(t.ticketId));
    expect((await about(ws, dana, t.ticketId)).map((n) => n.kind)).toEqual(["assigned"]);

    await ws.as(boris, () => Notification.Follow.unfollow(t.ticketId));
    const count = (await about(ws, boris, t.ticketId)).length;
    await ws.as(anna, () => Ticket.reply(t.ticketId, { body: "Fixed." }));
    await settle();
    expect(await about(ws, boris, t.ticketId)).toHaveLength(count);
  });

  it("notifies once however often a change is delivered", async () => {
    const t = await ws.as(ws.owner, () => Ticket.create(request({ subject: "Twice", assigneeId: dana.staffId })));
    await ws.as(ws.owner, () => Ticket.note(t.ticketId, { body: "@anna.agent see this" }));
    await settle();
    const email = await emailOf(ws, anna);
    const before = { bell: (await about(ws, anna, t.ticketId)).length, mail: (await lettersTo(email)).length };
    expect(before).toEqual({ bell: 1, mail: 1 });
    // The stream delivers the note's insert again.
    const note = (await ws.as(ws.owner, () => Ticket.get(t.ticketId))).messages.find((m) => m.kind === "note")!;
    const item = (await useDb().entities.message.get({ tenantId: ws.tenantId, ticketId: t.ticketId, messageId: note.messageId }).go()).data!;
    const change = { id: "again", seq: "0", sequenceNumber: "0", kind: "insert" as const, entity: "message", tenantId: ws.tenantId, keys: { pk: "", sk: "" }, after: item };
    await ws.as(ws.system, () => threadNotices.each!(change));
    await ws.as(ws.system, () => threadNotices.each!(change));
    await settle();
    expect({ bell: (await about(ws, anna, t.ticketId)).length, mail: (await lettersTo(email)).length }).toEqual(before);
  });

  it("keeps to each person's choice of bell and mail per kind", async () => {
    expect(await ws.as(dana, () => Notification.Preferences.mine())).toEqual(Notification.Preferences.Defaults);
    const saved = await ws.as(dana, () => Notification.Preferences.save({ preferences: { mention: { bell: false, mail: false }, assigned: { bell: true, mail: false } } }));
    expect(saved.mention).toEqual({ bell: false, mail: false });
    expect(saved.sla).toEqual(Notification.Preferences.Defaults.sla);
    const t = await ws.as(ws.owner, () => Ticket.create(request({ subject: "Quiet", assigneeId: dana.staffId })));
    await ws.as(ws.owner, () => Ticket.note(t.ticketId, { body: "@Dana Second FYI" }));
    await settle();
    expect((await about(ws, dana, t.ticketId)).map((n) => n.kind)).toEqual(["assigned"]);
    expect(await lettersTo(await emailOf(ws, dana))).toEqual([]);
    await expect(ws.as(dana, () => Notification.Preferences.save({ preferences: { mention: { bell: "yes" } } } as never))).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: "preferences.mention.bell" })]),
    });
  });
});
