import { alertTitle } from "../email/notify";
import { say } from "../locale";
import { defineReaction } from "../stream";
import { Workspace } from "../workspace";
import { Ticket } from "../ticket";
import { deliver, type Notice } from "./deliver";
import { followers } from "./follow";
import { notify } from "./index";
import { mentioned } from "./mention";
import * as Preferences from "./preferences";

type AlertEntry = {
  ticketId: string;
  messageId: string;
  createdAt: string;
  alert?: { kind: "warning" | "breach"; target: "first_response" | "next_response" | "resolution"; ticketNumber: number; subject: string; recipients?: string[] };
};

/** An SLA warning or breach rings the bell of each staff member it alerts who keeps SLA alerts in the bell, in their language. */
export const slaAlerts = defineReaction({
  name: "notification.sla-alert",
  on: ["message"],
  when: (change) => change.kind === "insert" && Boolean((change.after as AlertEntry).alert?.recipients?.length),
  async each(change) {
    const entry = change.after as AlertEntry;
    const alert = entry.alert!;
    const staff = (await Workspace.config(change.tenantId!)).staff;
    await Promise.all(
      (alert.recipients ?? []).map(async (staffId) => {
        if (!(await Preferences.of(change.tenantId!, staffId)).sla.bell) return;
        const person = staff.find((s) => s.staffId === staffId);
        return notify(
          change.tenantId!,
          staffId,
          entry.messageId,
          { kind: `sla_${alert.kind}`, ticketId: entry.ticketId, ticketNumber: alert.ticketNumber, title: alertTitle(alert.kind, alert.target, person?.locale), body: `#${alert.ticketNumber} ${alert.subject}` },
          entry.createdAt,
        );
      }),
    );
  },
});

type TicketItem = Ticket.Record;

/** Active staff who may see a ticket of `departmentId` (a notification must lead somewhere they can open). */
function canSee(person: Workspace.Config["staff"][number], departmentId: string): boolean {
  return person.status === "active" && (["owner", "admin", "dispatcher"].includes(person.role) || (person.departmentIds ?? []).includes(departmentId));
}

/**
 * A ticket's assignment, its customer and its unassigned queue: the new assignee hears that it is theirs, the assignee
 * hears that the customer wrote; when a ticket opens, moves to another department or loses its assignee, unassigned,
 * the department's staff hear it waits. Never the person who made the change. One notice per change (its version), however often the change is delivered.
 */
export const ticketNotices = defineReaction({
  name: "notification.ticket",
  on: ["ticket"],
  when: (change) => change.kind !== "remove" && !(change.after as TicketItem | undefined)?.deletedAt,
  async each(change) {
    const after = change.after as TicketItem;
    const before = change.before as TicketItem | undefined;
    const tenantId = change.tenantId!;
    const ticket = { ticketId: after.ticketId, number: after.number, subject: after.subject };
    const seed = `ticket:${after.ticketId}:v${after.version}`;
    const by = after.updatedBy;
    const actor = after.updatedByName;
    const config = await Workspace.config(tenantId);
    const sends: Promise<void>[] = [];
    if (after.assigneeId && after.assigneeId !== before?.assigneeId && after.assigneeId !== by) {
      sends.push(deliver(tenantId, after.assigneeId, { kind: "assigned", ticket, seed, at: after.updatedAt, title: (t, l) => say(l, t.assigned, { actor }) }));
    }
    // A customer wrote (the ticket's own change says so, and what they wrote begins its preview): its assignee hears.
    const customerWrote = before && after.lastCustomerActivityAt !== before.lastCustomerActivityAt && after.updatedAt === after.lastCustomerActivityAt;
    if (customerWrote && after.assigneeId && after.assigneeId === before.assigneeId && after.assigneeId !== by) {
      const assignee = config.staff.find((s) => s.staffId === after.assigneeId);
      if (assignee && canSee(assignee, after.departmentId)) {
        sends.push(deliver(tenantId, after.assigneeId, { kind: "reply", ticket, seed, at: after.updatedAt, excerpt: after.preview, title: (t, l) => say(l, t.reply, { customer: actor }) }));
      }
    }
    const waiting = !after.assigneeId && !["solved", "closed"].includes(after.status);
    const entered = !before || before.departmentId !== after.departmentId || Boolean(before.assigneeId) || Boolean(before.deletedAt);
    if (waiting && entered) {
      const department = config.departments.find((d) => d.departmentId === after.departmentId)?.name ?? "";
      const inDepartment = config.staff.filter((s) => s.status === "active" && s.staffId !== by && (s.departmentIds ?? []).includes(after.departmentId));
      for (const person of inDepartment) {
        sends.push(
          deliver(tenantId, person.staffId, {
            kind: "queue",
            ticket,
            seed,
            at: after.updatedAt,
            title: (t, l) => say(l, before ? t.queueMoved : t.queueNew, { department }),
          }),
        );
      }
    }
    await Promise.all(sends);
  },
});

