import { Navigate, Route, Router } from "@solidjs/router";
import { AppShell } from "./components/app-shell";
import { I18nProvider } from "./i18n";
import { AdminPage } from "./pages/admin";
import { LoginPage } from "./pages/login";
import { NotFoundPage } from "./pages/not-found";
import { SignupPage } from "./pages/signup";
import { QueuePage } from "./pages/tickets";
import { NewTicketPage } from "./pages/tickets/new";
import { TicketPage } from "./pages/tickets/[id]";
import { WorkspacePage } from "./pages/workspace";

/** The routes. Everything under the shell needs a session; the shell sends a signed-out reader to /login. */
export function App() {
  return (
    <I18nProvider>
      <Router>
        <Route path="/signup" component={SignupPage} />
        <Route path="/login" component={LoginPage} />
        <Route path="/" component={AppShell}>
          <Route path="/" component={() => <Navigate href="/workspace" />} />
          <Route path="/workspace" component={WorkspacePage} />
          <Route path="/tickets" component={QueuePage} />
          <Route path="/tickets/new" component={NewTicketPage} />
          <Route path="/tickets/:id" component={TicketPage} />
          <Route path="/admin" component={AdminPage} />
          <Route path="*rest" component={NotFoundPage} />
        </Route>
      </Router>
    </I18nProvider>
  );
}
