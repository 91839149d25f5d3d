import { createResource, For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { PageHeader } from "../../components/page-header";
import { TableScroll } from "../../components/table-scroll";
import { useI18n } from "../../i18n";
import { OperatorApi } from "../client";
import { platformCurrency } from "../currency";
import { OperatorLoaded } from "../loaded";
import { TableHead } from "../paged";

/** /operator/top-up-requests: the open top-up requests of every workspace, oldest first, each a link to answer it. */
export function OperatorTopUpRequestsPage() {
  const i18n = useI18n();
  const [data, { refetch }] = createResource(async () => {
    const [{ requests }, currency] = await Promise.all([OperatorApi.openTopUpRequests(), platformCurrency()]);
    return { requests: [...requests].sort((a, b) => a.createdAt.localeCompare(b.createdAt)), currency };
  });
  return (
    <>
      <PageHeader title={i18n.t("operator.topUpRequests.title")} subtitle={i18n.t("operator.topUpRequests.subtitle")} />
      <section class="card card--flush" aria-label={i18n.t("operator.topUpRequests.title")}>
        <OperatorLoaded data={data} onRetry={refetch} frame={(content) => <div class="card__body card__body--top">{content}</div>}>
          {(current) => (
            <Show when={current().requests.length > 0} fallback={<p class="empty empty--center" data-testid="top-up-requests-empty">{i18n.t("operator.topUpRequests.empty")}</p>}>
              <TableScroll label={i18n.t("operator.topUpRequests.title")}>
                <table class="table" data-testid="top-up-requests-table">
                  <TableHead
                    columns={[
                      { label: i18n.t("operator.topUpRequests.columns.workspace") },
                      { label: i18n.t("operator.topUpRequests.columns.requested"), kind: "nowrap" },
                      { label: i18n.t("operator.topUpRequests.columns.amount"), kind: "num" },
                      { label: i18n.t("operator.topUpRequests.columns.note") },
                      { label: i18n.t("operator.topUpRequests.columns.by") },
                      { label: i18n.t("operator.topUpRequests.columns.actions"), kind: "actions" },
                    ]}
                  />
                  <tbody>
                    <For each={current().requests}>
                      {(request) => (
                        <tr data-testid="top-up-request-row" data-workspace={request.tenantId}>
                          <td class="strong mono">{request.tenantId}</td>
                          <td class="table__nowrap">{i18n.dateTime(request.createdAt)}</td>
                          <td class="table__num" data-testid="top-up-request-amount">
                            {i18n.money(request.amountMinor, current().currency)}
                          </td>
                          <td class="muted">{request.note || i18n.t("common.none")}</td>
                          <td>{request.requestedBy}</td>
                          <td class="table__actions">
                            <A
                              href={`/operator/workspaces/${request.tenantId}?request=${encodeURIComponent(request.requestId)}`}
                              class="button button--secondary button--small"
                              aria-label={i18n.t("operator.topUpRequests.openLabel", { workspace: request.tenantId })}
                            >
                              {i18n.t("operator.topUpRequests.open")}
                            </A>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableScroll>
            </Show>
          )}
        </OperatorLoaded>
      </section>
    </>
  );
}
