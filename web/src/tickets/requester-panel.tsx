import { createResource, For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { Frontline } from "../api/client";
import type { TicketInfo } from "../api/types";
import { initials } from "../components/initials";
import { Loaded } from "../components/notice";
import { useI18n } from "../i18n";
import { StatusBadge } from "./badges";

/** Who asked: name, email address, phone, organization, and their other tickets (GET /api/customers/:id). */
export function RequesterPanel(props: { ticket: TicketInfo }) {
  const i18n = useI18n();
  const [data, { refetch }] = createResource(() => props.ticket.requester.customerId, (id) => Frontline.customer(id));
  const others = () => (data.latest?.tickets ?? []).filter((t) => t.ticketId !== props.ticket.ticketId);
  return (
    <section class="card requester" aria-labelledby="requester-panel-title" data-testid="requester-panel">
      <h2 class="card__title" id="requester-panel-title">
        {i18n.t("ticket.requester.title")}
      </h2>
      <div class="requester__who">
        <span class="avatar avatar--customer avatar--large" aria-hidden="true">
          {initials(props.ticket.requester.name)}
        </span>
        <A href={`/customers/${props.ticket.requester.customerId}`} class="requester__name" data-testid="requester-link">
          {props.ticket.requester.name}
        </A>
      </div>
      <Loaded data={data} onRetry={refetch}>
        {(detail) => (
          <>
            <dl class="facts facts--compact">
              <Show when={detail().customer.email}>
                {(email) => (
                  <div class="facts__row">
                    <dt>{i18n.t("ticket.requester.email")}</dt>
                    <dd>
                      <a href={`mailto:${email()}`}>{email()}</a>
                      <Show when={detail().customer.undeliverableAt}>
                        <span class="badge badge--suspended">{i18n.t("ticket.requester.undeliverable")}</span>
                      </Show>
                    </dd>
                  </div>
                )}
              </Show>
              <Show when={detail().customer.phone}>
                {(phone) => (
                  <div class="facts__row">
                    <dt>{i18n.t("ticket.requester.phone")}</dt>
                    <dd>
                      <a href={`tel:${phone().replace(/[^\d+]/g, "")}`}>{phone()}</a>
                    </dd>
                  </div>
                )}
              </Show>
              <Show when={detail().organization}>
                {(organization) => (
                  <div class="facts__row">
                    <dt>{i18n.t("ticket.requester.organization")}</dt>
                    <dd>{organization().name}</dd>
                  </div>
                )}
              </Show>
            </dl>
            <h3 class="card__subtitle">{i18n.t("ticket.requester.otherTickets")}</h3>
            <Show when={others().length > 0} fallback={<p class="muted small">{i18n.t("ticket.requester.noOtherTickets")}</p>}>
              <ul class="mini-list">
                <For each={others()}>
                  {(ticket) => (
                    <li class="mini-list__item">
                      <A href={`/tickets/${ticket.ticketId}`} class="mini-list__link" title={`#${ticket.number} ${ticket.subject}`}>
                        <span class="muted">#{ticket.number}</span> {ticket.subject}
                      </A>
                      <StatusBadge status={ticket.status} />
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Loaded>
    </section>
  );
}
