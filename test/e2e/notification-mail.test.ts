import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { sayTime } from "@frontline/core/locale";
import { Staff } from "@frontline/core/staff";
import type { Runtime } from "../../packages/local/src/runtime";
import { caller, signupVia, type Caller, type Workspace } from "../support/api";
import { startTestRuntime } from "../support/runtime";

/**
 * A staff notification by mail, end to end over the real runtime: the owner assigns a ticket to an agent whose
 * profile says Ukrainian and Kyiv time, and mentions a colleague who chose nothing (the workspace's English); the
 * runtime's stream queues the letters and its mailer writes them to its outbox folder, each in its reader's
 * language and zone, with a link to the ticket in the console.
 */
let runtime: Runtime;
let ws: Workspace;
const PASSWORD = "a long enough passphrase";

beforeAll(async () => {
  runtime = await startTestRuntime();
  ws = await signupVia((path, init) => fetch(runtime.url + path, init));
});

afterAll(async () => {
  await runtime?.stop();
});

async function staffMember(name: string, email: string): Promise<{ staffId: string; as: Caller }> {
  const departmentIds = (await (await ws.as.get("/api/departments")).json()).departments.map((d: { departmentId: string }) => d.departmentId);
  const staff = await withActor({ type: "system", tenantId: ws.slug, reason: "test" }, () => Staff.create({ name, email, role: "agent", departmentIds, password: PASSWORD }));
  const fetcher = (path: string, init?: RequestInit) => fetch(runtime.url + path, init);
  const session = await (await caller(fetcher).post("/api/auth/login", { slug: ws.slug, email, password: PASSWORD })).json();
  return { staffId: staff.staffId, as: caller(fetcher, { authorization: `Bearer ${session.token}` }) };
}

/** The letter the runtime's mailer wrote to `address` whose subject matches, parsed (waiting for the stream). */
async function letterTo(address: string, subject: RegExp, ms = 15_000): Promise<ParsedMail> {
  const deadline = Date.now() + ms;
  for (;;) {
    const files = (() => {
      try {
        return readdirSync(runtime.outboxDir).filter((f) => f.endsWith(".eml"));
      } catch {
        return [];
      }
    })();
    for (const file of files) {
      const mail = await simpleParser(readFileSync(join(runtime.outboxDir, file)));
      const to = mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined;
      if (to === address && subject.test(mail.subject ?? "")) return mail;
    }
    if (Date.now() > deadline) throw new Error(`No letter to ${address} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("notification letters", () => {
  it("mails an assignment in the assignee's language and time zone, and a mention in the workspace's language", async () => {
    const oksana = await staffMember("Оксана Коваль", "oksana@staff.example");
    expect((await oksana.as.send("PATCH", `/api/staff/${oksana.staffId}`, { locale: "uk", timeZone: "Europe/Kyiv" })).status).toBe(200);
    const dmitri = await staffMember("Dmitri Second", "dmitri@staff.example");

    const created = await ws.as.post("/api/tickets", { subject: "Рахунок не прийшов", body: "Де рахунок?", requester: { email: "client@customer.example" }, assigneeId: oksana.staffId });
    expect(created.status, await created.clone().text()).toBe(201);
    const { ticket } = await created.json();
    expect((await ws.as.post(`/api/tickets/${ticket.ticketId}/notes`, { body: "@dmitri could you resend the invoice?" })).status).toBe(201);

    const assigned = await letterTo("oksana@staff.example", /Вам призначено звернення/);
    expect(assigned.subject).toBe(`[#${ticket.number}] Вам призначено звернення (Olga Owner)`);
    expect(assigned.text).toContain(`#${ticket.number} Рахунок не прийшов`);
    expect(assigned.text).toContain(`Коли: ${sayTime("uk", ticket.createdAt, "Europe/Kyiv")}`);
    expect(assigned.text).toMatch(new RegExp(`Відкрити звернення: http\\S+/tickets/${ticket.ticketId}\\n`));
    expect(assigned.headers.get("auto-submitted")).toBe("auto-generated");

    const mentioned = await letterTo("dmitri@staff.example", /mentioned you/);
    expect(mentioned.subject).toBe(`[#${ticket.number}] Olga Owner mentioned you in a note`);
    expect(mentioned.text).toContain("> @dmitri could you resend the invoice?");
    expect(mentioned.text).toContain("Choose which notifications you get:");
  });
});
