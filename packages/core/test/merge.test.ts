import { simpleParser } from "mailparser";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useDb } from "@frontline/core/db";
import { Inbound } from "@frontline/core/email/inbound";
import { Conflict, Invalid } from "@frontline/core/error";
import { Event } from "@frontline/core/event";
import { configurePorts } from "@frontline/core/port";
import { Sla } from "@frontline/core/sla";
import { Ticket } from "@frontline/core/ticket";
import { settle, testPorts, useTestTable } from "../../../test/support/db";
import { rawMail } from "../../../test/support/mail";
import { makeWorkspace, type TestWorkspace } from "../../../test/support/workspace";

beforeAll(useTestTable);
/** Moves this file's clock (the 24 hours a merge can be undone in); back to real time after each test. */
let offsetMs = 0;
configurePorts({ clock: { now: () => new Date(Date.now() + offsetMs) } });
afterEach(() => {
  offsetMs = 0;
});

let ws: TestWorkspace;
beforeEach(async () => {
  await settle();
  ws = await makeWorkspace();
});

const open = (email: string, subject: string, body = `About ${subject}`) =>
  ws.as(ws.owner, () => Ticket.create({ subject, body, requester: { email, name: email.split("@")[0] } }, { channel: "agent" }));
const get = (ticketId: string) => ws.as(ws.owner, () => Ticket.get(ticketId));
const issueOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).issues[0]!;
};

