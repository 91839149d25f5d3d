import { createResource, createSignal, For, Match, Show, Suspense, Switch, type JSX } from "solid-js";
import { A, useNavigate } from "@solidjs/router";
import { Brand } from "../components/brand";
import { initials } from "../components/initials";
import { LocaleSwitcher } from "../components/locale-switcher";
import { Loading, Notice } from "../components/notice";
import { SkipLink } from "../components/skip-link";
import { errorMessage } from "../forms/errors";
import { useI18n } from "../i18n";
import { OperatorApi } from "./client";
import { OperatorLoadError, signedOut } from "./loaded";
import "./operator.css";

/** Everything under /operator, signed in or not: the console's own look, and its pages loaded when first opened. */
export function OperatorConsole(props: { children?: JSX.Element }) {
  return (
    <div class="operator">
      <Suspense
        fallback={
          <div class="page-center">
            <Loading />
          </div>
        }
      >
        {props.children}
      </Suspense>
    </div>
  );
}

/**
 * "Frontline" with the operator tag: the console's mark, on its sign-in page and in its top bar. The space between
 * them is in the text, so that the mark reads "Frontline Operator", as it shows, not "FrontlineOperator".
 */
export function OperatorBrand() {
  const i18n = useI18n();
  return (
    <span class="operator-brand">
      <Brand />{" "}
      <span class="operator-tag">{i18n.t("operator.brand")}</span>
    </span>
  );
}

/**
 * The frame of the signed-in operator pages: GET /api/operator/me first (an operator who is not signed in goes to
 * /operator/login), then the top bar with the console's sections, the operator and Sign out.
 */
export function OperatorLayout(props: { children?: JSX.Element }) {
  const i18n = useI18n();
  const navigate = useNavigate();
  const [me, { refetch }] = createResource(() => OperatorApi.me());
  const [signingOut, setSigningOut] = createSignal(false);
  const [signOutError, setSignOutError] = createSignal<string>();

  const signOut = async () => {
    setSigningOut(true);
    setSignOutError(undefined);
    try {
      await OperatorApi.logout();
    } catch (error) {
      // An ended session is as good as signed out; anything else means the cookie may still be valid.
      if (!signedOut(error)) {
        setSignOutError(errorMessage(error, i18n));
        setSigningOut(false);
        return;
      }
    }
    navigate("/operator/login", { replace: true });
  };

  const links = () => [
    { href: "/operator", label: i18n.t("operator.nav.workspaces"), end: true },
    { href: "/operator/top-up-requests", label: i18n.t("operator.nav.topUpRequests") },
    { href: "/operator/plans", label: i18n.t("operator.nav.plans") },
    { href: "/operator/events", label: i18n.t("operator.nav.events") },
    { href: "/operator/reactions", label: i18n.t("operator.nav.reactions") },
  ];

  return (
    <Switch
      fallback={
        <div class="page-center">
          <Loading />
        </div>
      }
    >
      <Match when={me.error}>
        <div class="page-center">
          <OperatorLoadError error={me.error} onRetry={refetch} />
        </div>
      </Match>
      <Match when={me.latest?.operator}>
        {(operator) => (
          <>
            <SkipLink label={i18n.t("operator.skipToContent")} />
            <header class="topbar topbar--operator" data-testid="operator-topbar">
              <div class="topbar__inner">
                <A href="/operator" class="topbar__brand">
                  <OperatorBrand />
                </A>
                <nav class="topnav" aria-label={i18n.t("operator.nav.label")}>
                  <For each={links()}>
                    {(link) => (
                      <A href={link.href} end={link.end} class="topnav__link" activeClass="topnav__link--active">
                        {link.label}
                      </A>
                    )}
                  </For>
                </nav>
                <div class="topbar__end">
                  <LocaleSwitcher id="operator-locale" />
                  <div class="user" title={i18n.t("operator.nav.signedInAs", { name: operator().name, email: operator().email })}>
                    <span class="user__avatar" aria-hidden="true">
                      {initials(operator().name)}
                    </span>
                    <span class="user__text">
                      <span class="user__name" data-testid="operator-name">
                        {operator().name}
                      </span>
                      <span class="user__role">{operator().email}</span>
                    </span>
                  </div>
                  <button type="button" class="button button--ghost button--small" onClick={() => void signOut()} disabled={signingOut()}>
                    {signingOut() ? i18n.t("operator.nav.signingOut") : i18n.t("operator.nav.signOut")}
                  </button>
                </div>
              </div>
            </header>
            <main id="main" class="main" tabindex="-1">
              <Show when={signOutError()}>
                <Notice kind="error">{signOutError()}</Notice>
              </Show>
              <Suspense fallback={<Loading />}>{props.children}</Suspense>
            </main>
          </>
        )}
      </Match>
    </Switch>
  );
}

/** A path under /operator that is no page of the console. */
export function OperatorNotFoundPage() {
  const i18n = useI18n();
  return (
    <div class="empty empty--page">
      <h1 class="page-header__title">{i18n.t("operator.notFound.title")}</h1>
      <p class="muted">{i18n.t("operator.notFound.text")}</p>
      <A href="/operator" class="button button--secondary">
        {i18n.t("operator.notFound.back")}
      </A>
    </div>
  );
}
