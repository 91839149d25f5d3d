import { useConfig } from "../config";
import { isRobotSender } from "./address";

/**
 * Which letters a ticket change sends its requester, decided where the change is written (so that the ticket's mail
 * thread gets the letter's Message-ID in the same write), and queued by a reaction (reactions.ts). Pure: no reads,
 * no writes.
 */

export type CustomerLetterKind = "ticket_received" | "agent_reply" | "ticket_solved";

/** The parts of a ticket a letter to its requester needs. */
export interface TicketForLetter {
  ticketId: string;
  number: number;
  subject: string;
  status: string;
  requesterId: string;
  requesterEmail?: string;
  requesterName: string;
  automated?: boolean;
  mailThread?: string[];
  customerMessageId?: string;
}

/** A letter to be queued for a thread entry (stored on the message as `letter`). */
export interface LetterIntent {
  kind: CustomerLetterKind;
  outboxId: string;
  emailMessageId: string;
  customerId: string;
  to: string;
  toName?: string;
  ticketNumber: number;
  subject: string;
  status: string;
  inReplyTo?: string;
  references: string[];
  solved?: boolean;
}

/** Our Message-ID for a letter: fixed by its outbox id, and naming the ticket for people reading headers. */
export function letterMessageId(tenantId: string, outboxId: string, ticketNumber?: number): string {
  return `${outboxId.toLowerCase()}${ticketNumber === undefined ? "" : `.t${ticketNumber}`}.${tenantId}@${useConfig().inboundDomain}`;
}

/** The Message-IDs a ticket's mail thread keeps: the first (the conversation's root) and the latest ones. */
export const THREAD_LENGTH = 20;

export function appendToThread(thread: readonly string[] | undefined, ...ids: (string | undefined)[]): string[] {
  const all = [...(thread ?? []), ...ids.filter((id): id is string => Boolean(id))].filter((id, i, list) => list.indexOf(id) === i);
  return all.length <= THREAD_LENGTH ? all : [all[0]!, ...all.slice(all.length - THREAD_LENGTH + 1)];
}

/**
 * The letter `kind` to a ticket's requester, if one goes: nothing to a ticket without an address, to machines, or, but
 * for an agent's reply, to tickets opened by automated mail. `outboxId` is the thread entry's id (unique in the
 * workspace), so the same entry always names the same letter.
 */
export function letterIntent(
  tenantId: string,
  kind: CustomerLetterKind,
  ticket: TicketForLetter,
  outboxId: string,
  options: { solved?: boolean } = {},
): LetterIntent | undefined {
  const to = ticket.requesterEmail;
  if (!to || isRobotSender(to)) return undefined;
  if (ticket.automated && kind !== "agent_reply") return undefined;
  const thread = ticket.mailThread ?? [];
  return {
    kind,
    outboxId,
    emailMessageId: letterMessageId(tenantId, outboxId, ticket.number),
    customerId: ticket.requesterId,
    to,
    toName: ticket.requesterName,
    ticketNumber: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    // A reply answers the customer's latest mail; the chain of the conversation goes in References.
    inReplyTo: ticket.customerMessageId ?? thread.at(-1),
    references: thread.slice(-10),
    ...(options.solved ? { solved: true } : {}),
  };
}
