import * as z from "zod";
import type { EntityItem } from "electrodb";
import { Access, type Principal } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { useDb } from "../db/service";
import { Conflict, msg, NotFound } from "../error";
import type { Event } from "../event";
import { Sla } from "../sla";
import type * as Lifecycle from "./lifecycle";
import type { TicketLinkEntity } from "./link.entity";
import type { MessageEntity } from "./message.entity";
import type { TicketEntity } from "./ticket.entity";

/** A ticket and its thread entries as stored, and as the API shows them. */

export type Record = EntityItem<typeof TicketEntity>;
export type MessageRecord = EntityItem<typeof MessageEntity>;
export type LinkRecord = EntityItem<typeof TicketLinkEntity>;

export interface Info {
  ticketId: string;
  number: number;
  subject: string;
  status: Lifecycle.Status;
  priority: Lifecycle.Priority;
  impact: Lifecycle.Level;
  urgency: Lifecycle.Level;
  type: Lifecycle.Type;
  channel: Lifecycle.Channel;
  origin?: Lifecycle.Origin;
  departmentId: string;
  assigneeId?: string;
  tags: string[];
  requester: { customerId: string; name: string; email?: string };
  organizationId?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: { id: string; name: string };
  firstResponseAt?: string;
  solvedAt?: string;
  closedAt?: string;
  lastCustomerActivityAt?: string;
  lastAgentActivityAt?: string;
  version: number;
  deletedAt?: string;
  deletedBy?: string;
  followUpOf?: string;
  /** A ticket this one's first mail referred to (the sender was not taking part in it). */
  linkedTo?: string;
  participants: string[];
  /** Opened by automated mail: never answered automatically. */
  automated: boolean;
  /** The customer did not get our last mail. */
  deliveryFailedAt?: string;
  deliveryFailure?: string;
  preview?: string;
  messageCount: number;
  /** The SLA clock of each target: due instants while running, what is left while paused, met and breached marks. */
  sla?: Sla.Clock.SlaState;
  /** Merged into another ticket of the customer: that ticket, and when (a merge can be undone for 24 hours). */
  mergedInto?: { ticketId: string; number: number };
  mergedAt?: string;
}

export interface AttachmentInfo {
  attachmentId: string;
  filename: string;
  contentType: string;
  size: number;
  /** Shown inside the message's HTML (an image referenced by cid:). */
  inline: boolean;
}

export interface MessageInfo {
  messageId: string;
  kind: MessageRecord["kind"];
  author: { type: MessageRecord["authorType"]; id: string; name: string };
  body: string;
  createdAt: string;
  enteredBy?: string;
  system?: { action: string; from?: string; to?: string; reason?: string };
  /** For mail: the text before its quoted history was trimmed, when something was trimmed. */
  fullBody?: string;
  /** The mail had HTML: GET /api/tickets/:id/messages/:messageId/html serves it, sanitised. */
  hasHtml: boolean;
  attachments: AttachmentInfo[];
  /** Attachments not kept (over the size limit), by name. */
  droppedAttachments: string[];
  /** A public reply's letter to the customer (see the outbox). */
  outboxId?: string;
  viaEmail: boolean;
  /** In a survivor's thread: the merged ticket this message belongs to. */
  fromTicket?: { ticketId: string; number: number };
}

export function view(t: Record): Info {
  return {
    ticketId: t.ticketId,
    number: t.number,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    impact: t.impact,
    urgency: t.urgency,
    type: t.type,
    channel: t.channel,
    origin: t.origin,
    departmentId: t.departmentId,
    assigneeId: t.assigneeId,
    tags: t.tags ?? [],
    requester: { customerId: t.requesterId, name: t.requesterName, email: t.requesterEmail },
    organizationId: t.organizationId,
    createdAt: t.createdAt,
    createdBy: t.createdBy,
    updatedAt: t.updatedAt,
    updatedBy: { id: t.updatedBy, name: t.updatedByName },
    firstResponseAt: t.firstResponseAt,
    solvedAt: t.solvedAt,
    closedAt: t.closedAt,
    lastCustomerActivityAt: t.lastCustomerActivityAt,
    lastAgentActivityAt: t.lastAgentActivityAt,
    version: t.version,
    deletedAt: t.deletedAt,
    deletedBy: t.deletedBy,
    followUpOf: t.followUpOf,
    linkedTo: t.linkedTo,
    participants: t.participants ?? [],
    automated: t.automated ?? false,
    deliveryFailedAt: t.deliveryFailedAt,
    deliveryFailure: t.deliveryFailure,
    preview: t.preview,
    messageCount: t.messageCount ?? 0,
    sla: Sla.asState(t.sla),
    ...(t.mergedInto ? { mergedInto: { ticketId: t.mergedInto, number: t.mergedIntoNumber ?? 0 }, mergedAt: t.mergedAt } : {}),
  };
}

