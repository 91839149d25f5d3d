import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@frontline/core/actor";
import { Inbound } from "@frontline/core/email/inbound";
import { Staff } from "@frontline/core/staff";
import { createApp } from "../src/api/app";
import { useDb } from "@frontline/core/db";
import { settle, useTestTable } from "../../test/support/db";
import { caller, signupVia, type Fetch, type Workspace } from "../../test/support/api";
import { rawMail } from "../../test/support/mail";

const app = createApp();
const fetcher: Fetch = async (path, init) => app.request(path, init);

let ws: Workspace;
let ticketId: string;
let message: { messageId: string; hasHtml: boolean; attachments: { attachmentId: string; filename: string; inline: boolean }[] };
let mailId: string;

beforeAll(async () => {
  await useTestTable();
  ws = await signupVia(fetcher);
  const [outcome] = await Inbound.receive(
    await rawMail({
      to: `${ws.slug}@frontline.localhost`,
      html: '<p>See the screenshot</p><img src="cid:shot@x"><img src="https://tracker.example/pixel.gif"><script>alert(1)</script>',
      attachments: [
        { filename: "shot.png", content: Buffer.from("89504e470d0a1a0a", "hex"), contentType: "image/png", cid: "shot@x" },
        { filename: "page.html", content: "<script>alert('xss')</script>", contentType: "text/html" },
      ],
    }),
    { from: "carla@customer.example", to: [`${ws.slug}@frontline.localhost`] },
  );
  ticketId = outcome!.ticketId!;
  mailId = outcome!.mailId;
  message = (await (await ws.as.get(`/api/tickets/${ticketId}`)).json()).messages[0];
});

