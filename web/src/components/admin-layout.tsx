import { For, Suspense, type JSX } from "solid-js";
import { A } from "@solidjs/router";
import { useI18n } from "../i18n";
import { useMe } from "../session/me";
import { configures } from "../tickets/lifecycle";
import { Loading } from "./notice";

interface AdminLink {
  href: string;
  label: string;
  end?: boolean;
  /** Shown to everyone (read only for those who do not configure); otherwise to owners and admins only. */
  everyone?: boolean;
}

/**
 * The frame of every /admin page: the sections (the workspace, email, SLA) in a sidebar like the queue's, and the
 * page beside it. Staff who do not configure the workspace see only what they may read: the departments, the stop
 * list, the letters and the SLA; the other pages answer them with "admins only" if opened by address.
 */
export function AdminLayout(props: { children?: JSX.Element }) {
  const i18n = useI18n();
  const { me } = useMe();
  const groups = (): { heading: string; links: AdminLink[] }[] => [
    {
      heading: i18n.t("adminNav.workspace"),
      links: [
        { href: "/admin", label: i18n.t("adminNav.departments"), end: true, everyone: true },
        { href: "/admin/settings", label: i18n.t("adminNav.settings") },
        { href: "/admin/staff", label: i18n.t("adminNav.staff") },
        { href: "/admin/billing", label: i18n.t("adminNav.billing") },
        { href: "/admin/events", label: i18n.t("adminNav.events") },
        { href: "/admin/templates", label: i18n.t("adminNav.templates") },
      ],
    },
    {
      heading: i18n.t("adminNav.mail"),
      links: [
        { href: "/admin/mail/received", label: i18n.t("adminNav.received") },
        { href: "/admin/mail/outbox", label: i18n.t("adminNav.outbox") },
        { href: "/admin/mail/stop-list", label: i18n.t("adminNav.stopList"), everyone: true },
        { href: "/admin/mail/letters", label: i18n.t("adminNav.letters"), everyone: true },
      ],
    },
    {
      heading: i18n.t("adminNav.sla"),
      links: [
        { href: "/admin/sla/policies", label: i18n.t("adminNav.policies"), everyone: true },
        { href: "/admin/sla/calendars", label: i18n.t("adminNav.calendars"), everyone: true },
      ],
    },
  ];
  const visible = () => {
    const admin = configures(me().staff.role);
    return groups()
      .map((group) => ({ ...group, links: group.links.filter((link) => admin || link.everyone) }))
      .filter((group) => group.links.length > 0);
  };
  return (
    <div class="admin-layout">
      <nav class="queue-nav" aria-label={i18n.t("adminNav.label")} data-testid="admin-nav">
        <For each={visible()}>
          {(group) => (
            <>
              <h2 class="queue-nav__heading">{group.heading}</h2>
              <ul class="queue-nav__list">
                <For each={group.links}>
                  {(link) => (
                    <li>
                      <A href={link.href} end={Boolean(link.end)} class="queue-nav__item" activeClass="queue-nav__item--active">
                        <span class="queue-nav__label">{link.label}</span>
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </For>
      </nav>
      <div class="admin-layout__content">
        <Suspense fallback={<Loading />}>{props.children}</Suspense>
      </div>
    </div>
  );
}