export function messageView(m: MessageRecord): MessageInfo {
  return {
    messageId: m.messageId,
    kind: m.kind,
    author: { type: m.authorType, id: m.authorId, name: m.authorName },
    body: m.body,
    createdAt: m.createdAt,
    enteredBy: m.enteredBy,
    system: m.system,
    fullBody: m.fullBody,
    hasHtml: Boolean(m.html || m.htmlKey),
    attachments: (m.attachments ?? []).map((a) => ({
      attachmentId: a.attachmentId,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      inline: Boolean(a.inline),
    })),
    droppedAttachments: m.droppedAttachments ?? [],
    outboxId: m.outboxId ?? m.letter?.outboxId,
    viaEmail: Boolean(m.mailId),
  };
}

/** What the signed-in staff member may do with a ticket, for the console to offer only what will work. */
export function permissions(actor: Principal, t: Access.TicketScope) {
  const me = actor.type === "staff" ? actor.staffId : undefined;
  return {
    work: Access.can(actor, "work", t),
    assign: Access.can(actor, "assign", t),
    take: Boolean(me) && Access.canAssign(actor, t, me!),
    redirect: Access.can(actor, "redirect", t),
    delete: Access.can(actor, "delete", t),
    restore: Access.can(actor, "restore", t),
    purge: Access.can(actor, "purge", t),
  };
}

const MAX_BODY = 100_000;
export const SubjectSchema = z.string().trim().min(1, "Enter a subject").max(200, "A subject has at most 200 characters");
export const BodySchema = z
  .string({ error: "Enter the message" })
  .trim()
  .min(1, "Enter the message")
  .max(MAX_BODY, "A message has at most {maximum} characters");
export const IdSchema = z.string().trim().min(1).max(64);
export const VersionSchema = z.number({ error: "Send the ticket's version you are changing" }).int().min(1);

export function preview(body: string): string {
  return body.replace(/\s+/g, " ").trim().slice(0, 160);
}

export function principalName(by: Event.EventActor) {
  return { updatedBy: by.type === "staff" ? by.id : `${by.type}:${by.id}`, updatedByName: by.name };
}

export async function readRecord(ticketId: string, consistent = false): Promise<Record | undefined> {
  const result = await useDb().entities.ticket.get({ tenantId: useTenantId(), ticketId }).go({ consistent });
  return result.data ?? undefined;
}

/** A ticket the current actor may see (404 otherwise, whether it does not exist or is not theirs to see). */
export async function load(ticketId: string, options: { consistent?: boolean } = {}): Promise<Record> {
  const actor = usePrincipal();
  const ticket = await readRecord(ticketId, options.consistent ?? true);
  if (!ticket || !Access.can(actor, "view", ticket)) throw new NotFound("Ticket");
  return ticket;
}

/** A ticket as the system sees it (inbound mail, timers): any department, deleted or not. */
export async function read(ticketId: string): Promise<Record | undefined> {
  return readRecord(ticketId, true);
}

/** Refuses a change that was based on another version, with the current ticket so the console can show it. */
export async function staleConflict(ticketId: string, current?: Record): Promise<Conflict> {
  const ticket = current ?? (await readRecord(ticketId, true));
  if (!ticket) return new Conflict("This ticket no longer exists");
  return new Conflict(msg("Changed by {name} while you were working", { name: ticket.updatedByName }), [], view(ticket));
}

/** A closed ticket is final: what the customer writes to it opens a follow-up instead. */
export class ClosedTicket extends Conflict {
  constructor(readonly ticket: Record) {
    super(msg("Ticket #{number} is closed", { number: String(ticket.number) }));
  }
}
