import { Hono, type Context } from "hono";
import * as z from "zod";
import { Letters, Mail, Outbox, StopList } from "@frontline/core/email";
import { Ticket } from "@frontline/core/ticket";
import { jsonBody } from "../body";
import type { Env } from "../context";
import { route } from "../openapi";

/** A media type as a header may carry it (type/subtype and printable ASCII parameters); anything else is just bytes. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;[\x20-\x7e]*)?$/i;

/** A stored file, always as a download: never rendered by the browser, never sniffed into something else. */
function download(c: Context<Env>, content: Buffer, filename: string, contentType: string) {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  // A sender's Content-Type goes out as a header only if it is one (a non-Latin-1 character made it throw: a 500).
  const type = contentType?.trim() ?? "";
  return c.body(new Uint8Array(content), 200, {
    "content-type": MEDIA_TYPE.test(type) ? type : "application/octet-stream",
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox; default-src 'none'",
    "cache-control": "private, no-store",
  });
}

/**
 * The email channel for the console and admins: received mail and its outcomes, the stop list, the outbox, the
 * letters' wording, and a mail's attachments and HTML.
 */
export const mailRoutes = new Hono<Env>();

route(mailRoutes, { method: "get", path: "/mail", summary: "Received mail, newest first, with what became of each (admins)", tag: "Mail", query: Mail.ListSchema }, async (c) =>
  c.json(await Mail.list(c.req.query())),
);

route(mailRoutes, { method: "get", path: "/mail/:id", summary: "A received mail's record (admins)", tag: "Mail" }, async (c) =>
  c.json({ mail: await Mail.get(c.req.param("id")!) }),
);

route(mailRoutes, { method: "get", path: "/mail/:id/raw", summary: "A received mail exactly as it arrived, as an .eml download (admins)", tag: "Mail" }, async (c) =>
  download(c, await Mail.rawMessage(c.req.param("id")!), `${c.req.param("id")}.eml`, "message/rfc822"),
);

route(mailRoutes, { method: "post", path: "/mail/:id/reprocess", summary: "Process an unprocessable or held mail again (admins)", tag: "Mail" }, async (c) =>
  c.json({ mail: await Mail.reprocess(c.req.param("id")!) }),
);

route(mailRoutes, { method: "get", path: "/stop-list", summary: "Addresses and domains whose mail is ignored", tag: "Mail" }, async (c) =>
  c.json({ entries: await StopList.list() }),
);

route(mailRoutes, { method: "post", path: "/stop-list", summary: "Ignore mail from an address or a domain (admins)", tag: "Mail", body: StopList.AddSchema, status: 201 }, async (c) =>
  c.json({ entry: await StopList.add((await jsonBody(c)) as z.input<typeof StopList.AddSchema>) }, 201),
);

route(mailRoutes, { method: "delete", path: "/stop-list/:value", summary: "Take an address or domain off the stop list (admins)", tag: "Mail", status: 204 }, async (c) => {
  // The router has decoded the path once already: decoding again turned "%25" into a bad escape (a 500).
  await StopList.remove(c.req.param("value")!);
  return c.body(null, 204);
});

route(mailRoutes, { method: "get", path: "/outbox", summary: "Letters to customers and their delivery, newest first (admins)", tag: "Mail", query: Outbox.ListSchema }, async (c) =>
  c.json(await Outbox.list(c.req.query())),
);

route(mailRoutes, { method: "post", path: "/outbox/:id/retry", summary: "Send a failed, suppressed or stalled letter again (admins)", tag: "Mail" }, async (c) =>
  c.json({ entry: await Outbox.retry(c.req.param("id")!) }),
);

route(
  mailRoutes,
  { method: "post", path: "/tickets/:id/letters/:outboxId/resend", summary: "Send the customer a letter of the ticket again, clearing a bounce's mark on the address", tag: "Mail" },
  async (c) => c.json({ entry: await Outbox.resend(c.req.param("id")!, c.req.param("outboxId")!) }),
);

route(mailRoutes, { method: "get", path: "/letters", summary: "The letters customers get, in each language, with the defaults", tag: "Mail" }, async (c) =>
  c.json({ letters: await Letters.list() }),
);

route(
  mailRoutes,
  { method: "put", path: "/letters/:kind/:locale", summary: "Word a letter your own way (Liquid; admins)", tag: "Mail", body: Letters.TemplateSchema },
  async (c) =>
    c.json({ letter: await Letters.save(c.req.param("kind")!, c.req.param("locale")!, (await jsonBody(c)) as z.input<typeof Letters.TemplateSchema>) }),
);

route(mailRoutes, { method: "delete", path: "/letters/:kind/:locale", summary: "Go back to the default wording of a letter (admins)", tag: "Mail" }, async (c) =>
  c.json({ letter: await Letters.reset(c.req.param("kind")!, c.req.param("locale")!) }),
);

route(
  mailRoutes,
  { method: "post", path: "/letters/:kind/:locale/preview", summary: "A letter rendered with sample values", tag: "Mail", body: Letters.TemplateSchema },
  async (c) =>
    c.json({ preview: await Letters.preview(c.req.param("kind")!, c.req.param("locale")!, (await jsonBody(c)) as z.input<typeof Letters.TemplateSchema>) }),
);

route(mailRoutes, { method: "get", path: "/tickets/:id/attachments/:attachmentId", summary: "An attachment of a ticket's mail, as a download", tag: "Tickets" }, async (c) => {
  const file = await Ticket.attachment(c.req.param("id")!, c.req.param("attachmentId")!);
  return download(c, file.content, file.filename, file.contentType);
});

/**
 * A mail's sanitised HTML, for the console's sandboxed frame. The policy loads nothing from elsewhere (no tracking
 * pixels, no remote fonts), runs no script, and only the message's own images (from this API) are shown.
 */
route(mailRoutes, { method: "get", path: "/tickets/:id/messages/:messageId/html", summary: "A mail's HTML, sanitised, for a sandboxed frame", tag: "Tickets" }, async (c) => {
  const html = await Ticket.messageHtml(c.req.param("id")!, c.req.param("messageId")!);
  return c.body(`<!doctype html><html><head><meta charset="utf-8"><base target="_blank"></head><body>${html}</body></html>`, 200, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": "sandbox allow-popups allow-popups-to-escape-sandbox allow-same-origin; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; font-src 'none'; form-action 'none'; frame-ancestors 'self'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "SAMEORIGIN",
    "cache-control": "private, no-store",
  });
});
