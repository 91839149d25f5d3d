import { Show, type Component, type JSX } from "solid-js";
import { A } from "@solidjs/router";
import { useI18n } from "../i18n";
import { useMe } from "../session/me";
import { configures } from "../tickets/lifecycle";

/**
 * The gate of the admin pages only owners and admins may open (settings, staff, billing, the event log, reply
 * templates): anyone else gets a page that says so, and the page behind it never loads (the API would refuse it too).
 */
export function AdminsOnly(props: { children: JSX.Element }) {
  const { me } = useMe();
  return (
    <Show when={configures(me().staff.role)} fallback={<AdminsOnlyPage />}>
      {props.children}
    </Show>
  );
}

/** A page only owners and admins may open, behind AdminsOnly. */
export function adminsOnly(Page: Component): Component {
  return () => (
    <AdminsOnly>
      <Page />
    </AdminsOnly>
  );
}

function AdminsOnlyPage() {
  const i18n = useI18n();
  return (
    <div class="empty empty--page" data-testid="admins-only">
      <h1 class="page-header__title">{i18n.t("adminsOnly.title")}</h1>
      <p class="muted">{i18n.t("adminsOnly.text")}</p>
      <A href="/tickets" class="button button--secondary">
        {i18n.t("adminsOnly.back")}
      </A>
    </div>
  );
}
