import { useTenantId } from "../actor";
import { useDb } from "../db/service";
import { Tenant } from "../tenant";
import type { Ticket } from "../ticket";
import type { Parsed } from "./parse";
import { isTokenShaped, verifyToken } from "./token";

/**
 * Which ticket an inbound mail belongs to, looked up only among the tenant's own tickets:
 *   1. the signed reply token in the address it was sent to (our Reply-To): proof the sender got our mail;
 *   2. In-Reply-To / References naming a Message-ID of one of the tenant's tickets, if the sender takes part in it;
 *   3. a "[#1042]" token in the subject, if the sender takes part in that ticket and the mail is authenticated
 *      (`authenticated`): a From header costs nothing to forge, and a ticket number is easy to guess.
 * A reference from someone who does not take part, or a participant's subject token in a mail that is not
 * authenticated, opens a new ticket linked to the one referred to.
 */

/** What the receiving server found checking the mail's sender (SES's verdicts, or mailauth locally); lower case. */
export interface AuthVerdict {
  spf?: string;
  dkim?: string;
  dmarc?: string;
  /** The domain of a verified DKIM signature aligned with the From domain (mailauth reports it; SES does not). */
  dkimDomain?: string;
}

/**
 * The From address is the sender's own: DMARC passed; or the From domain publishes no DMARC record and a DKIM
 * signature of that domain (or a parent of it) verified. SES gives no signing domain, so there only DMARC counts.
 */
export function authenticated(auth: AuthVerdict | undefined, sender: string | undefined): boolean {
  if (auth?.dmarc === "pass") return true;
  const domain = sender?.split("@")[1]?.toLowerCase();
  const signer = auth?.dkimDomain?.toLowerCase();
  if (!domain || !signer || auth?.dkim !== "pass" || (auth.dmarc && auth.dmarc !== "none")) return false;
  return domain === signer || domain.endsWith(`.${signer}`);
}

export interface Found {
  ticket?: Ticket.Record;
  via?: "token" | "reference" | "subject";
  /** A ticket a reference pointed to, which the sender may not join. */
  linkedTo?: string;
}

export function isParticipant(ticket: Ticket.Record, sender: string | undefined): boolean {
  if (!sender) return false;
  return ticket.requesterEmail === sender || (ticket.participants ?? []).includes(sender);
}

async function ticketByNumber(number: number): Promise<Ticket.Record | undefined> {
  const tenantId = useTenantId();
  const db = useDb().entities;
  const claim = await db.ticketNumber.get({ tenantId, number }).go();
  if (!claim.data) return undefined;
  return (await db.ticket.get({ tenantId, ticketId: claim.data.ticketId }).go({ consistent: true })).data ?? undefined;
}

/** The ticket named by a reply token in the recipient's tag, if the token verifies for this tenant. */
export async function byToken(tag: string | undefined): Promise<Ticket.Record | undefined> {
  if (!tag || !isTokenShaped(tag)) return undefined;
  const tenantId = useTenantId();
  const number = verifyToken(await Tenant.mailSecret(tenantId), tenantId, tag);
  return number === undefined ? undefined : ticketByNumber(number);
}

/**
 * The ticket a mail joins once it found its ticket: a ticket merged into another hands its mail to that one (the
 * survivor), so a customer answering a letter of the merged ticket lands in the survivor. A few hops at most.
 */
async function survivorOf(ticket: Ticket.Record): Promise<Ticket.Record> {
  const tenantId = useTenantId();
  let current = ticket;
  for (let hop = 0; hop < 5 && current.mergedInto; hop++) {
    const next = (await useDb().entities.ticket.get({ tenantId, ticketId: current.mergedInto }).go({ consistent: true })).data;
    if (!next) break;
    current = next;
  }
  return current;
}

export async function findThread(tag: string | undefined, mail: Parsed, sender: string | undefined, auth?: AuthVerdict): Promise<Found> {
  const found = await findOwnThread(tag, mail, sender, auth);
  return found.ticket ? { ...found, ticket: await survivorOf(found.ticket) } : found;
}

async function findOwnThread(tag: string | undefined, mail: Parsed, sender: string | undefined, auth?: AuthVerdict): Promise<Found> {
  const tenantId = useTenantId();
  const db = useDb().entities;

  const tokened = await byToken(tag);
  if (tokened) return { ticket: tokened, via: "token" };

  // Newest reference first: In-Reply-To, then References from the end.
  const ids = [...new Set([...mail.inReplyTo, ...[...mail.references].reverse()])].slice(0, 50);
  let linkedTo: string | undefined;
  if (ids.length) {
    const refs = await db.mailRef.get(ids.map((messageId) => ({ tenantId, messageId }))).go();
    const byId = new Map(refs.data.map((r) => [r.messageId, r.ticketId]));
    const ticketId = ids.map((id) => byId.get(id)).find(Boolean);
    if (ticketId) {
      const ticket = (await db.ticket.get({ tenantId, ticketId }).go({ consistent: true })).data ?? undefined;
      if (ticket && isParticipant(ticket, sender)) return { ticket, via: "reference" };
      if (ticket) linkedTo = ticket.ticketId;
    }
  }

  const subjectToken = /\[#(\d{1,12})\]/.exec(mail.subject);
  if (subjectToken) {
    const ticket = await ticketByNumber(Number(subjectToken[1]));
    if (ticket && isParticipant(ticket, sender)) {
      if (authenticated(auth, sender)) return { ticket, via: "subject" };
      linkedTo ??= ticket.ticketId;
    }
  }
  return { linkedTo };
}
