import { Hono } from "hono";
import * as z from "zod";
import { Event } from "@frontline/core/event";
import { Customer } from "@frontline/core/customer";
import { readerLocale } from "@frontline/core/locale/errors";
import { ReplyTemplate } from "@frontline/core/reply-template";
import { Ticket } from "@frontline/core/ticket";
import { parse } from "@frontline/core/validation";
import { jsonBody } from "../body";
import type { Env } from "../context";
import { route } from "../openapi";

/** Finding tickets outside the queues: by number, or by the requester's email address. */
const SearchSchema = z.object({
  number: z.coerce.number({ error: "A ticket number is a whole number" }).int().min(1).optional(),
  requesterEmail: z.email({ error: "Enter a valid email address" }).optional(),
});

const ListSchema = z.union([Ticket.Queue.QuerySchema, SearchSchema]);

/** Tickets: queues, registering requests, the thread, changes, replies and notes, the trash. */
export const ticketRoutes = new Hono<Env>();

route(
  ticketRoutes,
  { method: "get", path: "/tickets", summary: "A page of a queue (or the ticket with a number, or a requester's tickets)", tag: "Tickets", query: ListSchema },
  async (c) => {
    const query = c.req.query();
    if (query.number !== undefined || query.requesterEmail !== undefined) {
      const search = parse(SearchSchema, query);
      if (search.number !== undefined) {
        const found = await Ticket.findByNumber(search.number);
        return c.json({ tickets: found ? [found] : [], cursor: null });
      }
      const customer = await Customer.findByEmail(search.requesterEmail!);
      return c.json(customer ? await Ticket.forRequester(customer.customerId, query) : { tickets: [], cursor: null });
    }
    return c.json(await Ticket.list(query));
  },
);

route(ticketRoutes, { method: "get", path: "/tickets/counts", summary: "How many tickets each view and department holds", tag: "Tickets" }, async (c) =>
  c.json(await Ticket.counts()),
);

route(ticketRoutes, { method: "get", path: "/tickets/overdue", summary: "Tickets with a breached SLA target not yet met, most overdue first", tag: "Tickets" }, async (c) =>
  c.json({ tickets: await Ticket.overdue() }),
);

route(
  ticketRoutes,
  { method: "post", path: "/tickets", summary: "Register a request on a customer's behalf", tag: "Tickets", body: Ticket.CreateSchema, status: 201 },
  async (c) => {
    // The console signs in with the cookie; API clients use a bearer token.
    const channel = c.get("viaCookie") ? "agent" : "api";
    return c.json({ ticket: await Ticket.create((await jsonBody(c)) as Ticket.CreateInput, { channel }) }, 201);
  },
);

route(
  ticketRoutes,
  {
    method: "post",
    path: "/tickets/bulk",
    summary: "Change a selection of tickets (1 to 100) the same way, each on its own version: what changed, and why the others did not",
    tag: "Tickets",
    body: Ticket.BulkSchema,
  },
  async (c) => {
    const outcomes = await Ticket.bulk((await jsonBody(c)) as Ticket.BulkInput);
    const reader = readerLocale(c.get("staff")?.locale, c.req.header("accept-language"));
    return c.json({
      changed: outcomes.filter((o) => o.outcome === "changed").length,
      failed: outcomes.filter((o) => o.outcome === "failed").length,
      results: outcomes.map((o) => ({
        ticketId: o.ticketId,
        ...(o.number === undefined ? {} : { number: o.number }),
        outcome: o.outcome,
        ...(o.reason ? { reason: o.reason, message: o.error?.say(reader) } : {}),
        ...(o.ticket ? { version: o.ticket.version } : {}),
      })),
    });
  },
);

route(ticketRoutes, { method: "get", path: "/tickets/:id", summary: "A ticket with its thread", tag: "Tickets" }, async (c) =>
  c.json(await Ticket.get(c.req.param("id")!)),
);

route(
  ticketRoutes,
  { method: "get", path: "/tickets/:id/reply-signature", summary: "What the letter puts after a reply to this ticket's requester (the agent's name, the workspace), for the composer", tag: "Tickets" },
  async (c) => c.json({ signature: await ReplyTemplate.signature(c.req.param("id")!) }),
);

