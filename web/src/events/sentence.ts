import type { EventInfo } from "../api/types";
import type { I18n } from "../i18n";

/**
 * How to name what an event refers to by id. A name the reader's directory no longer has (someone removed, a
 * department deleted) reads as "a former staff member", never as its id.
 */
export interface EventNames {
  staff: (staffId: string) => string | undefined;
  department: (departmentId: string) => string | undefined;
  /** The ticket's requester, where the page knows them. */
  customer?: (customerId: string) => string | undefined;
  /** A part of the system that acted ("SLA timers"), where the page has those names. */
  system?: (actor: EventInfo["actor"]) => string | undefined;
  /** An action's name ("Department created"), where the page has those names: the sentence of an action it has none for. */
  action?: (action: string) => string | undefined;
}

/** An event told as a sentence, and the sentences that follow it (a reason, what else changed). */
export interface EventSentence {
  sentence: string;
  details: string[];
}

/** The actions told by a sentence of their own (a ticket's story); any other is told by its name and what it was done to. */
export const SentenceActions = [
  "ticket.create",
  "ticket.customer_reply",
  "ticket.auto_reply",
  "ticket.reply",
  "ticket.note",
  "ticket.update",
  "ticket.assign",
  "ticket.redirect",
  "ticket.delete",
  "ticket.restore",
  "ticket.purge",
  "ticket.delivered",
  "ticket.undelivered",
  "ticket.merge",
  "ticket.unmerge",
  "ticket.link",
  "ticket.unlink",
  "ticket.requester",
  "sla.warning",
  "sla.breach",
] as const;

export const hasSentence = (action: string): boolean => (SentenceActions as readonly string[]).includes(action);

const PRIORITY_ORDER = ["low", "normal", "high", "urgent"];

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value : undefined);

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/**
 * An event of the log as a sentence in the reader's language: "Olena changed the status from Open to Pending",
 * "Ivan assigned the ticket to Olena", "Olena moved the ticket from Support to Payments" with its reason after it.
 * Staff, departments and customers by name; statuses and priorities by the catalogue's names; times in the reader's
 * time zone. An action without a sentence of its own is told by its name (where the page has it) and what it was done
 * to, never by its code or its data.
 */
