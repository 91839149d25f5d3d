import { renderHook } from "@solidjs/testing-library";
import type { JSX } from "solid-js";
import { describe, expect, it } from "vitest";
import type { EventInfo } from "../api/types";
import { I18nProvider, Locales, useI18n, type I18n, type Locale } from "../i18n";
import { formatDateTime } from "../i18n/format";
import { EventActions, systemActorKey } from "./filters";
import { readableChanges } from "./changes";
import { eventSentence, hasSentence, SentenceActions, type EventNames } from "./sentence";

const i18nIn = (locale: Locale): I18n =>
  renderHook(() => useI18n(), { wrapper: (props: { children: JSX.Element }) => <I18nProvider locale={locale}>{props.children}</I18nProvider> }).result;

// Ids that look like the core's, so that one leaking into a sentence is found.
const OLENA = "stf_01JQOLENA0000000000000001";
const IVAN = "stf_01JQIVAN00000000000000002";
const GONE = "stf_01JQGONE00000000000000003";
const SUPPORT = "dep_01JQSUPPORT000000000000001";
const PAYMENTS = "dep_01JQPAYMENTS00000000000002";
const CUSTOMER = "cus_01JQCUSTOMER00000000000001";
const IDS = [OLENA, IVAN, GONE, SUPPORT, PAYMENTS, CUSTOMER, "tkt_01JQTICKET000000000000001", "tpl_01JQTEMPLATE0000000000001"];
const DUE = "2026-03-01T23:30:00.000Z";
const ZONE = "Asia/Almaty";

const names = (i18n: I18n): EventNames => ({
  staff: (id) => ({ [OLENA]: "Olena Kovalenko", [IVAN]: "Ivan Petrov" })[id],
  department: (id) => ({ [SUPPORT]: "Support desk", [PAYMENTS]: "Payments team" })[id],
  customer: (id) => (id === CUSTOMER ? "Marta Customer" : undefined),
  system: (actor) => i18n.lookup(`eventLog.systemActors.${systemActorKey(actor)}`),
  action: (action) => i18n.lookup(`eventLog.actions.${action}`),
});

const staffActor = { type: "staff" as const, id: OLENA, name: "Olena Kovalenko" };
const ticket = { type: "ticket", id: "tkt_01JQTICKET000000000000001", label: "#1042" };

const event = (action: string, fields: Partial<EventInfo> = {}): EventInfo => ({
  eventId: "evt_1",
  at: "2026-03-01T10:00:00.000Z",
  actor: staffActor,
  action,
  target: ticket,
  ...fields,
});

/**
 * An event of each kind with the data the core writes for it (packages/core/src/ticket, sla), and the names its
 * sentence must say. A kind without a sentence of its own is told by its name and its target's.
 */
