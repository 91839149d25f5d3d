import { For, Suspense, type JSX } from "solid-js";
import { A } from "@solidjs/router";
import { useI18n } from "../i18n";
import { Loading } from "./notice";

/**
 * The frame of every /admin page: the sections (the workspace, email, SLA) in a sidebar like the queue's, and the
 * page beside it.
 */
export function AdminLayout(props: { children?: JSX.Element }) {
  const i18n = useI18n();
  const groups = () => [
    { heading: i18n.t("adminNav.workspace"), links: [{ href: "/admin", label: i18n.t("adminNav.organisation"), end: true }] },
    {
      heading: i18n.t("adminNav.mail"),
      links: [
        { href: "/admin/mail/received", label: i18n.t("adminNav.received") },
        { href: "/admin/mail/outbox", label: i18n.t("adminNav.outbox") },
        { href: "/admin/mail/stop-list", label: i18n.t("adminNav.stopList") },
        { href: "/admin/mail/letters", label: i18n.t("adminNav.letters") },
      ],
    },
    {
      heading: i18n.t("adminNav.sla"),
      links: [
        { href: "/admin/sla/policies", label: i18n.t("adminNav.policies") },
        { href: "/admin/sla/calendars", label: i18n.t("adminNav.calendars") },
      ],
    },
  ];
  return (
    <div class="admin-layout">
      <nav class="queue-nav" aria-label={i18n.t("adminNav.label")} data-testid="admin-nav">
        <For each={groups()}>
          {(group) => (
            <>
              <h2 class="queue-nav__heading">{group.heading}</h2>
              <ul class="queue-nav__list">
                <For each={group.links}>
                  {(link) => (
                    <li>
                      <A href={link.href} end={"end" in link} class="queue-nav__item" activeClass="queue-nav__item--active">
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
