import { readdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "../../packages/local/src/runtime";
import { caller, signupVia, type Caller, type Workspace } from "../support/api";
import { startTestRuntime } from "../support/runtime";

/**
 * A password reset letter end to end over real sockets: the runtime's outbox relays it over SMTP to a mail server of
 * the test's own, in the language the staff member chose, and its link sets a new password through the HTTP API.
 */
let runtime: Runtime;
let relay: SMTPServer;
const received: ParsedMail[] = [];
let ws: Workspace;
let anonymous: Caller;

beforeAll(async () => {
  relay = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const port = (relay.server.address() as AddressInfo).port;
  runtime = await startTestRuntime({ smtpRelayUrl: `smtp://127.0.0.1:${port}` });
  const fetcher = (path: string, init?: RequestInit) => fetch(runtime.url + path, init);
  anonymous = caller(fetcher);
  ws = await signupVia(fetcher);
});

afterAll(async () => {
  await runtime?.stop();
  await new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
});

async function waitFor<T>(fn: () => T | undefined, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("a password reset letter over SMTP", () => {
  it("reaches a Kazakh-speaking agent in Kazakh, and its link sets the new password once", async () => {
    // The agent joins through an invitation, choosing Kazakh.
    const { link } = await (await ws.as.post("/api/invitations", { email: "aigerim@example.com", role: "agent" })).json();
    const joined = await anonymous.post("/api/invitations/accept", { token: link.split("/invite/")[1], name: "Айгерім", password: "a long enough passphrase", locale: "kk" });
    expect(joined.status).toBe(201);

    const asked = await anonymous.post("/api/password-reset", { slug: ws.slug, email: "aigerim@example.com" });
    expect(asked.status).toBe(202);
    const letter = await waitFor(() => received.find((m) => m.subject?.endsWith("жаңа құпиясөз")));
    expect(letter.to && !Array.isArray(letter.to) ? letter.to.value[0]?.address : undefined).toBe("aigerim@example.com");
    expect(letter.from?.value[0]?.address).toBe(`${ws.slug}@frontline.localhost`);
    expect(letter.text).toContain("сілтеме бір рет қана жұмыс істейді");
    expect(letter.headers.get("auto-submitted")).toBe("auto-generated");
    // The outbox folder keeps the same letter.
    const kept = readdirSync(runtime.outboxDir).filter((f) => f.endsWith(".eml")).map((f) => readFileSync(join(runtime.outboxDir, f), "utf8"));
    expect(kept.some((raw) => raw.includes(letter.messageId!))).toBe(true);

    // The link goes to the console where this runtime listens (its own port, not the default 3000).
    expect(letter.text).toContain(`${runtime.url}/reset-password/flr.`);
    const token = /\/reset-password\/(flr\.\S+)/.exec(letter.text ?? "")![1]!;
    const done = await anonymous.post("/api/password-reset/complete", { token, password: "жаңа құпиясөз 2026" });
    expect(done.status).toBe(200);
    expect((await anonymous.post("/api/auth/login", { slug: ws.slug, email: "aigerim@example.com", password: "жаңа құпиясөз 2026" })).status).toBe(200);
    expect((await anonymous.post("/api/auth/login", { slug: ws.slug, email: "aigerim@example.com", password: "a long enough passphrase" })).status).toBe(401);
    expect((await anonymous.post("/api/password-reset/complete", { token, password: "тағы бір құпиясөз" })).status).toBe(409);
  });
});