describe("a mail's attachments and HTML", () => {
  it("serves every attachment as a download that no browser renders or sniffs, even an HTML file", async () => {
    expect(message.attachments.map((a) => a.filename).sort()).toEqual(["page.html", "shot.png"]);
    const page = message.attachments.find((a) => a.filename === "page.html")!;
    const response = await ws.as.get(`/api/tickets/${ticketId}/attachments/${page.attachmentId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="page\.html"/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toMatch(/sandbox/);
    expect(await response.text()).toBe("<script>alert('xss')</script>");
    expect((await ws.as.get(`/api/tickets/${ticketId}/attachments/nope`)).status).toBe(404);
  });

  it("serves an attachment whose Content-Type is not a header value, as bytes, with its name per RFC 6266", async () => {
    const raw = Buffer.from(
      [
        `From: Carla <carla@customer.example>`,
        `To: ${ws.slug}@frontline.localhost`,
        `Subject: The report`,
        `Message-ID: <odd-type-${Date.now()}@customer.example>`,
        `MIME-Version: 1.0`,
        `Content-Type: multipart/mixed; boundary="b"`,
        ``,
        `--b`,
        `Content-Type: text/plain; charset=utf-8`,
        ``,
        `The report is attached.`,
        `--b`,
        `Content-Type: application/x-отчёт; name="отчёт.bin"`,
        `Content-Disposition: attachment; filename="отчёт.bin"`,
        `Content-Transfer-Encoding: base64`,
        ``,
        Buffer.from("report bytes").toString("base64"),
        `--b--`,
        ``,
      ].join("\r\n"),
      "utf8",
    );
    const [outcome] = await Inbound.receive(raw, { from: "carla@customer.example", to: [`${ws.slug}@frontline.localhost`] });
    const detail = await (await ws.as.get(`/api/tickets/${outcome!.ticketId}`)).json();
    const attachment = detail.messages[0].attachments[0];
    const response = await ws.as.get(`/api/tickets/${outcome!.ticketId}/attachments/${attachment.attachmentId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${"_".repeat(5)}.bin"; filename*=UTF-8''${encodeURIComponent("отчёт.bin")}`);
    expect(await response.text()).toBe("report bytes");
  });

  it("serves the sanitised HTML for a sandboxed frame, its images from the message and nothing from elsewhere", async () => {
    expect(message.hasHtml).toBe(true);
    const response = await ws.as.get(`/api/tickets/${ticketId}/messages/${message.messageId}/html`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toMatch(/^sandbox /);
    expect(csp).not.toMatch(/allow-scripts/);
    expect(csp).toMatch(/default-src 'none'; img-src 'self' data:/);
    const html = await response.text();
    expect(html).not.toMatch(/<script|alert/);
    const shot = message.attachments.find((a) => a.filename === "shot.png")!;
    expect(html).toContain(`src="/api/tickets/${ticketId}/attachments/${shot.attachmentId}"`);
  });
});

describe("received mail, for admins", () => {
  it("lists the records with their outcome, gives the raw message, and refuses agents", async () => {
    const list = await (await ws.as.get("/api/mail")).json();
    expect(list.mail.find((m: { mailId: string }) => m.mailId === mailId)).toMatchObject({ mailId, status: "ticket_created", from: { address: "carla@customer.example" } });
    const raw = await ws.as.get(`/api/mail/${mailId}/raw`);
    expect(raw.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(await raw.text()).toContain("See the screenshot");
    const reprocess = await ws.as.post(`/api/mail/${mailId}/reprocess`);
    expect(reprocess.status).toBe(409);

    const agent = await withActor({ type: "system", tenantId: ws.slug, reason: "test" }, () =>
      Staff.create({ name: "Ada Agent", email: "ada@example.com", role: "agent", password: "a long enough passphrase" }),
    );
    const session = await (await caller(fetcher).post("/api/auth/login", { slug: ws.slug, email: agent.email, password: "a long enough passphrase" })).json();
    const asAgent = caller(fetcher, { authorization: `Bearer ${session.token}` });
    for (const path of ["/api/mail", `/api/mail/${mailId}`, `/api/mail/${mailId}/raw`, "/api/outbox"]) {
      expect((await asAgent.get(path)).status, path).toBe(403);
    }
    expect((await asAgent.post("/api/stop-list", { value: "x.example" })).status).toBe(403);
    expect((await asAgent.send("PUT", "/api/letters/ticket_received/en", { subject: "x", body: "y" })).status).toBe(403);
  });
});

describe("the stop list over HTTP", () => {
  it("takes an entry off by its value as given in the path, decoded once", async () => {
    expect((await ws.as.post("/api/stop-list", { value: "a+b@percent.example" })).status).toBe(201);
    const bad = await ws.as.send("DELETE", "/api/stop-list/%25");
    expect(bad.status).toBe(404);
    expect((await bad.json()).error.code).toBe("not_found");
    expect((await ws.as.send("DELETE", `/api/stop-list/${encodeURIComponent("a+b@percent.example")}`)).status).toBe(204);
    const left = (await (await ws.as.get("/api/stop-list")).json()).entries.map((e: { value: string }) => e.value);
    expect(left).not.toContain("a+b@percent.example");
  });
});

describe("letters", () => {
  it("tells the composer what a reply is followed by in its letter, the agent's name included, exactly as it is sent", async () => {
    const me = (await (await ws.as.get("/api/me")).json()) as { staff: { name: string }; tenant: { name: string } };
    const signature = async () => ((await (await ws.as.get(`/api/tickets/${ticketId}/reply-signature`)).json()) as { signature: { text: string; locale: string } }).signature;
    expect(await signature()).toEqual({ text: `${me.staff.name}\n${me.tenant.name}`, locale: "en" });

    // The workspace's own wording is the one shown.
    await ws.as.send("PUT", "/api/letters/agent_reply/en", { subject: "Re: {{ ticket.subject }}", body: "{{ reply_marker }}\n\n{{ message }}\n\nBest,\n{{ agent.name }} ({{ workspace.name }} support)" });
    const own = await signature();
    expect(own.text).toBe(`Best,\n${me.staff.name} (${me.tenant.name} support)`);

    // And the letter of a reply ends with it, after the reply's words.
    expect((await ws.as.post(`/api/tickets/${ticketId}/replies`, { body: "We are looking into it." })).status).toBe(201);
    await settle();
    const letters = (await useDb().entities.outbox.query.byId({ tenantId: ws.slug }).go({ pages: "all" })).data.filter((l) => l.ticketId === ticketId && l.kind === "agent_reply");
    expect(letters).toHaveLength(1);
    expect(letters[0]!.text.endsWith(`We are looking into it.\n\n${own.text}`)).toBe(true);
    await ws.as.send("DELETE", "/api/letters/agent_reply/en");
  });

  it("keeps a tenant's own wording, refuses a broken template, previews, and goes back to the default", async () => {
    const broken = await ws.as.send("PUT", "/api/letters/agent_reply/ru", { subject: "x", body: "{% if %}" });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.issues[0].path).toBe("body");
    const saved = await ws.as.send("PUT", "/api/letters/agent_reply/ru", { subject: "Ответ по #{{ ticket.number }}", body: "{{ message }}\n\n{{ agent.name }}" });
    expect((await saved.json()).letter).toMatchObject({ custom: true, subject: "Ответ по #{{ ticket.number }}" });
    const preview = await (await ws.as.post("/api/letters/agent_reply/ru/preview", { subject: "Ответ по #{{ ticket.number }}", body: "{{ message }}" })).json();
    expect(preview.preview.subject).toBe("Ответ по #1042");
    const reset = await (await ws.as.send("DELETE", "/api/letters/agent_reply/ru")).json();
    expect(reset.letter.custom).toBe(false);
    expect((await ws.as.send("PUT", "/api/letters/nonsense/en", { subject: "x", body: "y" })).status).toBe(400);
  });
});
