import { createEffect, createResource, createSignal, Match, on, Show, Switch, type JSX } from "solid-js";
import { A, useIsRouting, useNavigate } from "@solidjs/router";
import { ApiError, Frontline } from "../api/client";
import type { Me } from "../api/types";
import { errorMessage } from "../forms/errors";
import { isLocale, useI18n, type Locale } from "../i18n";
import { useShortcuts } from "../keyboard/shortcuts";
import { DirectoryProvider, useDirectory } from "../session/directory";
import { MeContext } from "../session/me";
import { NotificationsProvider } from "../session/notifications";
import { focusSearchBox } from "../search/focus";
import { lastQueueHref } from "../tickets/queue-query";
import { Brand } from "./brand";
import { initials } from "./initials";
import { LocaleSwitcher } from "./locale-switcher";
import { LoadError, Loading, Notice } from "./notice";
import { NotificationBell } from "./notification-bell";
import { SearchBox } from "./search-box";
import { ShortcutsHelp, toggleShortcutsHelp } from "./shortcuts-help";
import { SkipLink } from "./skip-link";
import { keepTopbarFitted } from "./topbar-fit";
import { WorkspaceStanding } from "./workspace-standing";

/**
 * The frame of every signed-in page: loads GET /api/me once (a 401 sends the reader to the sign-in page), then
 * shows the top bar with the navigation, the workspace, the search box, the notifications, the language menu, the
 * signed-in person and Sign out; and, when the balance needs attention, where the workspace stands (suspended, in grace, running low).
 */
export function AppShell(props: { children?: JSX.Element }) {
  const i18n = useI18n();
  const navigate = useNavigate();
  const [me, { refetch }] = createResource<Me>(() => Frontline.me());
  const [signingOut, setSigningOut] = createSignal(false);
  const [signOutError, setSignOutError] = createSignal<string>();

  const signOut = async () => {
    setSigningOut(true);
    setSignOutError(undefined);
    try {
      await Frontline.logout();
    } catch (error) {
      // An already-ended session is as good as signed out; anything else means the cookie may still be valid.
      if (!(error instanceof ApiError && error.status === 401)) {
        setSignOutError(errorMessage(error, i18n));
        setSigningOut(false);
        return;
      }
    }
    navigate("/login", { replace: true });
  };

  // The console speaks the signed-in person's language, the one in their profile (the API's messages and the mail
  // they get follow it too); choosing another in the menu saves it there.
  const [profileError, setProfileError] = createSignal<string>();
  createEffect(
    on(
      () => me.latest?.staff.locale,
      (saved) => {
        if (isLocale(saved) && saved !== i18n.locale()) i18n.setLocale(saved);
      },
    ),
  );
  // Times are told in the person's time zone, the one their SLA mail uses too: their own, else the workspace's.
  createEffect(() => {
    const current = me.latest;
    if (current) i18n.setTimeZone(current.staff.timeZone ?? current.tenant.timeZone);
  });
  const chooseLocale = async (locale: Locale) => {
    const staff = me.latest?.staff;
    if (!staff || staff.locale === locale) return;
    setProfileError(undefined);
    try {
      await Frontline.updateStaff(staff.staffId, { locale });
      void refetch();
    } catch (error) {
      setProfileError(errorMessage(error, i18n));
    }
  };

  const ready = () => me.state === "ready" || me.state === "refreshing";

  return (
    <Switch fallback={<div class="page-center"><Loading /></div>}>
      <Match when={me.error}>
        <div class="page-center">
          <LoadError error={me.error} onRetry={refetch} />
        </div>
      </Match>
      <Match when={ready() && me.latest}>
        {(current) => (
          <MeContext.Provider value={{ me: current, refetch }}>
            <DirectoryProvider>
              <NotificationsProvider>
                <GlobalShortcuts />
                <FocusAfterNavigation />
                <ShortcutsHelp />
                <SkipLink label={i18n.t("app.skipToContent")} />
                <header class="topbar">
                  <div class="topbar__inner" ref={keepTopbarFitted}>
                    <A href="/workspace" class="topbar__brand" aria-label={i18n.t("app.name")}>
                      <Brand />
                    </A>
                    <span class="topbar__workspace" data-testid="workspace-name" title={current().tenant.slug}>
                      {current().tenant.name}
                    </span>
                    <nav class="topnav" aria-label={i18n.t("nav.label")}>
                      <A href="/tickets" class="topnav__link" activeClass="topnav__link--active">
                        {i18n.t("nav.tickets")}
                        <UnassignedCount />
                      </A>
                      <A href="/customers" class="topnav__link" activeClass="topnav__link--active">
                        {i18n.t("nav.customers")}
                      </A>
                      <A href="/admin" class="topnav__link" activeClass="topnav__link--active">
                        {i18n.t("nav.admin")}
                      </A>
                      <A href="/workspace" class="topnav__link" activeClass="topnav__link--active">
                        {i18n.t("nav.workspace")}
                      </A>
                    </nav>
                    <SearchBox />
                    <div class="topbar__end">
                      <NotificationBell />
                      <LocaleSwitcher onChoose={(locale) => void chooseLocale(locale)} />
                      <div
                        class="user"
                        title={i18n.t("nav.signedInAs", { name: current().staff.name, role: i18n.t(`roles.${current().staff.role}`) })}
                      >
                        <span class="user__avatar" aria-hidden="true">
                          {initials(current().staff.name)}
                        </span>
                        <span class="user__text">
                          <span class="user__name" data-testid="user-name">
                            {current().staff.name}
                          </span>
                          <span class="user__role" data-testid="user-role">
                            {i18n.t(`roles.${current().staff.role}`)}
                          </span>
                        </span>
                      </div>
                      <button type="button" class="button button--ghost button--small" onClick={signOut} disabled={signingOut()}>
                        {signingOut() ? i18n.t("nav.signingOut") : i18n.t("nav.signOut")}
                      </button>
                    </div>
                  </div>
                </header>
                <main id="main" class="main" tabindex="-1">
                  <WorkspaceStanding me={current()} />
                  <Show when={signOutError()}>
                    <Notice kind="error">{signOutError()}</Notice>
                  </Show>
                  <Show when={profileError()}>
                    <Notice kind="error" testId="profile-error">{profileError()}</Notice>
                  </Show>
                  {props.children}
                </main>
              </NotificationsProvider>
            </DirectoryProvider>
          </MeContext.Provider>
        )}
      </Match>
    </Switch>
  );
}

