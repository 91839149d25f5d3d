import { createEffect, createSignal, For, on, Show } from "solid-js";
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { Frontline } from "../../api/client";
import type { CustomerInfo } from "../../api/types";
import { createPagedList } from "../../components/paged-list";
import { PagedBody } from "../../components/paged-body";
import { PageHeader } from "../../components/page-header";
import { TableScroll } from "../../components/table-scroll";
import { TextField } from "../../components/text-field";
import { useI18n } from "../../i18n";

/**
 * /customers: the workspace's customers, the newest first, or those whose name, an email address or the phone starts
 * with what is typed (?q= in the address, so Back and a reload keep it); a page at a time.
 */
export function CustomersPage() {
  const i18n = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const query = () => (typeof params.q === "string" ? params.q : "");
  const [draft, setDraft] = createSignal(query());
  const list = createPagedList<CustomerInfo>(async (cursor) => {
    const page = await Frontline.customerPage(query(), cursor);
    return { items: page.customers, cursor: page.cursor };
  }, i18n);
  createEffect(
    on(query, (q) => {
      setDraft(q);
      void list.reload();
    }),
  );

  return (
    <>
      <PageHeader title={i18n.t("customers.title")} />
      <section class="card card--flush" aria-label={i18n.t("customers.title")} aria-busy={list.state.loading} data-testid="customers">
        <form
          class="filters"
          role="search"
          aria-label={i18n.t("customers.title")}
          onSubmit={(event) => {
            event.preventDefault();
            const q = draft().trim();
            navigate(q ? `/customers?q=${encodeURIComponent(q)}` : "/customers");
          }}
        >
          <TextField
            id="customers-q"
            compact
            label={i18n.t("customers.find")}
            placeholder={i18n.t("customers.findPlaceholder")}
            value={draft()}
            onValue={setDraft}
            maxLength={120}
            spellcheck={false}
          />
          <button type="submit" class="button button--secondary button--small">
            {i18n.t("customers.findSubmit")}
          </button>
        </form>
        <PagedBody list={list} empty={query() ? i18n.t("customers.emptyQuery", { query: query() }) : i18n.t("customers.empty")} emptyTestId="customers-empty">
          <TableScroll label={i18n.t("customers.title")}>
            <table class="table table--dense" classList={{ "is-loading": list.state.loading }} data-testid="customers-table">
              <thead>
                <tr>
                  <th scope="col">{i18n.t("customers.name")}</th>
                  <th scope="col">{i18n.t("customers.email")}</th>
                  <th scope="col">{i18n.t("customers.phone")}</th>
                  <th scope="col" class="table__nowrap">{i18n.t("customers.since")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list.state.items}>
                  {(customer) => (
                    <tr data-testid="customer-row">
                      <td>
                        <A href={`/customers/${customer.customerId}`}>{customer.name}</A>
                      </td>
                      <td>{customer.email ?? i18n.t("common.none")}</td>
                      <td>{customer.phone ?? i18n.t("common.none")}</td>
                      <td class="table__nowrap">
                        <time datetime={customer.createdAt}>{i18n.date(customer.createdAt)}</time>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        </PagedBody>
      </section>
    </>
  );
}