route(
  ticketRoutes,
  { method: "patch", path: "/tickets/:id", summary: "Change a ticket (status, priority, classification, department, assignee, tags)", tag: "Tickets", body: Ticket.UpdateSchema },
  async (c) => c.json({ ticket: await Ticket.update(c.req.param("id")!, (await jsonBody(c)) as Ticket.UpdateInput) }),
);

route(
  ticketRoutes,
  { method: "post", path: "/tickets/:id/replies", summary: "Reply to the customer", tag: "Tickets", body: Ticket.ReplySchema, status: 201 },
  async (c) => c.json(await Ticket.reply(c.req.param("id")!, (await jsonBody(c)) as z.input<typeof Ticket.ReplySchema>), 201),
);

route(
  ticketRoutes,
  { method: "post", path: "/tickets/:id/notes", summary: "Add a private note (never shown to the customer)", tag: "Tickets", body: Ticket.NoteSchema, status: 201 },
  async (c) => c.json(await Ticket.note(c.req.param("id")!, (await jsonBody(c)) as z.input<typeof Ticket.NoteSchema>), 201),
);

route(ticketRoutes, { method: "delete", path: "/tickets/:id", summary: "Move a ticket to the trash", tag: "Tickets" }, async (c) => {
  const version = c.req.query("version");
  return c.json({ ticket: await Ticket.remove(c.req.param("id")!, version === undefined ? {} : { version: Number(version) }) });
});

route(ticketRoutes, { method: "post", path: "/tickets/:id/restore", summary: "Take a ticket out of the trash", tag: "Tickets" }, async (c) =>
  c.json({ ticket: await Ticket.restore(c.req.param("id")!) }),
);

route(ticketRoutes, { method: "post", path: "/tickets/:id/purge", summary: "Delete a ticket in the trash for good", tag: "Tickets", status: 204 }, async (c) => {
  await Ticket.purge(c.req.param("id")!);
  return c.body(null, 204);
});

route(
  ticketRoutes,
  { method: "get", path: "/tickets/:id/events", summary: "A ticket's history, newest first", tag: "Tickets", query: Event.ListSchema },
  async (c) => {
    const ticket = await Ticket.load(c.req.param("id")!);
    return c.json(await Event.list({ ...c.req.query(), targetType: "ticket", targetId: ticket.ticketId }));
  },
);

route(
  ticketRoutes,
  { method: "post", path: "/tickets/:id/merge", summary: "Merge a ticket into another of the same customer (it is closed; its messages show in the other's thread)", tag: "Tickets", body: Ticket.MergeSchema },
  async (c) => c.json({ ticket: await Ticket.merge(c.req.param("id")!, (await jsonBody(c)) as Ticket.MergeInput) }),
);

route(
  ticketRoutes,
  { method: "post", path: "/tickets/:id/unmerge", summary: "Undo a ticket's merge (within 24 hours): it gets its status back", tag: "Tickets", body: Ticket.UnmergeSchema },
  async (c) => c.json({ ticket: await Ticket.unmerge(c.req.param("id")!, (c.req.header("content-type") ? await jsonBody(c) : {}) as z.input<typeof Ticket.UnmergeSchema>) }),
);

route(
  ticketRoutes,
  { method: "post", path: "/tickets/:id/links", summary: "Link another ticket to this one: its problem, one of its incidents, or related", tag: "Tickets", body: Ticket.LinkSchema, status: 201 },
  async (c) => c.json({ link: await Ticket.link(c.req.param("id")!, (await jsonBody(c)) as Ticket.LinkInput) }, 201),
);

route(
  ticketRoutes,
  { method: "delete", path: "/tickets/:id/links/:otherId", summary: "Remove a link between two tickets (from either side)", tag: "Tickets", status: 204 },
  async (c) => {
    await Ticket.unlink(c.req.param("id")!, c.req.param("otherId")!);
    return c.body(null, 204);
  },
);
