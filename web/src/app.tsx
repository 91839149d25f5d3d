import { Navigate, Route, Router } from "@solidjs/router";
import { AppShell } from "./components/app-shell";
import { I18nProvider, withStrings } from "./i18n";
import { InvitePage as Invite } from "./pages/invite";
import { LoginPage as Login } from "./pages/login";
import { NotFoundPage } from "./pages/not-found";
import { QueuePage as Queue } from "./pages/tickets";
import { NewTicketPage as NewTicket } from "./pages/tickets/new";
import { TicketPage as Ticket } from "./pages/tickets/[id]";
import {
  OperatorConsole,
  OperatorEventsPage,
  OperatorLayout,
  OperatorLoginPage,
  OperatorNotFoundPage,
  OperatorPlansPage,
  OperatorReactionsPage,
  OperatorTopUpRequestsPage,
  OperatorWorkspacePage,
  OperatorWorkspacesPage,
} from "./operator";

// An agent's pages come with the console; each shows once its strings have arrived in the reader's language.
const LoginPage = withStrings(["auth"], () => Login);
const InvitePage = withStrings(["auth"], () => Invite);
// Resetting a forgotten password is rare: its pages load when visited.
const ForgotPasswordPage = withStrings(["auth"], () => import("./pages/forgot-password").then((m) => m.ForgotPasswordPage));
const ResetPasswordPage = withStrings(["auth"], () => import("./pages/reset-password").then((m) => m.ResetPasswordPage));
const QueuePage = withStrings(["tickets"], () => Queue);
const NewTicketPage = withStrings(["tickets"], () => NewTicket);
const TicketPage = withStrings(["tickets", "mail"], () => Ticket);

// Search is a page of its own, with its own strings: loaded when first visited (the top bar's box is in the frame).
const SearchPage = withStrings(["search"], () => import("./pages/search").then((m) => m.SearchPage));

// The customer and organization pages, with their own strings: loaded when first visited.
const CustomersPage = withStrings(["customers"], () => import("./pages/customers").then((m) => m.CustomersPage));
const CustomerPage = withStrings(["customers", "tickets"], () => import("./pages/customers/[id]").then((m) => m.CustomerPage));
const OrganizationPage = withStrings(["customers", "tickets"], () => import("./pages/customers/organization").then((m) => m.OrganizationPage));

// Sign-up carries the transliteration tables that suggest an address from a name: loaded when visited.
const SignupPage = withStrings(["auth"], () => import("./pages/signup").then((m) => m.SignupPage));
// The workspace page (plan, profile) carries CLDR's table of time-zone names (sla/time-zones.ts): loaded when visited.
const WorkspacePage = withStrings(["workspace"], () => import("./pages/workspace").then((m) => m.WorkspacePage));

// The admin pages are for admins, and rarely open: loaded when first visited, not with the console.
const AdminLayout = withStrings(["admin"], () => import("./components/admin-layout").then((m) => m.AdminLayout));
const AdminPage = withStrings(["admin"], () => import("./pages/admin").then((m) => m.AdminPage));
// The email and SLA settings are for admins, and rarely open: loaded when first visited, not with the console.
const ReceivedMailPage = withStrings(["admin", "mail"], () => import("./pages/admin/mail/received").then((m) => m.ReceivedMailPage));
const OutboxPage = withStrings(["admin", "mail"], () => import("./pages/admin/mail/outbox").then((m) => m.OutboxPage));
const StopListPage = withStrings(["admin", "mail"], () => import("./pages/admin/mail/stop-list").then((m) => m.StopListPage));
const LettersPage = withStrings(["admin", "mail"], () => import("./pages/admin/mail/letters").then((m) => m.LettersPage));
const PoliciesPage = withStrings(["admin", "tickets"], () => import("./pages/admin/sla/policies").then((m) => m.PoliciesPage));
const PolicyPage = withStrings(["admin", "tickets"], () => import("./pages/admin/sla/policy").then((m) => m.PolicyPage));
const CalendarsPage = withStrings(["admin", "tickets"], () => import("./pages/admin/sla/calendars").then((m) => m.CalendarsPage));
const CalendarPage = withStrings(["admin", "tickets"], () => import("./pages/admin/sla/calendar").then((m) => m.CalendarPage));
const SettingsPage = withStrings(["admin"], () => import("./pages/admin/settings").then((m) => m.SettingsPage));
const StaffPage = withStrings(["admin"], () => import("./pages/admin/staff").then((m) => m.StaffPage));
const BillingPage = withStrings(["admin", "workspace"], () => import("./pages/admin/billing").then((m) => m.BillingPage));
const EventsPage = withStrings(["admin", "tickets"], () => import("./pages/admin/events").then((m) => m.EventsPage));
const TemplatesPage = withStrings(["admin", "mail"], () => import("./pages/admin/templates").then((m) => m.TemplatesPage));

