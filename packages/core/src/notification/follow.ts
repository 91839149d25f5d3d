import { useStaff } from "../actor";
import { useDb } from "../db/service";
import { useClock } from "../port";
import { Ticket } from "../ticket";

/**
 * Following a ticket: the staff member hears of its replies, notes, status and assignment changes (reactions.ts).
 * Only a ticket they may see can be followed; one they may not see answers 404, as if it did not exist.
 */

/** Does the signed-in staff member follow the ticket? */
export async function following(ticketId: string): Promise<boolean> {
  await Ticket.load(ticketId, { consistent: false });
  const { tenantId, staffId } = useStaff();
  return Boolean((await useDb().entities.follow.get({ tenantId, ticketId, staffId }).go()).data);
}

export async function follow(ticketId: string): Promise<boolean> {
  await Ticket.load(ticketId, { consistent: false });
  const { tenantId, staffId } = useStaff();
  await useDb().entities.follow.put({ tenantId, ticketId, staffId, createdAt: useClock().now().toISOString() }).go();
  return true;
}

export async function unfollow(ticketId: string): Promise<boolean> {
  await Ticket.load(ticketId, { consistent: false });
  const { tenantId, staffId } = useStaff();
  await useDb().entities.follow.delete({ tenantId, ticketId, staffId }).go();
  return false;
}

/** Who follows a ticket (for the reactions). */
export async function followers(tenantId: string, ticketId: string): Promise<string[]> {
  const found = await useDb().entities.follow.query.byTicket({ tenantId, ticketId }).go({ pages: "all", attributes: ["staffId"] });
  return found.data.map((f) => f.staffId);
}