/** The unassigned tickets the signed-in person sees, beside "Tickets" in the nav (hidden at zero). */
function UnassignedCount() {
  const i18n = useI18n();
  const { counts } = useDirectory();
  const count = () => counts.latest?.views.unassigned ?? 0;
  return (
    <Show when={count() > 0}>
      <span class="nav-count" aria-hidden="true" data-testid="nav-unassigned">
        {count()}
      </span>
      <span class="sr-only"> ({i18n.t("nav.unassignedCount", { count: count() })})</span>
    </Show>
  );
}

/** Shortcuts that work on every page: "?" for the help, "/" for the search box, "g i" for the ticket list. */
function GlobalShortcuts() {
  const navigate = useNavigate();
  useShortcuts(() => [
    { keys: "?", run: () => toggleShortcutsHelp() },
    { keys: "/", run: () => focusSearchBox() },
    { keys: "g i", run: () => navigate(lastQueueHref()) },
  ]);
  return null;
}

/**
 * A link or button that leaves the page goes with it, and the browser leaves the focus on the document itself: a
 * screen reader tells nothing of the new page, and Tab goes on from wherever the browser guesses. Once the new page is
 * on screen, focus that was lost goes to its content (the skip link's target); focus still on a control stays there.
 */
function FocusAfterNavigation() {
  const routing = useIsRouting();
  createEffect(
    on(
      routing,
      (now) => {
        if (now || (document.activeElement && document.activeElement !== document.body)) return;
        document.getElementById("main")?.focus({ preventScroll: true });
      },
      { defer: true },
    ),
  );
  return null;
}
