import * as z from "zod";
import { Access } from "../access";
import { usePrincipal, useTenantId } from "../actor";
import { Counter } from "../counter";
import { Customer } from "../customer";
import { guarded, transact } from "../db/transaction";
import { Department } from "../department";
import { appendToThread, letterIntent } from "../email/intent";
import { Conflict, Forbidden, Invalid, msg } from "../error";
import { Event } from "../event";
import { createId } from "../id";
import { Plan } from "../plan";
import { useClock } from "../port";
import * as Limits from "../plan/limits";
import { Sla } from "../sla";
import { Staff } from "../staff";
import { parse } from "../validation";
import * as Lifecycle from "./lifecycle";
import * as Numbers from "./number";
import * as Queue from "./queue";
import { BodySchema, IdSchema, preview, principalName, readRecord, SubjectSchema, view, type Info, type Record } from "./record";
import { newEntry, type MessageDraft } from "./write";

/**
 * Registering a request: the ticket, its number's claim, its first message (with the acknowledgement letter's intent)
 * and the event, in one transaction, with the plan's daily limit as a guard where the plan has one. The requester is
 * found, or registered in a transaction of their own, first.
 */

export const CreateSchema = z
  .object({
    subject: SubjectSchema,
    body: BodySchema,
    requester: Customer.RequesterSchema,
    departmentId: IdSchema.optional(),
    type: Lifecycle.TypeSchema.default("incident"),
    impact: Lifecycle.LevelSchema.default("medium"),
    urgency: Lifecycle.LevelSchema.default("medium"),
    priority: Lifecycle.PrioritySchema.optional(),
    assigneeId: IdSchema.optional(),
    tags: Lifecycle.TagsSchema.default([]),
    origin: z.enum(Lifecycle.Origins).optional(),
    status: z.enum(["new", "open", "pending", "on_hold"], { error: "A new ticket is new, open, pending or on_hold" }).optional(),
  })
  .strict();
export type CreateInput = z.input<typeof CreateSchema>;

/** Checks that `assigneeId` is an active staff member who works `departmentId`. */
export async function assertAssignable(assigneeId: string, departmentId: string, path: string): Promise<Staff.Info> {
  const staff = await Staff.find(assigneeId);
  if (!staff || staff.status !== "active") throw Invalid.field(path, "not_found", "There is no such active staff member");
  if (!Staff.worksIn(staff, departmentId)) throw Invalid.field(path, "no_access", msg("{name} does not work this ticket's department", { name: staff.name }));
  return staff;
}

export interface Opening {
  /** Given when the ticket's id must be known in advance (mail, made idempotent by it). */
  ticketId?: string;
  subject: string;
  body: string;
  requester: Customer.Requester;
  departmentId: string;
  type: Lifecycle.Type;
  impact: Lifecycle.Level;
  urgency: Lifecycle.Level;
  priority: Lifecycle.Priority;
  assigneeId?: string;
  tags: string[];
  channel: Lifecycle.Channel;
  origin?: Lifecycle.Origin;
  status: Lifecycle.Status;
  /** Who opens it; without one, the requester (a customer writing in). */
  by?: Event.EventActor;
  /** The staff member who typed the customer's request in, if any. */
  enteredBy?: string;
  followUpOf?: string;
  linkedTo?: string;
  /** Opened by automated mail: recorded, never answered automatically. */
  automated?: boolean;
  /** Email addresses taking part besides the requester (those copied). */
  participants?: string[];
  /** Send the requester "we received your request". */
  acknowledge: boolean;
  /** The mail this ticket comes from: its parts for the first message. */
  mail?: Pick<MessageDraft, "messageId" | "mailId" | "emailMessageId" | "fullBody" | "html" | "htmlKey" | "attachments" | "droppedAttachments">;
}

/** The ticket with this id exists already (a mail processed again): the caller decides what that means. */
export class TicketExists extends Conflict {
  constructor(readonly ticket: Record) {
    super(msg("Ticket #{number} exists already", { number: String(ticket.number) }));
  }
}

/** Inside the transaction: another process claimed the number. */
class NumberTaken extends Conflict {
  constructor() {
    super("number taken");
  }
}

/** Inside the transaction: a ticket with this id exists. */
class IdTaken extends Conflict {
  constructor() {
    super("id taken");
  }
}

