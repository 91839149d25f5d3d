import type { Actor } from "../actor";
import { Forbidden, msg, NotFound, type Message } from "../error";
import type { Role } from "../staff/role";

/**
 * Who may do what: every access rule of the product, in one place. Handlers and core functions ask here; nothing
 * else compares roles.
 *
 * - owner, admin: everything, including configuration, the trash and the whole event log.
 * - dispatcher (first line): sees every department; registers, classifies, assigns, redirects, replies, closes, deletes.
 * - supervisor: works the departments granted to them, and may reassign, redirect and delete anything in them.
 * - agent (second line): works the tickets of the departments granted to them; takes unassigned tickets for
 *   themselves and gives their own back, but does not assign others, redirect or delete.
 *
 * A ticket outside what a staff member may see is "not found" to them, never "forbidden": its existence stays hidden.
 *
 * Billing (the prices of the plans and add-ons, the workspace's daily price, the balance and the days it covers, the
 * trial credit, the ledger, top-ups) is for owners and admins. The others read of their workspace (GET /api/me) its
 * plan's name, limits and features, whether it is suspended, and the day a workspace below zero will be; never an
 * amount (core/billing `overview`).
 *
 * Customers are found and read by every staff member, with only the tickets of theirs the reader may see; a customer
 * is changed only by those who see every department (owner, admin, dispatcher); two records of one customer are
 * merged by any of them.
 */

type StaffActor = Extract<Actor, { type: "staff" }>;
type SystemActor = Extract<Actor, { type: "system" }>;
/** Anyone acting inside a tenant: a signed-in staff member, or the system (inbound mail, timers). */
export type Principal = StaffActor | SystemActor;

/** The parts of a ticket its access rules depend on. */
export interface TicketScope {
  departmentId: string;
  assigneeId?: string | null;
  deletedAt?: string | null;
}

const CONFIGURES: readonly Role[] = ["owner", "admin"];
const SEES_ALL: readonly Role[] = ["owner", "admin", "dispatcher"];
const ROUTES_ANY: readonly Role[] = ["owner", "admin", "dispatcher"];
const MERGES: readonly Role[] = ["owner", "admin", "supervisor", "dispatcher", "agent"];

function isSystem(actor: Principal): actor is SystemActor {
  return actor.type === "system";
}

/** Configuration: departments, staff, organizations, settings, the trash, the whole event log. */
export function configures(actor: Principal): boolean {
  return isSystem(actor) || CONFIGURES.includes(actor.role);
}

/** Sees every department's tickets (otherwise only the departments granted to them). */
export function seesAllDepartments(actor: Principal): boolean {
  return isSystem(actor) || SEES_ALL.includes(actor.role);
}

/** The departments whose tickets `actor` may see: "all", or the granted ones. */
export function visibleDepartments(actor: Principal): "all" | readonly string[] {
  return seesAllDepartments(actor) ? "all" : (actor as StaffActor).departmentIds;
}

export function seesDepartment(actor: Principal, departmentId: string): boolean {
  const visible = visibleDepartments(actor);
  return visible === "all" || visible.includes(departmentId);
}

export type TicketAction =
  | "view"
  | "work" // reply, note, change status, priority, impact, urgency, type, tags, subject
  | "assign" // to anyone with access, or unassign anyone
  | "take" // assign to oneself, or give one's own ticket back
  | "redirect" // move to another department
  | "delete"
  | "restore"
  | "purge";

/** May `actor` do `action` to a ticket? (`view` of a ticket in the trash needs `restore` rights.) */
export function can(actor: Principal, action: TicketAction, ticket: TicketScope): boolean {
  const deleted = Boolean(ticket.deletedAt);
  const sees = seesDepartment(actor, ticket.departmentId);
  switch (action) {
    case "view":
      return deleted ? configures(actor) : sees;
    case "work":
    case "take":
      return !deleted && sees;
    case "assign":
    case "redirect":
    case "delete":
      if (deleted || !sees) return false;
      return isSystem(actor) || ROUTES_ANY.includes(actor.role) || actor.role === "supervisor";
    case "restore":
    case "purge":
      return deleted && configures(actor);
  }
}

/**
 * May `actor` set the ticket's assignee to `assigneeId` (null: unassigned)? Those who assign may do anything; others
 * may take an unassigned ticket (or keep their own) and give their own back.
 */
export function canAssign(actor: Principal, ticket: TicketScope, assigneeId: string | null): boolean {
  if (can(actor, "assign", ticket)) return true;
  if (isSystem(actor) || !can(actor, "take", ticket)) return false;
  const current = ticket.assigneeId ?? null;
  if (assigneeId === actor.staffId) return current === null || current === actor.staffId;
  return assigneeId === null && current === actor.staffId;
}

/** May `actor` register a new ticket in `departmentId`? Everyone who works a department may. */
export function canCreateIn(actor: Principal, departmentId: string): boolean {
  return seesDepartment(actor, departmentId);
}

/** May `actor` read the workspace's billing: the balance, the prices, the ledger, top-ups (see the rules above)? */
export function readsBilling(actor: Principal): boolean {
  return configures(actor);
}

/**
 * May `actor` change a customer (name, phone, organization)? A customer is one record shared by every department, so
 * only those who see every department may. Reading stays open to all staff: registering and working a request needs
 * the person's details, and checking that each customer has a ticket in one of the reader's departments would cost a
 * query per customer in every search; the customer's tickets are filtered by `can(actor, "view")` as everywhere.
 */
export function editsCustomers(actor: Principal): boolean {
  return seesAllDepartments(actor);
}

/**
 * May `actor` merge two records of one customer (the same person written in twice, from two addresses)? Every staff
 * member who works tickets may, agents included: finding the duplicate happens while answering. The merge moves only
 * the record's addresses and its tickets' requester; which tickets the merger sees does not change.
 */
export function mergesCustomers(actor: Principal): boolean {
  return isSystem(actor) || MERGES.includes(actor.role);
}

/** May `actor` see the trash and the whole event log? */
export function canAudit(actor: Principal): boolean {
  return configures(actor);
}

/**
 * Asserts `action` on a ticket: a ticket the actor may not even see is NotFound (its existence stays hidden); one
 * they see but may not change this way is Forbidden with `message`.
 */
export function assertTicket(actor: Principal, action: TicketAction, ticket: TicketScope, message?: Message): void {
  if (!can(actor, "view", ticket)) throw new NotFound("Ticket");
  if (!can(actor, action, ticket)) throw new Forbidden(message ?? forbiddenMessage(action));
}

function forbiddenMessage(action: TicketAction): Message {
  switch (action) {
    case "assign":
      return msg("Only dispatchers, supervisors and admins assign tickets to others");
    case "redirect":
      return msg("Only dispatchers, supervisors and admins move tickets to another department");
    case "delete":
      return msg("Only dispatchers, supervisors and admins delete tickets");
    case "restore":
    case "purge":
      return msg("Only admins restore or purge tickets in the trash");
    default:
      return msg("You are not allowed to change this ticket");
  }
}

export function assertConfigures(actor: Principal): void {
  if (!configures(actor)) throw new Forbidden("Only the workspace's admins may do this");
}

export function assertReadsBilling(actor: Principal): void {
  if (!readsBilling(actor)) throw new Forbidden("Only the workspace's owners and admins see its billing");
}

export function assertEditsCustomers(actor: Principal): void {
  if (!editsCustomers(actor)) throw new Forbidden("Only dispatchers and admins change customers");
}

export function assertMergesCustomers(actor: Principal): void {
  if (!mergesCustomers(actor)) throw new Forbidden("You are not allowed to do this");
}

export * as Access from "./index";