/** The routes. Everything under the shell needs a session; the shell sends a signed-out reader to /login. */
export function App() {
  return (
    <I18nProvider>
      <Router>
        <Route path="/signup" component={SignupPage} />
        <Route path="/login" component={LoginPage} />
        {/* The operator console: the platform's staff, not any workspace's; its own sign-in and frame, loaded lazily. */}
        <Route path="/operator" component={OperatorConsole}>
          <Route path="/login" component={OperatorLoginPage} />
          <Route path="/" component={OperatorLayout}>
            <Route path="/" component={OperatorWorkspacesPage} />
            <Route path="/workspaces/:id" component={OperatorWorkspacePage} />
            <Route path="/top-up-requests" component={OperatorTopUpRequestsPage} />
            <Route path="/plans" component={OperatorPlansPage} />
            <Route path="/events" component={OperatorEventsPage} />
            <Route path="/reactions" component={OperatorReactionsPage} />
            <Route path="*rest" component={OperatorNotFoundPage} />
          </Route>
        </Route>
        <Route path="/invite/:token" component={InvitePage} />
        <Route path="/forgot-password" component={ForgotPasswordPage} />
        <Route path="/reset-password/:token" component={ResetPasswordPage} />
        <Route path="/" component={AppShell}>
          <Route path="/" component={() => <Navigate href="/workspace" />} />
          <Route path="/workspace" component={WorkspacePage} />
          <Route path="/tickets" component={QueuePage} />
          <Route path="/tickets/new" component={NewTicketPage} />
          <Route path="/tickets/:id" component={TicketPage} />
          <Route path="/search" component={SearchPage} />
          <Route path="/customers" component={CustomersPage} />
          <Route path="/customers/:id" component={CustomerPage} />
          <Route path="/organizations/:id" component={OrganizationPage} />
          <Route path="/admin" component={AdminLayout}>
            <Route path="/" component={AdminPage} />
            <Route path="/settings" component={SettingsPage} />
            <Route path="/staff" component={StaffPage} />
            <Route path="/billing" component={BillingPage} />
            <Route path="/events" component={EventsPage} />
            <Route path="/templates" component={TemplatesPage} />
            <Route path="/mail" component={() => <Navigate href="/admin/mail/received" />} />
            <Route path="/mail/received" component={ReceivedMailPage} />
            <Route path="/mail/outbox" component={OutboxPage} />
            <Route path="/mail/stop-list" component={StopListPage} />
            <Route path="/mail/letters" component={LettersPage} />
            <Route path="/sla" component={() => <Navigate href="/admin/sla/policies" />} />
            <Route path="/sla/policies" component={PoliciesPage} />
            <Route path="/sla/policies/:id" component={PolicyPage} />
            <Route path="/sla/calendars" component={CalendarsPage} />
            <Route path="/sla/calendars/:id" component={CalendarPage} />
          </Route>
          <Route path="*rest" component={NotFoundPage} />
        </Route>
      </Router>
    </I18nProvider>
  );
}
