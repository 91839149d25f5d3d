import { Tenant } from "@frontline/core/tenant";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Billing } from "@frontline/core/billing";
import { useDb } from "@frontline/core/db";
import { Inbound } from "@frontline/core/email/inbound";
import { LimitReached } from "@frontline/core/error";
import { Event } from "@frontline/core/event";
import { Operator } from "@frontline/core/operator";
import { Plan } from "@frontline/core/plan";
import * as Limits from "@frontline/core/plan/limits";
import { configurePorts } from "@frontline/core/port";
import { Staff } from "@frontline/core/staff";
import { Invitation } from "@frontline/core/staff/invitation";
import { Ticket } from "@frontline/core/ticket";
import { settle, testPorts, useTestTable } from "../../../test/support/db";
import { rawMail } from "../../../test/support/mail";
import { makeWorkspace, type TestWorkspace } from "../../../test/support/workspace";

beforeAll(useTestTable);
// These tests hash passwords (invitations accepted), run many transactions at once and move the clock: give them room.
vi.setConfig({ testTimeout: 60_000 });

/** Days the test moves the clock forward (the billing dates and the grace period read the Clock port). */
let dayOffset = 0;
configurePorts({ clock: { now: () => new Date(Date.now() + dayOffset * 86_400_000) } });
beforeEach(async () => {
  await settle();
  dayOffset = 0;
  testPorts.mailer.sent.length = 0;
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const balance = (ws: TestWorkspace) => ws.as(ws.owner, () => Billing.account()).then((a) => a.balanceMinor);
const operator: Operator.Operator = { operatorId: "op-1", email: "op@frontline.localhost", name: "Olena Operator" };

describe("the daily charge", () => {
  it("charges a day once, however often and however concurrently the run runs", async () => {
    const ws = await makeWorkspace({ plan: "standard" });
    const before = await balance(ws);
    await withActor(ws.system, () => Billing.runDaily(day(0)));
    await withActor(ws.system, () => Billing.runDaily(day(0)));
    await Promise.all(Array.from({ length: 10 }, () => withActor(ws.system, () => Billing.chargeDay(ws.tenantId, day(0)))));
    expect(await balance(ws)).toBe(before - 100);
    const ledger = await ws.as(ws.owner, () => Billing.ledger());
    expect(ledger.filter((e) => e.kind === "daily_charge")).toEqual([
      expect.objectContaining({ amountMinor: -100, balanceAfterMinor: before - 100, description: `Standard, ${day(0)}` }),
    ]);
    expect(await withActor(ws.system, () => Billing.chargeDay(ws.tenantId, day(1)))).toBe("charged");
    expect(await balance(ws)).toBe(before - 200);
  });

  it("charges add-ons with the plan, and a plan change from the next run on", async () => {
    const ws = await makeWorkspace({ plan: "standard" });
    await ws.as(ws.owner, () => Tenant.changePlan({ planId: "standard", addOns: ["statistics", "internal_mail"] }));
    expect((await ws.as(ws.owner, () => Plan.subscription())).features).toEqual(["statistics", "internal_mail"]);
    await ws.as(ws.owner, () => Plan.assertFeature("statistics"));
    await expect(ws.as(ws.owner, () => Plan.assertFeature("mailbox"))).rejects.toThrow(/Mailbox integration is an add-on of the Standard plan/);
    const before = await balance(ws);
    await withActor(ws.system, () => Billing.chargeDay(ws.tenantId, day(0)));
    expect(await balance(ws)).toBe(before - 140);
    await ws.as(ws.owner, () => Tenant.changePlan({ planId: "pro", addOns: [] }));
    await withActor(ws.system, () => Billing.chargeDay(ws.tenantId, day(1)));
    expect(await balance(ws)).toBe(before - 140 - 400);
    const log = await ws.as(ws.owner, () => Event.list({ action: "billing.plan_change" }));
    expect(log.events).toHaveLength(2);
  });
});

describe("running out", () => {
  it("warns the owner, suspends after the grace period with mail kept, and a top-up restores everything at once", async () => {
    const ws = await makeWorkspace({ plan: "standard" });
    const ownerEmail = (await useDb().entities.staff.get({ tenantId: ws.tenantId, staffId: ws.owner.staffId }).go()).data!.email;
    // $30.00 of trial credit at $1.00 a day: bring it down to $2.50 with an adjustment, then let the days pass.
    await Billing.adjust(ws.tenantId, { amountMinor: -2750, reason: "test" }, { type: "system", id: "t", name: "test" });
    await settle(); // letters follow by reaction
    expect(testPorts.mailer.sent.filter((m) => m.recipients[0] === ownerEmail && m.raw.toString().includes("runs out"))).toHaveLength(1);

    const address = `${ws.tenantId}@frontline.localhost`;
    for (let d = 0; d <= 3 + Billing.GRACE_DAYS; d++) {
      dayOffset = d;
      await withActor(ws.system, () => Billing.runDaily(day(d)));
      await settle();
    }
    const tenant = (await useDb().entities.tenant.get({ tenantId: ws.tenantId }).go()).data!;
    expect(tenant.planStatus).toBe("suspended");
    expect(await balance(ws)).toBeLessThan(0);
    expect(testPorts.mailer.sent.some((m) => m.recipients[0] === ownerEmail && m.raw.toString().includes("suspended"))).toBe(true);

    // Suspended: mail is still received and kept, not processed.
    const [held] = await Inbound.receive(await rawMail({ to: address, subject: "Are you there?" }), { from: "c@customer.example", to: [address] });
    expect(held).toMatchObject({ status: "held", reason: expect.stringMatching(/^Held: the workspace is suspended/) });

    // A top-up from the operator lifts the suspension at once and processes the held mail.
    await Operator.recordPayment(operator, ws.tenantId, { amountMinor: 5000, reference: "invoice 17" });
    await settle(); // held mail is processed by reaction to the restored workspace
    const after = (await useDb().entities.tenant.get({ tenantId: ws.tenantId }).go({ consistent: true })).data!;
    expect(after.planStatus).toBe("active");
    const record = (await useDb().entities.mail.get({ tenantId: ws.tenantId, mailId: held!.mailId }).go({ consistent: true })).data!;
    expect(record.status).toBe("ticket_created");
    const log = await ws.as(ws.owner, () => Event.list({ limit: 100 }));
    expect(log.events.map((e) => e.action)).toEqual(expect.arrayContaining(["billing.suspend", "billing.restore", "billing.top_up"]));
    const platform = await Operator.events({ action: "operator.payment" });
    expect(platform.events.some((e) => e.target.id === ws.tenantId && e.actor.name === "Olena Operator")).toBe(true);
  });
});

describe("limits that hold", () => {
  it("gives exactly one of 20 concurrent invitations the one free seat", async () => {
    const ws = await makeWorkspace({ plan: "standard" }); // 2 seats; the owner has one
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => ws.as(ws.owner, () => Invitation.create({ email: `person${i}@example.com`, role: "agent" }))),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused.every((r) => (r as PromiseRejectedResult).reason instanceof LimitReached)).toBe(true);
    expect(((refused[0] as PromiseRejectedResult).reason as LimitReached).message).toMatch(/Standard plan includes 2 staff seats.*Pro plan/);
    expect(await Limits.seatsUsed(ws.tenantId)).toBe(2);

    // The invitation is accepted once; revoking another frees its seat; an expired one frees its seat too.
    const invitation = (ok[0] as PromiseFulfilledResult<{ invitation: Invitation.Info; link: string }>).value;
    const token = invitation.link.split("/invite/")[1]!;
    expect((await Invitation.preview(token)).status).toBe("pending");
    const joined = await Invitation.accept({ token, name: "New Person", password: "a long enough passphrase" });
    expect(joined.staff).toMatchObject({ role: "agent", email: invitation.invitation.email });
    await expect(Invitation.accept({ token, name: "Again", password: "a long enough passphrase" })).rejects.toThrow(/accepted/);
    expect(await Limits.seatsUsed(ws.tenantId)).toBe(2);
    await expect(ws.staff("agent")).rejects.toBeInstanceOf(LimitReached);
    await ws.as(ws.owner, () => Staff.update(joined.staff.staffId, { status: "disabled" }));
    expect(await Limits.seatsUsed(ws.tenantId)).toBe(1);
    const second = await ws.as(ws.owner, () => Invitation.create({ email: "later@example.com", role: "agent" }));
    await ws.as(ws.owner, () => Invitation.revoke(second.invitation.invitationId));
    expect(await Limits.seatsUsed(ws.tenantId)).toBe(1);
    const third = await ws.as(ws.owner, () => Invitation.create({ email: "expires@example.com", role: "agent" }));
    dayOffset = 8;
    await Invitation.expire(ws.tenantId, third.invitation.invitationId);
    expect(await Limits.seatsUsed(ws.tenantId)).toBe(1);
    await expect(ws.as(ws.owner, () => Staff.update(joined.staff.staffId, { status: "active" }))).resolves.toMatchObject({ status: "active" });
    await expect(ws.as(ws.owner, () => Tenant.changePlan({ planId: "standard", addOns: [] }))).resolves.toBeTruthy();
  });

  it("opens exactly 10 of 15 concurrent new tickets on Standard; mail over the limit is held and released the next day", async () => {
    const ws = await makeWorkspace({ plan: "standard" });
    const results = await Promise.allSettled(
      Array.from({ length: 15 }, (_, i) => ws.as(ws.owner, () => Ticket.create({ subject: `T${i}`, body: "b", requester: { email: `c${i}@customer.example` } }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(refused.every((r) => r.reason instanceof LimitReached && r.reason.limit === "daily_tickets")).toBe(true);
    expect(await Limits.ticketsToday(ws.tenantId)).toBe(10);

    // A reply to an existing ticket is not a new ticket: still accepted.
    const first = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<Ticket.Info>).value;
    await expect(ws.as(ws.owner, () => Ticket.reply(first.ticketId, { body: "ok" }))).resolves.toBeTruthy();

    const address = `${ws.tenantId}@frontline.localhost`;
    const [held] = await Inbound.receive(await rawMail({ to: address, subject: "Over the limit" }), { from: "late@customer.example", to: [address] });
    expect(held).toMatchObject({ status: "held", reason: expect.stringMatching(/^Held: over the plan's daily limit of new tickets/) });

    // The next day's run resets the limit and processes what was held.
    dayOffset = 1;
    await withActor(ws.system, () => Billing.runDaily(day(1)));
    await settle(); // the day's charge makes room: held mail is processed by reaction
    const record = (await useDb().entities.mail.get({ tenantId: ws.tenantId, mailId: held!.mailId }).go({ consistent: true })).data!;
    expect(record.status).toBe("ticket_created");
  });

  it("refuses a plan with fewer seats than are in use, naming the limit", async () => {
    const ws = await makeWorkspace();
    await ws.staff("agent");
    await ws.staff("agent");
    const refused = await ws.as(ws.owner, () => Tenant.changePlan({ planId: "standard", addOns: [] })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LimitReached);
    expect((refused as LimitReached).message).toMatch(/Standard plan includes 2 staff seats and 3 are in use/);
  });
});