/** Opens a ticket (see the module's comment). Its letters, counts and timers follow by reaction. */
export async function open(opening: Opening): Promise<Record> {
  const tenantId = useTenantId();
  const customer = opening.requester;
  const by: Event.EventActor = opening.by ?? { type: "customer", id: customer.customerId, name: customer.name };
  const { plan } = await Plan.subscription(tenantId);
  const ticketId = opening.ticketId ?? createId();
  for (let attempt = 1; ; attempt++) {
    const number = await Numbers.allocate(tenantId);
    // The SLA clock starts at the opening and counts from now, both on the clock port.
    const at = useClock().now().toISOString();
    const state = { status: opening.status, priority: opening.priority, departmentId: opening.departmentId, assigneeId: opening.assigneeId };
    const participants = [...new Set([customer.email, ...(opening.participants ?? [])].filter((a): a is string => Boolean(a)))];
    const ticket = {
      tenantId,
      ticketId,
      number,
      subject: opening.subject,
      status: opening.status,
      priority: opening.priority,
      impact: opening.impact,
      urgency: opening.urgency,
      type: opening.type,
      channel: opening.channel,
      origin: opening.origin,
      departmentId: opening.departmentId,
      assigneeId: opening.assigneeId,
      tags: opening.tags,
      requesterId: customer.customerId,
      requesterName: customer.name,
      requesterEmail: customer.email,
      organizationId: customer.organizationId,
      createdAt: at,
      createdBy: by.type === "staff" ? by.id : by.type,
      updatedAt: at,
      ...principalName(by),
      lastCustomerActivityAt: at,
      version: 1,
      followUpOf: opening.followUpOf,
      linkedTo: opening.linkedTo,
      participants,
      automated: opening.automated,
      preview: preview(opening.body),
      messageCount: 1,
      ...Queue.queueAttributes(state),
    } satisfies Record as Record;
    const first = newEntry(
      tenantId,
      ticketId,
      {
        kind: "customer",
        authorType: "customer",
        authorId: customer.customerId,
        authorName: customer.name,
        body: opening.body,
        enteredBy: opening.enteredBy,
        ...opening.mail,
      },
      at,
    );
    ticket.mailThread = appendToThread([], opening.mail?.emailMessageId);
    if (opening.mail?.emailMessageId) ticket.customerMessageId = opening.mail.emailMessageId;
    const acknowledgement = opening.acknowledge && !opening.automated ? letterIntent(tenantId, "ticket_received", ticket, first.messageId) : undefined;
    if (acknowledgement) {
      first.letter = acknowledgement;
      ticket.mailThread = appendToThread(ticket.mailThread, acknowledgement.emailMessageId);
    }
    const sla = await Sla.advanceTicket(undefined, ticket);
    if (sla) ticket.sla = sla;
    const date = Limits.today();
    try {
      await transact((entities) => [
        // The plan's daily limit of new tickets, where it has one: a guard that holds under concurrency.
        ...(plan.dailyTicketLimit === undefined || plan.dailyTicketLimit === null
          ? []
          : [Counter.take(entities, tenantId, Limits.ticketsOn(date), plan.dailyTicketLimit, () => Limits.ticketLimit(plan), Limits.dayExpiry(date))]),
        guarded(entities.ticket.create(ticket).commit(), () => new IdTaken()),
        guarded(entities.ticketNumber.create({ tenantId, number, ticketId }).commit(), () => new NumberTaken()),
        entities.message.create(first).commit(),
        Event.write(
          entities,
          by,
          {
            action: "ticket.create",
            target: { type: "ticket", id: ticketId, label: `#${number}` },
            departmentId: opening.departmentId,
            after: {
              subject: opening.subject,
              requester: customer.customerId,
              departmentId: opening.departmentId,
              status: opening.status,
              priority: opening.priority,
              type: opening.type,
              assigneeId: opening.assigneeId ?? null,
              tags: opening.tags,
              channel: opening.channel,
              ...(opening.followUpOf ? { followUpOf: opening.followUpOf } : {}),
              ...(opening.linkedTo ? { linkedTo: opening.linkedTo } : {}),
            },
          },
          at,
        ),
      ]);
      return ticket;
    } catch (error) {
      if (error instanceof NumberTaken && attempt < 20) {
        await Numbers.lost(tenantId, number);
        continue;
      }
      Numbers.unused(tenantId, number);
      if (error instanceof IdTaken) {
        const existing = await readRecord(ticketId, true);
        if (existing) throw new TicketExists(existing);
      }
      throw error;
    }
  }
}

/** A staff member (or an API client) registers a request on a customer's behalf. */
export async function create(raw: CreateInput, options: { channel?: "agent" | "api" } = {}): Promise<Info> {
  const actor = usePrincipal();
  const input = parse(CreateSchema, raw);
  const departmentId = input.departmentId ?? (await Department.defaultId());
  await Department.requireOpen(departmentId);
  if (!Access.canCreateIn(actor, departmentId)) {
    throw Invalid.field("departmentId", "no_access", "You do not work this department");
  }
  if (input.assigneeId) {
    if (!Access.canAssign(actor, { departmentId, assigneeId: null }, input.assigneeId)) {
      throw new Forbidden("Only dispatchers, supervisors and admins assign tickets to others");
    }
    await assertAssignable(input.assigneeId, departmentId, "assigneeId");
  }
  const requester = await Customer.ensure(input.requester);
  const ticket = await open({
    subject: input.subject,
    body: input.body,
    requester,
    departmentId,
    type: input.type,
    impact: input.impact,
    urgency: input.urgency,
    priority: input.priority ?? Lifecycle.priorityOf(input.impact, input.urgency),
    assigneeId: input.assigneeId,
    tags: input.tags,
    channel: options.channel ?? "agent",
    origin: input.origin,
    status: input.status ?? (input.assigneeId ? "open" : "new"),
    by: Event.actorOf(actor),
    enteredBy: actor.type === "staff" ? actor.staffId : undefined,
    acknowledge: true,
  });
  return view(ticket);
}
