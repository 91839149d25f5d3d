import { template } from "@solid-primitives/i18n";

/**
 * The English catalogue, and the shape every other catalogue must have (see `Catalogue`). Strings with
 * placeholders are templates typed with their arguments, so `t("key", { ... })` is checked at compile time.
 */
export const en = {
  app: {
    name: "Frontline",
    loading: "Loading…",
    skipToContent: "Skip to content",
  },
  locale: {
    label: "Language",
    en: "English",
    ru: "Русский",
  },
  nav: {
    label: "Main",
    tickets: "Tickets",
    admin: "Admin",
    workspace: "Workspace",
    signedInAs: template<{ name: string; role: string }>("Signed in as {{ name }}, {{ role }}"),
    signOut: "Sign out",
    signingOut: "Signing out…",
  },
  roles: {
    owner: "Owner",
    admin: "Admin",
    supervisor: "Supervisor",
    dispatcher: "Dispatcher",
    agent: "Agent",
  },
  signup: {
    title: "Create your workspace",
    subtitle: "Start a free trial with credit included. No card needed.",
    workspaceName: "Workspace name",
    workspaceNamePlaceholder: "Acme Support",
    slug: "Workspace address",
    slugHint: "Lowercase letters, digits and hyphens. You sign in with it, and it cannot be changed later.",
    inboundPreview: "Your inbound address",
    ownerName: "Your name",
    email: "Work email",
    password: "Password",
    passwordHint: "At least 10 characters. A passphrase works well.",
    submit: "Create workspace",
    submitting: "Creating workspace…",
    haveWorkspace: "Already have a workspace?",
    signIn: "Sign in",
  },
  login: {
    title: "Sign in to Frontline",
    subtitle: "Welcome back. Enter your workspace address and your account.",
    slug: "Workspace address",
    slugPlaceholder: "acme",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    wrongCredentials: "Wrong workspace, email or password",
    throttled: template<{ minutes: number }>("Too many failed sign-ins. Try again in {{ minutes }} min."),
    noWorkspace: "New to Frontline?",
    createWorkspace: "Create a workspace",
  },
  workspace: {
    title: "Workspace",
    subtitle: "Your plan, balance and the address your customers' mail arrives at.",
    plan: "Plan",
    planStatus: {
      trial: "Trial",
      active: "Active",
      suspended: "Suspended",
    },
    trialEnds: template<{ date: string }>("Trial ends on {{ date }}"),
    pricePerDay: "Price per day",
    perDay: template<{ price: string }>("{{ price }} / day"),
    staffLimit: "Staff seats",
    dailyTicketLimit: "New tickets per day",
    unlimited: "Unlimited",
    addOns: "Available add-ons",
    balanceTitle: "Balance",
    balance: "Current balance",
    trialCredit: "Trial credit",
    coversDays: (days: number): string => (days === 1 ? "Covers about 1 day at the current price" : `Covers about ${days} days at the current price`),
    inboundTitle: "Inbound address",
    inboundExplain:
      "Forward your support mail to this address. Every message that arrives there becomes a ticket in your queue.",
    copy: "Copy",
    copied: "Copied",
    copyFailed: "Could not copy; select the address and copy it yourself",
  },
  tickets: {
    title: "Tickets",
    subtitle: "Conversations with your customers.",
    unavailable: "Not available yet",
    empty: "No tickets yet. Forward your support mail to your inbound address to receive the first one.",
  },
  admin: {
    title: "Admin",
    subtitle: "How your workspace is organised, and what it has cost so far.",
    departments: "Departments",
    departmentsEmpty: "No departments yet.",
    billingHistory: "Billing history",
    billingEmpty: "No billing entries yet.",
    defaultDepartment: "Default",
    columns: {
      name: "Name",
      description: "Description",
      created: "Created",
      date: "Date",
      entry: "Entry",
      kind: "Type",
      amount: "Amount",
      balanceAfter: "Balance after",
    },
    ledgerKinds: {
      trial_credit: "Trial credit",
      top_up: "Top-up",
      daily_charge: "Daily charge",
      adjustment: "Adjustment",
    },
  },
  notFound: {
    title: "Page not found",
    text: "There is nothing at this address.",
    back: "Go to your workspace",
  },
  errors: {
    title: "Something went wrong",
    network: "Cannot reach Frontline. Check your connection and try again.",
    internal: template<{ requestId: string }>("Something went wrong on our side. Reference: {{ requestId }}"),
    retry: "Try again",
  },
  /**
   * Messages for the server's field issues, by form, field and issue code (zod's codes, or ours such as "taken").
   * Issues without a message here show the server's own message.
   */
  issues: {
    signup: {
      workspaceName: {
        too_small: "Use at least 2 characters",
        too_big: "Use at most 80 characters",
      },
      slug: {
        taken: "This workspace address is taken; choose another",
        too_small: "Use at least 3 characters",
        too_big: "Use at most 40 characters",
        invalid_format: "Use lowercase letters, digits and single hyphens (not at the start or end)",
        custom: "This address is reserved; choose another",
      },
      ownerName: {
        too_small: "Enter your name",
        too_big: "A name has at most 100 characters",
      },
      email: {
        invalid_format: "Enter a valid email address",
        too_big: "An email address has at most 254 characters",
      },
      password: {
        too_small: "Use at least 10 characters",
        too_big: "Use at most 256 characters",
      },
    },
    login: {
      slug: {
        too_small: "Enter your workspace address",
      },
      email: {
        invalid_format: "Enter a valid email address",
      },
      password: {
        too_small: "Enter your password",
      },
    },
  },
};

/** What every catalogue provides: the same keys, the same value kinds, the same template arguments. */
export type Catalogue = typeof en;
