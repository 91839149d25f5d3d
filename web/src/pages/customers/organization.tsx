import { createMemo, createResource, For, Show } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { Frontline } from "../../api/client";
import type { TicketInfo } from "../../api/types";
import { Loaded } from "../../components/notice";
import { createPagedList } from "../../components/paged-list";
import { PagedBody } from "../../components/paged-body";
import { PageHeader } from "../../components/page-header";
import { useI18n } from "../../i18n";
import { TicketTable } from "./[id]";

/**
 * /organizations/:id: the organization (its domains), its tickets the reader may see (the search's organization
 * filter, the latest changed first, a page at a time), and the customers who opened them.
 */
export function OrganizationPage() {
  const i18n = useI18n();
  const params = useParams();
  const [organization, { refetch }] = createResource(() => params.id, async (id) => (await Frontline.organization(id)).organization);
  const list = createPagedList<TicketInfo>(async (cursor) => {
    const page = await Frontline.search({ organizationId: params.id, sort: "updated", cursor, limit: 25 });
    return { items: page.tickets.map((t) => t.ticket), cursor: page.cursor };
  }, i18n);
  void list.reload();
  const customers = createMemo(() => {
    const seen = new Map<string, string>();
    for (const t of list.state.items) if (!seen.has(t.requester.customerId)) seen.set(t.requester.customerId, t.requester.name);
    return [...seen].map(([customerId, name]) => ({ customerId, name }));
  });

  return (
    <Loaded data={organization} onRetry={refetch}>
      {(current) => (
        <>
          <PageHeader title={current().name} subtitle={current().domains.length ? current().domains.join(", ") : i18n.t("organizations.noDomains")} />
          <div class="customer-page">
            <section class="card" aria-labelledby="organization-customers-title" data-testid="organization-customers">
              <h2 class="card__title" id="organization-customers-title">
                {i18n.t("organizations.customers")}
              </h2>
              <p class="muted small">{i18n.t("organizations.customersHint")}</p>
              <Show when={customers().length > 0} fallback={<p class="muted">{i18n.t("organizations.noCustomers")}</p>}>
                <ul class="plain-list">
                  <For each={customers()}>
                    {(customer) => (
                      <li>
                        <A href={`/customers/${customer.customerId}`}>{customer.name}</A>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
            <section class="card card--flush" aria-labelledby="organization-tickets-title" data-testid="organization-tickets">
              <h2 class="card__title" id="organization-tickets-title">
                {i18n.t("organizations.tickets")}
              </h2>
              <PagedBody list={list} empty={i18n.t("organizations.noTickets")}>
                <TicketTable tickets={list.state.items} labelledBy="organization-tickets-title" dateOf={(t) => t.updatedAt} dateLabel={i18n.t("organizations.updated")} />
              </PagedBody>
            </section>
          </div>
        </>
      )}
    </Loaded>
  );
}
