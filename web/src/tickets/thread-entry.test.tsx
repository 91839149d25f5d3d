import { renderHook } from "@solidjs/testing-library";
import type { JSX } from "solid-js";
import { describe, expect, it } from "vitest";
import type { MessageInfo } from "../api/types";
import { I18nProvider, useI18n } from "../i18n";
import { systemLine } from "./thread-entry";

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
