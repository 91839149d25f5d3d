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
};

export type Strings = typeof strings;
export default strings;