describe("merging tickets", () => {
  it("closes the merged ticket, joins both threads in the survivor in time order, and undoes it", async () => {
    const survivor = await open("ann@customer.example", "Printer broken");
    const merged = await open("ann@customer.example", "Printer still broken", "It is still broken");
    await ws.as(ws.owner, () => Ticket.reply(survivor.ticketId, { body: "We are on it" }));

    const closed = await ws.as(ws.owner, () => Ticket.merge(merged.ticketId, { version: merged.version, intoNumber: survivor.number }));
    expect(closed).toMatchObject({ status: "closed", mergedInto: { ticketId: survivor.ticketId, number: survivor.number } });
    await settle();

    const joined = await get(survivor.ticketId);
    expect(joined.mergedFrom).toEqual([expect.objectContaining({ ticketId: merged.ticketId, number: merged.number, status: "closed" })]);
    const bodies = joined.messages.filter((m) => m.kind !== "system").map((m) => [m.body, m.fromTicket?.number]);
    expect(bodies).toEqual([
      [`About Printer broken`, undefined],
      ["It is still broken", merged.number],
      ["We are on it", undefined],
    ]);
    const mergedPage = await get(merged.ticketId);
    expect(mergedPage.ticket.mergedInto).toEqual({ ticketId: survivor.ticketId, number: survivor.number });
    expect(mergedPage.messages.at(-1)).toMatchObject({ kind: "system", system: { action: "merge", to: String(survivor.number) } });
    // The SLA clocks stop as on a close, and the queues count it as solved.
    const counts = await ws.as(ws.owner, () => Ticket.counts());
    expect(counts.views.solved).toBe(1);

    const events = await ws.as(ws.owner, () => Event.list({ targetType: "ticket", targetId: merged.ticketId }));
    expect(events.events.map((e) => e.action)).toContain("ticket.merge");

    const back = await ws.as(ws.owner, () => Ticket.unmerge(merged.ticketId));
    expect(back.status).toBe("new");
    expect(back.mergedInto).toBeUndefined();
    expect(back.closedAt).toBeUndefined();
    // The survivor's thread no longer shows its messages, at once; its list follows by reaction.
    expect((await get(survivor.ticketId)).messages.some((m) => m.fromTicket)).toBe(false);
    await settle();
    expect((await get(survivor.ticketId)).mergedFrom).toEqual([]);
    expect((await useDb().entities.ticket.get({ tenantId: ws.tenantId, ticketId: survivor.ticketId }).go()).data?.mergedFrom ?? []).toEqual([]);
    expect((await ws.as(ws.owner, () => Ticket.counts())).views.solved).toBe(0);
  });

  it("lets only one of two tickets merged into each other at the same moment through", async () => {
    const a = await open("hal@customer.example", "First");
    const b = await open("hal@customer.example", "Second");
    const outcomes = await Promise.allSettled([
      ws.as(ws.owner, () => Ticket.merge(a.ticketId, { version: a.version, into: b.ticketId })),
      ws.as(ws.owner, () => Ticket.merge(b.ticketId, { version: b.version, into: a.ticketId })),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(Invalid);
    expect((refused.reason as Invalid).issues[0]).toMatchObject({ path: "into" });
    const [x, y] = await Promise.all([get(a.ticketId), get(b.ticketId)]);
    expect([x.ticket.mergedInto, y.ticket.mergedInto].filter(Boolean)).toHaveLength(1);
  });

  it("stops the merged ticket's SLA clocks as a close does (its timers cancelled), and runs them again when undone", async () => {
    await ws.as(ws.owner, () => Sla.createPolicy({ name: "Fast", targets: { first_response: 60, resolution: 600 }, hours: "calendar", warnPercent: 50 }));
    const survivor = await open("gia@customer.example", "Router");
    const merged = await open("gia@customer.example", "Router again");
    await settle();
    const timers = () => [...testPorts.scheduler.timers.values()].filter((t) => t.payload.ticketId === merged.ticketId);
    expect(timers().length).toBeGreaterThan(0);

    const closed = await ws.as(ws.owner, () => Ticket.merge(merged.ticketId, { version: merged.version, into: survivor.ticketId }));
    expect(closed.sla?.targets.resolution).toMatchObject({ metAt: closed.closedAt });
    await settle();
    expect(timers()).toEqual([]);

    const back = await ws.as(ws.owner, () => Ticket.unmerge(merged.ticketId));
    expect(back.sla?.targets.resolution?.metAt).toBeUndefined();
    expect(back.sla?.targets.resolution?.dueAt).toBeTruthy();
    await settle();
    expect(timers().length).toBeGreaterThan(0);
  });

  it("refuses another customer's ticket, itself, a trashed or merged ticket, and an undo after 24 hours", async () => {
    const a = await open("bea@customer.example", "One");
    const b = await open("bea@customer.example", "Two");
    const c = await open("bea@customer.example", "Three");
    const stranger = await open("cid@other.example", "Not hers");

    expect(await issueOf(ws.as(ws.owner, () => Ticket.merge(a.ticketId, { version: a.version, into: stranger.ticketId })))).toMatchObject({ path: "into", code: "other_customer" });
    expect(await issueOf(ws.as(ws.owner, () => Ticket.merge(a.ticketId, { version: a.version, into: a.ticketId })))).toMatchObject({ path: "into", code: "same_ticket" });
    expect(await issueOf(ws.as(ws.owner, () => Ticket.merge(a.ticketId, { version: a.version, intoNumber: 99_999 })))).toMatchObject({ path: "intoNumber", code: "not_found" });
    expect(await issueOf(ws.as(ws.owner, () => Ticket.merge(a.ticketId, { version: a.version })))).toMatchObject({ path: "into" });

    await ws.as(ws.owner, () => Ticket.remove(c.ticketId));
    expect(await issueOf(ws.as(ws.owner, () => Ticket.merge(a.ticketId, { version: a.version, into: c.ticketId })))).toMatchObject({ code: "trashed" });

    await ws.as(ws.owner, () => Ticket.merge(b.ticketId, { version: b.version, into: a.ticketId }));
    const d = await open("bea@customer.example", "Four");
    expect(await issueOf(ws.as(ws.owner, () => Ticket.merge(d.ticketId, { version: d.version, into: b.ticketId })))).toMatchObject({ code: "merged" });

    // An agent who does not work the survivor's department cannot merge into it.
    const billing = await ws.department("Billing");
    const agent = await ws.staff("agent", [billing]);
    const theirs = await ws.as(ws.owner, () => Ticket.create({ subject: "Five", body: "x", requester: { email: "bea@customer.example" }, departmentId: billing }));
    expect(await issueOf(ws.as(agent, () => Ticket.merge(theirs.ticketId, { version: theirs.version, into: d.ticketId })))).toMatchObject({ code: "not_found" });

    offsetMs = 25 * 3600 * 1000;
    await expect(ws.as(ws.owner, () => Ticket.unmerge(b.ticketId))).rejects.toBeInstanceOf(Conflict);
  });

  it("sends mail to the merged ticket into the survivor: a reply to its letter, by token and by reference", async () => {
    const address = `${ws.tenantId}@frontline.localhost`;
    testPorts.mailer.sent.length = 0;
    const first = (await Inbound.receive(await rawMail({ to: address, subject: "Lamp missing" }), { from: "carla@customer.example", to: [address] }))[0]!;
    const second = (await Inbound.receive(await rawMail({ to: address, subject: "Lamp still missing" }), { from: "carla@customer.example", to: [address] }))[0]!;
    await settle();
    const acks = await Promise.all(testPorts.mailer.sent.filter((m) => m.recipients.includes("carla@customer.example")).map((m) => simpleParser(m.raw)));
    const ackOfSecond = acks.find((a) => a.subject?.includes(`#${second.ticketNumber}`))!;
    const merged = await ws.as(ws.owner, () => Ticket.load(second.ticketId!));
    await ws.as(ws.owner, () => Ticket.merge(merged.ticketId, { version: merged.version, into: first.ticketId! }));
    await settle();

    const replyTo = ackOfSecond.replyTo!.value[0]!.address!;
    const byToken = await Inbound.receive(await rawMail({ to: replyTo, subject: `Re: ${ackOfSecond.subject}`, text: "By token" }), { from: "carla@customer.example", to: [replyTo] });
    expect(byToken[0]).toMatchObject({ status: "reply_added", ticketId: first.ticketId });
    const byReference = await Inbound.receive(await rawMail({ to: address, subject: "Re: lamp", text: "By reference", inReplyTo: ackOfSecond.messageId }), {
      from: "carla@customer.example",
      to: [address],
    });
    expect(byReference[0]).toMatchObject({ status: "reply_added", ticketId: first.ticketId });
    await settle();
    const survivor = await get(first.ticketId!);
    expect(survivor.messages.filter((m) => m.kind === "customer" && !m.fromTicket).map((m) => m.body)).toEqual([expect.any(String), "By token", "By reference"]);
    expect((await get(second.ticketId!)).ticket.status).toBe("closed");
  });
});

describe("linking tickets", () => {
  it("links a problem to its incidents on both sides, allows one problem per incident, and unlinks from either side", async () => {
    const problem = await open("ops@customer.example", "Mail server down");
    const one = await open("dan@customer.example", "Cannot send mail");
    const two = await open("eve@customer.example", "Mail bounces");
    const other = await open("fay@customer.example", "Something else");

    await ws.as(ws.owner, () => Ticket.link(problem.ticketId, { other: one.ticketId, role: "incident" }));
    await ws.as(ws.owner, () => Ticket.link(two.ticketId, { otherNumber: problem.number, role: "problem" }));
    await ws.as(ws.owner, () => Ticket.link(one.ticketId, { other: other.ticketId, role: "related" }));
    await settle();

    const page = await get(problem.ticketId);
    expect(page.links.map((l) => [l.number, l.role, l.subject, l.status])).toEqual([
      [one.number, "incident", "Cannot send mail", "new"],
      [two.number, "incident", "Mail bounces", "new"],
    ]);
    expect((await get(one.ticketId)).links.map((l) => [l.number, l.role])).toEqual([
      [problem.number, "problem"],
      [other.number, "related"],
    ]);
    expect((await get(other.ticketId)).links.map((l) => [l.number, l.role])).toEqual([[one.number, "related"]]);

    // One problem per incident; no link to itself or twice.
    expect(await issueOf(ws.as(ws.owner, () => Ticket.link(one.ticketId, { other: other.ticketId, role: "problem" })))).toMatchObject({ code: "linked" });
    expect(await issueOf(ws.as(ws.owner, () => Ticket.link(other.ticketId, { other: one.ticketId, role: "incident" })))).toMatchObject({ path: "other", code: "linked" });
    const lone = await open("gus@customer.example", "Lone");
    expect(await issueOf(ws.as(ws.owner, () => Ticket.link(lone.ticketId, { other: one.ticketId, role: "incident" })))).toMatchObject({ path: "role", code: "one_problem" });
    expect(await issueOf(ws.as(ws.owner, () => Ticket.link(one.ticketId, { other: lone.ticketId, role: "problem" })))).toMatchObject({ path: "role", code: "one_problem" });
    expect(await issueOf(ws.as(ws.owner, () => Ticket.link(lone.ticketId, { other: lone.ticketId, role: "related" })))).toMatchObject({ code: "same_ticket" });
    expect(await issueOf(ws.as(ws.owner, () => Ticket.link(lone.ticketId, { other: one.ticketId, role: "cousin" as never })))).toMatchObject({ path: "role" });

    // Unlinking on the incident's side takes the link off the problem's too.
    await ws.as(ws.owner, () => Ticket.unlink(one.ticketId, problem.ticketId));
    await settle();
    expect((await get(problem.ticketId)).links.map((l) => l.number)).toEqual([two.number]);
    expect((await get(one.ticketId)).links.map((l) => l.number)).toEqual([other.number]);
    const events = await ws.as(ws.owner, () => Event.list({ targetType: "ticket", targetId: one.ticketId }));
    expect(events.events.map((e) => e.action)).toEqual(expect.arrayContaining(["ticket.unlink", "ticket.link"]));
  });
});