function samples(action: string): { event: EventInfo; says: string[] }[] {
  switch (action) {
    case "ticket.create":
      return [
        {
          event: event(action, {
            after: { subject: "Refund", requester: CUSTOMER, departmentId: SUPPORT, status: "new", priority: "high", type: "incident", assigneeId: IVAN, tags: ["vip"], channel: "email" },
          }),
          says: ["Olena Kovalenko", "Support desk", "Marta Customer", "Ivan Petrov"],
        },
      ];
    case "ticket.customer_reply":
      return [{ event: event(action, { actor: { type: "customer", id: CUSTOMER, name: "Marta Customer" }, before: { status: "solved" }, after: { status: "open" } }), says: ["Marta Customer"] }];
    case "ticket.auto_reply":
      return [{ event: event(action, { actor: { type: "customer", id: CUSTOMER, name: "Marta Customer" } }), says: ["Marta Customer"] }];
    case "ticket.reply":
      return [{ event: event(action, { before: { status: "new" }, after: { status: "pending", assigneeId: OLENA, kind: "reply", preview: "We refunded you" } }), says: ["Olena Kovalenko", "We refunded you"] }];
    case "ticket.note":
      return [{ event: event(action, { after: { kind: "note", preview: "Check the bank" } }), says: ["Olena Kovalenko", "Check the bank"] }];
    case "ticket.update":
      return [
        {
          event: event(action, {
            before: { status: "open", priority: "normal", impact: "low", urgency: "low", type: "incident", subject: "Refund", tags: ["old"] },
            after: { status: "on_hold", priority: "urgent", impact: "high", urgency: "medium", type: "service_request", subject: "Refund for March", tags: ["vip", "refund"] },
          }),
          says: ["Olena Kovalenko", "Refund for March", "vip", "refund", "old"],
        },
        { event: event(action, { before: { priority: "urgent" }, after: { priority: "low" } }), says: ["Olena Kovalenko"] },
      ];
    case "ticket.assign":
      return [
        { event: event(action, { before: { assigneeId: null }, after: { assigneeId: IVAN }, reason: "knows the bank" }), says: ["Olena Kovalenko", "Ivan Petrov", "knows the bank"] },
        { event: event(action, { before: { assigneeId: GONE }, after: { assigneeId: OLENA } }), says: ["Olena Kovalenko"] },
        { event: event(action, { before: { assigneeId: IVAN }, after: { assigneeId: null } }), says: ["Olena Kovalenko", "Ivan Petrov"] },
        // Someone since removed from the workspace: named as a former staff member.
        { event: event(action, { before: { assigneeId: OLENA }, after: { assigneeId: GONE } }), says: ["Olena Kovalenko"] },
      ];
    case "ticket.redirect":
      return [{ event: event(action, { before: { departmentId: SUPPORT }, after: { departmentId: PAYMENTS }, reason: "a card payment" }), says: ["Olena Kovalenko", "Support desk", "Payments team", "a card payment"] }];
    case "ticket.delete":
    case "ticket.restore":
      return [{ event: event(action), says: ["Olena Kovalenko"] }];
    case "ticket.purge":
      return [{ event: event(action, { before: { number: 1042, subject: "Refund", requester: CUSTOMER, messages: 4 } }), says: ["Olena Kovalenko", "#1042", "Refund"] }];
    case "ticket.delivered":
      return [{ event: event(action, { actor: { type: "system", id: "mail_delivery", name: "Mail delivery" } }), says: [] }];
    case "ticket.undelivered":
      return [{ event: event(action, { actor: { type: "system", id: "mail_delivery", name: "Mail delivery" }, reason: "550 mailbox unavailable" }), says: ["550 mailbox unavailable"] }];
    case "ticket.merge":
      return [{ event: event(action, { before: { status: "open" }, after: { status: "closed", mergedInto: "#1043" } }), says: ["Olena Kovalenko", "#1043"] }];
    case "ticket.unmerge":
      return [{ event: event(action, { before: { status: "closed", mergedInto: "#1043" }, after: { status: "open" } }), says: ["Olena Kovalenko", "#1043"] }];
    case "ticket.link":
      return ["problem", "incident", "related"].map((role) => ({ event: event(action, { after: { ticket: "#1044", role } }), says: ["Olena Kovalenko", "#1044"] }));
    case "ticket.unlink":
      return [
        { event: event(action, { before: { ticket: "#1044", role: "related" } }), says: ["Olena Kovalenko", "#1044"] },
        // The other ticket deleted since: the core names it by its id, the sentence as a deleted ticket.
        { event: event(action, { before: { ticket: "tkt_01JQTICKET000000000000001", role: "problem" } }), says: ["Olena Kovalenko"] },
      ];
    case "ticket.requester":
      return [
        {
          event: event(action, { actor: { type: "system", id: "system", name: "customers" }, before: { requester: { customerId: "cus_old", name: "M. Customer" } }, after: { requester: { customerId: CUSTOMER, name: "Marta Customer" } } }),
          says: ["M. Customer", "Marta Customer"],
        },
      ];
    case "sla.warning":
    case "sla.breach":
      return [
        {
          event: event(action, {
            actor: { type: "system", id: "sla", name: "SLA" },
            after: { target: "first_response", dueAt: DUE, policy: "Fast lane", actions: ["notify_assignee", "raise_priority"], notified: [IVAN, GONE] },
          }),
          says: ["Fast lane", "Ivan Petrov"],
        },
      ];
    default:
      return [
        {
          event: event(action, {
            target: { type: "reply_template", id: "tpl_01JQTEMPLATE0000000000001", label: "Refund answer" },
            before: { name: "Old", departmentIds: [SUPPORT], role: "agent", policy: { targets: [{ kind: "first_response" }] } },
            after: { name: "Refund answer", departmentIds: [PAYMENTS, GONE], role: "supervisor", policy: { targets: [] } },
          }),
          says: ["Olena Kovalenko", "Refund answer", "Support desk", "Payments team"],
        },
      ];
  }
}

/** The raw values a sentence must not show: codes of statuses, priorities, targets, actions. */
const CODES = ["supervisor", "targets", "on_hold", "service_request", "first_response", "notify_assignee", "raise_priority", "assigneeId", "departmentId", "null", "undefined", "[object"];

