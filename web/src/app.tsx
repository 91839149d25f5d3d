import { lazy } from "solid-js";
import { Navigate, Route, Router } from "@solidjs/router";
import { AdminLayout } from "./components/admin-layout";
import { AppShell } from "./components/app-shell";
import { I18nProvider } from "./i18n";
import { AdminPage } from "./pages/admin";
import { InvitePage } from "./pages/invite";

import { LoginPage } from "./pages/login";
import { NotFoundPage } from "./pages/not-found";
import { SignupPage } from "./pages/signup";
import { QueuePage } from "./pages/tickets";
import { NewTicketPage } from "./pages/tickets/new";
import { TicketPage } from "./pages/tickets/[id]";
import { WorkspacePage } from "./pages/workspace";
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

// The email and SLA settings are for admins, and rarely open: loaded when first visited, not with the console.
const ReceivedMailPage = lazy(() => import("./pages/admin/mail/received").then((m) => ({ default: m.ReceivedMailPage })));
const OutboxPage = lazy(() => import("./pages/admin/mail/outbox").then((m) => ({ default: m.OutboxPage })));
const StopListPage = lazy(() => import("./pages/admin/mail/stop-list").then((m) => ({ default: m.StopListPage })));
const LettersPage = lazy(() => import("./pages/admin/mail/letters").then((m) => ({ default: m.LettersPage })));
const PoliciesPage = lazy(() => import("./pages/admin/sla/policies").then((m) => ({ default: m.PoliciesPage })));
const PolicyPage = lazy(() => import("./pages/admin/sla/policy").then((m) => ({ default: m.PolicyPage })));
const CalendarsPage = lazy(() => import("./pages/admin/sla/calendars").then((m) => ({ default: m.CalendarsPage })));
const CalendarPage = lazy(() => import("./pages/admin/sla/calendar").then((m) => ({ default: m.CalendarPage })));
const SettingsPage = lazy(() => import("./pages/admin/settings").then((m) => ({ default: m.SettingsPage })));
const StaffPage = lazy(() => import("./pages/admin/staff").then((m) => ({ default: m.StaffPage })));
const BillingPage = lazy(() => import("./pages/admin/billing").then((m) => ({ default: m.BillingPage })));
const EventsPage = lazy(() => import("./pages/admin/events").then((m) => ({ default: m.EventsPage })));
const TemplatesPage = lazy(() => import("./pages/admin/templates").then((m) => ({ default: m.TemplatesPage })));

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
        <Route path="/" component={AppShell}>
          <Route path="/" component={() => <Navigate href="/workspace" />} />
          <Route path="/workspace" component={WorkspacePage} />
          <Route path="/tickets" component={QueuePage} />
          <Route path="/tickets/new" component={NewTicketPage} />
          <Route path="/tickets/:id" component={TicketPage} />
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
