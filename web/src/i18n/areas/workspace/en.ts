import { template } from "@solid-primitives/i18n";

/**
 * The strings of the workspace page: the workspace and the reader's own profile, in English: the shape
 * every other language's must have.
 */
const strings = {
  profile: {
    title: "Your profile",
    explain: "The console and the mail Frontline sends you (SLA alerts) are in your language, and tell times in your time zone.",
    language: "Your language",
    timeZone: "Your time zone",
    workspaceZone: template<{ zone: string }>("The workspace's ({zone})"),
    saved: "Saved.",
  },
  workspace: {
    title: "Workspace",
    subtitle: "Your plan, balance and the address your customers' mail arrives at.",
    subtitleWithoutBilling: "Your plan and the address your customers' mail arrives at.",
    plan: "Plan",
    planStatus: {
      trial: "Trial",
      active: "Active",
      suspended: "Suspended",
    },
    trialEnds: template<{ date: string }>("Trial ends on {date}"),
    pricePerDay: "Price per day",
    perDay: template<{ price: string }>("{price} / day"),
    staffLimit: "Staff seats",
    dailyTicketLimit: "New tickets per day",
    unlimited: "Unlimited",
    staffSeats: template<{ count: number }>("{count, plural, one {#, yours} other {#, yours included}}"),
    addOns: "Available add-ons",
    billingForAdmins: "Prices and the balance are shown to the workspace's owners and admins.",
    balanceTitle: "Balance",
    balance: "Current balance",
    trialCredit: "Trial credit",
    inboundTitle: "Inbound address",
    inboundExplain:
      "Forward your support mail to this address. Every message that arrives there becomes a ticket in your queue.",
  },
  notifyPrefs: {
    title: "Notifications",
    explain: "What rings your bell in the console, and what Frontline mails you as well. You are never notified of your own changes.",
    kind: "Notify me when",
    channels: { bell: "Bell", mail: "Mail" },
    kinds: {
      assigned: { name: "A ticket is assigned to me", hint: "By a colleague, or by an escalation." },
      queue: { name: "A ticket waits in my department", hint: "New or moved into my department's queue, unassigned." },
      reply: { name: "A customer replies on my ticket", hint: "On tickets assigned to me." },
      mention: { name: "A colleague mentions me", hint: "With @ and my name in a private note." },
      follow: { name: "A ticket I follow changes", hint: "Replies, notes, status and assignment." },
      sla: { name: "SLA warnings and breaches", hint: "On tickets the SLA policy alerts me of." },
    },
    toggle: template<{ kind: string; channel: string }>("{kind}: {channel}"),
    saved: "Saved.",
    failed: "Your notification settings could not be loaded. Reload the page to try again.",
  },
};

export type Strings = typeof strings;
export default strings;