describe("events as sentences", () => {
  it("tell every kind of event the core writes, in every language: names, no codes, no ids, no data", () => {
    // Every action the log lists (./actions.test.ts holds that list to what the core writes), and every one with a
    // sentence of its own.
    const actions = [...new Set<string>([...EventActions, ...SentenceActions])];
    for (const locale of Locales) {
      const i18n = i18nIn(locale);
      i18n.setTimeZone(ZONE);
      for (const action of actions) {
        for (const { event, says } of samples(action)) {
          const told = eventSentence(event, i18n, names(i18n));
          // The admins' event log tells the changes of an action without a sentence of its own under it.
          const changes = hasSentence(action) ? [] : readableChanges(event, i18n, names(i18n));
          const text = [told.sentence, ...told.details, ...changes].join("\n");
          const where = `${locale} ${action}: ${text}`;
          expect(told.sentence.trim(), where).not.toBe("");
          expect(text, where).not.toContain(action);
          expect(text, where).not.toMatch(/[{}]/);
          for (const id of IDS) expect(text, where).not.toContain(id);
          for (const code of CODES) expect(text, where).not.toContain(code);
          for (const name of says) expect(text, where).toContain(name);
          if (!hasSentence(action)) {
            expect(text, where).toContain(i18n.lookup(`eventLog.actions.${action}`)!);
            expect(changes, where).toHaveLength(4);
          }
          if (event.after && typeof event.after === "object" && "dueAt" in event.after) expect(text, where).toContain(formatDateTime(DUE, locale, ZONE));
        }
      }
    }
  });

  it("read as the history should in English", () => {
    const i18n = i18nIn("en");
    const say = (e: EventInfo) => {
      const told = eventSentence(e, i18n, names(i18n));
      return [told.sentence, ...told.details];
    };
    expect(say(event("ticket.update", { before: { status: "open" }, after: { status: "pending" } }))).toEqual(["Olena Kovalenko changed the status from Open to Pending"]);
    expect(say(event("ticket.update", { before: { priority: "normal", tags: [] }, after: { priority: "urgent", tags: ["vip"] } }))).toEqual([
      "Olena Kovalenko raised the priority from Normal to Urgent",
      "Olena Kovalenko added the tag vip",
    ]);
    expect(say(event("ticket.assign", { actor: { type: "staff", id: IVAN, name: "Ivan Petrov" }, before: { assigneeId: null }, after: { assigneeId: OLENA } }))).toEqual([
      "Ivan Petrov assigned the ticket to Olena Kovalenko",
    ]);
    expect(say(event("ticket.assign", { before: { assigneeId: null }, after: { assigneeId: GONE } }))).toEqual(["Olena Kovalenko assigned the ticket to a former staff member"]);
    expect(say(event("ticket.redirect", { before: { departmentId: SUPPORT }, after: { departmentId: PAYMENTS }, reason: "a refund" }))).toEqual([
      "Olena Kovalenko moved the ticket from Support desk to Payments team",
      "Reason: a refund",
    ]);
    expect(say(event("ticket.purge", { before: { number: 1042, subject: "Refund" } }))).toEqual(["Olena Kovalenko deleted ticket #1042 “Refund” for good"]);
    expect(say(event("department.create", { target: { type: "department", id: PAYMENTS, label: "Payments" } }))).toEqual([
      "Olena Kovalenko: Department created — Payments team",
    ]);
    // A page without the actions' names (the ticket's history) still says something a person reads.
    expect(eventSentence(event("ticket.future_action"), i18n, { staff: () => undefined, department: () => undefined }).sentence).toBe("Olena Kovalenko made a change to #1042");
  });

  it("tell the changes of any other event in words: fields, people, roles, amounts", () => {
    const i18n = i18nIn("en");
    const lines = (before: unknown, after: unknown) => readableChanges(event("staff.update", { target: { type: "staff", id: IVAN, label: "Ivan" }, before, after }), i18n, names(i18n));
    expect(lines({ role: "agent", departmentIds: [SUPPORT] }, { role: "supervisor", departmentIds: [SUPPORT, PAYMENTS] })).toEqual([
      "Role: Agent → Supervisor",
      "Departments: Support desk → Support desk, Payments team",
    ]);
    expect(lines(undefined, { email: "nina@example.com", staffIds: [OLENA, GONE], expiresAt: DUE })).toEqual([
      "Email: nina@example.com",
      "Staff: Olena Kovalenko, a former staff member",
      `Expires: ${i18n.dateTime(DUE)}`,
    ]);
    expect(lines({ balanceMinor: 3000, planId: "standard" }, { balanceMinor: 2900, planId: "pro" })).toEqual(["Balance: 30.00 → 29.00", "1 more change in the CSV download"]);
    expect(lines({ name: "A" }, { name: "A" })).toEqual([]);
  });

  it("tell an SLA breach with its due time in the reader's time zone", () => {
    const i18n = i18nIn("ru");
    i18n.setTimeZone(ZONE);
    const told = eventSentence(samples("sla.breach")[0]!.event, i18n, names(i18n));
    expect(told.sentence).toBe(`Срок «Первый ответ» нарушен: он истёк ${formatDateTime(DUE, "ru", ZONE)}`);
    expect(formatDateTime(DUE, "ru", ZONE)).toContain("2 мар");
    expect(told.details).toContain("Уведомлены: Ivan Petrov, бывший сотрудник");
  });
});
