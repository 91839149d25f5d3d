import { renderHook } from "@solidjs/testing-library";
import type { JSX } from "solid-js";
import { describe, expect, it } from "vitest";
import type { EventInfo, MessageInfo } from "../api/types";
import { I18nProvider, useI18n } from "../i18n";
import { eventLines, systemLine } from "./thread-entry";

const i18nIn = (locale: "en" | "ru") =>
  renderHook(() => useI18n(), { wrapper: (props: { children: JSX.Element }) => <I18nProvider locale={locale}>{props.children}</I18nProvider> }).result;

const names = {
  staff: (id: string) => ({ "s-anna": "Anna Agent", "s-dana": "Dana Demo" })[id],
  department: (id: string) => ({ "d-pay": "Payments", "d-sup": "Support" })[id],
};

const system = (action: string, extra: Partial<NonNullable<MessageInfo["system"]>> = {}, authorId = "s-dana") =>
  ({
  messageId: "m",
  kind: "system",
  author: { type: "staff", id: authorId, name: authorId === "s-dana" ? "Dana Demo" : "Anna Agent" },
  body: "",
  createdAt: "2026-03-01T10:00:00.000Z",
  system: { action, ...extra },
}) as MessageInfo;

describe("thread system entries", () => {
  it("reads as a sentence: status, assignment, taking, redirection with its reason, trash", () => {
    const i18n = i18nIn("en");
    expect(systemLine(system("status", { from: "new", to: "on_hold" }), i18n, names)).toBe("Dana Demo changed status from New to On hold");
    expect(systemLine(system("assign", { to: "s-anna" }), i18n, names)).toBe("Dana Demo assigned the ticket to Anna Agent");
    expect(systemLine(system("assign", { to: "s-anna" }, "s-anna"), i18n, names)).toBe("Anna Agent took the ticket");
    expect(systemLine(system("assign", { from: "s-anna" }), i18n, names)).toBe("Dana Demo unassigned the ticket");
    expect(systemLine(system("redirect", { from: "d-sup", to: "d-pay", reason: "a refund" }), i18n, names)).toBe(
      "Dana Demo redirected the ticket to Payments: a refund",
    );
    expect(systemLine(system("delete"), i18n, names)).toBe("Dana Demo moved the ticket to the trash");
    expect(systemLine(system("escalate"), i18n, names)).toBe("Dana Demo: escalate");
  });

  it("tells of SLA warnings, breaches and what they changed, and of mail that did not arrive", () => {
    const i18n = i18nIn("en");
    const sla = (action: string, extra: Partial<NonNullable<MessageInfo["system"]>>) =>
      ({ ...system(action, extra), author: { type: "system", id: "sla", name: "SLA" } }) as MessageInfo;
    expect(systemLine(sla("sla_warning", { to: "first_response", reason: "Fast" }), i18n, names)).toBe("SLA warning: First response is due soon (Fast)");
    expect(systemLine(sla("sla_breach", { to: "resolution", reason: "Fast" }), i18n, names)).toBe("SLA breached: Resolution is overdue (Fast)");
    expect(systemLine(sla("priority", { from: "normal", to: "high" }), i18n, names)).toBe("SLA changed priority from Normal to High");
    expect(systemLine(sla("undelivered", { reason: "550 no such user" }), i18n, names)).toBe("The customer did not get our mail: 550 no such user");
    expect(systemLine(sla("sla_breach", { to: "first_response", reason: "Fast" }), i18nIn("ru"), names)).toBe("SLA: срок «Первый ответ» нарушен (Fast)");
  });

  it("reads in Russian too", () => {
    expect(systemLine(system("status", { from: "open", to: "solved" }), i18nIn("ru"), names)).toBe("Dana Demo изменил(а) статус: Открыто → Решено");
  });
});

describe("history events", () => {
  const event = (action: string, before?: unknown, after?: unknown, reason?: string): EventInfo => ({
    eventId: "e",
    at: "2026-03-01T10:00:00.000Z",
    actor: { type: "staff", id: "s-dana", name: "Dana Demo" },
    action,
    target: { type: "ticket", id: "t1", label: "#1" },
    before,
    after,
    reason,
  });

  it("lists what changed, with names for ids", () => {
    const i18n = i18nIn("en");
    expect(eventLines(event("ticket.update", { priority: "normal", tags: [] }, { priority: "urgent", tags: ["vip"] }), i18n, names)).toEqual({
      lines: ["Priority: Normal → Urgent", "Tags: — → vip"],
    });
    expect(eventLines(event("ticket.assign", { assigneeId: null }, { assigneeId: "s-anna" }), i18n, names).lines).toEqual(["Assignee: — → Anna Agent"]);
    expect(eventLines(event("ticket.redirect", { departmentId: "d-sup" }, { departmentId: "d-pay" }, "a refund"), i18n, names).lines).toEqual([
      "Department: Support → Payments",
      "Reason: a refund",
    ]);
    expect(eventLines(event("ticket.reply", { status: "new" }, { kind: "reply", status: "open", preview: "Hi" }), i18n, names)).toEqual({
      title: "Replied to the customer",
      lines: ["Status: New → Open"],
    });
  });

  it("tells of SLA warnings and breaches with what the escalation did", () => {
    const i18n = i18nIn("en");
    const sla = { ...event("sla.breach", undefined, { target: "first_response", actions: ["notify_assignee", "raise_priority"] }), actor: { type: "system" as const, id: "sla", name: "SLA" } };
    expect(eventLines(sla, i18n, names)).toEqual({ title: "SLA breached: First response", lines: ["Then: notified the assignee, raised the priority"] });
    expect(eventLines({ ...sla, action: "sla.warning", after: { target: "resolution", actions: [] } }, i18n, names)).toEqual({ title: "SLA warning: Resolution", lines: [] });
  });
});
