/**
 * What the server writes in English, and the shape every other language's wording has (`Wording`). `letters` are the
 * default Liquid templates of the letters customers get (an admin may write their own); everything else is an ICU
 * message (https://unicode-org.github.io/icu/userguide/format_parse/messages/) formatted by `say`.
 */
export const en = {
  /** The line above the quoted history in our letters; any "##- … -##" line is recognised in replies. */
  replyMarker: "##- Please type your reply above this line -##",
  /** The sender's name on an agent's reply. */
  via: "{agent} via {workspace}",
  /** The department sign-up creates. */
  defaultDepartment: "Support",
  roles: { owner: "owner", admin: "admin", supervisor: "supervisor", dispatcher: "dispatcher", agent: "agent" },
  letters: {
    ticket_received: {
      subject: "[#{{ ticket.number }}] {{ ticket.subject }}",
      body: `{{ reply_marker }}

Hello {{ customer.name }},

we have received your request and registered it as #{{ ticket.number }}. We will get back to you as soon as we can.

To add anything, simply reply to this email.

{{ workspace.name }}`,
    },
    agent_reply: {
      subject: "Re: [#{{ ticket.number }}] {{ ticket.subject }}",
      body: `{{ reply_marker }}

{{ message }}

{{ agent.name }}
{{ workspace.name }}
{% if solved %}
We consider your request solved. If something is still wrong, simply reply to this email and we will pick it up again.
{% endif %}`,
    },
    ticket_solved: {
      subject: "[#{{ ticket.number }}] Solved: {{ ticket.subject }}",
      body: `{{ reply_marker }}

Hello {{ customer.name }},

we have marked your request #{{ ticket.number }} "{{ ticket.subject }}" as solved.

If it is solved, there is nothing more to do. If it is not, simply reply to this email and the request will be reopened.

{{ workspace.name }}`,
    },
  },
  /** The sample a letter's preview is rendered with. */
  sample: { customer: "Anna Petrova", subject: "The invoice did not arrive", message: "Hello! We have sent the invoice again.", workspace: "Your workspace" },
  alert: {
    warning: "SLA warning: {target} is due soon",
    breach: "SLA breach: {target} is overdue",
    targets: { first_response: "first response", next_response: "next response", resolution: "resolution" },
    due: "Due: {at}",
    wasDue: "Was due: {at}",
    open: "Open the ticket",
    noReply: "This is an automatic alert; do not reply to it.",
  },
  /** Notifications to staff (the bell and their mail): assignment, the queue, replies, mentions, followed tickets. */
  notice: {
    assigned: "{actor} assigned a ticket to you",
    queueNew: "New ticket in {department}",
    queueMoved: "A ticket is waiting in {department}",
    reply: "{customer} replied on your ticket",
    mention: "{actor} mentioned you in a note",
    follow: {
      customer: "{actor} wrote on a ticket you follow",
      reply: "{actor} replied on a ticket you follow",
      note: "{actor} added a note to a ticket you follow",
      status: "{actor} set a ticket you follow to “{status}”",
      assign: "{actor} assigned a ticket you follow to {assignee}",
      unassign: "{actor} unassigned a ticket you follow",
      redirect: "{actor} moved a ticket you follow to {department}",
    },
    statuses: { new: "New", open: "Open", pending: "Pending", on_hold: "On hold", solved: "Solved", closed: "Closed" },
    at: "When: {at}",
    open: "Open the ticket",
    settings: "Choose which notifications you get: {link}",
    noReply: "This is an automatic notification; do not reply to it.",
  },
  workspace: {
    invitation: {
      subject: "{inviter} invites you to {workspace} on Frontline",
      body: "{inviter} invites you to join {workspace} as {role}.\n\nAccept the invitation (the link works until {expires}):\n{link}",
    },
    password_reset: {
      subject: "Choose a new password for {workspace}",
      body: "{sent, select, admin {{sender} sent you a link to choose a new password for {email} in {workspace}.} other {Someone, most likely you, asked to reset the password of {email} in {workspace}.}}\n\nChoose a new password (the link works once, until {expires}):\n{link}\n\nTo sign in, use the workspace address {slug}. If you did not expect this letter, ignore it: your password stays as it is.",
    },
    low_balance: {
      subject: "{workspace}: the balance runs out in {days, plural, one {# day} other {# days}}",
      body: "The balance of {workspace} is {balance}, enough for about {days, plural, one {# more day} other {# more days}} of your plan.\n\nTop it up to keep the help desk running: {link}",
    },
    suspended: {
      subject: "{workspace} is suspended: top up the balance",
      body: "{workspace} is suspended: its balance is {balance} and the grace period has ended. Your team can read tickets but not change them; customers' mail is still received and kept.\n\nTop up to continue at once: {link}",
    },
    restored: {
      subject: "{workspace} is running again",
      body: "Thank you: the balance of {workspace} is {balance} and the workspace is running again. Mail received meanwhile has been processed.\n\n{link}",
    },
  },
};

export type Wording = typeof en;