export function eventSentence(event: EventInfo, i18n: I18n, names: EventNames): EventSentence {
  const before = record(event.before);
  const after = record(event.after);
  const none = () => i18n.t("common.none");
  const vocab = (group: "status" | "priority" | "level" | "type", value: unknown) =>
    value === null || value === undefined || value === "" ? none() : (i18n.lookup(`vocab.${group}.${String(value)}`) ?? none());
  const staff = (id: unknown) => {
    const staffId = text(id);
    if (!staffId) return i18n.t("eventText.nobody");
    return names.staff(staffId) ?? i18n.t("eventText.formerStaff");
  };
  const department = (id: unknown) => {
    const departmentId = text(id);
    return (departmentId && names.department(departmentId)) || i18n.t("eventText.formerDepartment");
  };
  const customer = (id: unknown) => {
    const customerId = text(id);
    return customerId ? names.customer?.(customerId) : undefined;
  };
  const actor = event.actor;
  const name =
    actor.type === "staff"
      ? (names.staff(actor.id) ?? actor.name)
      : actor.type === "system"
        ? (names.system?.(actor) ?? i18n.t("eventText.system"))
        : actor.name;
  const reason = text(event.reason) ? [i18n.t("eventText.reason", { reason: event.reason! })] : [];
  const told = (sentence: string, details: string[] = []): EventSentence => ({ sentence, details });

  switch (event.action) {
    case "ticket.create": {
      const details: string[] = [];
      const requester = customer(after.requester);
      if (requester && (actor.type !== "customer" || requester !== actor.name)) details.push(i18n.t("eventText.requester", { customer: requester }));
      if (after.status || after.priority) details.push(i18n.t("eventText.openedAs", { status: vocab("status", after.status), priority: vocab("priority", after.priority) }));
      if (text(after.assigneeId)) details.push(i18n.t("eventText.assignedTo", { assignee: staff(after.assigneeId) }));
      return told(i18n.t("eventText.created", { name, department: department(after.departmentId) }), details);
    }
    case "ticket.customer_reply":
      return told(after.status === "open" && before.status ? i18n.t("eventText.customerReopened", { name }) : i18n.t("eventText.customerReply", { name }));
    case "ticket.auto_reply":
      return told(i18n.t("eventText.autoReply", { name }));
    case "ticket.reply":
    case "ticket.note": {
      const details: string[] = [];
      if (text(after.preview)) details.push(i18n.t("eventText.quote", { text: after.preview as string }));
      if ("status" in after && after.status !== before.status) details.push(i18n.t("eventText.status", { name, from: vocab("status", before.status), to: vocab("status", after.status) }));
      if (text(after.assigneeId)) details.push(after.assigneeId === actor.id ? i18n.t("eventText.take", { name }) : i18n.t("eventText.assign", { name, to: staff(after.assigneeId) }));
      return told(event.action === "ticket.reply" ? i18n.t("eventText.reply", { name }) : i18n.t("eventText.note", { name }), details);
    }
    case "ticket.update": {
      const sentences = Object.keys(after).flatMap((field) => fieldSentences(field, before[field], after[field]));
      const [first, ...rest] = sentences;
      return told(first ?? i18n.t("eventText.changed", { name }), [...rest, ...reason]);
    }
    case "ticket.assign": {
      const to = text(after.assigneeId);
      const sentence = !to
        ? i18n.t("eventText.unassign", { name, from: staff(before.assigneeId) })
        : actor.type === "staff" && to === actor.id
          ? i18n.t("eventText.take", { name })
          : i18n.t("eventText.assign", { name, to: staff(to) });
      return told(sentence, reason);
    }
    case "ticket.redirect":
      return told(i18n.t("eventText.redirect", { name, from: department(before.departmentId), to: department(after.departmentId) }), reason);
    case "ticket.delete":
      return told(i18n.t("eventText.delete", { name }));
    case "ticket.restore":
      return told(i18n.t("eventText.restore", { name }));
    case "ticket.purge": {
      const subject = text(before.subject);
      const ticket = [event.target.label, subject && i18n.t("eventText.quote", { text: subject })].filter(Boolean).join(" ");
      return told(i18n.t("eventText.purge", { name, ticket }));
    }
    case "ticket.delivered":
      return told(i18n.t("eventText.delivered"));
    case "ticket.undelivered":
      return told(i18n.t("eventText.undelivered", { reason: text(event.reason) ?? none() }));
    case "ticket.merge":
      return told(i18n.t("eventText.merge", { name, ticket: ticketLabel(after.mergedInto) }));
    case "ticket.unmerge":
      return told(i18n.t("eventText.unmerge", { name, ticket: ticketLabel(before.mergedInto) }));
    case "ticket.link":
      return told(i18n.t("eventText.link", { name, ticket: ticketLabel(after.ticket), role: String(after.role ?? "related") }));
    case "ticket.unlink":
      return told(i18n.t("eventText.unlink", { name, ticket: ticketLabel(before.ticket) }));
    case "ticket.requester": {
      const from = text(record(before.requester).name) ?? i18n.t("common.none");
      const to = text(record(after.requester).name) ?? i18n.t("common.none");
      return told(i18n.t("eventText.requesterMerged", { from, to }));
    }
    case "sla.warning":
    case "sla.breach": {
      const target = (text(after.target) && i18n.lookup(`sla.targets.${after.target as string}`)) || i18n.t("sla.title");
      const due = text(after.dueAt) ? i18n.dateTime(after.dueAt as string) : none();
      const details: string[] = [];
      if (text(after.policy)) details.push(i18n.t("sla.policy", { name: after.policy as string }));
      const actions = list(after.actions)
        .map((a) => i18n.lookup(`sla.actions.${a}`))
        .filter((a): a is string => Boolean(a));
      if (actions.length) details.push(i18n.t("ticket.history.slaActions", { actions: actions.join(", ") }));
      const notified = list(after.notified).map(staff);
      if (notified.length) details.push(i18n.t("eventText.slaNotified", { names: notified.join(", ") }));
      return told(event.action === "sla.warning" ? i18n.t("eventText.slaWarning", { target, due }) : i18n.t("eventText.slaBreach", { target, due }), details);
    }
    default: {
      const action = names.action?.(event.action);
      const target = targetName();
      if (action) return told(i18n.t("eventText.action", { name, action, target: target ?? none() }), reason);
      return told(target ? i18n.t("eventText.otherOn", { name, target }) : i18n.t("eventText.other", { name }), reason);
    }
  }

  /** The sentences of one changed field of a ticket. */
  function fieldSentences(field: string, was: unknown, now: unknown): string[] {
    switch (field) {
      case "status":
        return [i18n.t("eventText.status", { name, from: vocab("status", was), to: vocab("status", now) })];
      case "priority": {
        const lower = PRIORITY_ORDER.indexOf(String(now)) < PRIORITY_ORDER.indexOf(String(was));
        const values = { name, from: vocab("priority", was), to: vocab("priority", now) };
        return [lower ? i18n.t("eventText.priorityLowered", values) : i18n.t("eventText.priorityRaised", values)];
      }
      case "impact":
      case "urgency":
        return [i18n.t(`eventText.${field}`, { name, from: vocab("level", was), to: vocab("level", now) })];
      case "type":
        return [i18n.t("eventText.type", { name, from: vocab("type", was), to: vocab("type", now) })];
      case "subject":
        return [i18n.t("eventText.subject", { name, from: text(was) ?? none(), to: text(now) ?? none() })];
      case "tags": {
        const old = list(was);
        const next = list(now);
        const added = next.filter((tag) => !old.includes(tag));
        const removed = old.filter((tag) => !next.includes(tag));
        return [
          ...(added.length ? [i18n.t("eventText.tagsAdded", { name, count: added.length, tags: added.join(", ") })] : []),
          ...(removed.length ? [i18n.t("eventText.tagsRemoved", { name, count: removed.length, tags: removed.join(", ") })] : []),
        ];
      }
      default:
        return [i18n.t("eventText.changed", { name })];
    }
  }

  /** Another ticket by its number ("#1042"); one the event names otherwise (by its id, gone since) as a deleted ticket. */
  function ticketLabel(value: unknown): string {
    const label = text(value);
    return label && /^#\d+$/.test(label) ? label : i18n.t("eventText.formerTicket");
  }

  /** What the event was done to, by name: a ticket by its number, anything else by the name the core gave it. */
  function targetName(): string | undefined {
    const { type, id, label } = event.target;
    if (type === "staff") return names.staff(id) ?? text(label);
    if (type === "department") return names.department(id) ?? text(label);
    return text(label) && label !== id ? label : undefined;
  }
}