type Entry = {
  ticketId: string;
  messageId: string;
  kind: "customer" | "reply" | "note" | "system";
  authorType: "staff" | "customer" | "system";
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  enteredBy?: string;
  system?: { action: string; from?: string; to?: string };
};

const FOLLOWED_ACTIONS = new Set(["status", "assign", "redirect"]);

/**
 * A ticket's thread grows: colleagues @mentioned in a note hear of it, and the ticket's followers hear of replies,
 * notes, status, assignment and redirection. Each person once per entry (a mention, a reply to their own ticket or an
 * assignment to them outranks following it); never the author.
 */
export const threadNotices = defineReaction({
  name: "notification.thread",
  on: ["message"],
  when: (change) => {
    const entry = change.after as Entry | undefined;
    if (change.kind !== "insert" || !entry) return false;
    // A customer's message that reopens a ticket is told once, as their message (not again as the status it set).
    return entry.kind !== "system" || (FOLLOWED_ACTIONS.has(entry.system?.action ?? "") && entry.authorType !== "customer");
  },
  async each(change) {
    const entry = change.after as Entry;
    const tenantId = change.tenantId!;
    const config = await Workspace.config(tenantId);
    const active = config.staff.filter((s) => s.status === "active");
    const mentions = entry.kind === "note" && entry.authorType === "staff" ? mentioned(entry.body, active) : [];
    const following = await followers(tenantId, entry.ticketId);
    // Most entries (a ticket's opening among them) tell nobody: the ticket is read only when someone may be told.
    if (!mentions.length && !following.length) return;
    const found = await Ticket.read(entry.ticketId);
    if (!found || found.deletedAt) return;
    const ticket = { ticketId: found.ticketId, number: found.number, subject: found.subject };
    const seed = `entry:${entry.messageId}`;
    const actor = entry.authorName;
    const told = new Set([entry.authorType === "staff" ? entry.authorId : "", entry.enteredBy ?? ""]);
    const sends: Promise<void>[] = [];
    const tell = (staffId: string, notice: Omit<Notice, "ticket" | "seed" | "at">) => {
      const person = active.find((s) => s.staffId === staffId);
      if (told.has(staffId) || !person || !canSee(person, found.departmentId)) return;
      told.add(staffId);
      sends.push(deliver(tenantId, staffId, { ...notice, ticket, seed, at: entry.createdAt }));
    };

    for (const staffId of mentions) tell(staffId, { kind: "mention", excerpt: entry.body, title: (t, l) => say(l, t.mention, { actor }) });
    // The assignee hears of a customer's message as a reply to their ticket, and a new assignee "assigned to you",
    // from the ticket's own change (ticketNotices), not also as a follower.
    if (entry.kind === "customer" && found.assigneeId) told.add(found.assigneeId);
    if (entry.system?.action === "assign" && entry.system.to) told.add(entry.system.to);
    for (const staffId of following) {
      tell(staffId, { kind: "follow", excerpt: entry.kind === "system" ? undefined : entry.body, title: (t, l) => followTitle(t, l, entry, config) });
    }
    await Promise.all(sends);
  },
});

function followTitle(t: Parameters<Notice["title"]>[0], l: Parameters<Notice["title"]>[1], entry: Entry, config: Workspace.Config): string {
  const actor = entry.authorName;
  if (entry.kind !== "system") return say(l, t.follow[entry.kind], { actor });
  const to = entry.system?.to;
  switch (entry.system?.action) {
    case "status":
      return say(l, t.follow.status, { actor, status: t.statuses[to as TicketItem["status"]] ?? to ?? "" });
    case "assign":
      if (!to) return say(l, t.follow.unassign, { actor });
      return say(l, t.follow.assign, { actor, assignee: config.staff.find((s) => s.staffId === to)?.name ?? to });
    default:
      return say(l, t.follow.redirect, { actor, department: config.departments.find((d) => d.departmentId === to)?.name ?? to ?? "" });
  }
}

export const reactions = [slaAlerts, ticketNotices, threadNotices];
