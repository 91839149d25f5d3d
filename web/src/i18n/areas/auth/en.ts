import { template } from "@solid-primitives/i18n";

/**
 * The strings of signing up, signing in and accepting an invitation, in English: the shape every other language's must
 * have.
 */
const strings = {
  signup: {
    title: "Create your workspace",
    subtitle: "Start a free trial with credit included. No card needed.",
    workspaceName: "Workspace name",
    workspaceNamePlaceholder: "Acme Support",
    slug: "Workspace address",
    slugHint: "Latin letters (a–z), digits and hyphens. You sign in with it, and it cannot be changed later.",
    inboundPreview: "Your inbound address",
    ownerName: "Your name",
    email: "Work email",
    password: "Password",
    passwordHint: "At least 10 characters. A passphrase works well.",
    submit: "Create workspace",
    submitting: "Creating workspace…",
    haveWorkspace: "Already have a workspace?",
    signIn: "Sign in",
    throttled: template<{ hours: number }>("Too many workspaces were opened from this address today. Try again in {hours} h."),
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
    throttled: template<{ minutes: number }>("Too many failed sign-ins. Try again in {minutes} min."),
    noWorkspace: "New to Frontline?",
    createWorkspace: "Create a workspace",
  },
  invite: {
    loadingTitle: "Your invitation",
    loadingSubtitle: "Checking the invitation link…",
    title: template<{ workspace: string }>("Join {workspace} on Frontline"),
    subtitle: template<{ role: string }>("You are invited to the staff as {role}. Choose your name and a password."),
    email: "You sign in as",
    name: "Your name",
    password: "Password",
    expires: template<{ when: string }>("The invitation works until {when}."),
    submit: "Join the workspace",
    submitting: "Joining…",
    notFoundTitle: "This invitation link does not work",
    notFound: "The link is incomplete or unknown. Ask the admin who invited you to send it again.",
    closedTitle: "This invitation is closed",
    closed: {
      accepted: "It was accepted already: sign in with your account.",
      revoked: "It was taken back. Ask the admin who invited you for a new one.",
      expired: "It has expired. Ask the admin who invited you for a new one.",
    },
    haveAccount: "Already on the staff?",
    signIn: "Sign in",
  },
};

export type Strings = typeof strings;
export default strings;
