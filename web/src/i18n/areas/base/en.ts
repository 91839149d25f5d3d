import { template } from "@solid-primitives/i18n";

/**
 * The strings of what every page of the console shows: its frame and navigation, roles, common words, the words of a
 * ticket's fields, notifications, shortcuts, errors, and the workspace's standing (the banner when its balance runs
 * low), in English: the shape every other language's must have.
 */
const strings = {
  app: {
    name: "Frontline",
    loading: "Loading…",
    skipToContent: "Skip to content",
  },
  locale: {
    label: "Language",
    en: "English",
    ru: "Русский",
    uk: "Українська",
    kk: "Қазақша",
    hu: "Magyar",
  },
  nav: {
    label: "Main",
    tickets: "Tickets",
    customers: "Customers",
    admin: "Admin",
    workspace: "Workspace",
    signedInAs: template<{ name: string; role: string }>("Signed in as {name}, {role}"),
    signOut: "Sign out",
    signingOut: "Signing out…",
    unassignedCount: template<{ count: number }>("{count} unassigned"),
  },
  searchBox: {
    label: "Search tickets",
    placeholder: "Search…",
  },
  roles: {
    owner: "Owner",
    admin: "Admin",
    supervisor: "Supervisor",
    dispatcher: "Dispatcher",
    agent: "Agent",
  },
  common: {
    cancel: "Cancel",
    save: "Save",
    saving: "Saving…",
    close: "Close",
    dismiss: "Dismiss",
    loadMore: "Load more",
    loadingMore: "Loading…",
    none: "—",
    you: "you",
    me: template<{ name: string }>("{name} (me)"),
    copy: "Copy",
    copied: "Copied",
    copyFailed: "Could not copy; select the address and copy it yourself",
  },
  vocab: {
    status: {
      new: "New",
      open: "Open",
      pending: "Pending",
      on_hold: "On hold",
      solved: "Solved",
      closed: "Closed",
    },
    priority: {
      low: "Low",
      normal: "Normal",
      high: "High",
      urgent: "Urgent",
    },
    level: {
      low: "Low",
      medium: "Medium",
      high: "High",
    },
    type: {
      incident: "Incident",
      service_request: "Service request",
      information_request: "Question",
      documentation_request: "Documentation request",
      change_request: "Change request",
    },
    origin: {
      phone: "Phone",
      in_person: "In person",
      chat: "Chat",
      other: "Other",
    },
    received: {
      phone: "By phone",
      in_person: "In person",
      chat: "Through a chat",
      other: "Registered by staff",
    },
    channel: {
      agent: "Registered by staff",
      email: "Received by email",
      portal: "From the customer portal",
      api: "Through the API",
    },
  },
  notifications: {
    button: "Notifications",
    buttonUnread: template<{ count: number }>("Notifications, {count} unread"),
    title: "Notifications",
    markAllRead: "Mark all read",
    markRead: "Mark as read",
    empty: "No notifications yet.",
    failed: "Could not load the notifications.",
  },
  shortcuts: {
    title: "Keyboard shortcuts",
    button: "Keyboard shortcuts",
    then: "then",
    groups: {
      anywhere: "Anywhere",
      queue: "Ticket list",
      ticket: "Ticket",
    },
    help: "Show this help",
    goQueue: "Go to the ticket list",
    search: "Go to the search box",
    next: "Next ticket",
    previous: "Previous ticket",
    open: "Open the selected ticket",
    toggleSelect: "Tick or untick the ticket for bulk actions",
    reply: "Write a reply",
    note: "Write an internal note",
    send: "Send the message",
    take: "Take the ticket",
    status: "Change the status",
    back: "Back to the list (or leave a field)",
  },
  adminsOnly: {
    title: "For admins only",
    text: "This part of the admin panel is for the workspace's owners and admins. Ask one of them if something here needs changing.",
    back: "Back to the tickets",
  },
  notFound: {
    title: "Page not found",
    text: "There is nothing at this address.",
    back: "Go to your workspace",
  },
  errors: {
    title: "Something went wrong",
    network: "Cannot reach Frontline. Check your connection and try again.",
    internal: template<{ requestId: string }>("Something went wrong on our side. Reference: {requestId}"),
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
        invalid_format: "Use only Latin letters (a–z), digits and hyphens, with no hyphen at the start or end or two in a row",
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
    newTicket: {
      subject: {
        too_small: "Enter a subject",
        too_big: "A subject has at most 200 characters",
      },
      body: {
        too_small: "Describe the request",
      },
      requester: {
        invalid_union: "Choose a customer, or enter a new one by email or by name and phone",
        email: {
          invalid_format: "Enter a valid email address",
        },
        name: {
          too_small: "Enter the customer's name",
        },
        phone: {
          invalid_format: "Enter a phone number: digits, spaces, brackets, hyphens, an optional leading +",
        },
      },
    },
    department: {
      name: {
        too_small: "Enter the department's name",
        too_big: "At most 60 characters",
      },
    },
    stopList: {
      value: {
        taken: "Already on the stop list",
        invalid_format: "Enter an address (name@example.com) or a domain (example.com)",
      },
      note: {
        too_big: "At most 200 characters",
      },
    },
    letter: {
      subject: {
        too_small: "Enter a subject",
        too_big: "At most 300 characters",
      },
      body: {
        too_small: "Enter the letter",
        too_big: "At most 20,000 characters",
      },
    },
    calendar: {
      name: {
        too_small: "Enter a name",
        too_big: "At most 80 characters",
      },
    },
    policy: {
      name: {
        too_small: "Enter a name",
        too_big: "At most 80 characters",
      },
    },
    settings: {
      name: {
        too_small: "Use at least 2 characters",
        too_big: "Use at most 80 characters",
      },
    },
    invite: {
      email: {
        taken: "Already on the staff",
        pending: "Already invited; revoke that invitation to send a new one",
        invalid_format: "Enter a valid email address",
      },
    },
    acceptInvitation: {
      name: {
        too_small: "Enter your name",
        too_big: "A name has at most 100 characters",
      },
      password: {
        too_small: "Use at least 10 characters",
        too_big: "Use at most 256 characters",
      },
    },
    replyTemplate: {
      name: {
        too_small: "Give the template a name",
        too_big: "At most 80 characters",
      },
      body: {
        too_small: "Write the reply",
        too_big: "At most 20,000 characters",
      },
    },
    topUp: {
      amountMinor: {
        too_small: "Enter an amount above zero",
        too_big: "This amount is too large",
      },
      note: {
        too_big: "At most 500 characters",
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
  standing: {
    suspendedTitle: "This workspace is suspended",
    suspended: "Its balance ran out: everyone can still read, but nothing can be changed until the balance is topped up. Mail is still received and kept.",
    graceTitle: "The balance is below zero",
    grace: template<{ date: string }>("The workspace will be suspended on {date} unless the balance is topped up."),
    lowTitle: "The balance is running low",
    topUp: "Top up",
    askAdmin: "Ask an admin to top up the balance.",
    coversDays: template<{ days: number }>("{days, plural, one {Covers about # day at the current price} other {Covers about # days at the current price}}"),
  },
};

export type Strings = typeof strings;
export default strings;
